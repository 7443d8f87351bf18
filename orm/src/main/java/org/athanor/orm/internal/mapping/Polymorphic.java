package org.athanor.orm.internal.mapping;

import jakarta.persistence.InheritanceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;
import org.athanor.core.sql.Sql;
import org.athanor.orm.mapping.Attribute;
import org.athanor.orm.mapping.MappingException;
import org.athanor.orm.rules.check.InheritanceChecks;

/**
 * The configure phase's inheritance step: groups the mappers of a registry into hierarchies (each
 * mapper's {@link Mapper#base()} and {@link Mapper#parent()}) and gives every mapper its load statement
 * with the row layouts of its subtree. A query of a class loads its subclasses too (SQLAlchemy's
 * polymorphic load, with_polymorphic="*"): the SELECT reads the class's columns in attribute order, then
 * each subclass's further columns (single table: columns of the one table; joined: of the subclass tables,
 * LEFT OUTER JOINed to the root's), and the row's discriminator value picks the class to build and where
 * its values sit in the row.
 */
final class Polymorphic {
    private Polymorphic() {}

    /** The class a discriminator value stands for, and its attributes' positions in the row (null: the first ones, in order). */
    record Layout(Mapper mapper, int[] positions) {}

    static void link(Map<Class<?>, Mapper> mappers) {
        for (Mapper m : mappers.values()) {
            if (m.inheritance == null || m.inheritance.parent() == null) continue;
            Class<?> p = m.inheritance.parent().entityClass();
            if (!mappers.containsKey(p))
                throw new MappingException(m.type.getName() + " extends the @Entity " + p.getName() + ", which is not in this "
                        + "Registry; pass every class of the hierarchy to Registry.of(...)");
        }
        for (Mapper m : mappers.values()) {
            Mapper parent = m.inheritance == null || m.inheritance.parent() == null ? null : mappers.get(m.inheritance.parent().entityClass());
            Mapper base = m;
            while (base.inheritance != null && base.inheritance.parent() != null) base = mappers.get(base.inheritance.parent().entityClass());
            if (m.inheritance == null) {
                setOwnLoading(m);
                continue;
            }
            List<Mapper> subtree = new ArrayList<>();
            for (Mapper d : mappers.values()) if (extendsOrIs(d, m.type)) subtree.add(d);
            subtree.remove(m);
            subtree.add(0, m);
            setLoading(m, base, parent, null, 0, null, -1); // base first: select() below reads it
            // one class per value among the registered ones (the rule the processor runs over a compilation's classes)
            InheritanceChecks.SameValue same = InheritanceChecks.sameDiscriminatorValue(subtree.stream()
                    .map(d -> new InheritanceChecks.Valued(d.type.getName(), d.discriminatorValue())).toList());
            if (same != null) throw new MappingException(same.message());
            Map<Object, Mapper> owner = new LinkedHashMap<>();
            for (Mapper d : subtree) if (d.discriminatorValue() != null) owner.put(d.discriminatorValue(), d); // abstract: no rows
            if (m.inheritance.strategy() == InheritanceType.TABLE_PER_CLASS) {
                if (subtree.size() == 1) { // a leaf: its own table holds its rows only
                    setLoading(m, base, parent, Sql.select(m.columns).from(m.table), m.attrs.length, null, -1);
                    continue;
                }
                Slots slots = slots(subtree);
                List<Mapper> concrete = new ArrayList<>(owner.values());
                List<int[]> positionsOf = new ArrayList<>();
                for (Mapper d : concrete) positionsOf.add(slots.positions().get(d));
                setLoading(m, base, parent, union(m, slots.count(), concrete, positionsOf), slots.count() + 1,
                        slots.layouts(m, subtree), slots.count());
                continue;
            }
            Shared shared = shared(m, subtree);
            setLoading(m, base, parent, shared.select, shared.columnCount, shared.layouts, m.discriminatorIdx);
        }
    }

    /**
     * The slots of a polymorphic row: the first class's attributes in order, then each further class's own
     * ones; a slot is a field of the hierarchy (its column is the same one in SINGLE_TABLE/JOINED, one per table
     * for TABLE_PER_CLASS, where {@code columns} holds the first class's). {@code positions}: per class, where its
     * attributes sit.
     */
    private record Slots(List<Column<?>> columns, Map<Mapper, int[]> positions) {
        int count() { return columns.size(); }

        /** Per discriminator value, the class and its positions (null for {@code m}: its attributes come first, in order). */
        Map<Object, Layout> layouts(Mapper m, List<Mapper> subtree) {
            Map<Object, Layout> layouts = new HashMap<>();
            for (Mapper d : subtree)
                if (d.discriminatorValue() != null) layouts.put(d.discriminatorValue(), new Layout(d, d == m ? null : positions.get(d)));
            return Map.copyOf(layouts);
        }
    }

    private static Slots slots(List<Mapper> subtree) {
        Map<Object, Integer> position = new HashMap<>();
        List<Column<?>> columns = new ArrayList<>();
        Map<Mapper, int[]> positionsOf = new HashMap<>();
        for (Mapper d : subtree) {
            int[] positions = new int[d.attrs.length];
            for (int i = 0; i < positions.length; i++) {
                Object key = slotKey(d.attrs[i]);
                Integer at = position.get(key);
                if (at == null) {
                    at = columns.size();
                    position.put(key, at);
                    columns.add(d.attrs[i].column());
                }
                positions[i] = at;
            }
            positionsOf.put(d, positions);
        }
        return new Slots(columns, positionsOf);
    }

    /** A SINGLE_TABLE or JOINED load statement and its layouts by discriminator value. */
    record Shared(Select<Row> select, int columnCount, Map<Object, Layout> layouts) {}

    /**
     * The load statement of {@code m} (SINGLE_TABLE or JOINED) reading the classes of {@code subtree} ({@code m}
     * first, then classes below it): {@code m}'s columns in attribute order, then each further class's own
     * columns; JOINED: its tables inner-joined, the others' tables left-outer-joined. A SINGLE_TABLE
     * subclass's statement adds {@code discriminator IN (its subtree's values)}.
     */
    static Shared shared(Mapper m, List<Mapper> subtree) {
        Slots slots = slots(subtree);
        List<Table> joined = new ArrayList<>();
        for (Mapper d : subtree) for (Table t : d.tables()) if (!m.tables().contains(t) && !joined.contains(t)) joined.add(t);
        return new Shared(select(m, slots.columns(), joined, allValues(m, subtree)), slots.count(), slots.layouts(m, subtree));
    }

    /** The discriminator values of {@code m}'s whole subtree (a SINGLE_TABLE subclass's criterion). */
    private static List<Object> allValues(Mapper m, List<Mapper> subtree) {
        if (m.layouts() == null) { // configure: subtree is the whole subtree
            List<Object> values = new ArrayList<>();
            for (Mapper d : subtree) if (d.discriminatorValue() != null) values.add(d.discriminatorValue());
            return values;
        }
        return new ArrayList<>(m.layouts().keySet());
    }

    /** What makes two classes' attributes one slot of a polymorphic row: the field (the discriminator: its column; an embeddable's field: with its holder). */
    private static Object slotKey(Attribute a) {
        if (a.isDiscriminator()) return a.column();
        // a field of an embeddable is one slot per holder: home.city and work.city are two
        return a.holder() == null ? a.field() : List.of(a.holder(), a.field());
    }

    /**
     * TABLE_PER_CLASS: one SELECT per concrete class of the subtree, each giving every slot (NULL where the
     * class has no such attribute) and the class's name as a literal, as a UNION ALL named like the class's
     * table, so the class's own columns ({@code Shape_.name}) filter and order the union as they would the table.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Select<Row> union(Mapper m, int slotCount, List<Mapper> concrete, List<int[]> positionsOf) {
        String[] names = new String[slotCount];
        org.athanor.core.type.SqlType<?>[] types = new org.athanor.core.type.SqlType<?>[slotCount];
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int i = 0; i < m.attrs.length; i++) { names[i] = m.attrs[i].column().name(); used.add(names[i].toLowerCase(java.util.Locale.ROOT)); }
        for (int c = 0; c < concrete.size(); c++) {
            Mapper d = concrete.get(c);
            int[] pos = positionsOf.get(c);
            for (int i = 0; i < pos.length; i++) {
                types[pos[i]] = d.attrs[i].column().type();
                if (names[pos[i]] != null) continue;
                String n = d.attrs[i].column().name();
                for (int k = 2; used.contains(n.toLowerCase(java.util.Locale.ROOT)); k++) n = d.attrs[i].column().name() + "_" + k;
                names[pos[i]] = n;
                used.add(n.toLowerCase(java.util.Locale.ROOT));
            }
        }
        String typeLabel = "athanor_class";
        org.athanor.core.sql.Query<Row> union = null;
        List<Expression<?>> first = null;
        for (int c = 0; c < concrete.size(); c++) {
            Mapper d = concrete.get(c);
            Expression<?>[] cols = new Expression<?>[slotCount + 1];
            int[] pos = positionsOf.get(c);
            for (int i = 0; i < pos.length; i++) cols[pos[i]] = d.attrs[i].column().as(names[pos[i]]);
            for (int p = 0; p < slotCount; p++)
                if (cols[p] == null) cols[p] = Sql.cast(Sql.literal(null, (org.athanor.core.type.SqlType) types[p]), types[p]).as(names[p]);
            cols[slotCount] = Sql.literal((String) d.discriminatorValue()).as(typeLabel);
            Select<Row> branch = Sql.select(cols).from(d.table);
            if (first == null) first = List.of(cols);
            union = union == null ? branch : union instanceof Select<Row> sel ? sel.unionAll(branch) : ((org.athanor.core.sql.CompoundSelect<Row>) union).unionAll(branch);
        }
        org.athanor.core.sql.CompoundSubquery sub = ((org.athanor.core.sql.CompoundSelect<Row>) union).subquery(m.table.name());
        Expression<?>[] outer = new Expression<?>[slotCount + 1];
        for (int p = 0; p <= slotCount; p++) outer[p] = p < m.attrs.length ? m.attrs[p].column() : sub.get((Expression) first.get(p));
        return Sql.select(outer).from(sub);
    }

    private static boolean extendsOrIs(Mapper d, Class<?> type) { return type.isAssignableFrom(d.type); }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Select<Row> select(Mapper m, List<Column<?>> columns, List<Table> joined, List<Object> values) {
        Mapper base = m.base();
        List<Table> own = m.tables();
        Select<Row> s = Sql.select(columns).from(own.get(0));
        for (int i = 1; i < own.size(); i++) s = s.join(own.get(i), keysEqual(base, own.get(i)));
        for (Table t : joined) s = s.leftJoin(t, keysEqual(base, t));
        // a single-table subclass is told apart from its siblings by the discriminator; a joined one by its table
        boolean shared = m.inheritance.strategy() == InheritanceType.SINGLE_TABLE;
        if (shared && m != base) {
            Column d = m.discriminator();
            s = s.where(values.size() == 1 ? d.eq(values.get(0)) : d.in(values));
        }
        return s;
    }

    /** {@code t}'s key columns equal the root table's key columns. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Expression<Boolean> keysEqual(Mapper base, Table t) {
        List<Column<?>> keys = t.primaryKeyColumns();
        List<Expression<Boolean>> parts = new ArrayList<>();
        for (int k = 0; k < base.idIdx.length; k++) {
            Attribute a = base.attrs[base.idIdx[k]];
            parts.add(((Column) keys.get(k)).eq((Column) a.column()));
        }
        return parts.size() == 1 ? parts.get(0) : Sql.and(parts);
    }

    static IllegalStateException unknownValue(Mapper m, Object value, Set<Object> known) {
        return new IllegalStateException("a row of " + m.name + " (table " + m.base().table.name() + ") has the discriminator "
                + m.discriminator().name() + " = " + quote(value) + ", which no class of the " + m.base().name + " hierarchy "
                + "mapped in this Registry has; the known values are " + known.stream().map(Polymorphic::quote).sorted().toList()
                + " (map a subclass with @DiscriminatorValue(" + quote(value) + "), or correct the row)");
    }

    private static String quote(Object v) { return InheritanceChecks.quote(v); }

    /**
     * The load statement of {@code m}, a class outside a hierarchy: the SELECT of its table reading each column
     * once. A {@code @MapsId} reference's key attribute has its {@code @EmbeddedId} component's column; the row
     * holds that column once and the hydrator copies the component's value into the reference's slot.
     */
    static void setOwnLoading(Mapper m) {
        int[] sharedWith = new int[m.attrs.length];
        List<Column<?>> read = new ArrayList<>(m.attrs.length);
        boolean shared = false;
        for (int i = 0; i < m.attrs.length; i++) {
            sharedWith[i] = -1;
            for (int j = 0; j < i; j++)
                if (m.columns.get(j) == m.columns.get(i)) {
                    sharedWith[i] = j;
                    shared = true;
                    break;
                }
            if (sharedWith[i] < 0) read.add(m.columns.get(i));
        }
        m.discriminatorPos = -1;
        m.base = m;
        m.parent = null;
        m.selectAll = Sql.select(read).from(m.table);
        m.loadTarget = new org.athanor.orm.internal.loading.OrmCompiler.Target(m.table, read.size(), shared ? sharedWith : null, null);
        m.layouts = null;
        setRowReading(m, shared ? sharedWith : null);
    }

    /** The load statement of {@code m}, its target and its row layouts. */
    static void setLoading(Mapper m, Mapper base, Mapper parent, Select<Row> select, int columnCount,
                           Map<Object, Layout> layouts, int discriminatorPos) {
        m.discriminatorPos = discriminatorPos;
        m.base = base;
        m.parent = parent;
        m.selectAll = select;
        // a JOINED hierarchy's statement joins its tables key to key (one row per row of the base table); a
        // TABLE_PER_CLASS union's branches are different tables, whose keys nothing keeps apart
        boolean keyed = select != null && m.inheritance != null && m.inheritance.strategy() == jakarta.persistence.InheritanceType.JOINED
                && select.from().size() == 1 && !(select.from().get(0) instanceof Table);
        m.loadTarget = new org.athanor.orm.internal.loading.OrmCompiler.Target(m.table, columnCount, null, keyed ? select.from() : null);
        m.layouts = layouts;
        setRowReading(m, null);
    }

    /** The row layouts the loaders read {@code m.selectAll}'s rows with, from its layouts ({@code sharedWith}: see OrmCompiler.Target). */
    private static void setRowReading(Mapper m, int[] sharedWith) {
        m.rowLayouts = m.layouts == null ? null : new RowLayout.Lookup(m.layouts);
        m.ownLayout = new RowLayout(m, null, sharedWith);
        boolean related = m.loadsRelated() || m.toManys.length > 0, collections = m.toManys.length > 0;
        if (m.layouts != null)
            for (Layout l : m.layouts.values()) {
                related |= l.mapper().loadsRelated() || l.mapper().toManys.length > 0;
                collections |= l.mapper().toManys.length > 0;
            }
        m.rowsLoadRelated = related;
        m.rowsHaveCollections = collections;
    }
}
