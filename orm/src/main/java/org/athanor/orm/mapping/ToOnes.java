package org.athanor.orm.mapping;

import jakarta.persistence.ConstraintMode;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ReferentialAction;
import org.athanor.core.schema.ColumnOption;
import org.athanor.core.schema.Table;
import org.athanor.orm.rules.AnnotationRules;
import org.athanor.orm.rules.JoinColumnRules;
import org.athanor.orm.rules.Messages;
import org.athanor.orm.rules.Naming;

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
            String where = MappingException.where(cls, f.getName());
            ManyToOne m = f.getAnnotation(ManyToOne.class);
            OneToOne one = f.getAnnotation(OneToOne.class);
            if (m != null && one != null)
                throw new MappingException(where + ": @ManyToOne and @OneToOne on one field; keep one of them");
            String kind = m != null ? "@ManyToOne" : "@OneToOne";
            for (Annotation a : f.getDeclaredAnnotations()) {
                String p = AnnotationRules.isJakarta(a.annotationType()) ? AnnotationRules.problem(a.annotationType().getSimpleName(), null) : null;
                if (p != null) throw new MappingException(where + ": " + p);
                String n = a.annotationType().getSimpleName();
                if (AnnotationRules.isJakarta(a.annotationType()) && !n.equals("ManyToOne") && !n.equals("OneToOne")
                        && !n.equals("JoinColumn") && !n.equals("JoinColumns") && !n.equals("Id") && !n.equals("MapsId"))
                    throw new MappingException(where + ": @" + n + " cannot be combined with " + kind + "; name the key "
                            + "column with @JoinColumn(name = ...)");
            }
            if (Modifier.isFinal(f.getModifiers()))
                throw new MappingException(where + ": the field is final; persistent fields must be assignable");
            Class<?> targetEntity = m != null ? m.targetEntity() : one.targetEntity();
            Class<?> target = targetEntity != void.class ? targetEntity : f.getType();
            if (!target.isAnnotationPresent(jakarta.persistence.Entity.class))
                throw new MappingException(where + ": " + kind + " needs an @Entity type, but the field's type is "
                        + target.getName() + "; map a basic value with @Column instead");
            if (!f.getType().isAssignableFrom(target))
                throw new MappingException(where + ": targetEntity " + target.getName() + " is not assignable to the field's type "
                        + f.getType().getName());
            boolean lazy = (m != null ? m.fetch() : one.fetch()) == FetchType.LAZY;
            if (one != null && one.orphanRemoval())
                throw new MappingException(where + ": @OneToOne(orphanRemoval = true) is not supported yet; delete the "
                        + "replaced object with session.delete(...)");
            // a derived identity (JPA's @Id on a reference, with an @IdClass): the key column is part of the primary key
            boolean id = f.isAnnotationPresent(Id.class);
            if (id) DerivedIds.check(cls, f, shared, where);
            List<FieldSpec> keys = targetKeys(cls, target, specs, where);
            ReferenceColumns refColumns = ReferenceColumns.of(f, target, keys, where);
            for (JoinColumn jc : refColumns.joinColumns()) if (jc != null) check(jc, where);
            if (keys.size() > 1) checkComposite(f, kind, id, refColumns, target, where);
            java.lang.invoke.MethodHandle proxy = lazy ? Proxies.constructor(cls, f.getName(), kind, target) : null;
            // @MapsId("studentId"): the reference shares the @EmbeddedId component's column (no column of its own)
            Attribute mapsId = f.isAnnotationPresent(jakarta.persistence.MapsId.class)
                    ? DerivedIds.mapsId(cls, f, keys.get(0), refColumns.joinColumn(0), attributes, where) : null;
            if (mapsId == null)
                for (String columnName : refColumns.names())
                    for (Column<?> c : table.columns())
                        if (c.name().toLowerCase(Locale.ROOT).equals(columnName.toLowerCase(Locale.ROOT)))
                            throw new MappingException(where + ": its key column " + columnName + " is also mapped by another "
                                    + "attribute; name it with @JoinColumn(name = ...), or drop the basic attribute");
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
            ReferentialAction onDelete = onDelete(f, optional, refColumns.constraint(), where);
            if (onDelete != ReferentialAction.NO_ACTION && tablePerClass(target))
                throw new MappingException(where + ": @OnDelete(" + onDelete + ") on a reference to TABLE_PER_CLASS "
                        + target.getSimpleName() + ": its rows are spread over one table per class, so there is no "
                        + "foreign key to carry the action; remove @OnDelete, or map the hierarchy SINGLE_TABLE or JOINED");
            // a TABLE_PER_CLASS target's rows are spread over its classes' tables: no one table to reference
            if (refColumns.constraint() && !tablePerClass(target)) {
                // the target's columns through a supplier: the two entities may reference each other, and the
                // target's mapping (a per-class cache) must not be built inside this one
                List<String> keyNames = keys.stream().map(FieldSpec::name).toList();
                Table.addForeignKey(table, columns, () -> {
                    List<Column<?>> referenced = new ArrayList<>();
                    for (String keyName : keyNames)
                        referenced.add(target == cls ? attributeColumn(attributes, keyName) : EntityMapping.of(target).attribute(keyName).column());
                    return referenced;
                }, onDelete, ReferentialAction.NO_ACTION, refColumns.foreignKeyName());
            }
            // a @MapsId reference's key is written through the key component it shares the column with
            List<Attribute> keyAttributes = new ArrayList<>();
            for (int j = 0; j < keys.size(); j++)
                keyAttributes.add(new Attribute(f.getName(), columns.get(j), keys.get(j).javaType(), attributes.size() + offset + slots + j,
                        id, false, null, null, mapsId == null, mapsId == null, f, null));
            slots += keys.size();
            out.add(new ToOne(f.getName(), f, target, keyAttributes, optional, mapsId, proxy));
        }
        return List.copyOf(out);
    }

    static boolean tablePerClass(Class<?> target) {
        for (Class<?> c = target; c != null && c != Object.class; c = c.getSuperclass()) {
            jakarta.persistence.Inheritance inh = c.getAnnotation(jakarta.persistence.Inheritance.class);
            if (inh != null) return inh.strategy() == jakarta.persistence.InheritanceType.TABLE_PER_CLASS;
        }
        return false;
    }

    /**
     * The {@code @OneToMany(mappedBy)} fields (those without mappedBy and {@code @JoinColumn} are join-table
     * collections, read by {@link ManyToManys}); the mappedBy side is checked when the registry links entities.
     */
    static List<ToMany> mapCollections(Class<?> cls, List<Field> fields) {
        if (fields.isEmpty()) return List.of();
        List<ToMany> out = new ArrayList<>();
        for (Field f : fields) {
            String where = MappingException.where(cls, f.getName());
            for (Annotation a : f.getDeclaredAnnotations()) {
                if (!AnnotationRules.isJakarta(a.annotationType())) continue;
                String n = a.annotationType().getSimpleName();
                String p = AnnotationRules.problem(n, null);
                if (p != null) throw new MappingException(where + ": " + p);
                if (n.equals("JoinColumn")) throw new MappingException(where + ": " + Messages.mappedByJoinColumn());
                if (!n.equals("OneToMany") && !n.equals("OrderBy"))
                    throw new MappingException(where + ": @" + n + " cannot be combined with @OneToMany");
            }
            if (Modifier.isFinal(f.getModifiers()))
                throw new MappingException(where + ": the field is final; the session puts its own collection in it");
            jakarta.persistence.OneToMany m = f.getAnnotation(jakarta.persistence.OneToMany.class);
            Class<?> type = f.getType();
            if (type != java.util.List.class && type != java.util.Set.class && type != java.util.Collection.class)
                throw new MappingException(where + ": a @OneToMany field must be declared as List, Set or Collection (the "
                        + "session puts its own implementation in it), not " + type.getName());
            Class<?> target = m.targetEntity() != void.class ? m.targetEntity() : GenericTypes.elementType(f);
            if (target == null || !target.isAnnotationPresent(jakarta.persistence.Entity.class))
                throw new MappingException(where + ": @OneToMany needs an @Entity element type (" + f.getGenericType().getTypeName()
                        + "); give the type argument, e.g. List<Post>, or targetEntity");
            if (m.fetch() == FetchType.EAGER)
                throw new MappingException(where + ": @OneToMany(fetch = EAGER) is not supported yet; collections load "
                        + "on first access, for every object of the same query result at once; remove fetch");
            Cascading cascades = Cascading.of(m.cascade());
            List<String> order = orderBy(f, target, where);
            out.add(new ToMany(f.getName(), f, target, m.mappedBy(), type == java.util.Set.class, order, cascades.remove(),
                    m.orphanRemoval(), false, null, cascades.merge(), cascades.refresh(), cascades.detach(), false));
        }
        return List.copyOf(out);
    }

    /** The {@link OnDelete} action of reference {@code f}, NO_ACTION without it; checked against the column. */
    private static ReferentialAction onDelete(Field f, boolean optional, boolean constraint, String where) {
        OnDelete od = f.getAnnotation(OnDelete.class);
        if (od == null) return ReferentialAction.NO_ACTION;
        if (!constraint)
            throw new MappingException(where + ": @OnDelete(" + od.value() + ") with @ForeignKey(NO_CONSTRAINT): "
                    + "there is no constraint to carry the action; remove one of them");
        return switch (od.value()) {
            case CASCADE, RESTRICT, NO_ACTION -> od.value();
            case SET_NULL -> {
                if (!optional)
                    throw new MappingException(where + ": @OnDelete(SET_NULL) on a reference whose column is NOT NULL "
                            + "(optional = false or @JoinColumn(nullable = false)); make it optional, or use CASCADE");
                yield od.value();
            }
            case SET_DEFAULT -> throw new MappingException(where + ": @OnDelete(SET_DEFAULT) is not supported (the key "
                    + "column has no default, and MariaDB does not implement it); use CASCADE, SET_NULL, RESTRICT or NO_ACTION");
        };
    }

    /** The {@code @OneToOne(mappedBy)} fields; the owning side is checked when the registry links entities. */
    static List<InverseOne> mapInverse(Class<?> cls, List<Field> fields) {
        if (fields.isEmpty()) return List.of();
        List<InverseOne> out = new ArrayList<>();
        for (Field f : fields) {
            String where = MappingException.where(cls, f.getName());
            for (Annotation a : f.getDeclaredAnnotations()) {
                if (!AnnotationRules.isJakarta(a.annotationType())) continue;
                String n = a.annotationType().getSimpleName();
                String p = AnnotationRules.problem(n, null);
                if (p != null) throw new MappingException(where + ": " + p);
                if (n.equals("JoinColumn")) throw new MappingException(where + ": " + AnnotationRules.ONE_TO_ONE_INVERSE_JOIN_COLUMN);
                if (!n.equals("OneToOne"))
                    throw new MappingException(where + ": @" + n + " cannot be combined with @OneToOne(mappedBy); the key "
                            + "column is on the other side, mapped by its owning @OneToOne");
            }
            if (Modifier.isFinal(f.getModifiers()))
                throw new MappingException(where + ": the field is final; persistent fields must be assignable");
            OneToOne one = f.getAnnotation(OneToOne.class);
            Class<?> target = one.targetEntity() != void.class ? one.targetEntity() : f.getType();
            if (!target.isAnnotationPresent(jakarta.persistence.Entity.class))
                throw new MappingException(where + ": @OneToOne needs an @Entity type, but the field's type is "
                        + target.getName() + "; map a basic value with @Column instead");
            if (one.fetch() == FetchType.LAZY)
                throw new MappingException(where + ": @OneToOne(mappedBy, fetch = LAZY) is not supported: this side holds no "
                        + "key, so whether a related row exists (a proxy or null) is not known without a select; remove fetch "
                        + "(the related object loads by one batched select per query result), or put fetch = LAZY on the "
                        + "owning side");
            if (one.orphanRemoval())
                throw new MappingException(where + ": @OneToOne(orphanRemoval = true) is not supported yet; delete the "
                        + "replaced object with session.delete(...)");
            out.add(new InverseOne(f.getName(), f, target, one.mappedBy(), Cascading.of(one.cascade()).remove()));
        }
        return List.copyOf(out);
    }

    private static Column<?> attributeColumn(List<Attribute> attributes, String name) {
        for (Attribute a : attributes) if (a.name().equals(name)) return a.column();
        throw new IllegalStateException("no attribute " + name);
    }

    private static void check(JoinColumn jc, String where) {
        if (!jc.insertable() || !jc.updatable())
            throw new MappingException(where + ": @JoinColumn(insertable/updatable = false) is not supported; the "
                    + "reference writes its key column");
        if (!jc.columnDefinition().isEmpty() || !jc.table().isEmpty() || !jc.options().isEmpty() || !jc.comment().isEmpty()
                || jc.check().length > 0)
            throw new MappingException(where + ": @JoinColumn(columnDefinition / table / options / comment) is not supported; "
                    + "the column takes the type of the target's key");
        ReferenceColumns.checkForeignKey(jc.foreignKey(), where);
    }

    /** What a reference to a composite key cannot be yet (each refused naming what to do instead; the processor's words). */
    private static void checkComposite(Field f, String kind, boolean id, ReferenceColumns columns, Class<?> target, String where) {
        String p = JoinColumnRules.compositeProblem(kind, target.getSimpleName(), columns.names(), id,
                f.isAnnotationPresent(jakarta.persistence.MapsId.class));
        if (p != null) throw new MappingException(where + ": " + p);
    }

    /** The target's single key field, as its mapping will see it ({@code kind}: the relationship, for the message). */
    static FieldSpec targetKey(Class<?> cls, Class<?> target, List<FieldSpec> specs, String where, String kind) {
        return singleKey(targetKeys(cls, target, specs, where), target, where, kind);
    }

    /** The one key field of {@code ids} (the {@link #targetKeys} of {@code target}); a mapping error for a composite key. */
    static FieldSpec singleKey(List<FieldSpec> ids, Class<?> target, String where, String kind) {
        if (ids.size() != 1)
            throw new MappingException(where + ": the target " + target.getSimpleName() + " has " + ids.size()
                    + " key fields; " + kind + " needs a target with one @Id (composite keys are not supported yet)");
        return ids.get(0);
    }

    /**
     * The target's key fields as its mapping will see them, in its key order: its {@code @Id} field, its
     * {@code @IdClass} key's {@code @Id} fields, or its {@code @EmbeddedId}'s components.
     */
    static List<FieldSpec> targetKeys(Class<?> cls, Class<?> target, List<FieldSpec> specs, String where) {
        List<FieldSpec> ids = new ArrayList<>();
        for (Class<?> c : MappingBuilder.hierarchy(target))
            for (Field f : c.getDeclaredFields())
                if (f.isAnnotationPresent(Id.class) && (f.isAnnotationPresent(ManyToOne.class) || f.isAnnotationPresent(OneToOne.class)))
                    throw new MappingException(where + ": " + JoinColumnRules.derivedKeyTarget(target.getSimpleName(), f.getName()));
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
        if (ids.isEmpty())
            throw new MappingException(where + ": the target " + target.getSimpleName() + " has no @Id field; a reference "
                    + "needs a target with a key");
        return ids;
    }

    /** A collection's {@code @OrderBy} as attribute names, each with " DESC" when descending (empty: none). */
    static List<String> orderBy(Field f, Class<?> target, String where) {
        List<String> order = new ArrayList<>();
        jakarta.persistence.OrderBy ob = f.getAnnotation(jakarta.persistence.OrderBy.class);
        if (ob != null && !ob.value().isBlank())
            for (String part : ob.value().split(",")) {
                String[] w = part.trim().split("\\s+");
                if (w.length > 2 || w.length == 2 && !w[1].equalsIgnoreCase("ASC") && !w[1].equalsIgnoreCase("DESC"))
                    throw new MappingException(where + ": @OrderBy(\"" + ob.value() + "\"): each part is an attribute "
                            + "name of " + target.getSimpleName() + " with an optional ASC or DESC");
                order.add(w.length == 2 && w[1].equalsIgnoreCase("DESC") ? w[0] + " DESC" : w[0]);
            }
        return order;
    }
}
