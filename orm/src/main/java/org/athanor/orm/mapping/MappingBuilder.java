package org.athanor.orm.mapping;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ColumnOption;
import org.athanor.core.schema.Table;
import org.athanor.orm.internal.mapping.OpenPackages;
import org.athanor.orm.rules.Naming;
import org.athanor.orm.rules.check.AnnotationChecks;
import org.athanor.orm.rules.check.ClassChecks;
import org.athanor.orm.rules.check.ClassView;
import org.athanor.orm.rules.check.ColumnChecks;
import org.athanor.orm.rules.check.FieldView;
import org.athanor.orm.rules.check.KeyChecks;
import org.athanor.orm.rules.check.LinkChecks;
import org.athanor.orm.rules.check.RelationshipChecks;

/**
 * Reads an entity class's annotations into an {@link ClassMapping}. The mapping checks are the ones the annotation
 * processor runs too (org.athanor.orm.rules.check, over {@link ReflectionViews}); a mistake is a MappingException.
 */
final class MappingBuilder {
    private MappingBuilder() {}

    static <E> ClassMapping<E> build(Class<E> cls) {
        // the checks shared with the annotation processor (org.athanor.orm.rules.check), over a view of the class
        ClassView view = ReflectionViews.of(cls);
        ReflectionViews.fail(cls, ClassChecks.shape(view));
        OpenPackages.require(cls, "entity");
        Entity entity = cls.getAnnotation(Entity.class);
        String entityName = entity.name().isEmpty() ? cls.getSimpleName() : entity.name();
        // an entity superclass makes this class a subclass of its hierarchy (built first: the table,
        // the inherited attributes and the discriminator come from it)
        Class<?> parentClass = entitySuperclass(cls);
        ClassMapping<?> parent = parentClass == null ? null : ClassMapping.of(parentClass);
        ReflectionViews.fail(cls, ClassChecks.hierarchyProblem(view));
        ReflectionViews.fail(cls, AnnotationChecks.check(view));
        ReflectionViews.fail(cls, KeyChecks.check(view));
        jakarta.persistence.Table tableAnn = cls.getAnnotation(jakarta.persistence.Table.class);
        String tableName = tableAnn != null && !tableAnn.name().isEmpty() ? tableAnn.name() : Naming.snakeCase(entityName);
        String schema = tableAnn != null && !tableAnn.schema().isEmpty() ? tableAnn.schema() : null;
        List<Class<?>> hierarchy = hierarchy(cls);
        // the classes whose fields this mapping adds: all of them for a root, the subclass's own part otherwise;
        // a TABLE_PER_CLASS subclass has a full table of its own, so it maps the inherited fields again
        boolean concrete = parent != null && parent.inheritance().strategy() == jakarta.persistence.InheritanceType.TABLE_PER_CLASS;
        List<Class<?>> own = parent == null ? hierarchy : hierarchy.subList(hierarchy.indexOf(parentClass) + 1, hierarchy.size());
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
                // relationships and element collections: checked by the rules shared with the processor, then built
                FieldView fv = ReflectionViews.field(cls, f);
                ReflectionViews.fail(cls, RelationshipChecks.check(view, fv));
                switch (RelationshipChecks.kind(fv)) {
                    case ELEMENT_COLLECTION -> elementFields.add(f);
                    case MANY_TO_MANY -> manyToManyFields.add(f);
                    case INVERSE_ONE -> inverseFields.add(f);
                    case TO_ONE -> toOneFields.add(f);
                    case ONE_TO_MANY -> toManyFields.add(f);
                    case OTHER -> {
                        if (f.isAnnotationPresent(EmbeddedId.class)) {
                            embeddedId = f; // one at most (KeyChecks)
                            specs.addAll(Embeddeds.idSpecs(cls, f, mapper));
                        } else if (Embeddeds.isEmbedded(cls, f)) {
                            specs.addAll(Embeddeds.embeddedSpecs(cls, f, mapper));
                        } else {
                            specs.add(mapper.map(f, cls));
                        }
                    }
                }
            }
        }
        // the links to other entities (mappedBy, @OrderBy) of every relationship field of the mapping, inherited ones included
        ReflectionViews.fail(cls, LinkChecks.check(view));
        List<String> derivedIds = DerivedIds.names(toOneFields);
        checkUniqueNames(cls, specs);

        Table table = parent == null ? Table.create(schema, tableName) : Inheritance.subclassTable(cls, parent, schema, tableName);
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
        Inheritance inheritance = Inheritance.of(cls, parent, table,
                attributes.size() + toOnes.stream().mapToInt(ToOne::width).sum());
        return new ClassMapping<>(cls, entityName, table, attributes, toOnes, toManys, inverseOnes, idShape, accessor,
                inheritance);
    }

    /** The nearest superclass annotated {@code @Entity}, or null. */
    static Class<?> entitySuperclass(Class<?> cls) {
        for (Class<?> c = cls.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass())
            if (c.isAnnotationPresent(Entity.class)) return c;
        return null;
    }

    private static String rootEntityName(ClassMapping<?> parent) {
        Class<?> root = parent.inheritance().root();
        String n = root.getAnnotation(Entity.class).name();
        return n.isEmpty() ? root.getSimpleName() : n;
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

    /** No two attributes on one column or with one name (the processor's rule too: ColumnChecks). */
    private static void checkUniqueNames(Class<?> cls, List<FieldSpec> specs) {
        ColumnChecks.Clash clash = ColumnChecks.uniqueNames(specs.stream().map(s -> new ColumnChecks.Mapped(s.where(cls),
                s.name(), s.columnName(), s.embedded() ? s.field().getName() : null)).toList());
        if (clash != null) throw new MappingException(clash.message());
    }
}
