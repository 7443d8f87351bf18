package org.athanor.orm.internal.loading;

import java.util.List;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.FromItem;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;

/**
 * The ORM compile stage (SQLAlchemy's ORM compile state): a query's criteria (the Core SELECT the user
 * built through Query: the entity's columns, then WHERE, ORDER BY, joins, limits) become the statement
 * that runs plus the row layout the hydrator reads. Today one entity is loaded, from the first columns;
 * joined loaders and polymorphic loads will append their columns and record them here as further
 * {@link EntityColumns}, so the Session and the hydrator need no change for them.
 */
public final class OrmCompiler {
    private OrmCompiler() {}

    /**
     * What is loaded: an entity's table and the number of columns its SELECT reads for it (attribute order).
     * When attributes share a column (a {@code @MapsId} reference's key is its {@code @EmbeddedId} component's
     * column), the column is read once: {@code sharedWith[i]} is then the attribute whose value attribute
     * {@code i} takes, or -1 for an attribute read from the row.
     */
    public static final class Target {
        private final Table table;
        private final int columnCount;
        private final int[] sharedWith;
        /** The layout of a plain load of this target, made once: compile() runs for every get and query. */
        private final List<EntityColumns> alone;

        public Target(Table table, int columnCount) { this(table, columnCount, null); }

        /** {@code sharedWith}: per attribute, the attribute it takes its value from, or -1; null when no column is shared. */
        public Target(Table table, int columnCount, int[] sharedWith) {
            this.table = table;
            this.columnCount = columnCount;
            this.sharedWith = sharedWith == null ? null : sharedWith.clone();
            this.alone = List.of(new EntityColumns(this, 0));
        }

        public Table table() { return table; }
        /** The columns a row holds for this target (each shared column once). */
        public int columnCount() { return columnCount; }
        /** The values the hydrator gets per row: one per attribute. */
        public int attributeCount() { return sharedWith == null ? columnCount : sharedWith.length; }
        /** Per attribute, the attribute whose value it takes (its column is not read again), or -1; null when none is shared. */
        int[] sharedWith() { return sharedWith; }
        @Override public String toString() { return table.name() + "(" + columnCount + " columns)"; }
    }

    /** Where a target's columns sit in each row: from {@code offset} (0-based), {@code target.columnCount()} of them. */
    public record EntityColumns(Target target, int offset) {}

    /**
     * The statement to run and its row layout. {@code distinctKeys}: no two rows can carry the same
     * primary key of the (first) entity, because the statement reads only that entity's table; the
     * hydrator then need not look rows up in the identity map when the session holds no object.
     */
    public record Compiled(Select<Row> statement, List<EntityColumns> entities, boolean distinctKeys) {
        /** The first (for now, the only) loaded entity's columns. */
        public EntityColumns primary() { return entities.get(0); }
    }

    /**
     * Compiles {@code criteria}, whose first {@code target.columnCount()} columns are the target's in
     * attribute order (Query and Session build it from the mapper's SELECT of the entity).
     */
    public static Compiled compile(Target target, Select<Row> criteria) {
        if (criteria.columns().size() < target.columnCount())
            throw new IllegalArgumentException("a query of " + target.table().name() + " must select its " + target.columnCount()
                    + " mapped columns first; it selects " + criteria.columns().size());
        List<FromItem> from = criteria.from();
        boolean distinctKeys = from.isEmpty() || from.size() == 1 && from.get(0) == target.table();
        return new Compiled(criteria, target.alone, distinctKeys);
    }
}
