package org.athanor.core.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Label;
import org.athanor.core.sql.OrderItem;
import org.athanor.core.sql.Param;
import org.athanor.core.sql.Query;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;

/**
 * How one query's rows from several shards become one result, as if one database held them all.
 *
 * <ul>
 * <li>Each shard runs the query with every ORDER BY term's NULL placement made explicit (NULLs
 *     sort as the largest value, PostgreSQL's default: {@code NULLS LAST} ascending, {@code NULLS FIRST}
 *     descending, unless the term says otherwise), with {@code LIMIT limit + offset} and no OFFSET.</li>
 * <li>The shards' rows are put together and sorted again by the same terms (a stable sort: rows that
 *     compare equal keep shard order), then OFFSET and LIMIT are applied once.</li>
 * <li>Without ORDER BY the rows come shard after shard, in the order the shards were asked.</li>
 * </ul>
 * Compared in Java: each ORDER BY term must be one of the selected columns (or the expression of a
 * selected label); values compare by their natural order ({@link Comparable}), strings by
 * {@link String#compareTo} (code units, as a binary "C" collation; a database ordering by a
 * language collation may pick different top rows per shard than Java then merges). Not merged:
 * GROUP BY groups (each shard's groups come as they are), DISTINCT (per shard), aggregates (use
 * {@link ShardSet#sumAll} for COUNT and integer SUM), LIMIT/OFFSET given as expressions other
 * than numbers, FETCH FIRST ... WITH TIES, and set operations (UNION of selects): those are refused.
 */
public final class ShardMerge<R> {
    /** Reads the value an ORDER BY term sorts by from one result row. */
    @FunctionalInterface
    public interface SortKey<R> {
        Object value(R row, int term);
    }

    private final Query<R> perShard;
    private final Comparator<R> order; // null: no ORDER BY
    private final long limit; // -1: none
    private final long offset;

    private ShardMerge(Query<R> perShard, Comparator<R> order, long limit, long offset) {
        this.perShard = perShard;
        this.order = order;
        this.limit = limit;
        this.offset = offset;
    }

    /** The merge of a Core query whose rows are tuples or {@link Row}s. */
    public static <R> ShardMerge<R> of(Query<R> query) {
        Objects.requireNonNull(query, "query");
        if (!(query instanceof Select<R> s)) {
            return new ShardMerge<>(query, null, -1, 0); // a compound or WITH query: rows concatenated, nothing to re-apply
        }
        if (s.fetchFirst() != null)
            throw new IllegalArgumentException("FETCH FIRST cannot be merged across shards; use limit(n): " + s);
        long limit = number(s.limit(), "LIMIT", s);
        long offset = Math.max(0, number(s.offset(), "OFFSET", s));
        List<OrderItem> items = explicitNulls(s.orderBy());
        int[] positions = new int[items.size()];
        for (int i = 0; i < items.size(); i++) positions[i] = positionOf(items.get(i).expression(), s);
        Select<R> shard = s.withOrderBy(items).withoutLimitOffset();
        if (limit >= 0) shard = shard.limit(Math.addExact(limit, offset));
        Comparator<R> cmp = items.isEmpty() ? null : comparator(items, (row, term) -> valueAt(row, positions[term]));
        return new ShardMerge<>(shard, cmp, limit, offset);
    }

    /** The query each shard runs. */
    public Query<R> perShard() { return perShard; }

    /** The shards' rows (in shard order) as one result. */
    public List<R> merge(List<List<R>> parts) { return merge(parts, order, limit, offset); }

    /**
     * The general merge, for callers with their own rows (the ORM's entities): concatenated in shard
     * order, sorted by {@code order} when given, then {@code offset} rows skipped and at most
     * {@code limit} (-1: all) kept.
     */
    public static <R> List<R> merge(List<List<R>> parts, Comparator<R> order, long limit, long offset) {
        List<R> all = new ArrayList<>();
        for (List<R> p : parts) all.addAll(p);
        if (order != null) all.sort(order);
        int from = (int) Math.min(all.size(), offset);
        int to = limit < 0 ? all.size() : (int) Math.min(all.size(), from + limit);
        return new ArrayList<>(all.subList(from, to));
    }

    /** The terms with their NULL placement made explicit: what each shard is asked to sort by. */
    public static List<OrderItem> explicitNulls(List<OrderItem> items) {
        List<OrderItem> out = new ArrayList<>(items.size());
        for (OrderItem o : items) {
            if (o.nulls() != OrderItem.Nulls.DEFAULT) out.add(o);
            else out.add(o.descending() ? o.nullsFirst() : o.nullsLast());
        }
        return out;
    }

    /** Orders rows as {@code items} (with explicit NULL placement, see {@link #explicitNulls}) say, reading values with {@code key}. */
    public static <R> Comparator<R> comparator(List<OrderItem> items, SortKey<R> key) {
        List<OrderItem> terms = explicitNulls(items);
        return (a, b) -> {
            for (int t = 0; t < terms.size(); t++) {
                OrderItem o = terms.get(t);
                Object x = key.value(a, t);
                Object y = key.value(b, t);
                if (x == null || y == null) {
                    if (x == y) continue;
                    // NULL placement is absolute: it does not flip with DESC
                    return (x == null) == (o.nulls() == OrderItem.Nulls.FIRST) ? -1 : 1;
                }
                int c = compare(x, y, o);
                if (o.descending()) c = -c;
                if (c != 0) return c;
            }
            return 0;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object x, Object y, OrderItem o) {
        if (x instanceof Comparable cx && x.getClass() == y.getClass()) return cx.compareTo(y);
        if (x instanceof Number nx && y instanceof Number ny) return new java.math.BigDecimal(nx.toString()).compareTo(new java.math.BigDecimal(ny.toString()));
        throw new IllegalArgumentException("cannot merge shards ordered by " + o.expression() + ": its values " + x.getClass().getName()
                + " and " + y.getClass().getName() + " do not compare in Java; order by a column of a comparable type");
    }

    private static long number(Expression<?> e, String what, Select<?> s) {
        if (e == null) return -1;
        if (e instanceof Param<?> p && p.name() == null && p.value() instanceof Number n) return n.longValue();
        throw new IllegalArgumentException(what + " " + e + " is not a plain number: a merge across shards applies " + what
                + " itself and needs its value; give it as " + what.toLowerCase(java.util.Locale.ROOT) + "(n): " + s);
    }

    private static int positionOf(Expression<?> e, Select<?> s) {
        List<Expression<?>> cols = s.columns();
        for (int i = 0; i < cols.size(); i++) if (cols.get(i).equals(e)) return i;
        for (int i = 0; i < cols.size(); i++)
            if (cols.get(i) instanceof Label<?> l && (l.expression().equals(e) || e instanceof Label<?> el && el.name().equals(l.name()))) return i;
        throw new IllegalArgumentException("ORDER BY " + e + " is not among the selected columns " + cols
                + ": a merge across shards sorts the rows it got back, so select it too");
    }

    private static Object valueAt(Object row, int i) {
        if (row instanceof Row r) return r.get(i);
        if (row instanceof io.vavr.Tuple t) return t.toSeq().get(i);
        throw new IllegalArgumentException("cannot read column " + i + " of a " + row.getClass().getName() + " row to merge shards");
    }
}
