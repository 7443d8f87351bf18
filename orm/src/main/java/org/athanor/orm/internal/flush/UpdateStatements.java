package org.athanor.orm.internal.flush;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Sql;
import org.athanor.core.sql.Update;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.Values;

/**
 * The UPDATE statements a flush writes changed rows with, one per entity, table and set of changed
 * columns, built once per session factory: {@code UPDATE t SET c = :v<i>, ... WHERE k = :k<j>}, bound
 * per row by name. A flush of one changed object otherwise built the statement, its parameters and
 * their names anew at every commit. Statements are immutable, so sessions of all threads share them;
 * the map is cleared past {@value #MAX} shapes (an entity with many columns changed in many
 * combinations), which only means building them again. The INSERT shapes of the entities' base tables are kept
 * here too ({@link #insertShape}).
 */
public final class UpdateStatements {
    private static final int MAX = 1024;
    private final ConcurrentHashMap<Key, Built> built = new ConcurrentHashMap<>();

    /**
     * An UPDATE with the names its SET values ({@code v<attribute index>}) and key values ({@code k<j>}) are bound by,
     * and all of them in that order ({@code names}: a row's {@link NamedValues}).
     */
    record Built(Update statement, String[] valueNames, String[] keyNames, String[] names) {
        Built(Update statement, String[] valueNames, String[] keyNames) {
            this(statement, valueNames, keyNames, concat(valueNames, keyNames));
        }

        private static String[] concat(String[] a, String[] b) {
            String[] all = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }

    /** The statement setting attributes {@code changed} of {@code info}'s rows in {@code table}. */
    Built of(Mapper info, Table table, int[] changed) {
        Key key = new Key(info, table, changed);
        Built b = built.get(key);
        if (b != null) return b;
        b = build(info, table, changed);
        if (built.size() >= MAX) built.clear();
        built.put(new Key(info, table, changed.clone()), b);
        return b;
    }

    private final ConcurrentHashMap<Mapper, InsertShape> insertShapes = new ConcurrentHashMap<>();

    /** The base-table INSERT of {@code info}'s new rows ({@link InsertShape}): one per entity, kept with the UPDATEs. */
    InsertShape insertShape(Mapper info) {
        InsertShape shape = insertShapes.get(info);
        if (shape != null) return shape;
        shape = InsertShape.of(info);
        InsertShape raced = insertShapes.putIfAbsent(info, shape);
        return raced != null ? raced : shape;
    }

    /** How many statements are kept (for tests and diagnostics). */
    public int size() { return built.size(); }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Built build(Mapper info, Table table, int[] changed) {
        Update u = Sql.update(table);
        String[] values = new String[changed.length];
        for (int n = 0; n < changed.length; n++) {
            int i = changed[n];
            Column c = info.attrs[i].column();
            values[n] = "v" + i;
            u = Values.setExpression(u, c, Sql.bindParam(values[n], c.type()));
        }
        Column<?>[] keys = JoinedTables.keyColumns(info, table);
        String[] keyNames = new String[keys.length];
        for (int k = 0; k < keys.length; k++) {
            Column c = keys[k];
            keyNames[k] = "k" + k;
            u = u.where(c.eq((Expression) Sql.bindParam(keyNames[k], c.type())));
        }
        return new Built(u, values, keyNames);
    }

    /** Entity and table by identity, the changed attribute indexes by value. */
    private record Key(Mapper info, Table table, int[] changed) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.info == info && k.table == table && Arrays.equals(k.changed, changed);
        }

        @Override
        public int hashCode() { return 31 * (31 * System.identityHashCode(info) + System.identityHashCode(table)) + Arrays.hashCode(changed); }
    }
}
