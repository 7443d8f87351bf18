package org.athanor.orm.mapping;

import jakarta.persistence.ConstraintMode;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Locale;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ReferentialAction;
import org.athanor.core.schema.Table;
import org.athanor.orm.rules.Messages;
import org.athanor.orm.rules.check.CollectionChecks;

/**
 * A unidirectional {@code @OneToMany @JoinColumn(name = "owner_id")} (Hibernate's and SQLAlchemy's
 * {@code relationship()} without a back reference): the owner's key lives in a column of the element's table
 * that no field of the element maps. This mapping adds that column (the owner key's type; NOT NULL with
 * {@code nullable = false}) and its FOREIGN KEY to the element's mapped Core table, so {@code createAll} creates
 * them and Core joins infer their ON clause. The collection is then linked as a join-table one-to-many is, through
 * a {@link Secondary#inElementTable() Secondary} whose table is the element's own: its pairs (owner, element) are
 * the key column's value, written by the flush as {@code UPDATE element SET owner_id = ? WHERE id = ?}.
 *
 * <p>The column is added once per element table (a second mapping of the owner, or another registry, finds the
 * column it added: same name, its FOREIGN KEY to the owner's table) under the table's lock; an attribute or
 * reference of the element that maps the same column is a mapping error.
 */
final class JoinColumnOneToManys {
    private JoinColumnOneToManys() {}

    /**
     * The owners whose {@code @JoinColumn} collections this thread is mapping: the element's mapping is built from inside
     * the owner's (its table gets the column), so two entities with such collections of each other would build each other
     * without end. Thread-confined, mapping time only.
     */
    private static final ThreadLocal<java.util.Set<Class<?>>> MAPPING = ThreadLocal.withInitial(java.util.HashSet::new);

    /** A {@code @OneToMany} without {@code mappedBy} with a {@code @JoinColumn}: its key column is in the element's table. */
    static boolean is(Field f) {
        OneToMany o = f.getAnnotation(OneToMany.class);
        return o != null && o.mappedBy().isEmpty() && f.isAnnotationPresent(JoinColumn.class);
    }

    /**
     * The collection's key column in the element's table, and the element's key: a Secondary in the element's table.
     * {@code ownerTable}/{@code attributes}: the owner's table and attributes being built (the element's, when the
     * collection is of the owner's own class).
     */
    @SuppressWarnings("unchecked")
    static Secondary secondary(Class<?> cls, Table ownerTable, Field f, Class<?> target, FieldSpec ownerKey,
                               List<Attribute> attributes, List<ToOne> toOnes, boolean cascadeRemove, String where) {
        // checked by the rules shared with the processor (CollectionChecks); what follows needs the built tables
        JoinColumn jc = f.getAnnotation(JoinColumn.class);
        String name = CollectionChecks.joinColumnName(f.getName(), jc.name(), ownerKey.columnName());
        boolean self = target == cls;
        if (!self && MAPPING.get().contains(target))
            throw new MappingException(where + ": " + target.getSimpleName() + " has a @OneToMany @JoinColumn collection "
                    + "leading back to " + cls.getSimpleName() + "; such cycles between entities are not supported yet: "
                    + "map one side as @OneToMany(mappedBy = ...) of a @ManyToOne, or use a join table (leave out @JoinColumn)");
        Table table;
        MAPPING.get().add(cls);
        try {
            table = self ? ownerTable : ClassMapping.of(target).table();
        } finally {
            MAPPING.get().remove(cls);
        }
        List<Attribute> elementAttributes = self ? attributes : ClassMapping.of(target).attributes();
        List<ToOne> elementToOnes = self ? toOnes : ClassMapping.of(target).toOnes();
        List<Attribute> ids = elementAttributes.stream().filter(Attribute::isId).toList();
        if (ids.size() != 1) throw new IllegalStateException(where + ": CollectionChecks gives the element one key column");
        Column<Object> elementId = (Column<Object>) ids.get(0).column();
        java.util.Set<Column<?>> own = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Attribute a : elementAttributes) own.add(a.column());
        for (ToOne t : elementToOnes) own.addAll(t.columns());
        String ownerKeyName = ownerKey.name();
        boolean constraint = jc.foreignKey().value() != ConstraintMode.NO_CONSTRAINT;
        Column<Object> column;
        synchronized (table) { // element tables are shared by every mapping of the class: one column, added once
            column = existing(table, name, own, ownerTable, where);
            if (column == null) {
                column = (Column<Object>) Table.addColumn(table, name, ownerKey.type(),
                        jc.nullable() ? Table.Options.nullable() : Table.Options.notNull());
                if (constraint)
                    Table.addForeignKey(table, List.of(column), () -> List.of(ManyToManys.column(attributes, ownerKeyName)),
                            ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION, jc.foreignKey().name().isEmpty() ? null : jc.foreignKey().name());
            }
        }
        // a tree in one table: its rows go in one DELETE, in no order the foreign key accepts, so the deleted owners'
        // children are unlinked first (in a table of its own, the element's rows are deleted before the owner's)
        return Secondary.inElementTable(table, column, elementId, cascadeRemove && !self);
    }

    /**
     * The column {@code name} of the element table when a mapping of this owner's collection added it before (another
     * mapping of the owner: the column is not one of the element's own, {@code own}, and its FOREIGN KEY, if any,
     * references the owner's table); null when the table has no such column; a mapping error when an attribute or a
     * reference of the element maps it, or another owner's collection keys its rows with it.
     */
    @SuppressWarnings("unchecked")
    private static Column<Object> existing(Table table, String name, java.util.Set<Column<?>> own, Table ownerTable, String where) {
        for (Column<?> c : table.columns()) {
            if (!c.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) continue;
            if (own.contains(c)) throw new MappingException(where + ": " + Messages.oneToManyJoinColumnTaken(name, table.name()));
            // the foreign key a collection's mapping added: its target is a list of the owner's columns (no mapping to build)
            for (org.athanor.core.schema.ForeignKey fk : table.foreignKeys())
                if (fk.columns().size() == 1 && fk.columns().get(0) == c && !sameTable(fk.referencedTable(), ownerTable))
                    throw new MappingException(where + ": @JoinColumn(name = \"" + name + "\") is already the key column of "
                            + "another owner's collection in " + table.name() + " (referencing " + fk.referencedTable().name()
                            + "); give this collection's key column another name");
            return (Column<Object>) c;
        }
        return null;
    }

    private static boolean sameTable(Table a, Table b) {
        return a.name().equalsIgnoreCase(b.name()) && java.util.Objects.equals(a.schema(), b.schema());
    }
}
