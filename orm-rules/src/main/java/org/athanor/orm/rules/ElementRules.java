package org.athanor.orm.rules;

import java.util.Set;

/**
 * The rules and the words of the mapping errors for {@code @ElementCollection} (a collection of basic
 * values in a collection table), shared by the runtime (org.athanor.orm.mapping.ElementCollections) and
 * the annotation processor, so that both accept the same fields and report a mistake the same way. Each
 * method returns the message after the "Class.field: " prefix.
 *
 * <p>Not API: public only so that the runtime and the processor, in other artifacts, share it.
 */
public final class ElementRules {
    private ElementRules() {}

    /** The jakarta.persistence annotations read on an {@code @ElementCollection} field. */
    public static final Set<String> COMBINABLE = Set.of("ElementCollection", "CollectionTable", "Column", "Enumerated", "Convert",
            "OrderColumn");

    public static String finalField() { return "the field is final; the session puts its own collection in it"; }

    /** The field's declared type (its erasure's name) is not Set, List or Collection. */
    public static String collectionType(String type) {
        if (type.equals("java.util.Map"))
            return "a Map @ElementCollection (with @MapKeyColumn) is not supported yet; collections of values are: declare "
                    + "the field as Set or List, or map the entries as an @Entity with a @ManyToOne to this one";
        return "an @ElementCollection field must be declared as Set, List or Collection (the session puts its own "
                + "implementation in it), not " + type;
    }

    public static String noElementType(String genericType) {
        return "@ElementCollection needs its element type (" + genericType + "); give the type argument, e.g. Set<String>, or targetClass";
    }

    public static String embeddableElement(String simpleName) {
        return "@ElementCollection of the @Embeddable " + simpleName + " is not supported yet, only of basic values (String, "
                + "numbers, dates and times, UUID, enums, or a type with @Convert); map " + simpleName + " as an @Entity with a "
                + "@ManyToOne to this one and a @OneToMany(mappedBy) here";
    }

    public static String entityElement(String simpleName) {
        return simpleName + " is an @Entity; a collection of entities is a @OneToMany(mappedBy) or a @ManyToMany, not an "
                + "@ElementCollection";
    }

    /** byte[] elements, or {@code @Lob}: no equality (byte[]) and no key (TEXT/BLOB) in a collection table. */
    public static String lobElement() {
        return "@ElementCollection of byte[] or with @Lob is not supported: the values are compared and keyed in the collection "
                + "table; use a String of a bounded length (@Column(length = ...)) or another basic type";
    }

    public static String eager(String entity, String field) {
        return "@ElementCollection(fetch = EAGER) is not supported yet; the collection loads on first access, for every "
                + "owner of the same query result at once, or with the query: options(selectinLoad(" + entity + "_." + field
                + ")); remove fetch";
    }

    /** {@code @OrderColumn} on a Set (it has no order). */
    public static String orderColumnOnSet() {
        return "@OrderColumn on a Set: a Set has no order to keep; declare the field as a List to keep each value's position";
    }

    /** {@code @OrderColumn} members other than name. */
    public static String orderColumnMember(String member) {
        return "@OrderColumn(" + member + ") is not supported: the position column is an INTEGER NOT NULL, part of the "
                + "collection table's primary key, written with the values; only name is read";
    }

    /** The default position column of {@code @OrderColumn}: {@code <attribute>_order} (JPA's default, snake_case). */
    public static String defaultOrderColumn(String field) { return Naming.snakeCase(field) + "_order"; }

    public static String orderBy() {
        return "@OrderBy on an @ElementCollection is not supported: the values load in their @OrderColumn's order, else "
                + "ordered by value; remove it";
    }

    public static String notCombinable(String simpleName) {
        return "@" + simpleName + " cannot be combined with @ElementCollection; with it only @CollectionTable, @Column (name, "
                + "length, precision, scale, columnDefinition), @Enumerated, @Convert and (on a List) @OrderColumn are read";
    }

    public static String collectionTableWithout() {
        return "@CollectionTable without @ElementCollection; it names the table of a collection of values";
    }

    /** {@code @CollectionTable} members that are not read. */
    public static String collectionTableMember(String member) {
        return "@CollectionTable(" + member + ") is not supported; only name, schema, joinColumns (one, with its name) and "
                + "foreignKey (name, or NO_CONSTRAINT) are read";
    }

    /** {@code @Column} members that make no sense on the value column. */
    public static String columnMember(String member) {
        return "@Column(" + member + ") is not supported on an @ElementCollection: the value column is NOT NULL (null "
                + "elements are refused) and written with the collection; only name, length, precision, scale and "
                + "columnDefinition are read";
    }

    public static String sameColumns(String table, String column) {
        return "both columns of the collection table " + table + " are named " + column + "; name them with "
                + "@CollectionTable(joinColumns = @JoinColumn(name = ...)) and @Column(name = ...)";
    }

    /** The default collection table: {@code <entity name>_<attribute>}, snake_case (JPA's default, in this project's naming). */
    public static String defaultTable(String entityName, String field) {
        return Naming.snakeCase(entityName) + "_" + Naming.snakeCase(field);
    }

    /** The default join column: {@code <entity name>_<key column>}. */
    public static String defaultJoinColumn(String entityName, String keyColumn) {
        return Naming.snakeCase(entityName) + "_" + keyColumn;
    }

    /** The default value column: the attribute's name, snake_case. */
    public static String defaultValueColumn(String field) { return Naming.snakeCase(field); }
}
