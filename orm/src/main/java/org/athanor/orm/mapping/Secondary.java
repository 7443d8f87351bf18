package org.athanor.orm.mapping;

import java.util.List;
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
 * Secondary s = ClassMapping.of(Student.class).toMany("courses").secondary();
 * s.table();    // student_course
 * s.locals();   // [student_course.student_id]
 * s.remotes();  // [student_course.course_id]
 * }</pre>
 */
public final class Secondary {
    private final Table table;
    private final List<Column<Object>> locals;
    private final List<Column<Object>> remotes;
    private final boolean owning;
    private final boolean values;
    private final Column<Object> position;
    /** A {@code @OneToMany @JoinColumn}: the element's own table, {@link #local()} its key column (see {@link #inElementTable()}). */
    private final boolean inElementTable;
    /** For {@link #inElementTable()}: cascade REMOVE, so a deleted owner's elements are deleted, not unlinked first. */
    private final boolean deletesElements;

    Secondary(Table table, List<Column<Object>> locals, List<Column<Object>> remotes, boolean owning) {
        this(table, locals, remotes, owning, false, null);
    }

    Secondary(Table table, List<Column<Object>> locals, List<Column<Object>> remotes, boolean owning, boolean values,
              Column<Object> position) {
        this(table, locals, remotes, owning, values, position, false, false);
    }

    private Secondary(Table table, List<Column<Object>> locals, List<Column<Object>> remotes, boolean owning, boolean values,
                      Column<Object> position, boolean inElementTable, boolean deletesElements) {
        this.inElementTable = inElementTable;
        this.deletesElements = deletesElements;
        this.values = values;
        this.position = position;
        this.table = table;
        this.locals = List.copyOf(locals);
        this.remotes = List.copyOf(remotes);
        this.owning = owning;
    }

    /** The join table. */
    public Table table() { return table; }
    /**
     * The columns holding the collection owner's key, in the owner's key order: one, or one per key column of a
     * composite key ({@code @IdClass} / {@code @EmbeddedId}).
     */
    public List<Column<Object>> locals() { return locals; }
    /** The columns holding the element's key, in the element's key order (an element collection: the one value column). */
    public List<Column<Object>> remotes() { return remotes; }
    /** The column holding the collection owner's key; for an owner with a composite key, see {@link #locals()}. */
    public Column<Object> local() { return single(locals, "locals()"); }
    /** The column holding the element's key (or an element collection's values); for a composite key, see {@link #remotes()}. */
    public Column<Object> remote() { return single(remotes, "remotes()"); }

    private Column<Object> single(List<Column<Object>> columns, String method) {
        if (columns.size() != 1)
            throw new IllegalStateException(table.name() + " holds a composite key in the columns " + columns.stream()
                    .map(Column::name).toList() + "; read them with " + method);
        return columns.get(0);
    }

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
        return new Secondary(elementTable, List.of(keyColumn), List.of(elementId), true, false, null, true, deletesElements);
    }

    /** True for a {@code @OneToMany @JoinColumn}'s key column in the element's table (see {@link #inElementTable(Table, Column, Column, boolean)}). */
    public boolean inElementTable() { return inElementTable; }

    /** For {@link #inElementTable()}: the collection has cascade REMOVE, so a deleted owner's elements are deleted with it. */
    public boolean deletesElements() { return deletesElements; }

    /** The same table seen from the other side. */
    public Secondary flipped() { return new Secondary(table, remotes, locals, !owning, false, null, inElementTable, deletesElements); }

    @Override public boolean equals(Object o) {
        return o instanceof Secondary s && s.table == table && s.locals.get(0) == locals.get(0) && s.remotes.get(0) == remotes.get(0);
    }
    @Override public int hashCode() { return System.identityHashCode(table) * 31 + System.identityHashCode(locals.get(0)); }

    @Override public String toString() {
        return table.name() + "(" + names(locals) + " -> " + names(remotes) + ")";
    }

    private static String names(List<Column<Object>> columns) {
        return columns.size() == 1 ? columns.get(0).name() : columns.stream().map(Column::name).toList().toString();
    }
}
