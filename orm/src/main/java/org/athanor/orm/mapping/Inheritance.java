package org.athanor.orm.mapping;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.PrimaryKeyJoinColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ReferentialAction;
import org.athanor.core.schema.Table;
import org.athanor.core.type.SqlType;
import org.athanor.orm.rules.check.ClassView;
import org.athanor.orm.rules.check.InheritanceChecks;
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
    static Table subclassTable(Class<?> cls, ClassMapping<?> parent, String schema, String tableName) {
        Inheritance p = parent.inheritance();
        if (p.strategy == InheritanceType.TABLE_PER_CLASS) return Table.create(schema, tableName);
        // the rules shared with the processor: no @Table on a single-table subclass, @PrimaryKeyJoinColumn
        ReflectionViews.fail(cls, InheritanceChecks.subclassTable(ReflectionViews.of(cls)));
        if (p.strategy == InheritanceType.SINGLE_TABLE) return parent.table();
        Table table = Table.create(schema, tableName);
        List<Attribute> ids = parent.idAttributes();
        PrimaryKeyJoinColumn pkj = cls.getAnnotation(PrimaryKeyJoinColumn.class);
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

    /**
     * A single-table subclass's column must not be one another class of the hierarchy already maps (the shared rule's
     * message; the processor checks the entity superclasses' columns, this the table as built, other subclasses' too).
     */
    static void checkFreeColumn(Class<?> cls, FieldSpec s, Table table) {
        for (Column<?> c : table.columns())
            if (c.name().toLowerCase(Locale.ROOT).equals(s.columnName().toLowerCase(Locale.ROOT)))
                throw new MappingException(s.where(cls) + ": " + InheritanceChecks.sharedColumn(s.columnName(), table.name()));
    }

    /**
     * The inheritance of a built class, or null when it is in no hierarchy. The root adds the discriminator
     * column to its table; {@code discriminatorIndex} is the discriminator's position in the value arrays.
     */
    static Inheritance of(Class<?> cls, ClassMapping<?> parent, Table table, int discriminatorIndex) {
        ClassView view = ReflectionViews.of(cls);
        // the root's @DiscriminatorColumn and this class's @DiscriminatorValue: the rules shared with the processor
        ReflectionViews.fail(cls, InheritanceChecks.discriminator(view));
        Object value = InheritanceChecks.discriminatorValue(view);
        if (parent == null) {
            jakarta.persistence.Inheritance inh = cls.getAnnotation(jakarta.persistence.Inheritance.class);
            if (inh == null) return null;
            if (inh.strategy() == InheritanceType.TABLE_PER_CLASS) // no discriminator column: a polymorphic query names each table's class in a literal
                return new Inheritance(inh.strategy(), cls, null, null, DiscriminatorType.STRING, value, List.of(table));
            DiscriminatorColumn dc = cls.getAnnotation(DiscriminatorColumn.class);
            String name = InheritanceChecks.discriminatorColumn(view);
            DiscriminatorType type = dc == null ? DiscriminatorType.STRING : dc.discriminatorType();
            SqlType<?> sqlType = switch (type) {
                case STRING -> SqlTypes.varchar(dc == null ? 31 : dc.length());
                case CHAR -> SqlTypes.varchar(1);
                case INTEGER -> SqlTypes.INTEGER;
            };
            ReflectionViews.fail(cls, InheritanceChecks.discriminatorColumnClash(view,
                    n -> table.columns().stream().anyMatch(c -> c.name().toLowerCase(Locale.ROOT).equals(n))));
            Column<?> column = Table.addColumn(table, name, sqlType, Table.Options.notNull());
            Attribute attr = Attribute.discriminator(column, sqlType.javaType(), discriminatorIndex);
            return new Inheritance(inh.strategy(), cls, null, attr, type, value, List.of(table));
        }
        Inheritance p = parent.inheritance();
        if (p.strategy == InheritanceType.TABLE_PER_CLASS)
            return new Inheritance(p.strategy, p.root, parent, null, DiscriminatorType.STRING, value, List.of(table));
        List<Table> tables = new ArrayList<>(p.tables);
        if (!tables.contains(table)) tables.add(table);
        return new Inheritance(p.strategy, p.root, parent, p.discriminator.withIndex(discriminatorIndex), p.discriminatorType,
                value, tables);
    }
}
