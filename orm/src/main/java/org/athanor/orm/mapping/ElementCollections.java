package org.athanor.orm.mapping;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ColumnOption;
import org.athanor.core.schema.ReferentialAction;
import org.athanor.core.schema.Table;
import org.athanor.core.type.SqlType;
import org.athanor.orm.rules.AnnotationRules;
import org.athanor.orm.rules.ElementRules;
import org.athanor.orm.rules.JoinColumnRules;

/**
 * Reads the {@code @ElementCollection} fields of an entity into {@link ToMany}s whose {@link Secondary} is
 * the collection table: {@code @CollectionTable(name, schema, joinColumns)} or JPA's defaults (table
 * {@code <entity>_<attribute>}, join column {@code <entity>_<key column>}, both snake_case), one NOT NULL
 * column holding the owner's key (a FOREIGN KEY to it) and one NOT NULL value column ({@code @Column(name)},
 * default the attribute's name). A Set's table has the primary key (owner, value); a List with
 * {@code @OrderColumn} has a position column (default {@code <attribute>_order}) and the key (owner, position);
 * a List's or Collection's without it (a bag: duplicates, no position) has none. The values are basic: the types a basic field
 * may have (with {@code @Enumerated} or {@code @Convert}), read by the same {@link FieldMapper}.
 */
final class ElementCollections {
    private ElementCollections() {}

    static List<ToMany> map(Class<?> cls, String entityName, List<Field> fields, List<Attribute> attributes,
                            List<FieldSpec> specs, FieldMapper mapper) {
        if (fields.isEmpty()) return List.of();
        List<ToMany> out = new ArrayList<>();
        for (Field f : fields) {
            String where = MappingException.where(cls, f.getName());
            ElementCollection ec = f.getAnnotation(ElementCollection.class);
            checkAnnotations(f, where);
            if (Modifier.isFinal(f.getModifiers())) throw new MappingException(where + ": " + ElementRules.finalField());
            Class<?> type = f.getType();
            if (type != java.util.List.class && type != java.util.Set.class && type != java.util.Collection.class)
                throw new MappingException(where + ": " + ElementRules.collectionType(type.getName()));
            Class<?> element = ec.targetClass() != void.class ? ec.targetClass() : GenericTypes.elementType(f);
            if (element == null) throw new MappingException(where + ": " + ElementRules.noElementType(f.getGenericType().getTypeName()));
            if (element.isAnnotationPresent(jakarta.persistence.Embeddable.class))
                throw new MappingException(where + ": " + ElementRules.embeddableElement(element.getSimpleName()));
            if (element.isAnnotationPresent(jakarta.persistence.Entity.class))
                throw new MappingException(where + ": " + ElementRules.entityElement(element.getSimpleName()));
            if (element == byte[].class) throw new MappingException(where + ": " + ElementRules.lobElement());
            if (ec.fetch() == FetchType.EAGER)
                throw new MappingException(where + ": " + ElementRules.eager(cls.getSimpleName(), f.getName()));
            jakarta.persistence.Column col = f.getAnnotation(jakarta.persistence.Column.class);
            if (col != null) checkColumn(col, where);
            Class<?> boxed = JavaTypes.box(element);
            // what the values may be: the rule shared with the processor and with basic fields (AttributeChecks)
            String p = org.athanor.orm.rules.check.AttributeChecks.valueProblem(ReflectionViews.field(cls, f), ReflectionViews.type(boxed));
            if (p != null) throw new MappingException(where + ": " + p);
            SqlType<?> valueType = mapper.sqlType(f, boxed, col, where);
            List<FieldSpec> ownerKey = ToOnes.targetKeys(cls, cls, specs, where); // one column, or several (@IdClass, @EmbeddedId)
            Secondary table = table(cls, entityName, f, ownerKey, valueType, col, type == java.util.Set.class, attributes, where);
            out.add(new ToMany(f.getName(), f, boxed, "", type == java.util.Set.class, List.of(), false, false, false, table, false, false, false, false, true));
        }
        return List.copyOf(out);
    }

    private static void checkAnnotations(Field f, String where) {
        for (Annotation a : f.getDeclaredAnnotations()) {
            if (a.annotationType() == OnDelete.class)
                throw new MappingException(where + ": " + ElementRules.notCombinable("OnDelete"));
            if (!AnnotationRules.isJakarta(a.annotationType())) continue;
            String n = a.annotationType().getSimpleName();
            if (n.equals("OrderColumn")) { // a List's positions; refused elsewhere (AnnotationRules)
                if (f.getType() == java.util.Set.class) throw new MappingException(where + ": " + ElementRules.orderColumnOnSet());
                continue;
            }
            if (n.equals("OrderBy")) throw new MappingException(where + ": " + ElementRules.orderBy());
            if (n.equals("Lob")) throw new MappingException(where + ": " + ElementRules.lobElement());
            String p = AnnotationRules.problem(n, null);
            if (p != null) throw new MappingException(where + ": " + p);
            if (!ElementRules.COMBINABLE.contains(n)) throw new MappingException(where + ": " + ElementRules.notCombinable(n));
        }
    }

    private static void checkColumn(jakarta.persistence.Column col, String where) {
        String ddl = AnnotationRules.columnDdlProblem(col.options(), col.comment());
        if (ddl != null) throw new MappingException(where + ": " + ddl);
        String member = !col.table().isEmpty() ? "table" : !col.nullable() ? "nullable = false" : col.unique() ? "unique"
                : !col.insertable() ? "insertable" : !col.updatable() ? "updatable" : col.check().length > 0 ? "check" : null;
        if (member != null) throw new MappingException(where + ": " + ElementRules.columnMember(member));
    }

    @SuppressWarnings("unchecked")
    private static Secondary table(Class<?> cls, String entityName, Field f, List<FieldSpec> ownerKey, SqlType<?> valueType,
                                   jakarta.persistence.Column col, boolean set, List<Attribute> attributes, String where) {
        CollectionTable ct = f.getAnnotation(CollectionTable.class);
        if (ct != null) checkCollectionTable(ct, ownerKey, where);
        String tableName = ct != null && !ct.name().isEmpty() ? ct.name() : ElementRules.defaultTable(entityName, f.getName());
        String schema = ct != null && !ct.schema().isEmpty() ? ct.schema() : null;
        // one column per owner key column: <entity>_<key column> by default (JPA), or as the @JoinColumns name them
        List<JoinColumnRules.Given> given = new ArrayList<>();
        if (ct != null) for (JoinColumn jc : ct.joinColumns()) given.add(new JoinColumnRules.Given(jc.name(), jc.referencedColumnName()));
        JoinColumnRules.Result names = JoinColumnRules.resolve(entityName, cls.getSimpleName(),
                ownerKey.stream().map(FieldSpec::columnName).toList(), given, "@CollectionTable(joinColumns = {...})");
        if (names.problem() != null) throw new MappingException(where + ": @CollectionTable(joinColumns): " + names.problem());
        String valueName = col != null && !col.name().isEmpty() ? col.name() : ElementRules.defaultValueColumn(f.getName());
        for (String ownName : names.names())
            if (ownName.toLowerCase(Locale.ROOT).equals(valueName.toLowerCase(Locale.ROOT)))
                throw new MappingException(where + ": " + ElementRules.sameColumns(tableName, ownName));
        Table table = Table.create(schema, tableName);
        List<Column<Object>> locals = new ArrayList<>();
        for (int j = 0; j < ownerKey.size(); j++)
            locals.add((Column<Object>) Table.addColumn(table, names.names().get(j), ownerKey.get(j).type(), Table.Options.notNull()));
        List<ColumnOption> options = new ArrayList<>(List.of(Table.Options.notNull()));
        if (col != null && !col.columnDefinition().isEmpty()) options.add(Table.Options.ddlType(col.columnDefinition()));
        Column<Object> value = (Column<Object>) Table.addColumn(table, valueName, valueType, options.toArray(ColumnOption[]::new));
        jakarta.persistence.OrderColumn oc = f.getAnnotation(jakarta.persistence.OrderColumn.class);
        Column<Object> position = null;
        if (oc != null) {
            String member = !oc.insertable() ? "insertable" : !oc.updatable() ? "updatable"
                    : !oc.columnDefinition().isEmpty() ? "columnDefinition" : !oc.options().isEmpty() ? "options" : null;
            if (member != null) throw new MappingException(where + ": " + ElementRules.orderColumnMember(member));
            String positionName = oc.name().isEmpty() ? ElementRules.defaultOrderColumn(f.getName()) : oc.name();
            List<String> others = new ArrayList<>(names.names());
            others.add(valueName);
            for (String other : others)
                if (other.equalsIgnoreCase(positionName)) throw new MappingException(where + ": " + ElementRules.sameColumns(tableName, other));
            position = (Column<Object>) (Column<?>) Table.addColumn(table, positionName, org.athanor.core.type.SqlTypes.INTEGER, Table.Options.notNull());
            List<Column<?>> pk = new ArrayList<>(locals);
            pk.add(position);
            Table.addPrimaryKey(table, pk);
        }
        if (set) {
            List<Column<?>> pk = new ArrayList<>(locals);
            pk.add(value);
            Table.addPrimaryKey(table, pk);
        }
        List<String> ownerKeyNames = ownerKey.stream().map(FieldSpec::name).toList();
        if ((ct == null || ct.foreignKey().value() != ConstraintMode.NO_CONSTRAINT) && !ToOnes.tablePerClass(cls))
            Table.addForeignKey(table, List.<Column<?>>copyOf(locals),
                    () -> ownerKeyNames.stream().<Column<?>>map(n -> ManyToManys.column(attributes, n)).toList(),
                    ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION,
                    ct == null || ct.foreignKey().name().isEmpty() ? null : ct.foreignKey().name());
        return new Secondary(table, locals, List.of(value), true, true, position);
    }

    private static void checkCollectionTable(CollectionTable ct, List<FieldSpec> ownerKey, String where) {
        String ddl = AnnotationRules.ddlMemberProblem("CollectionTable", "options", ct.options());
        if (ddl != null) throw new MappingException(where + ": " + ddl);
        String member = !ct.catalog().isEmpty() ? "catalog" : ct.joinColumns().length > 1 && ownerKey.size() == 1 ? "several joinColumns"
                : ct.uniqueConstraints().length > 0 ? "uniqueConstraints" : ct.indexes().length > 0 ? "indexes"
                : !ct.foreignKey().foreignKeyDefinition().isEmpty() || !ct.foreignKey().options().isEmpty() ? "foreignKey definition"
                : null;
        for (JoinColumn jc : ct.joinColumns()) {
            if (member != null) break;
            // a composite key's referencedColumnNames are checked with the names (JoinColumnRules)
            if (ownerKey.size() == 1 && !jc.referencedColumnName().isEmpty() && !jc.referencedColumnName().equalsIgnoreCase(ownerKey.get(0).columnName()))
                member = "joinColumns = @JoinColumn(referencedColumnName = \"" + jc.referencedColumnName() + "\"), not the key "
                        + "column " + ownerKey.get(0).columnName() + ",";
            else if (!jc.columnDefinition().isEmpty() || !jc.table().isEmpty() || !jc.options().isEmpty() || jc.check().length > 0
                    || !jc.insertable() || !jc.updatable() || jc.unique()
                    || jc.foreignKey().value() == ConstraintMode.NO_CONSTRAINT || !jc.foreignKey().name().isEmpty())
                member = "joinColumns = @JoinColumn(...) with more than name and referencedColumnName";
        }
        if (member != null) throw new MappingException(where + ": " + ElementRules.collectionTableMember(member));
    }
}
