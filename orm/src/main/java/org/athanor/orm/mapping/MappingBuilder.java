package org.athanor.orm.mapping;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ColumnOption;
import org.athanor.core.schema.Table;
import org.athanor.orm.internal.mapping.OpenPackages;
import org.athanor.orm.rules.AnnotationRules;
import org.athanor.orm.rules.Naming;
import org.athanor.orm.rules.Messages;

/** Reads an entity class's annotations into an {@link EntityMapping}; all checks happen here, once. */
final class MappingBuilder {
    private MappingBuilder() {}

    static <E> EntityMapping<E> build(Class<E> cls) {
        checkClass(cls);
        Entity entity = cls.getAnnotation(Entity.class);
        String entityName = entity.name().isEmpty() ? cls.getSimpleName() : entity.name();
        // an entity superclass makes this class a subclass of its hierarchy (built first: the table,
        // the inherited attributes and the discriminator come from it)
        Class<?> parentClass = entitySuperclass(cls);
        EntityMapping<?> parent = parentClass == null ? null : EntityMapping.of(parentClass);
        Inheritance.checkSubclass(cls, parent);
        jakarta.persistence.Table tableAnn = cls.getAnnotation(jakarta.persistence.Table.class);
        String tableName = tableAnn != null && !tableAnn.name().isEmpty() ? tableAnn.name() : Naming.snakeCase(entityName);
        String schema = tableAnn != null && !tableAnn.schema().isEmpty() ? tableAnn.schema() : null;
        if (tableAnn != null && !tableAnn.catalog().isEmpty())
            throw MappingException.of(cls, null, "@Table(catalog = \"" + tableAnn.catalog() + "\") is not supported; "
                    + "use schema");

        if (tableAnn != null)
            for (String p : new String[] {AnnotationRules.ddlMemberProblem("Table", "comment", tableAnn.comment()),
                    AnnotationRules.ddlMemberProblem("Table", "options", tableAnn.options())})
                if (p != null) throw MappingException.of(cls, null, p);
        if (tableAnn != null && tableAnn.check().length > 0)
            throw MappingException.of(cls, null, AnnotationRules.problem("CheckConstraint", null));
        List<Class<?>> hierarchy = hierarchy(cls);
        // the classes whose fields this mapping adds: all of them for a root, the subclass's own part otherwise;
        // a TABLE_PER_CLASS subclass has a full table of its own, so it maps the inherited fields again
        boolean concrete = parent != null && parent.inheritance().strategy() == jakarta.persistence.InheritanceType.TABLE_PER_CLASS;
        List<Class<?>> own = parent == null ? hierarchy : hierarchy.subList(hierarchy.indexOf(parentClass) + 1, hierarchy.size());
        checkAnnotations(cls, own);
        // the default sequence of a TABLE_PER_CLASS hierarchy is the root's: ids are unique across its tables
        FieldMapper mapper = new FieldMapper(cls, concrete ? Naming.snakeCase(rootEntityName(parent)) : tableName, hierarchy);
        if (concrete) {
            Class<?> rootClass = parent.inheritance().root();
            jakarta.persistence.Table rootTable = rootClass.getAnnotation(jakarta.persistence.Table.class);
            if (rootTable != null && !rootTable.name().isEmpty()) mapper = new FieldMapper(cls, rootTable.name(), hierarchy);
        }
        List<FieldSpec> specs = new ArrayList<>();
        Field embeddedId = null;
        List<Field> toOneFields = new ArrayList<>();
        List<Field> toManyFields = new ArrayList<>();
        List<Field> inverseFields = new ArrayList<>();
        List<Field> manyToManyFields = new ArrayList<>();
        List<Field> elementFields = new ArrayList<>();
        for (Class<?> c : concrete ? hierarchy : own) {
            for (Field f : c.getDeclaredFields()) {
                if (FieldMapper.skipped(f)) continue;
                if (f.isAnnotationPresent(jakarta.persistence.ElementCollection.class)) {
                    elementFields.add(f);
                } else if (f.isAnnotationPresent(jakarta.persistence.CollectionTable.class)) {
                    throw MappingException.of(cls, f.getName(), org.athanor.orm.rules.ElementRules.collectionTableWithout());
                } else if (f.isAnnotationPresent(jakarta.persistence.ManyToMany.class) || ManyToManys.joinTableOneToMany(f)
                        || JoinColumnOneToManys.is(f)) {
                    manyToManyFields.add(f);
                } else if (f.isAnnotationPresent(jakarta.persistence.JoinTable.class)) {
                    throw MappingException.of(cls, f.getName(), Messages.joinTableMisplaced());
                } else if (f.isAnnotationPresent(jakarta.persistence.OneToOne.class) && !f.isAnnotationPresent(jakarta.persistence.ManyToOne.class)
                        && !f.getAnnotation(jakarta.persistence.OneToOne.class).mappedBy().isEmpty()) {
                    if (f.isAnnotationPresent(OnDelete.class))
                        throw MappingException.of(cls, f.getName(), "@OnDelete on @OneToOne(mappedBy): the key column and its "
                                + "foreign key are on the other side; put @OnDelete on the owning @OneToOne");
                    inverseFields.add(f);
                } else if (f.isAnnotationPresent(jakarta.persistence.ManyToOne.class) || f.isAnnotationPresent(jakarta.persistence.OneToOne.class)) {
                    toOneFields.add(f);
                } else if (f.isAnnotationPresent(jakarta.persistence.MapsId.class)) {
                    throw MappingException.of(cls, f.getName(), Messages.mapsIdWithoutReference());
                } else if (f.isAnnotationPresent(OnDelete.class)) {
                    throw MappingException.of(cls, f.getName(), "@OnDelete without @ManyToOne or @OneToOne; it sets the ON "
                            + "DELETE action of the foreign key a reference's column carries, so put it on that reference");
                } else if (f.isAnnotationPresent(jakarta.persistence.OneToMany.class)) {
                    toManyFields.add(f);
                } else if (f.isAnnotationPresent(jakarta.persistence.OrderBy.class)) {
                    throw MappingException.of(cls, f.getName(), "@OrderBy without @OneToMany or @ManyToMany; it orders a collection");
                } else if (f.isAnnotationPresent(jakarta.persistence.JoinColumn.class) || f.isAnnotationPresent(jakarta.persistence.JoinColumns.class)) {
                    throw MappingException.of(cls, f.getName(), "@JoinColumn without @ManyToOne; annotate the field "
                            + "@ManyToOne (its type the related entity), or use @Column for a basic column");
                } else if (f.isAnnotationPresent(EmbeddedId.class)) {
                    if (embeddedId != null)
                        throw MappingException.of(cls, f.getName(), "a second @EmbeddedId (the first is " + embeddedId.getName() + ")");
                    embeddedId = f;
                    specs.addAll(Embeddeds.idSpecs(cls, f, mapper));
                } else if (Embeddeds.isEmbedded(f)) {
                    specs.addAll(Embeddeds.embeddedSpecs(cls, f, mapper));
                } else {
                    specs.add(mapper.map(f, cls));
                }
            }
        }
        List<String> derivedIds = DerivedIds.names(toOneFields);
        if (parent == null || concrete) checkIds(cls, specs, embeddedId, derivedIds);
        if (parent != null)
            Inheritance.checkNoIds(cls, parent, specs.stream().filter(x -> own.contains(x.field().getDeclaringClass())).toList(),
                    embeddedId != null && own.contains(embeddedId.getDeclaringClass()) ? embeddedId : null);
        checkUniqueNames(cls, specs);

        Table table = parent == null ? Table.create(schema, tableName) : Inheritance.subclassTable(cls, parent, schema, tableName, tableAnn);
        List<Attribute> attributes = new ArrayList<>(parent == null || concrete ? List.of() : parent.attributes());
        List<FieldSpec> idSpecs = specs.stream().filter(FieldSpec::id).toList();
        List<Column<?>> pk = new ArrayList<>();
        boolean sharedTable = parent != null && parent.table() == table;
        for (FieldSpec s : specs) {
            if (sharedTable) Inheritance.checkFreeColumn(cls, s, table);
            List<ColumnOption> options = new ArrayList<>();
            if (s.id() && idSpecs.size() == 1 && derivedIds.isEmpty()) options.add(Table.Options.primaryKey());
            if (s.generation() == jakarta.persistence.GenerationType.IDENTITY) options.add(Table.Options.autoincrement());
            // the other classes of a single-table hierarchy have no value for a subclass's column
            options.add(s.nullable() || sharedTable ? Table.Options.nullable() : Table.Options.notNull());
            if (s.unique()) options.add(Table.Options.unique());
            if (s.ddlType() != null) options.add(Table.Options.ddlType(s.ddlType()));
            Column<?> column = Table.addColumn(table, s.columnName(), s.type(), options.toArray(ColumnOption[]::new));
            if (s.id()) pk.add(column);
            attributes.add(new Attribute(s.name(), column, s.javaType(), attributes.size(), s.id(), s.version(),
                    s.generation(), s.sequence(), s.insertable(), s.updatable(), s.field(), s.holder()));
        }
        if (pk.size() > 1) Table.addPrimaryKey(table, pk);
        List<ToOne> toOnes = new ArrayList<>();
        int inheritedKeys = 0; // the key columns of the inherited references, after the attributes in the value arrays
        if (parent != null && !concrete)
            for (ToOne t : parent.toOnes()) {
                toOnes.add(t.withKeyIndex(attributes.size() + inheritedKeys));
                inheritedKeys += t.width();
            }
        toOnes.addAll(ToOnes.map(cls, table, toOneFields, attributes, specs, inheritedKeys, sharedTable));
        if (!derivedIds.isEmpty()) DerivedIds.addPrimaryKey(table, pk, toOnes);
        List<ToMany> toManys = new ArrayList<>(parent == null || concrete ? List.of() : parent.toManys());
        toManys.addAll(ToOnes.mapCollections(cls, toManyFields));
        toManys.addAll(ManyToManys.map(cls, table, manyToManyFields, attributes, toOnes, specs));
        toManys.addAll(ElementCollections.map(cls, entityName, elementFields, attributes, specs, mapper));
        List<InverseOne> inverseOnes = new ArrayList<>(parent == null || concrete ? List.of() : parent.inverseOnes());
        inverseOnes.addAll(ToOnes.mapInverse(cls, inverseFields));
        if (tableAnn != null) TableConstraints.add(cls, table, tableAnn, attributes);

        IdShape idShape = parent == null || concrete ? IdShape.of(cls, DerivedIds.withDerived(attributes, toOnes), embeddedId) : parent.idShape();
        EntityAccessor<E> accessor = Accessors.forEntity(cls, attributes);
        Callbacks callbacks = Callbacks.of(cls, hierarchy);
        Inheritance inheritance = Inheritance.of(cls, entityName, parent, table,
                attributes.size() + toOnes.stream().mapToInt(ToOne::width).sum());
        if (inheritance != null && inheritance.strategy() == jakarta.persistence.InheritanceType.TABLE_PER_CLASS)
            for (FieldSpec s : specs)
                if (s.id() && s.generation() == jakarta.persistence.GenerationType.IDENTITY)
                    throw new MappingException(s.where(cls) + ": TABLE_PER_CLASS keeps each class's rows in its own table, "
                            + "so one IDENTITY column per table would hand out the same id twice in the hierarchy; use "
                            + "@GeneratedValue(strategy = SEQUENCE) (one sequence for the hierarchy) or assign the ids");
        return new EntityMapping<>(cls, entityName, table, attributes, toOnes, toManys, inverseOnes, idShape, accessor,
                callbacks, inheritance);
    }

    /** The nearest superclass annotated {@code @Entity}, or null. */
    static Class<?> entitySuperclass(Class<?> cls) {
        for (Class<?> c = cls.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass())
            if (c.isAnnotationPresent(Entity.class)) return c;
        return null;
    }

    private static String rootEntityName(EntityMapping<?> parent) {
        Class<?> root = parent.inheritance().root();
        String n = root.getAnnotation(Entity.class).name();
        return n.isEmpty() ? root.getSimpleName() : n;
    }

    private static void checkClass(Class<?> cls) {
        if (cls.isRecord())
            throw MappingException.of(cls, null, "records are not entities (they are immutable); use a record as a "
                    + "read-only query projection, and map a class with a no-arg constructor as the @Entity");
        if (!cls.isAnnotationPresent(Entity.class))
            throw MappingException.of(cls, null, "is not an @Entity; annotate it with @jakarta.persistence.Entity"
                    + (cls.isAnnotationPresent(MappedSuperclass.class) ? " (a @MappedSuperclass is not mapped on its own)" : ""));
        if (cls.isInterface() || cls.isEnum())
            throw MappingException.of(cls, null, "an @Entity must be a class, not an interface or enum");
        if (Modifier.isAbstract(cls.getModifiers()) && !cls.isAnnotationPresent(jakarta.persistence.Inheritance.class)
                && entitySuperclass(cls) == null)
            throw MappingException.of(cls, null, "an abstract @Entity has no rows of its own, so it must be the base of an "
                    + "inheritance hierarchy: annotate it @Inheritance(strategy = SINGLE_TABLE or JOINED) and map its "
                    + "concrete subclasses, or make it a @MappedSuperclass");
        if (cls.isLocalClass() || cls.isAnonymousClass()
                || (cls.isMemberClass() && !Modifier.isStatic(cls.getModifiers())))
            throw MappingException.of(cls, null, Messages.notTopLevel());
        jakarta.persistence.Access access = cls.getAnnotation(jakarta.persistence.Access.class);
        if (access != null && access.value() == jakarta.persistence.AccessType.PROPERTY)
            throw MappingException.of(cls, null, Messages.propertyAccess());
        try {
            cls.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw MappingException.of(cls, null, Messages.noNoArgConstructor());
        }
        OpenPackages.require(cls, "entity");
    }

    /**
     * Every jakarta.persistence annotation on the classes of the hierarchy and their methods is
     * honoured or refused ({@link AnnotationRules}); fields are checked by {@link FieldMapper}.
     */
    private static void checkAnnotations(Class<?> cls, List<Class<?>> hierarchy) {
        for (Class<?> c : hierarchy) {
            if (c.isAnnotationPresent(jakarta.persistence.AttributeOverride.class)
                    || c.isAnnotationPresent(jakarta.persistence.AttributeOverrides.class))
                throw MappingException.of(cls, null, Messages.overrideOnClass());
            for (Annotation a : c.getDeclaredAnnotations()) {
                String p = AnnotationRules.isJakarta(a.annotationType()) ? AnnotationRules.problem(a.annotationType().getSimpleName(), null) : null;
                if (p != null) throw MappingException.of(cls, null, p);
            }
            for (Method m : c.getDeclaredMethods())
                for (Annotation a : m.getDeclaredAnnotations()) {
                    String p = AnnotationRules.isJakarta(a.annotationType()) ? AnnotationRules.problem(a.annotationType().getSimpleName(), m.getName()) : null;
                    if (p != null) throw MappingException.of(cls, null, p);
                }
        }
    }

    /**
     * The classes holding the entity's persistent state, topmost first: its entity superclasses and
     * mapped superclasses, then the entity. Like JPA, a superclass that is neither contributes nothing.
     */
    static List<Class<?>> hierarchy(Class<?> cls) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = cls.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass())
            if (c.isAnnotationPresent(MappedSuperclass.class) || c.isAnnotationPresent(Entity.class)) chain.add(0, c);
        chain.add(cls);
        return chain;
    }

    private static void checkIds(Class<?> cls, List<FieldSpec> specs, Field embeddedId, List<String> derivedIds) {
        List<FieldSpec> ids = specs.stream().filter(FieldSpec::id).toList();
        IdClass idClass = cls.getAnnotation(IdClass.class);
        if (!derivedIds.isEmpty()) {
            // @Id references need the @IdClass (checked by DerivedIds); the entity's own @Id fields join them
            if (embeddedId != null) throw MappingException.of(cls, embeddedId.getName(), Messages.embeddedIdAndId());
            for (FieldSpec s : ids)
                if (s.generation() != null)
                    throw new MappingException(s.where(cls) + ": @GeneratedValue on a composite key is not supported");
            return;
        }
        if (ids.isEmpty()) {
            for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass())
                for (Method m : c.getDeclaredMethods())
                    if (m.isAnnotationPresent(Id.class) || m.isAnnotationPresent(EmbeddedId.class))
                        throw MappingException.of(cls, null, "@Id is on the method " + m.getName() + "(); Athanor maps "
                                + "fields (field access), so put @Id and the other annotations on the fields");
            throw MappingException.of(cls, null, "has no @Id field; mark the primary key field with @Id "
                    + "(or @EmbeddedId / several @Id with @IdClass for a composite key)");
        }
        if (embeddedId != null && specs.stream().anyMatch(s -> s.id() && s.holder() == null))
            throw MappingException.of(cls, embeddedId.getName(), Messages.embeddedIdAndId());
        if (embeddedId != null && idClass != null)
            throw MappingException.of(cls, embeddedId.getName(), "@IdClass and @EmbeddedId cannot be combined");
        if (ids.size() > 1 && embeddedId == null && idClass == null)
            throw MappingException.of(cls, null, Messages.compositeKeyWithoutIdClass(ids.stream().map(FieldSpec::name).toList()));
        if (ids.size() > 1)
            for (FieldSpec s : ids)
                if (s.generation() != null)
                    throw new MappingException(s.where(cls) + ": @GeneratedValue on a composite key is not supported");
    }

    private static void checkUniqueNames(Class<?> cls, List<FieldSpec> specs) {
        Map<String, FieldSpec> byColumn = new HashMap<>();
        Map<String, FieldSpec> byName = new HashMap<>();
        for (FieldSpec s : specs) {
            FieldSpec other = byColumn.put(s.columnName().toLowerCase(java.util.Locale.ROOT), s);
            if (other != null && (s.embedded() || other.embedded()))
                throw new MappingException(Messages.sameColumnEmbedded(s.where(cls), other.where(cls), s.columnName(),
                        (s.embedded() ? s : other).field().getName()));
            if (other != null)
                throw new MappingException(Messages.sameColumn(s.where(cls), other.where(cls), s.columnName()));
            other = byName.put(s.name(), s);
            if (other != null)
                throw new MappingException(Messages.sameAttributeName(s.where(cls), other.where(cls), s.name()));
        }
    }
}
