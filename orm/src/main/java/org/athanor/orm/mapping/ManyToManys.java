package org.athanor.orm.mapping;

import jakarta.persistence.CascadeType;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ReferentialAction;
import org.athanor.core.schema.Table;
import org.athanor.orm.rules.AnnotationRules;
import org.athanor.orm.rules.JoinColumnRules;
import org.athanor.orm.rules.Naming;

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
        for (Field f : fields) {
            String where = MappingException.where(cls, f.getName());
            ManyToMany m = f.getAnnotation(ManyToMany.class);
            // a @OneToMany with neither mappedBy nor @JoinColumn: JPA's join table, a many-to-many from one side
            OneToMany o = m == null ? f.getAnnotation(OneToMany.class) : null;
            String kind = o != null ? "@OneToMany" : "@ManyToMany";
            boolean inverse = o == null && !m.mappedBy().isEmpty();
            boolean joinColumn = o != null && JoinColumnOneToManys.is(f); // the key column in the element's table
            for (Annotation a : f.getDeclaredAnnotations()) {
                if (a.annotationType() == OnDelete.class)
                    throw new MappingException(where + ": @OnDelete on a " + kind + (o != null ? " with a join table" : "")
                            + " is not supported; the session deletes an object's rows of the secondary table before the "
                            + "object itself, so no ON DELETE is needed");
                if (!AnnotationRules.isJakarta(a.annotationType())) continue;
                String n = a.annotationType().getSimpleName();
                String p = AnnotationRules.problem(n, null);
                if (p != null) throw new MappingException(where + ": " + p);
                if (n.equals("JoinTable") && inverse)
                    throw new MappingException(where + ": @JoinTable on the inverse side of a @ManyToMany (mappedBy = \""
                            + m.mappedBy() + "\"); the owning side's @JoinTable defines the secondary table: move it there");
                if (n.equals("JoinColumn") && !joinColumn)
                    throw new MappingException(where + ": @JoinColumn cannot be combined with @ManyToMany; name the "
                            + "secondary table's columns with @JoinTable(joinColumns = @JoinColumn(...), inverseJoinColumns = ...)");
                if (!n.equals(kind.substring(1)) && !n.equals("JoinTable") && !n.equals("OrderBy") && !n.equals("JoinColumn"))
                    throw new MappingException(where + ": @" + n + " cannot be combined with " + kind);
            }
            if (Modifier.isFinal(f.getModifiers()))
                throw new MappingException(where + ": the field is final; the session puts its own collection in it");
            Class<?> type = f.getType();
            if (type != java.util.List.class && type != java.util.Set.class && type != java.util.Collection.class)
                throw new MappingException(where + ": a " + kind + " field must be declared as List, Set or Collection (the "
                        + "session puts its own implementation in it), not " + type.getName());
            Class<?> targetEntity = o != null ? o.targetEntity() : m.targetEntity();
            Class<?> target = targetEntity != void.class ? targetEntity : GenericTypes.elementType(f);
            if (target == null || !target.isAnnotationPresent(jakarta.persistence.Entity.class))
                throw new MappingException(where + ": " + kind + " needs an @Entity element type (" + f.getGenericType().getTypeName()
                        + "); give the type argument, e.g. Set<Course>, or targetEntity");
            if ((o != null ? o.fetch() : m.fetch()) == FetchType.EAGER)
                throw new MappingException(where + ": " + kind + "(fetch = EAGER) is not supported yet; collections load "
                        + "on first access, for every object of the same query result at once; remove fetch");
            // every cascade is accepted: PERSIST is always on; REMOVE deletes the elements, as Hibernate and SQLAlchemy do
            java.util.Set<CascadeType> cascades = java.util.EnumSet.noneOf(CascadeType.class);
            for (CascadeType c : o != null ? o.cascade() : m.cascade())
                if (c == CascadeType.ALL) cascades.addAll(java.util.EnumSet.allOf(CascadeType.class));
                else cascades.add(c);
            List<String> order = ToOnes.orderBy(f, target, where);
            // the keys of both ends, checked here for either side: one column, or several (@IdClass, @EmbeddedId);
            // a @OneToMany @JoinColumn links by one key column, so both ends need one @Id there
            List<FieldSpec> ownerKey = ToOnes.targetKeys(cls, cls, specs, where);
            List<FieldSpec> targetKey = ToOnes.targetKeys(cls, target, specs, where);
            FieldSpec linkKey = null;
            if (joinColumn) {
                linkKey = ToOnes.singleKey(ownerKey, cls, where, "a " + kind);
                ToOnes.singleKey(targetKey, target, where, "a " + kind);
            }
            Secondary secondary = inverse ? null : joinColumn
                    ? JoinColumnOneToManys.secondary(cls, ownerTable, f, target, linkKey, attributes, toOnes,
                            cascades.contains(CascadeType.REMOVE), o.orphanRemoval(), where)
                    : secondary(cls, ownerTable.name(), f, target, ownerKey, targetKey, attributes, o != null, where);
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
                                       List<FieldSpec> targetKey, List<Attribute> attributes, boolean oneToMany, String where) {
        JoinTable jt = f.getAnnotation(JoinTable.class);
        if (jt != null) checkJoinTable(jt, where);
        JoinColumn[] own = jt == null ? new JoinColumn[0] : jt.joinColumns();
        JoinColumn[] inv = jt == null ? new JoinColumn[0] : jt.inverseJoinColumns();
        for (JoinColumn jc : own) checkJoinColumn(jc, ownerKey, "joinColumns", where);
        for (JoinColumn jc : inv) checkJoinColumn(jc, targetKey, "inverseJoinColumns", where);
        String tableName = jt != null && !jt.name().isEmpty() ? jt.name() : ownerTable + "_" + tableNameOf(target);
        String schema = jt != null && !jt.schema().isEmpty() ? jt.schema() : null;
        // a one-to-many has no inverse field: its join column is named after the owner entity (JPA 2.10.5.1)
        String inverseField = oneToMany ? null : inverseFieldOf(cls, f, target);
        // one column per key column, <base>_<key column> by default: JPA's rule, as for a reference's @JoinColumns
        List<String> ownNames = names(own, "joinColumns", inverseField != null ? inverseField : entityName(cls), cls, ownerKey, where);
        List<String> invNames = names(inv, "inverseJoinColumns", f.getName(), target, targetKey, where);
        for (String a : ownNames)
            for (String b : invNames)
                if (a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT)))
                    throw new MappingException(where + ": two columns of the secondary table " + tableName + " are named " + a
                            + "; name them with @JoinTable(joinColumns = @JoinColumn(name = ...), inverseJoinColumns = @JoinColumn(name = ...))");
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
                            ? column(attributes, n) : EntityMapping.of(target).attribute(n).column()).toList(),
                    ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION,
                    jt == null || jt.inverseForeignKey().name().isEmpty() ? null : jt.inverseForeignKey().name());
        return new Secondary(table, locals, remotes, true);
    }

    /** The secondary table's columns for one end's key: from the given {@code @JoinColumn}s, or JPA's defaults. */
    private static List<String> names(JoinColumn[] given, String member, String base, Class<?> entity, List<FieldSpec> key,
                                      String where) {
        List<JoinColumnRules.Given> g = new ArrayList<>();
        for (JoinColumn jc : given) g.add(new JoinColumnRules.Given(jc.name(), jc.referencedColumnName()));
        JoinColumnRules.Result r = JoinColumnRules.resolve(base, entity.getSimpleName(), key.stream().map(FieldSpec::columnName).toList(),
                g, "@JoinTable(" + member + " = {...})");
        if (r.problem() != null) throw new MappingException(where + ": @JoinTable(" + member + "): " + r.problem());
        return r.names();
    }

    private static void checkJoinTable(JoinTable jt, String where) {
        if (!jt.catalog().isEmpty())
            throw new MappingException(where + ": @JoinTable(catalog = \"" + jt.catalog() + "\") is not supported; use schema");
        for (String[] m : new String[][] {{"options", jt.options()}, {"comment", jt.comment()}}) {
            String p = AnnotationRules.ddlMemberProblem("JoinTable", m[0], m[1]);
            if (p != null) throw new MappingException(where + ": " + p);
        }
        if (jt.uniqueConstraints().length > 0 || jt.indexes().length > 0 || jt.check().length > 0)
            throw new MappingException(where + ": @JoinTable(uniqueConstraints / indexes / check) is not supported; "
                    + "the secondary table's primary key is the pair of its columns; declare further indexes in your migrations");
        for (jakarta.persistence.ForeignKey fk : new jakarta.persistence.ForeignKey[] {jt.foreignKey(), jt.inverseForeignKey()})
            if (!fk.foreignKeyDefinition().isEmpty() || !fk.options().isEmpty())
                throw new MappingException(where + ": @ForeignKey(foreignKeyDefinition / options) is not supported (it is DDL "
                        + "text in one database's spelling); only its name and value = NO_CONSTRAINT are read");
    }

    private static void checkJoinColumn(JoinColumn jc, List<FieldSpec> key, String member, String where) {
        if (key.size() == 1 && !jc.referencedColumnName().isEmpty() && !jc.referencedColumnName().equalsIgnoreCase(key.get(0).columnName()))
            throw new MappingException(where + ": @JoinTable(" + member + " = @JoinColumn(referencedColumnName = \""
                    + jc.referencedColumnName() + "\")): the column must reference the key column " + key.get(0).columnName());
        if (!jc.columnDefinition().isEmpty() || !jc.table().isEmpty() || !jc.options().isEmpty() || jc.check().length > 0
                || !jc.insertable() || !jc.updatable() || jc.unique()
                || jc.foreignKey().value() == ConstraintMode.NO_CONSTRAINT || !jc.foreignKey().name().isEmpty())
            throw new MappingException(where + ": @JoinTable(" + member + " = @JoinColumn(...)): only name and "
                    + "referencedColumnName are read (the column takes the key's type, is NOT NULL and part of the primary key); "
                    + "name the foreign keys with @JoinTable(foreignKey / inverseForeignKey)");
    }

    /** The target's field mapped by {@code f} ({@code @ManyToMany(mappedBy = f)}), or null. */
    private static String inverseFieldOf(Class<?> cls, Field f, Class<?> target) {
        for (Class<?> c = target; c != null && c != Object.class; c = c.getSuperclass())
            for (Field g : c.getDeclaredFields()) {
                ManyToMany mm = g.getAnnotation(ManyToMany.class);
                if (mm != null && mm.mappedBy().equals(f.getName()) && (g != f || target == cls)) return g.getName();
            }
        return null;
    }

    private static String entityName(Class<?> c) {
        String n = c.getAnnotation(jakarta.persistence.Entity.class).name();
        return n.isEmpty() ? c.getSimpleName() : n;
    }

    /** The target's table name as its mapping names it (read from its annotations: its mapping may not be built yet). */
    private static String tableNameOf(Class<?> target) {
        jakarta.persistence.Table t = target.getAnnotation(jakarta.persistence.Table.class);
        return t != null && !t.name().isEmpty() ? t.name() : Naming.snakeCase(entityName(target));
    }

    static Column<?> column(List<Attribute> attributes, String name) {
        for (Attribute a : attributes) if (a.name().equals(name)) return a.column();
        throw new IllegalStateException("no attribute " + name);
    }
}
