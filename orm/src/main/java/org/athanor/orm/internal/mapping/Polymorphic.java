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
                m.setLoading(m, null, Sql.select(m.columns).from(m.table), m.attrs.length, null);
                continue;
            }
            List<Mapper> subtree = new ArrayList<>();
            for (Mapper d : mappers.values()) if (extendsOrIs(d, m.type)) subtree.add(d);
            subtree.remove(m);
            subtree.add(0, m);
            m.setLoading(base, parent, null, 0, null); // base first: select() below reads it
            List<Column<?>> columns = new ArrayList<>(m.columns);
            Map<Column<?>, Integer> position = new IdentityHashMap<>();
            for (int i = 0; i < columns.size(); i++) position.put(columns.get(i), i);
            List<Table> joined = new ArrayList<>();
            Map<Object, Layout> layouts = new HashMap<>();
            Map<Object, Mapper> owner = new LinkedHashMap<>();
            List<Object> values = new ArrayList<>();
            for (Mapper d : subtree) {
                int[] positions = new int[d.attrs.length];
                for (int i = 0; i < positions.length; i++) {
                    Column<?> c = d.attrs[i].column();
                    Integer at = position.get(c);
                    if (at == null) {
                        at = columns.size();
                        columns.add(c);
                        position.put(c, at);
                    }
                    positions[i] = at;
                }
                for (Table t : d.tables()) if (!m.tables().contains(t) && !joined.contains(t)) joined.add(t);
                Object v = d.discriminatorValue();
                if (v == null) continue; // abstract: no rows of its own
                Mapper other = owner.putIfAbsent(v, d);
                if (other != null)
                    throw new MappingException(other.type.getName() + " and " + d.type.getName() + " both have the discriminator "
                            + "value " + quote(v) + "; give each class of the hierarchy its own @DiscriminatorValue");
                layouts.put(v, new Layout(d, d == m ? null : positions));
                values.add(v);
            }
            m.setLoading(base, parent, select(m, columns, joined, values), columns.size(), Map.copyOf(layouts));
        }
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

    private static String quote(Object v) { return v instanceof String ? "'" + v + "'" : String.valueOf(v); }
}
