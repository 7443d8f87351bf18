package org.athanor.orm.internal.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.athanor.core.compile.DialectFeatures;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;
import org.athanor.core.sql.Sql;

/**
 * Conditions over a key of one or several columns: a reference's foreign key columns, a target's key columns.
 * A key value is what {@link Mapper#refKey} gives: the value itself for one column, the list of the columns'
 * values (in column order) for several. Several columns compare as row values ({@code (a, b) IN ((1, 2), (3, 4))}),
 * which PostgreSQL, MariaDB and SQLite (3.15 and later; the bundled driver is 3.5x) all evaluate.
 */
public final class KeyConditions {
    private KeyConditions() {}

    /** WHERE {@code info}'s primary key = {@code key}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Expression<Boolean> pkEquals(Mapper info, IdKey key) {
        int[] idIdx = info.idIdx;
        if (idIdx.length == 1) return ((Column) info.attrs[idIdx[0]].column()).eq(key.value(0));
        List<Expression<Boolean>> parts = new ArrayList<>(idIdx.length);
        for (int i = 0; i < idIdx.length; i++) parts.add(((Column) info.attrs[idIdx[i]].column()).eq(key.value(i)));
        return Sql.and(parts);
    }

    /** {@code info}'s load statement for the one row with primary key {@code key} (get, merge, refresh). */
    public static Select<Row> byKey(Mapper info, IdKey key) { return info.selectAll.where(pkEquals(info, key)); }

    /** {@code columns = key}, column by column. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Expression<Boolean> eq(List<? extends Expression<?>> columns, Object key) {
        if (columns.size() == 1) return ((Expression) columns.get(0)).eq(key);
        List<Expression<Boolean>> parts = new ArrayList<>(columns.size());
        List<?> values = (List<?>) key;
        for (int j = 0; j < columns.size(); j++) parts.add(((Expression) columns.get(j)).eq(values.get(j)));
        return Sql.and(parts);
    }

    /**
     * {@code columns IN (keys)}. One column: {@code column = ANY(?)} with the keys bound as one array where the dialect
     * has that form for the column's type ({@code DialectFeatures.supportsAnyArray()}: PostgreSQL's numbers, strings,
     * UUIDs), so every chunk of keys shares one statement text and cache key; else a plain IN list. Several columns: a
     * row-value IN list where the database evaluates row values ({@code supportsTupleIn()}), else
     * {@code (a = ? AND b = ?) OR (a = ? AND b = ?) ...}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Expression<Boolean> in(List<? extends Expression<?>> columns, List<?> keys, Dialect dialect) {
        DialectFeatures features = dialect.features();
        if (columns.size() == 1) {
            Expression column = columns.get(0);
            return asArray(columns, dialect) ? column.inArray(keys) : column.in(keys);
        }
        if (!features.supportsTupleIn()) {
            List<Expression<Boolean>> any = new ArrayList<>(keys.size());
            for (Object key : keys) any.add(eq(columns, key));
            return Sql.or(any);
        }
        Expression<?>[] row = columns.toArray(Expression<?>[]::new);
        List<Object> values = new ArrayList<>(keys.size());
        for (Object key : keys) {
            List<?> parts = (List<?>) key;
            Expression<?>[] value = new Expression<?>[row.length];
            for (int j = 0; j < row.length; j++) value[j] = ((Expression) row[j]).bind(parts.get(j));
            values.add(Sql.tuple(value));
        }
        return Sql.tuple(row).in(values);
    }

    /** {@code local = remote}, column by column: the ON condition of a foreign key of one or several columns. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Expression<Boolean> join(List<? extends Expression<?>> local, List<? extends Expression<?>> remote) {
        if (local.size() != remote.size())
            throw new IllegalArgumentException("a join of " + local.size() + " columns with " + remote.size() + " columns");
        if (local.size() == 1) return ((Expression) local.get(0)).eq((Expression) remote.get(0));
        List<Expression<Boolean>> parts = new ArrayList<>(local.size());
        for (int j = 0; j < local.size(); j++) parts.add(((Expression) local.get(j)).eq((Expression) remote.get(j)));
        return Sql.and(parts);
    }

    /** An identity as a key value: its one value, or the list of its values. */
    public static Object of(IdKey key) {
        if (key.size() == 1) return key.value(0);
        Object[] parts = new Object[key.size()];
        for (int j = 0; j < parts.length; j++) parts[j] = key.value(j);
        return Arrays.asList(parts);
    }

    /**
     * The key of {@code width} columns held in {@code values} from {@code from} on: the value itself for one
     * column, else the list of the values; null when one is NULL, {@link Mapper#UNASSIGNED_KEY} when one is that.
     */
    static Object read(Object[] values, int from, int width) {
        if (width == 1) return values[from];
        Object[] parts = new Object[width];
        for (int j = 0; j < width; j++) {
            Object v = values[from + j];
            if (v == null || v == Mapper.UNASSIGNED_KEY) return v;
            parts[j] = v;
        }
        return Arrays.asList(parts);
    }

    /** Writes {@code key} (a {@link #read} value, or null) into {@code values} from {@code from} on. */
    static void write(Object[] values, int from, int width, Object key) {
        if (width == 1) values[from] = key;
        else for (int j = 0; j < width; j++)
            values[from + j] = key == null || key == Mapper.UNASSIGNED_KEY ? key : ((List<?>) key).get(j);
    }

    /** How many keys of {@code width} columns go in one IN list: {@code chunk} bound values at most. */
    public static int keysPerChunk(int chunk, int width) { return Math.max(1, chunk / width); }

    /** Whether {@link #in} binds the keys as one array parameter ({@code column = ANY(?)}): no bind limit applies. */
    public static boolean asArray(List<? extends Expression<?>> columns, Dialect dialect) {
        return columns.size() == 1 && dialect.features().supportsAnyArray() && dialect.arrayElementName(columns.get(0).type()) != null;
    }

    /**
     * {@code keys} split into the batches one {@link #in} statement each takes: all of them at once where they are bound
     * as one array ({@link #asArray}; one statement, one round trip and one plan however many keys), else
     * {@link #keysPerChunk chunks} of {@code chunk} bind parameters, under every database's bind limit.
     */
    public static <K> List<List<K>> batches(List<K> keys, List<? extends Expression<?>> columns, Dialect dialect, int chunk) {
        if (keys.isEmpty()) return List.of();
        if (asArray(columns, dialect)) return List.of(keys);
        int per = keysPerChunk(chunk, columns.size());
        List<List<K>> out = new ArrayList<>(keys.size() / per + 1);
        for (int from = 0; from < keys.size(); from += per) out.add(keys.subList(from, Math.min(keys.size(), from + per)));
        return out;
    }
}
