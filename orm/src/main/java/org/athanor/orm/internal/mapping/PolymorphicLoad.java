package org.athanor.orm.internal.mapping;

import jakarta.persistence.InheritanceType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.FromItem;
import org.athanor.core.sql.Join;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;
import org.athanor.core.sql.SqlNode;

/**
 * A polymorphic load of a JOINED class that outer-joins only some of its subclasses' tables (SQLAlchemy's
 * {@code with_polymorphic} with a list of classes, and {@code selectin_polymorphic}): the query reads the
 * class's columns and those of the joined subclasses; a row of another subclass is read from the query only
 * for its key and class, and its object is loaded by a second SELECT of the class that {@link #deferredTo}
 * names (one per such class, {@code WHERE key IN (...)}). Built per query (the plan depends on the tables
 * the query's criteria read: a subclass whose columns a filter or ORDER BY uses stays joined); immutable.
 */
public final class PolymorphicLoad {
    private final Mapper m;
    private final Select<Row> select;
    private final int columnCount;
    private final Map<Object, Polymorphic.Layout> layouts;
    private final Map<Object, Mapper> deferred;

    private PolymorphicLoad(Mapper m, Select<Row> select, int columnCount, Map<Object, Polymorphic.Layout> layouts,
                            Map<Object, Mapper> deferred) {
        this.m = m;
        this.select = select;
        this.columnCount = columnCount;
        this.layouts = layouts;
        this.deferred = deferred;
    }

    /**
     * The plan for a query of {@code m} over {@code criteria} (the query's statement built on {@link Mapper#selectAll}):
     * {@code selectin} true: the subtrees of {@code classes} are loaded by a SELECT per named class
     * ({@code selectinPolymorphic}); false: only {@code classes} (and the classes between them and {@code m}) are
     * outer-joined and every other subclass is loaded by a SELECT per topmost such class ({@code withPolymorphic}).
     */
    public static PolymorphicLoad of(Mapper m, List<Class<?>> classes, boolean selectin, Select<Row> criteria) {
        List<Mapper> all = subtree(m);
        Map<Class<?>, Mapper> byType = new HashMap<>();
        for (Mapper d : all) byType.put(d.type, d);
        Set<Mapper> named = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            Mapper d = byType.get(c);
            if (d == null || d == m) throw notBelow(m, c, selectin);
            named.add(d);
        }
        Set<Mapper> joined = new LinkedHashSet<>();
        for (Mapper d : all) {
            if (d == m) continue;
            boolean join = selectin ? !underAny(d, named) : underAny(named, d);
            if (join) joined.add(d);
        }
        // a subclass whose table the query's criteria read stays joined (with the classes above it)
        List<SqlNode> used = new ArrayList<>();
        if (criteria.where() != null) used.add(criteria.where());
        used.addAll(criteria.orderBy());
        used.addAll(criteria.groupBy());
        if (criteria.having() != null) used.add(criteria.having());
        List<Table> read = Select.tablesOf(used);
        for (Mapper d : all)
            if (d != m && read.contains(ownTable(d)))
                for (Mapper a = d; a != m; a = a.parent()) joined.add(a);
        List<Mapper> loaded = new ArrayList<>();
        loaded.add(m);
        for (Mapper d : all) if (joined.contains(d)) loaded.add(d); // subtree() lists parents first
        Polymorphic.Shared shared = Polymorphic.shared(m, loaded);
        Map<Object, Mapper> deferred = new HashMap<>();
        for (Map.Entry<Object, Polymorphic.Layout> e : m.layouts().entrySet()) {
            Mapper d = e.getValue().mapper();
            if (shared.layouts().containsKey(e.getKey())) continue;
            Mapper to = null;
            for (Mapper a = d; a != m && to == null; a = a.parent()) if (named.contains(a) && !joined.contains(a)) to = a;
            if (to == null) for (Mapper a = d; a != m; a = a.parent()) if (!joined.contains(a)) to = a; // the topmost not joined
            deferred.put(e.getKey(), to);
        }
        return new PolymorphicLoad(m, shared.select(), shared.columnCount(), shared.layouts(), Map.copyOf(deferred));
    }

    /** Refuses what selectinPolymorphic / withPolymorphic cannot mean for a query of {@code m}, before it runs. */
    public static void check(Mapper m, List<Class<?>> classes, boolean selectin) {
        String option = (selectin ? "selectinPolymorphic" : "withPolymorphic");
        if (m.inheritance == null || m.inheritance.strategy() != InheritanceType.JOINED || m.layoutCount() <= 1)
            throw new IllegalArgumentException(option + " on a query of " + m.name + ": it applies to a class with subclasses "
                    + "in JOINED inheritance (tables of their own to outer-join or to read by a SELECT each); " + m.name
                    + (m.inheritance == null ? " is in no hierarchy" : m.layoutCount() <= 1 ? " has no mapped subclass"
                    : " is " + m.inheritance.strategy() + ", whose polymorphic query reads "
                    + (m.inheritance.strategy() == InheritanceType.SINGLE_TABLE ? "one table" : "a UNION ALL of the tables")));
        if (classes.isEmpty()) throw new IllegalArgumentException(option + "() names no class; give subclasses of " + m.name);
        List<Mapper> all = subtree(m);
        for (Class<?> c : classes)
            if (all.stream().noneMatch(d -> d.type == c && d != m)) throw notBelow(m, c, selectin);
    }

    /** The statement's columns and FROM (the query's criteria are the caller's). */
    public Select<Row> select() { return select; }

    /** How many columns a row has. */
    public int columnCount() { return columnCount; }

    /** The class whose SELECT loads the object of this row, or null when the row holds all its values. */
    public Mapper deferredTo(Object[] row) {
        Object d = row[m.discriminatorIdx];
        if (layouts.containsKey(d)) return null;
        Mapper to = deferred.get(d);
        if (to == null) throw Polymorphic.unknownValue(m, d, m.layouts().keySet());
        return to;
    }

    /** The class of a row that holds all its values. */
    public Mapper rowMapper(Object[] row) { return layouts.get(row[m.discriminatorIdx]).mapper(); }

    /** A complete row's values in its class's attribute order. */
    public Object[] rowValues(Object[] row) {
        int[] p = layouts.get(row[m.discriminatorIdx]).positions();
        if (p == null) return row.length == m.attrs.length ? row : java.util.Arrays.copyOf(row, m.attrs.length);
        Object[] v = new Object[p.length];
        for (int i = 0; i < p.length; i++) v[i] = row[p[i]];
        return v;
    }

    /** {@code from} with {@code m}'s load FROM (the first item, or the innermost left side of the query's joins) replaced by the plan's. */
    public List<FromItem> from(List<FromItem> from) {
        FromItem old = m.selectAll.from().get(0), now = select.from().get(0);
        List<FromItem> out = new ArrayList<>(from);
        FromItem replaced = out.isEmpty() ? null : replace(out.get(0), old, now);
        if (replaced == null) throw new IllegalStateException("internal: the query of " + m.name + " does not read " + old);
        out.set(0, replaced);
        return out;
    }

    private static FromItem replace(FromItem item, FromItem old, FromItem now) {
        if (item == old) return now;
        if (item instanceof Join j) {
            FromItem left = replace(j.left(), old, now);
            return left == null ? null : new Join(left, j.right(), j.type(), j.on());
        }
        return null;
    }

    /** {@code m} and every class below it with rows (or with classes with rows below it), parents before children. */
    private static List<Mapper> subtree(Mapper m) {
        Set<Mapper> out = new LinkedHashSet<>();
        out.add(m);
        Collection<Polymorphic.Layout> ls = m.layouts().values();
        for (int depth = 1; ; depth++) {
            boolean any = false;
            for (Polymorphic.Layout l : ls) {
                List<Mapper> chain = new ArrayList<>();
                for (Mapper a = l.mapper(); a != m; a = a.parent()) chain.add(0, a);
                if (chain.size() >= depth) { out.add(chain.get(depth - 1)); any = true; }
            }
            if (!any) return new ArrayList<>(out);
        }
    }

    /** The table a JOINED subclass adds (the last of its tables). */
    private static Table ownTable(Mapper d) { return d.tables().get(d.tables().size() - 1); }

    private static boolean underAny(Mapper d, Set<Mapper> named) {
        for (Mapper a = d; a != null; a = a.parent()) if (named.contains(a)) return true;
        return false;
    }

    /** Whether {@code d} is one of {@code named} or above one of them. */
    private static boolean underAny(Set<Mapper> named, Mapper d) {
        for (Mapper n : named) if (underAny(n, Set.of(d))) return true;
        return false;
    }

    private static IllegalArgumentException notBelow(Mapper m, Class<?> c, boolean selectin) {
        return new IllegalArgumentException((selectin ? "selectinPolymorphic" : "withPolymorphic") + "(" + c.getSimpleName()
                + ") on a query of " + m.name + ": " + c.getName() + " is not a mapped subclass of " + m.name);
    }
}
