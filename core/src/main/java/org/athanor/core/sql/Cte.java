package org.athanor.core.sql;

import java.util.List;
import java.util.function.Function;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/**
 * A common table expression: a named query usable like a table in FROM and joins. Declare it on
 * the statement with {@link Sql#with} or {@link Select#with}.
 *
 * <pre>{@code
 * Cte adults = select(USERS.ID, USERS.NAME).where(USERS.AGE.ge(18)).cte("adults");
 * with(adults).query(select(adults.get(USERS.NAME)).orderBy(adults.get(USERS.NAME)));
 *
 * // WITH RECURSIVE nums(n) AS (SELECT 1 UNION ALL SELECT nums.n + 1 FROM nums WHERE nums.n < 10)
 * Cte nums = Cte.recursive("nums", select(literal(1).as("n")),
 *         self -> select(self.column("n", Integer.class).plus(1)).where(self.column("n", Integer.class).lt(10)));
 * }</pre>
 *
 * Its columns are named after the select list's labels or column names (label expressions that
 * have no name).
 */
public final class Cte extends Table {
    /** What aliases of one CTE share. Set once while the CTE is being built. */
    private static final class Definition {
        final String name;
        final boolean recursive;
        Query<?> query;

        Definition(String name, boolean recursive) { this.name = name; this.recursive = recursive; }
    }

    private final Definition def;
    private final List<Expression<?>> selected;

    private Cte(Definition def, List<Expression<?>> selected) {
        super(def.name);
        this.def = def;
        this.selected = selected;
        for (Expression<?> e : selected) addColumn(this, Select.nameOf(e), e.type());
    }

    private Cte(Cte of, String alias) {
        super(of, alias);
        this.def = of.def;
        this.selected = of.selected;
        for (Column<?> c : of.columns()) addColumn(this, c.name(), c.type());
    }

    static Cte of(String name, Query<?> query) {
        Definition d = new Definition(name, false);
        d.query = query;
        return new Cte(d, CompoundSelect.columnsOf(query));
    }

    /**
     * {@code WITH RECURSIVE name AS (anchor UNION ALL step(self))}: {@code step} receives the CTE
     * itself (its columns are the anchor's) to reference the rows produced so far.
     */
    public static Cte recursive(String name, Select<?> anchor, Function<Cte, Select<?>> step) {
        return recursive(name, anchor, step, SetOperator.UNION_ALL);
    }

    /** Like {@link #recursive} with UNION, which drops duplicate rows (and so stops on cycles). */
    public static Cte recursiveDistinct(String name, Select<?> anchor, Function<Cte, Select<?>> step) {
        return recursive(name, anchor, step, SetOperator.UNION);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Cte recursive(String name, Select<?> anchor, Function<Cte, Select<?>> step, SetOperator op) {
        Definition d = new Definition(name, true);
        Cte self = new Cte(d, anchor.columns());
        Select<?> next = step.apply(self);
        if (next == null) throw new IllegalArgumentException("the recursive step of CTE " + name + " returned null");
        if (next.columns().size() != anchor.columns().size())
            throw new IllegalArgumentException("the recursive step of CTE " + name + " selects " + next.columns().size()
                    + " columns, its anchor " + anchor.columns().size());
        d.query = new CompoundSelect((Query) anchor, op, (Query) next);
        return self;
    }

    /** The CTE's name, which FROM uses. */
    public String cteName() { return def.name; }
    public Query<?> query() { return def.query; }
    public boolean isRecursive() { return def.recursive; }

    /** The column of this CTE that exposes {@code inner} from its select list. */
    @SuppressWarnings("unchecked")
    public <T> Column<T> get(Expression<T> inner) {
        int i = selected.indexOf(inner);
        if (i < 0) return (Column<T>) column(Select.nameOf(inner));
        return (Column<T>) columns().get(i);
    }

    /** The definition's identity, shared by the CTE and its aliases. */
    public Object definition() { return def; }

    @Override public boolean isDerived() { return true; }
    @Override public Cte as(String alias) { return new Cte(this, alias); }
    @Override public void accept(SqlVisitor c) { c.visitCte(this); }
    @Override public void key(KeyBuilder k) { k.add(Cte.class); k.add(def.name); k.add(alias()); declareName(k); }
    /** The definition's structure: for the WITH clause of the statement's key. */
    public void keyDefinition(KeyBuilder k) {
        k.add(Cte.class);
        k.add(def.name);
        declareName(k, def.name);
        k.add(def.recursive);
        for (Column<?> c : columns()) k.add(c.name());
        def.query.key(k);
    }
}
