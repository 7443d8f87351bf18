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

    Secondary(Table table, Column<Object> local, Column<Object> remote, boolean owning) {
        this(table, local, remote, owning, false);
    }

    Secondary(Table table, Column<Object> local, Column<Object> remote, boolean owning, boolean values) {
        this(table, local, remote, owning, values, null);
    }

    Secondary(Table table, Column<Object> local, Column<Object> remote, boolean owning, boolean values, Column<Object> position) {
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
    /** The same table seen from the other side. */
    public Secondary flipped() { return new Secondary(table, remote, local, !owning); }

    @Override public boolean equals(Object o) {
        return o instanceof Secondary s && s.table == table && s.local == local && s.remote == remote;
    }
    @Override public int hashCode() { return System.identityHashCode(table) * 31 + System.identityHashCode(local); }

    @Override public String toString() { return table.name() + "(" + local.name() + " -> " + remote.name() + ")"; }
}
