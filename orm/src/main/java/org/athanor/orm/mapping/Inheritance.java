package org.athanor.orm.mapping;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.PrimaryKeyJoinColumn;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ReferentialAction;
import org.athanor.core.schema.Table;
import org.athanor.orm.rules.AnnotationRules;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/**
 * An entity's place in an inheritance hierarchy ({@code @Inheritance} on the root): the strategy, the
 * root class (identity is keyed by it), the entity superclass it extends, the discriminator column and
 * this class's value in it, and the tables its rows are written to (root table first).
 *
 * <pre>{@code
 * @Entity @Inheritance(strategy = SINGLE_TABLE) @DiscriminatorColumn(name = "type")
 * abstract class Animal { @Id @GeneratedValue Long id; String name; }
 * @Entity @DiscriminatorValue("cat") class Cat extends Animal { boolean indoor; }
 *
 * ClassMapping.of(Cat.class).inheritance().discriminatorValue();   // "cat"
 * }</pre>
 *
 * <p>Both SINGLE_TABLE and JOINED keep a discriminator column in the root table (JPA makes it optional for
 * JOINED; here the class of a row is always read from it, so a polymorphic load needs no probing of the
 * subclass tables). TABLE_PER_CLASS has none: each class has a full table of its own, and a polymorphic
 * query selects each table's class as a literal in a UNION ALL. Immutable.
 */
public final class Inheritance {
    private final InheritanceType strategy;
    private final Class<?> root;
    private final ClassMapping<?> parent;
    private final Attribute discriminator;
    private final DiscriminatorType discriminatorType;
    private final Object discriminatorValue;
    private final List<Table> tables;

    private Inheritance(InheritanceType strategy, Class<?> root, ClassMapping<?> parent, Attribute discriminator,
                        DiscriminatorType discriminatorType, Object discriminatorValue, List<Table> tables) {
        this.discriminatorType = discriminatorType;
        this.strategy = strategy;
        this.root = root;
        this.parent = parent;
        this.discriminator = discriminator;
        this.discriminatorValue = discriminatorValue;
        this.tables = List.copyOf(tables);
    }

    /** SINGLE_TABLE or JOINED. */
    public InheritanceType strategy() { return strategy; }
    /** The hierarchy's root entity (the class carrying {@code @Inheritance}). */
    public Class<?> root() { return root; }
    /** The mapping of the entity superclass this class extends, or null for the root. */
    public ClassMapping<?> parent() { return parent; }
    /**
     * The discriminator as an attribute of the session's value arrays: after the entity's own attributes
     * and its references' keys; its value is fixed by the class ({@link #discriminatorValue()}). Null for
     * TABLE_PER_CLASS (no such column; a polymorphic query selects the value as a literal per table).
     */
    public Attribute discriminator() { return discriminator; }
    /** This class's value in the discriminator column; null for an abstract class (it has no rows of its own). */
    public Object discriminatorValue() { return discriminatorValue; }
    /** The tables this class's rows are written to, root table first (one for SINGLE_TABLE). */
    public List<Table> tables() { return tables; }

    // ---- building (MappingBuilder) ------------------------------------------------------------------

    /**
     * The table a subclass's own columns go to: the root's table (SINGLE_TABLE), or a table of its own
     * whose primary key references its parent's (JOINED), named by {@code @PrimaryKeyJoinColumn} or after the root's key.
     */
    static Table subclassTable(Class<?> cls, ClassMapping<?> parent, String schema, String tableName,
                               jakarta.persistence.Table tableAnn) {
        Inheritance p = parent.inheritance();
        if (p.strategy == InheritanceType.TABLE_PER_CLASS) return Table.create(schema, tableName);
        if (p.strategy == InheritanceType.SINGLE_TABLE) {
            if (tableAnn != null)
                throw MappingException.of(cls, null, "@Table on a SINGLE_TABLE subclass: its rows live in the table of "
                        + p.root.getSimpleName() + " (" + parent.table().name() + "); remove @Table, or use JOINED inheritance");
            return parent.table();
        }
        Table table = Table.create(schema, tableName);
        List<Attribute> ids = parent.idAttributes();
        PrimaryKeyJoinColumn pkj = cls.getAnnotation(PrimaryKeyJoinColumn.class);
        if (pkj != null && ids.size() != 1)
            throw MappingException.of(cls, null, "@PrimaryKeyJoinColumn names one key column, but " + p.root.getSimpleName()
                    + " has a composite key; leave it out (the columns are named after the root's)");
        if (pkj != null && !pkj.referencedColumnName().isEmpty()
                && !pkj.referencedColumnName().equalsIgnoreCase(ids.get(0).column().name()))
            throw MappingException.of(cls, null, "@PrimaryKeyJoinColumn(referencedColumnName = \"" + pkj.referencedColumnName()
                    + "\"): the key column of " + parent.entityClass().getSimpleName() + " is " + ids.get(0).column().name());
        if (pkj != null && !pkj.options().isEmpty())
            throw MappingException.of(cls, null, AnnotationRules.ddlMemberProblem("PrimaryKeyJoinColumn", "options", pkj.options()));
        if (pkj != null && !pkj.columnDefinition().isEmpty())
            throw MappingException.of(cls, null, "@PrimaryKeyJoinColumn(columnDefinition) is not supported; the column takes "
                    + "the type of " + p.root.getSimpleName() + "'s key");
        Table parentTable = p.tables.get(p.tables.size() - 1);
        List<Column<?>> parentKeys = parentTable == parent.table() && p.tables.size() == 1 ? null : parentTable.primaryKeyColumns();
        List<Column<?>> keys = new ArrayList<>();
        for (int k = 0; k < ids.size(); k++) {
            Attribute a = ids.get(k);
            // JPA's default: the name of the parent table's key column
            String name = pkj != null && !pkj.name().isEmpty() ? pkj.name() : parentKeys == null ? a.column().name() : parentKeys.get(k).name();
            keys.add(ids.size() == 1 ? Table.addColumn(table, name, a.column().type(), Table.Options.primaryKey(), Table.Options.notNull())
                    : Table.addColumn(table, name, a.column().type(), Table.Options.notNull()));
        }
        if (keys.size() > 1) Table.addPrimaryKey(table, keys);
        Table.addForeignKey(table, keys, parentTable::primaryKeyColumns, ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION, null);
        return table;
    }

    /** A single-table subclass's column must not be one another class of the hierarchy already maps. */
    static void checkFreeColumn(Class<?> cls, FieldSpec s, Table table) {
        for (Column<?> c : table.columns())
            if (c.name().toLowerCase(Locale.ROOT).equals(s.columnName().toLowerCase(Locale.ROOT)))
                throw new MappingException(s.where(cls) + ": column " + s.columnName() + " of the shared table " + table.name()
                        + " is already mapped by another class of the hierarchy (or is its discriminator); give it another "
                        + "name with @Column(name = ...)");
    }

    /**
     * The inheritance of a built class, or null when it is in no hierarchy. The root adds the discriminator
     * column to its table; {@code discriminatorIndex} is the discriminator's position in the value arrays.
     */
    static Inheritance of(Class<?> cls, String entityName, ClassMapping<?> parent, Table table, int discriminatorIndex) {
        boolean isAbstract = Modifier.isAbstract(cls.getModifiers());
        DiscriminatorValue dv = cls.getAnnotation(DiscriminatorValue.class); // not on an abstract class (ClassChecks)
        if (parent == null) {
            jakarta.persistence.Inheritance inh = cls.getAnnotation(jakarta.persistence.Inheritance.class);
            if (inh == null) return null;
            if (inh.strategy() == InheritanceType.TABLE_PER_CLASS) {
                // no discriminator column: a polymorphic query names each table's class in a literal
                Object value = isAbstract ? null : value(cls, entityName, DiscriminatorType.STRING, dv);
                return new Inheritance(inh.strategy(), cls, null, null, DiscriminatorType.STRING, value, List.of(table));
            }
            DiscriminatorColumn dc = cls.getAnnotation(DiscriminatorColumn.class);
            String name = dc == null ? "dtype" : dc.name();
            DiscriminatorType type = dc == null ? DiscriminatorType.STRING : dc.discriminatorType();
            if (dc != null && !dc.columnDefinition().isEmpty())
                throw MappingException.of(cls, null, "@DiscriminatorColumn(columnDefinition) is not supported; give "
                        + "discriminatorType and length");
            if (dc != null && !dc.options().isEmpty())
                throw MappingException.of(cls, null, "@DiscriminatorColumn(options) is not supported");
            SqlType<?> sqlType = switch (type) {
                case STRING -> SqlTypes.varchar(dc == null ? 31 : dc.length());
                case CHAR -> SqlTypes.varchar(1);
                case INTEGER -> SqlTypes.INTEGER;
            };
            for (Column<?> c : table.columns())
                if (c.name().equalsIgnoreCase(name))
                    throw MappingException.of(cls, null, "the discriminator column " + name + " is also mapped by an attribute; "
                            + "the class of an object fixes its value, so leave the column unmapped (or name the "
                            + "discriminator differently with @DiscriminatorColumn(name = ...))");
            Column<?> column = Table.addColumn(table, name, sqlType, Table.Options.notNull());
            Attribute attr = Attribute.discriminator(column, sqlType.javaType(), discriminatorIndex);
            Object value = isAbstract ? null : value(cls, entityName, type, dv);
            return new Inheritance(inh.strategy(), cls, null, attr, type, value, List.of(table));
        }
        Inheritance p = parent.inheritance();
        if (p.strategy == InheritanceType.TABLE_PER_CLASS) {
            Object value = isAbstract ? null : value(cls, entityName, DiscriminatorType.STRING, dv);
            return new Inheritance(p.strategy, p.root, parent, null, DiscriminatorType.STRING, value, List.of(table));
        }
        List<Table> tables = new ArrayList<>(p.tables);
        if (!tables.contains(table)) tables.add(table);
        Object value = isAbstract ? null : value(cls, entityName, p.discriminatorType, dv);
        return new Inheritance(p.strategy, p.root, parent, p.discriminator.withIndex(discriminatorIndex), p.discriminatorType,
                value, tables);
    }

    private static Object value(Class<?> cls, String entityName, DiscriminatorType type, DiscriminatorValue dv) {
        String v = dv != null ? dv.value() : null;
        switch (type) {
            case INTEGER -> {
                if (v == null)
                    throw MappingException.of(cls, null, "the hierarchy's discriminator is an INTEGER column; give "
                            + cls.getSimpleName() + " its value with @DiscriminatorValue(\"...\")");
                try {
                    return Integer.valueOf(v.trim());
                } catch (NumberFormatException e) {
                    throw MappingException.of(cls, null, "@DiscriminatorValue(\"" + v + "\") is not an integer, but the "
                            + "hierarchy's discriminator column is INTEGER");
                }
            }
            case CHAR -> {
                if (v == null || v.length() != 1)
                    throw MappingException.of(cls, null, "the hierarchy's discriminator is a CHAR column; give "
                            + cls.getSimpleName() + " a one-character @DiscriminatorValue" + (v == null ? "" : ", not \"" + v + "\""));
                return v;
            }
            default -> {
                if (v != null && v.isEmpty())
                    throw MappingException.of(cls, null, "@DiscriminatorValue(\"\") is empty; give a value or leave the "
                            + "annotation out (the entity name " + entityName + " is the default)");
                return v != null ? v : entityName;
            }
        }
    }
}
