package org.athanor.orm.mapping;

import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ReferentialAction;
import org.athanor.core.schema.ColumnOption;
import org.athanor.core.schema.Table;
import org.athanor.orm.rules.Naming;
import org.athanor.orm.rules.check.CollectionChecks;
import org.athanor.orm.rules.check.ReferenceChecks;

/** Reads the {@code @ManyToOne} and owning {@code @OneToOne} fields of an entity into {@link ToOne}s, adding their key columns and FOREIGN KEYs to its table. */
final class ToOnes {
    private ToOnes() {}

    /**
     * {@code offset}: key columns of the references before these (inherited from an entity superclass); {@code shared}: the
     * table is a single-table hierarchy's, whose other classes have no value for these key columns (nullable).
     */
    static List<ToOne> map(Class<?> cls, Table table, List<Field> fields, List<Attribute> attributes, List<FieldSpec> specs,
                           int offset, boolean shared) {
        if (fields.isEmpty()) return List.of();
        List<ToOne> out = new ArrayList<>();
        int slots = 0; // the key columns of the references before this one
        for (Field f : fields) {
            // checked by the rules shared with the processor (ReferenceChecks, run by MappingBuilder)
            String where = MappingException.where(cls, f.getName());
            ManyToOne m = f.getAnnotation(ManyToOne.class);
            OneToOne one = f.getAnnotation(OneToOne.class);
            String kind = m != null ? "@ManyToOne" : "@OneToOne";
            Class<?> targetEntity = m != null ? m.targetEntity() : one.targetEntity();
            // the field's type as the entity sees it (ReferenceChecks' view): a mapped superclass's T bound by the entity
            Class<?> target = targetEntity != void.class ? targetEntity : GenericTypes.fieldType(cls, f);
            boolean lazy = (m != null ? m.fetch() : one.fetch()) == FetchType.LAZY;
            // a derived identity (JPA's @Id on a reference, with an @IdClass): the key column is part of the primary key
            boolean id = f.isAnnotationPresent(Id.class);
            List<FieldSpec> keys = targetKeys(cls, target, specs);
            ReferenceColumns refColumns = ReferenceColumns.of(f, target, keys);
            // runtime-only: the generated proxy class is looked up (the processor generates it)
            java.lang.invoke.MethodHandle proxy = lazy ? Proxies.constructor(cls, f.getName(), kind, target) : null;
            // @MapsId("studentId"): the reference shares the @EmbeddedId component's column (no column of its own)
            Attribute mapsId = f.isAnnotationPresent(jakarta.persistence.MapsId.class)
                    ? DerivedIds.mapsId(f, attributes) : null;
            // the rule shared with the processor, over the columns built so far
            String clash = mapsId != null ? null : ReferenceChecks.keyColumnClash(refColumns.names(),
                    n -> table.columns().stream().anyMatch(c -> c.name().toLowerCase(Locale.ROOT).equals(n)));
            if (clash != null) throw new MappingException(where + ": " + clash);
            boolean optional = !id && mapsId == null && (m != null ? m.optional() : one.optional()) && refColumns.nullable();
            List<ColumnOption> options = new ArrayList<>();
            options.add(optional || shared ? Table.Options.nullable() : Table.Options.notNull());
            // a one-to-one's key column is UNIQUE (its key columns together for a composite key): two rows cannot
            // reference the same target
            boolean unique = refColumns.unique() || one != null;
            if (unique && keys.size() == 1) options.add(Table.Options.unique());
            List<Column<?>> columns = new ArrayList<>();
            for (int j = 0; j < keys.size(); j++)
                columns.add(mapsId != null ? mapsId.column()
                        : Table.addColumn(table, refColumns.names().get(j), keys.get(j).type(), options.toArray(ColumnOption[]::new)));
            if (unique && keys.size() > 1 && mapsId == null) Table.addUnique(table, null, columns);
            OnDelete od = f.getAnnotation(OnDelete.class);
            ReferentialAction onDelete = od == null ? ReferentialAction.NO_ACTION : od.value();
            // a TABLE_PER_CLASS target's rows are spread over its classes' tables: no one table to reference
            if (refColumns.constraint() && !tablePerClass(target)) {
                // the target's columns through a supplier: the two entities may reference each other, and the
                // target's mapping (a per-class cache) must not be built inside this one
                List<String> keyNames = keys.stream().map(FieldSpec::name).toList();
                Table.addForeignKey(table, columns, () -> {
                    List<Column<?>> referenced = new ArrayList<>();
                    for (String keyName : keyNames)
                        referenced.add(target == cls ? attributeColumn(attributes, keyName) : ClassMapping.of(target).attribute(keyName).column());
                    return referenced;
                }, onDelete, ReferentialAction.NO_ACTION, refColumns.foreignKeyName());
            }
            // a @MapsId reference's key is written through the key component it shares the column with
            List<Attribute> keyAttributes = new ArrayList<>();
            for (int j = 0; j < keys.size(); j++)
                keyAttributes.add(new Attribute(f.getName(), columns.get(j), keys.get(j).javaType(), attributes.size() + offset + slots + j,
                        id, false, null, null, mapsId == null, mapsId == null, f, null));
            slots += keys.size();
            out.add(new ToOne(cls, f.getName(), f, target, keyAttributes, optional, mapsId, proxy));
        }
        return List.copyOf(out);
    }

    static boolean tablePerClass(Class<?> target) { return ReferenceChecks.tablePerClass(ReflectionViews.of(target)); }

    /**
     * The {@code @OneToMany(mappedBy)} fields (those without mappedBy and {@code @JoinColumn} are join-table
     * collections, read by {@link ManyToManys}); the link to the element is LinkChecks' (run by MappingBuilder).
     */
    static List<ToMany> mapCollections(Class<?> cls, List<Field> fields) {
        if (fields.isEmpty()) return List.of();
        List<ToMany> out = new ArrayList<>();
        for (Field f : fields) { // checked by the rules shared with the processor (CollectionChecks)
            jakarta.persistence.OneToMany m = f.getAnnotation(jakarta.persistence.OneToMany.class);
            Class<?> target = m.targetEntity() != void.class ? m.targetEntity() : GenericTypes.elementType(f);
            Cascading cascades = Cascading.of(m.cascade());
            out.add(new ToMany(cls, f.getName(), f, target, m.mappedBy(), f.getType() == java.util.Set.class, orderBy(f), cascades.remove(),
                    m.orphanRemoval(), false, null, cascades.merge(), cascades.refresh(), cascades.detach(), false));
        }
        return List.copyOf(out);
    }

    /** The {@code @OneToOne(mappedBy)} fields; the owning side they name is LinkChecks' to check (run by MappingBuilder). */
    static List<InverseOne> mapInverse(Class<?> cls, List<Field> fields) {
        if (fields.isEmpty()) return List.of();
        List<InverseOne> out = new ArrayList<>();
        for (Field f : fields) { // checked by the rules shared with the processor (ReferenceChecks)
            OneToOne one = f.getAnnotation(OneToOne.class);
            Class<?> target = one.targetEntity() != void.class ? one.targetEntity() : GenericTypes.fieldType(cls, f);
            out.add(new InverseOne(cls, f.getName(), f, target, one.mappedBy(), Cascading.of(one.cascade()).remove()));
        }
        return List.copyOf(out);
    }

    private static Column<?> attributeColumn(List<Attribute> attributes, String name) {
        for (Attribute a : attributes) if (a.name().equals(name)) return a.column();
        throw new IllegalStateException("no attribute " + name);
    }

    /**
     * The target's key fields as its mapping will see them, in its key order: its {@code @Id} field, its
     * {@code @IdClass} key's {@code @Id} fields, or its {@code @EmbeddedId}'s components.
     */
    static List<FieldSpec> targetKeys(Class<?> cls, Class<?> target, List<FieldSpec> specs) {
        List<FieldSpec> ids = new ArrayList<>();
        if (target == cls && specs.stream().anyMatch(FieldSpec::id)) {
            for (FieldSpec s : specs) if (s.id()) ids.add(s);
        } else {
            List<Class<?>> hierarchy = MappingBuilder.hierarchy(target);
            FieldMapper mapper = new FieldMapper(target, Naming.snakeCase(target.getSimpleName()), hierarchy);
            for (Class<?> c : hierarchy)
                for (Field f : c.getDeclaredFields()) {
                    if (FieldMapper.skipped(f)) continue;
                    if (f.isAnnotationPresent(jakarta.persistence.EmbeddedId.class)) ids.addAll(Embeddeds.idSpecs(target, f, mapper));
                    else if (f.isAnnotationPresent(Id.class)) ids.add(mapper.map(f, target));
                }
        }
        // the same key columns KeyColumns gave the shared checks, which refused a target without (or with a derived) key
        if (ids.isEmpty()) throw new IllegalStateException("no key fields of " + target.getName() + "; KeyColumns checks them");
        return ids;
    }

    /** A collection's {@code @OrderBy} as attribute names, each with " DESC" when descending (empty: none); checked by CollectionChecks. */
    static List<String> orderBy(Field f) {
        jakarta.persistence.OrderBy ob = f.getAnnotation(jakarta.persistence.OrderBy.class);
        return ob == null ? List.of() : CollectionChecks.orderBy(ob.value());
    }
}
