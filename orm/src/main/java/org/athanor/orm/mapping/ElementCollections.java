package org.athanor.orm.mapping;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.JoinColumn;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ColumnOption;
import org.athanor.core.schema.ReferentialAction;
import org.athanor.core.schema.Table;
import org.athanor.core.type.SqlType;
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
        for (Field f : fields) { // checked by the rules shared with the processor (ElementCollectionChecks, run by MappingBuilder)
            String where = MappingException.where(cls, f.getName());
            ElementCollection ec = f.getAnnotation(ElementCollection.class);
            Class<?> type = f.getType();
            Class<?> element = ec.targetClass() != void.class ? ec.targetClass() : GenericTypes.elementType(f);
            jakarta.persistence.Column col = f.getAnnotation(jakarta.persistence.Column.class);
            Class<?> boxed = JavaTypes.box(element);
            SqlType<?> valueType = mapper.sqlType(f, boxed, col, where);
            List<FieldSpec> ownerKey = ToOnes.targetKeys(cls, cls, specs); // one column, or several (@IdClass, @EmbeddedId)
            Secondary table = table(cls, entityName, f, ownerKey, valueType, col, type == java.util.Set.class, attributes);
            out.add(new ToMany(cls, f.getName(), f, boxed, "", type == java.util.Set.class, List.of(), false, false, false, table, false, false, false, false, true));
        }
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    private static Secondary table(Class<?> cls, String entityName, Field f, List<FieldSpec> ownerKey, SqlType<?> valueType,
                                   jakarta.persistence.Column col, boolean set, List<Attribute> attributes) {
        CollectionTable ct = f.getAnnotation(CollectionTable.class);
        String tableName = ct != null && !ct.name().isEmpty() ? ct.name() : ElementRules.defaultTable(entityName, f.getName());
        String schema = ct != null && !ct.schema().isEmpty() ? ct.schema() : null;
        // one column per owner key column: <entity>_<key column> by default (JPA), or as the @JoinColumns name them
        List<JoinColumnRules.Given> given = new ArrayList<>();
        if (ct != null) for (JoinColumn jc : ct.joinColumns()) given.add(new JoinColumnRules.Given(jc.name(), jc.referencedColumnName()));
        JoinColumnRules.Result names = JoinColumnRules.resolve(entityName, cls.getSimpleName(),
                ownerKey.stream().map(FieldSpec::columnName).toList(), given, "@CollectionTable(joinColumns = {...})");
        if (names.problem() != null) throw new IllegalStateException(names.problem() + " (ElementCollectionChecks checks the join columns)");
        String valueName = col != null && !col.name().isEmpty() ? col.name() : ElementRules.defaultValueColumn(f.getName());
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
            String positionName = oc.name().isEmpty() ? ElementRules.defaultOrderColumn(f.getName()) : oc.name();
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
}
