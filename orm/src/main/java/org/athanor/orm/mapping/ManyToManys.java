package org.athanor.orm.mapping;

import jakarta.persistence.CascadeType;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ReferentialAction;
import org.athanor.core.schema.Table;
import org.athanor.orm.rules.check.CollectionChecks;
import org.athanor.orm.rules.check.KeyColumns;
import org.athanor.orm.rules.JoinColumnRules;

/**
 * Reads the {@code @ManyToMany} fields of an entity, and its unidirectional {@code @OneToMany} fields with a join
 * table (neither {@code mappedBy} nor {@code @JoinColumn}: JPA's default, a many-to-many from one side whose element
 * column is UNIQUE; join column {@code <owner entity>_<owner key column>}), into {@link ToMany}s. The owning side (no
 * {@code mappedBy}) builds its secondary table from {@code @JoinTable}, or from JPA's defaults:
 * table {@code <owner table>_<target table>}; join column {@code <inverse field>_<owner key column>}
 * (the owner's entity name when the target maps no inverse field); inverse join column
 * {@code <field>_<target key column>}. The inverse side ({@code mappedBy}) is linked to the owning side
 * by the registry.
 */
final class ManyToManys {
    private ManyToManys() {}

    /**
     * A {@code @OneToMany} mapped through a join table: neither {@code mappedBy} nor {@code @JoinColumn} (the processor
     * applies the same rule, {@code Messages.joinTableMisplaced} naming it when {@code @JoinTable} is elsewhere).
     */
    static boolean joinTableOneToMany(Field f) {
        OneToMany o = f.getAnnotation(OneToMany.class);
        return o != null && o.mappedBy().isEmpty() && !f.isAnnotationPresent(jakarta.persistence.JoinColumn.class)
                && !f.isAnnotationPresent(jakarta.persistence.ManyToMany.class);
    }

    static List<ToMany> map(Class<?> cls, Table ownerTable, List<Field> fields, List<Attribute> attributes, List<ToOne> toOnes,
                            List<FieldSpec> specs) {
        if (fields.isEmpty()) return List.of();
        List<ToMany> out = new ArrayList<>();
        for (Field f : fields) { // checked by the rules shared with the processor (CollectionChecks, run by MappingBuilder)
            ManyToMany m = f.getAnnotation(ManyToMany.class);
            // a @OneToMany with neither mappedBy nor @JoinColumn: JPA's join table, a many-to-many from one side
            OneToMany o = m == null ? f.getAnnotation(OneToMany.class) : null;
            boolean inverse = o == null && !m.mappedBy().isEmpty();
            boolean joinColumn = o != null && JoinColumnOneToManys.is(f); // the key column in the element's table
            Class<?> type = f.getType();
            Class<?> targetEntity = o != null ? o.targetEntity() : m.targetEntity();
            Class<?> target = targetEntity != void.class ? targetEntity : GenericTypes.elementType(f);
            String where = MappingException.where(cls, f.getName());
            // every cascade is accepted: PERSIST is always on; REMOVE deletes the elements, as Hibernate and SQLAlchemy do
            java.util.Set<CascadeType> cascades = java.util.EnumSet.noneOf(CascadeType.class);
            for (CascadeType c : o != null ? o.cascade() : m.cascade())
                if (c == CascadeType.ALL) cascades.addAll(java.util.EnumSet.allOf(CascadeType.class));
                else cascades.add(c);
            List<String> order = ToOnes.orderBy(f);
            // the keys of both ends: one column, or several (@IdClass, @EmbeddedId); one for a @OneToMany @JoinColumn
            List<FieldSpec> ownerKey = ToOnes.targetKeys(cls, cls, specs);
            List<FieldSpec> targetKey = ToOnes.targetKeys(cls, target, specs);
            FieldSpec linkKey = joinColumn ? ownerKey.get(0) : null;
            Secondary secondary = inverse ? null : joinColumn
                    ? JoinColumnOneToManys.secondary(cls, ownerTable, f, target, linkKey, attributes, toOnes,
                            cascades.contains(CascadeType.REMOVE), where)
                    : secondary(cls, ownerTable.name(), f, target, ownerKey, targetKey, attributes, o != null);
            // orphanRemoval only on a one-to-many: a many-to-many's element removed from one collection may be in others
            out.add(new ToMany(f.getName(), f, target, inverse ? m.mappedBy() : "", type == java.util.Set.class, order,
                    cascades.contains(CascadeType.REMOVE), o != null && o.orphanRemoval(), true, secondary,
                    cascades.contains(CascadeType.MERGE), cascades.contains(CascadeType.REFRESH), cascades.contains(CascadeType.DETACH),
                    o != null));
        }
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    private static Secondary secondary(Class<?> cls, String ownerTable, Field f, Class<?> target, List<FieldSpec> ownerKey,
                                       List<FieldSpec> targetKey, List<Attribute> attributes, boolean oneToMany) {
        JoinTable jt = f.getAnnotation(JoinTable.class);
        JoinColumn[] own = jt == null ? new JoinColumn[0] : jt.joinColumns();
        JoinColumn[] inv = jt == null ? new JoinColumn[0] : jt.inverseJoinColumns();
        String tableName = jt != null && !jt.name().isEmpty() ? jt.name() : ownerTable + "_" + KeyColumns.annotatedTableName(ReflectionViews.of(target));
        String schema = jt != null && !jt.schema().isEmpty() ? jt.schema() : null;
        // a one-to-many has no inverse field: its join column is named after the owner entity (JPA 2.10.5.1)
        String inverseField = oneToMany ? null : CollectionChecks.inverseField(ReflectionViews.of(cls), ReflectionViews.field(cls, f), ReflectionViews.of(target));
        // one column per key column, <base>_<key column> by default: JPA's rule, as for a reference's @JoinColumns
        List<String> ownNames = names(own, "joinColumns", inverseField != null ? inverseField : KeyColumns.entityName(ReflectionViews.of(cls)), cls, ownerKey);
        List<String> invNames = names(inv, "inverseJoinColumns", f.getName(), target, targetKey);
        Table table = Table.create(schema, tableName);
        List<Column<Object>> locals = new ArrayList<>(), remotes = new ArrayList<>();
        for (int j = 0; j < ownNames.size(); j++)
            locals.add((Column<Object>) Table.addColumn(table, ownNames.get(j), ownerKey.get(j).type(), Table.Options.notNull()));
        // a one-to-many's element is in one owner's collection at most: its column is UNIQUE (as Hibernate creates it),
        // its columns together for a composite key
        for (int j = 0; j < invNames.size(); j++)
            remotes.add((Column<Object>) (oneToMany && invNames.size() == 1
                    ? Table.addColumn(table, invNames.get(j), targetKey.get(j).type(), Table.Options.notNull(), Table.Options.unique())
                    : Table.addColumn(table, invNames.get(j), targetKey.get(j).type(), Table.Options.notNull())));
        if (oneToMany && remotes.size() > 1) Table.addUnique(table, null, List.<Column<?>>copyOf(remotes));
        List<Column<?>> pk = new ArrayList<>(locals);
        pk.addAll(remotes);
        Table.addPrimaryKey(table, pk);
        List<String> ownerKeyNames = ownerKey.stream().map(FieldSpec::name).toList();
        List<String> targetKeyNames = targetKey.stream().map(FieldSpec::name).toList();
        if (jt == null || jt.foreignKey().value() != ConstraintMode.NO_CONSTRAINT && !ToOnes.tablePerClass(cls))
            Table.addForeignKey(table, List.<Column<?>>copyOf(locals), () -> ownerKeyNames.stream().<Column<?>>map(n -> column(attributes, n)).toList(),
                    ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION,
                    jt == null || jt.foreignKey().name().isEmpty() ? null : jt.foreignKey().name());
        if (jt == null || jt.inverseForeignKey().value() != ConstraintMode.NO_CONSTRAINT && !ToOnes.tablePerClass(target))
            Table.addForeignKey(table, List.<Column<?>>copyOf(remotes), () -> targetKeyNames.stream().<Column<?>>map(n -> target == cls
                            ? column(attributes, n) : ClassMapping.of(target).attribute(n).column()).toList(),
                    ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION,
                    jt == null || jt.inverseForeignKey().name().isEmpty() ? null : jt.inverseForeignKey().name());
        return new Secondary(table, locals, remotes, true);
    }

    /** The secondary table's columns for one end's key: from the given {@code @JoinColumn}s, or JPA's defaults (checked by CollectionChecks). */
    private static List<String> names(JoinColumn[] given, String member, String base, Class<?> entity, List<FieldSpec> key) {
        List<JoinColumnRules.Given> g = new ArrayList<>();
        for (JoinColumn jc : given) g.add(new JoinColumnRules.Given(jc.name(), jc.referencedColumnName()));
        JoinColumnRules.Result r = JoinColumnRules.resolve(base, entity.getSimpleName(), key.stream().map(FieldSpec::columnName).toList(),
                g, "@JoinTable(" + member + " = {...})");
        if (r.problem() != null) throw new IllegalStateException(r.problem() + " (CollectionChecks checks the join columns)");
        return r.names();
    }

    static Column<?> column(List<Attribute> attributes, String name) {
        for (Attribute a : attributes) if (a.name().equals(name)) return a.column();
        throw new IllegalStateException("no attribute " + name);
    }
}
