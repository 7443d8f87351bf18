package org.athanor.orm.mapping;

import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/**
 * The secondary (join) table of a {@code @ManyToMany} (SQLAlchemy's {@code secondary}), or the collection
 * table of an {@code @ElementCollection} ({@link #values()}: {@link #remote()} holds the values), seen from one
 * side: {@link #local()} holds the key of the entity whose collection this is, {@link #remote()} the
 * key of its elements. The owning side's {@code @JoinTable} defines the table (part of the mapped Core
 * metadata: both columns its composite primary key, each a FOREIGN KEY to its entity's key); the inverse
 * side ({@code mappedBy}) sees the same table {@link #flipped()}.
 *
 * <pre>{@code
 * Secondary s = EntityMapping.of(Student.class).toMany("courses").secondary();
 * s.table();    // student_course
 * s.local();    // student_course.student_id
 * s.remote();   // student_course.course_id
 * }</pre>
 */
public final class Secondary {
    private final Table table;
    private final Column<Object> local;
    private final Column<Object> remote;
    private final boolean owning;
    private final boolean values;
    private final Column<Object> position;
    /** A {@code @OneToMany @JoinColumn}: the element's own table, {@link #local()} its key column (see {@link #inElementTable()}). */
    private final boolean inElementTable;
    /** For {@link #inElementTable()}: cascade REMOVE, so a deleted owner's elements are deleted, not unlinked first. */
    private final boolean deletesElements;

    Secondary(Table table, Column<Object> local, Column<Object> remote, boolean owning) {
        this(table, local, remote, owning, false);
    }

    Secondary(Table table, Column<Object> local, Column<Object> remote, boolean owning, boolean values) {
        this(table, local, remote, owning, values, null);
    }

    Secondary(Table table, Column<Object> local, Column<Object> remote, boolean owning, boolean values, Column<Object> position) {
        this(table, local, remote, owning, values, position, false, false);
    }

    private Secondary(Table table, Column<Object> local, Column<Object> remote, boolean owning, boolean values, Column<Object> position,
                      boolean inElementTable, boolean deletesElements) {
        this.inElementTable = inElementTable;
        this.deletesElements = deletesElements;
        this.values = values;
        this.position = position;
        this.table = table;
        this.local = local;
        this.remote = remote;
        this.owning = owning;
    }

    /** The join table. */
    public Table table() { return table; }
    /** The column holding the collection owner's key. */
    public Column<Object> local() { return local; }
    /** The column holding the element's key. */
    public Column<Object> remote() { return remote; }
    /** Whether this is the owning side's view (the side with {@code @JoinTable}, whose changes are written). */
    public boolean owning() { return owning; }
    /**
     * True for the collection table of an {@code @ElementCollection}: {@link #remote()} holds the values themselves
     * (compared by {@code equals}), not the key of an entity.
     */
    public boolean values() { return values; }
    /**
     * An element collection List's {@code @OrderColumn}: each value's position (0, 1, ...), part of the primary key
     * with the owner's key; null when the collection keeps no position.
     */
    public Column<Object> position() { return position; }
    /**
     * The "secondary table" of a unidirectional {@code @OneToMany @JoinColumn}: the element's own table, whose key column
     * ({@link #local()}, added to the element's mapped table by the owner's mapping) holds the owner's key, and
     * {@link #remote()} is the element's primary key column. A pair (owner, element) is then not a row of its own but
     * the element row's key column: linking it is {@code UPDATE element SET local = owner WHERE remote = element}.
     */
    static Secondary inElementTable(Table elementTable, Column<Object> keyColumn, Column<Object> elementId, boolean deletesElements) {
        return new Secondary(elementTable, keyColumn, elementId, true, false, null, true, deletesElements);
    }

    /** True for a {@code @OneToMany @JoinColumn}'s key column in the element's table (see {@link #inElementTable(Table, Column, Column, boolean)}). */
    public boolean inElementTable() { return inElementTable; }

    /** For {@link #inElementTable()}: the collection has cascade REMOVE, so a deleted owner's elements are deleted with it. */
    public boolean deletesElements() { return deletesElements; }

    /** The same table seen from the other side. */
    public Secondary flipped() { return new Secondary(table, remote, local, !owning, false, null, inElementTable, deletesElements); }

    @Override public boolean equals(Object o) {
        return o instanceof Secondary s && s.table == table && s.local == local && s.remote == remote;
    }
    @Override public int hashCode() { return System.identityHashCode(table) * 31 + System.identityHashCode(local); }

    @Override public String toString() { return table.name() + "(" + local.name() + " -> " + remote.name() + ")"; }
}
