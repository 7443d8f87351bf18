package org.athanor.differential;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Query;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;

/**
 * Random well-typed queries over {@link DifferentialProperties}' two tables, from a seed (so a
 * failing case is reproduced from its seed and depth).
 *
 * <p>What is never generated, because the three databases document different semantics for it
 * (the exclusions of docs/reliability-properties.md):
 * <ul>
 * <li>division ({@code /}): integer division on PostgreSQL and SQLite, a DECIMAL on MariaDB; and
 *     division or modulo by zero (an error on PostgreSQL, NULL on the others); modulo only by a
 *     positive literal;</li>
 * <li>AVG, and any float arithmetic (formatting and rounding of inexact results differ);</li>
 * <li>integer overflow (an error on PostgreSQL's int4, a wider result on the others): values stay
 *     far below 2^31, multiplication only of leaves;</li>
 * <li>string collation and case folding beyond ASCII: the data are ASCII, and every database
 *     compares it in binary order here (PostgreSQL's test database is C.UTF-8, Athanor creates
 *     MariaDB columns utf8mb4_nopad_bin and sets SQLite's case_sensitive_like);</li>
 * <li>the order of rows without ORDER BY and of ties: results are compared as multisets;</li>
 * <li>INTERSECT ALL / EXCEPT ALL (not in SQLite), FULL JOIN (not in MariaDB);</li>
 * <li>window ORDER BY over nullable or tied values (NULLs sort first on SQLite and MariaDB, last
 *     on PostgreSQL; ties in any order): windows are ordered by the unique id;</li>
 * <li>a bare column beside an aggregate without GROUP BY (an error on PostgreSQL, any row's value
 *     on SQLite and MariaDB); GROUP BY an expression holding bind parameters (PostgreSQL matches
 *     it to the select list by text, and $1 is not $5): groups are plain columns.</li>
 * </ul>
 */
final class QueryGenerator {
    static final List<String> WORDS = List.of("apple", "Apple", "banana", "", "a b", "zeta", "Zed", "ab", "b_c", "a%", " pad ");
    private static final List<String> PATTERNS = List.of("a%", "%a%", "_b%", "%e", "A%", "%", "b\\_c", "%\\%", "__");

    private final Random r;
    private final int depth;
    private final DifferentialProperties.One one;
    private final DifferentialProperties.Two two;

    QueryGenerator(long seed, int depth, DifferentialProperties.One one, DifferentialProperties.Two two) {
        this.r = new Random(seed);
        this.depth = depth;
        this.one = one;
        this.two = two;
    }

    /**
     * The columns an expression may read: one table's, or both when joined. {@code correlate}: the
     * query reads table one alone, so a subquery over table two may refer to it (a correlated
     * subquery; with both tables in the outer FROM, table two would be correlated too).
     */
    private record Scope(List<Column<Integer>> ints, List<Column<String>> strings, boolean correlate) {}

    private Scope scopeOne() { return new Scope(List.of(one.A, one.B, one.K), List.of(one.S), true); }

    private Scope scopeBoth() { return new Scope(List.of(one.A, one.B, one.K, two.K, two.C), List.of(one.S, two.T), false); }

    private Scope scopeTwo() { return new Scope(List.of(two.K, two.C), List.of(two.T), false); }

    private <T> T pick(List<T> xs) { return xs.get(r.nextInt(xs.size())); }

    private int smallInt() { return r.nextInt(21) - 10; }

    // ---- expressions -------------------------------------------------------------------------------

    Expression<Integer> intExpr(Scope s, int d) {
        if (d <= 0 || r.nextInt(3) == 0) return intLeaf(s);
        return switch (r.nextInt(11)) {
            case 0 -> intExpr(s, d - 1).plus(intExpr(s, d - 1));
            case 1 -> intExpr(s, d - 1).minus(intExpr(s, d - 1));
            case 2 -> intLeaf(s).times(intLeaf(s)); // leaves only: no overflow
            case 3 -> intExpr(s, d - 1).neg();
            case 4 -> abs(intExpr(s, d - 1));
            case 5 -> coalesce(intExpr(s, d - 1), intExpr(s, d - 1));
            case 6 -> nullif(intExpr(s, d - 1), intExpr(s, d - 1));
            case 7 -> caseWhen(predicate(s, d - 1), intExpr(s, d - 1)).otherwise(intExpr(s, d - 1));
            case 8 -> length(stringExpr(s, d - 1));
            case 9 -> s.correlate() && r.nextBoolean()
                    // a correlated scalar subquery: NULL where no row of two has the key
                    ? select(r.nextBoolean() ? max(two.C) : min(two.C)).from(two).where(two.K.eq(one.K)).<Integer>scalarSubquery()
                    : intLeaf(s).mod(1 + r.nextInt(7)); // a positive literal divisor: same sign rules everywhere
            default -> caseWhen(predicate(s, d - 1), intExpr(s, d - 1)); // no ELSE: NULL
        };
    }

    private Expression<Integer> intLeaf(Scope s) {
        return r.nextInt(3) == 0 ? param(smallInt(), INTEGER) : pick(s.ints());
    }

    Expression<String> stringExpr(Scope s, int d) {
        if (d <= 0 || r.nextInt(3) == 0) return r.nextInt(4) == 0 ? param(pick(WORDS), TEXT) : pick(s.strings());
        return switch (r.nextInt(7)) {
            case 0 -> upper(stringExpr(s, d - 1));
            case 1 -> lower(stringExpr(s, d - 1));
            case 2 -> stringExpr(s, d - 1).concat(stringExpr(s, d - 1));
            case 3 -> substring(stringExpr(s, d - 1), 1 + r.nextInt(3), r.nextInt(4));
            case 4 -> replace(stringExpr(s, d - 1), "a", "xy");
            case 5 -> coalesce(stringExpr(s, d - 1), stringExpr(s, d - 1));
            default -> trim(stringExpr(s, d - 1));
        };
    }

    Expression<Boolean> predicate(Scope s, int d) {
        if (d <= 0 || r.nextInt(3) == 0) return comparison(s, d);
        return switch (r.nextInt(6)) {
            case 0 -> and(predicate(s, d - 1), predicate(s, d - 1));
            case 1 -> or(predicate(s, d - 1), predicate(s, d - 1));
            case 2 -> not(predicate(s, d - 1));
            case 3 -> intExpr(s, d - 1).in(select(two.C).from(two).where(predicate(scopeTwo(), d - 1)));
            case 4 -> intExpr(s, d - 1).notIn(select(two.C).from(two).where(predicate(scopeTwo(), d - 1)));
            default -> s.correlate() && r.nextBoolean()
                    ? exists(select(two.ID).from(two).where(two.K.eq(one.K), predicate(scopeTwo(), d - 1)))
                    : comparison(s, d);
        };
    }

    private Expression<Boolean> comparison(Scope s, int d) {
        int sub = Math.max(0, d - 1);
        Expression<Integer> a = intExpr(s, sub);
        return switch (r.nextInt(14)) {
            case 0 -> a.eq(intExpr(s, sub));
            case 1 -> a.ne(intExpr(s, sub));
            case 2 -> a.lt(intExpr(s, sub));
            case 3 -> a.le(intExpr(s, sub));
            case 4 -> a.gt(intExpr(s, sub));
            case 5 -> a.ge(intExpr(s, sub));
            case 6 -> a.isNull();
            case 7 -> a.isNotNull();
            case 8 -> a.between(smallInt(), smallInt());
            case 9 -> r.nextBoolean() ? a.in(smallInt(), smallInt(), smallInt()) : a.notIn(smallInt(), null);
            case 10 -> a.isDistinctFrom(intExpr(s, sub));
            case 11 -> stringExpr(s, sub).eq(stringExpr(s, sub));
            case 12 -> stringExpr(s, sub).lt(stringExpr(s, sub));
            default -> stringExpr(s, sub).like(pick(PATTERNS), '\\');
        };
    }

    private Expression<?> anyExpr(Scope s, int d) { return r.nextInt(3) == 0 ? stringExpr(s, d) : intExpr(s, d); }

    // ---- queries ------------------------------------------------------------------------------------

    /** One query of a random shape; its rows are compared as a multiset. */
    Query<Row> query() {
        return switch (r.nextInt(8)) {
            case 0, 1 -> projection();
            case 2 -> join();
            case 3 -> aggregate();
            case 4 -> setOperation();
            case 5 -> windowed();
            case 6 -> projection().orderBy(one.ID.asc()).limit(1 + r.nextInt(6)); // a total order: LIMIT picks the same rows
            default -> projection().distinct();
        };
    }

    private List<Expression<?>> columns(Scope s) {
        List<Expression<?>> out = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) out.add(anyExpr(s, depth));
        return out;
    }

    Select<Row> projection() {
        Scope s = scopeOne();
        return select(columns(s)).from(one).where(predicate(s, depth));
    }

    Select<Row> join() {
        Scope s = scopeBoth();
        Select<Row> q = select(columns(s)).from(one);
        q = switch (r.nextInt(3)) {
            case 0 -> q.join(two, one.K.eq(two.K));
            case 1 -> q.leftJoin(two, one.K.eq(two.K));
            default -> q.rightJoin(two, one.K.eq(two.K));
        };
        return q.where(predicate(s, depth));
    }

    /** Window functions over a partition by the (nullable) key, ordered by the unique id: no ties, no NULL ordering. */
    Select<Row> windowed() {
        Scope s = scopeOne();
        Expression<Integer> x = intExpr(s, depth);
        var byKey = window().partitionBy(one.K);
        var byKeyInOrder = byKey.orderBy(one.ID.asc());
        List<Expression<?>> cols = new ArrayList<>(List.of(one.ID));
        cols.add(switch (r.nextInt(5)) {
            case 0 -> rowNumber().over(byKeyInOrder);
            case 1 -> sum(x).over(byKey);
            case 2 -> sum(x).over(byKeyInOrder); // a running sum (RANGE up to the current row: ids are unique)
            case 3 -> lag(x).over(byKeyInOrder);
            default -> count(x).over(byKey);
        });
        return select(cols).from(one).where(predicate(s, depth));
    }

    Select<Row> aggregate() {
        Scope s = scopeOne();
        Expression<Integer> x = intExpr(s, depth);
        List<Expression<?>> cols = new ArrayList<>();
        boolean grouped = r.nextBoolean();
        // a column: PostgreSQL matches a grouped expression to the select list by its text, and bound
        // parameters ($1 vs $5) make two spellings of one expression different
        Expression<?> key = grouped ? pick(List.<Expression<?>>of(one.A, one.K, one.S)) : null;
        if (grouped) cols.add(key);
        cols.add(count());
        cols.add(count(x));
        cols.add(sum(x));
        cols.add(min(x));
        cols.add(max(r.nextBoolean() ? x : intExpr(s, depth)));
        if (r.nextBoolean()) cols.add(min(stringExpr(s, 1)));
        Select<Row> q = select(cols).from(one).where(predicate(s, depth));
        if (grouped) {
            q = q.groupBy(key);
            if (r.nextBoolean()) q = q.having(count().gt((long) r.nextInt(3)));
        }
        return q;
    }

    Query<Row> setOperation() {
        Select<Row> a = select(List.<Expression<?>>of(intExpr(scopeOne(), depth))).from(one).where(predicate(scopeOne(), depth));
        Select<Row> b = select(List.<Expression<?>>of(intExpr(scopeTwo(), depth))).from(two).where(predicate(scopeTwo(), depth));
        return switch (r.nextInt(4)) {
            case 0 -> a.union(b);
            case 1 -> a.unionAll(b);
            case 2 -> a.intersect(b);
            default -> a.except(b);
        };
    }
}
