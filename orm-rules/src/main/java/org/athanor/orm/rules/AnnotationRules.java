package org.athanor.orm.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the mapping does with each {@code jakarta.persistence} annotation: every one is either
 * honoured (read by the mapping) or rejected with a mapping error that says why and what to do, never
 * silently ignored: an entity written for a JPA provider must not lose behaviour it relies on (a
 * {@code @PrePersist} that sets a timestamp, a {@code @NamedQuery}) without being told. The runtime
 * (org.athanor.orm.mapping.MappingBuilder) and the annotation processor use these tables by simple name,
 * so that they agree; an annotation in neither table (a newer Jakarta Persistence) is rejected too.
 *
 * <p>Not API: public only so that the runtime and the processor, in other artifacts, share it.
 */
public final class AnnotationRules {
    private AnnotationRules() {}

    public static final String PACKAGE = "jakarta.persistence";

    /**
     * Read by the mapping: on entity classes and {@code @MappedSuperclass}es and their fields;
     * {@code @Embeddable} for {@code @EmbeddedId} and {@code @Embedded} classes, {@code @AttributeOverride(s)}
     * on those fields; {@code Index} and {@code UniqueConstraint}
     * inside {@code @Table}; {@code @Converter} on the converter classes {@code @Convert} names;
     * {@code @ElementCollection} with {@code @CollectionTable} (see {@link ElementRules}).
     */
    public static final Set<String> HONOURED = Set.of("Access", "AttributeOverride", "AttributeOverrides", "Basic", "CollectionTable", "Column", "Convert", "Converter", "DiscriminatorColumn", "DiscriminatorValue", "ElementCollection", "Embeddable",
            "Embedded", "EmbeddedId", "Entity", "EntityListeners", "Enumerated", "ExcludeDefaultListeners", "ExcludeSuperclassListeners", "GeneratedValue", "Id", "IdClass", "Index", "Inheritance", "JoinColumn", "JoinColumns", "JoinTable", "Lob", "ManyToMany", "ManyToOne", "MapsId", "MappedSuperclass", "OneToMany", "OneToOne", "OrderBy",
            "PostLoad", "PostPersist", "PostRemove", "PostUpdate", "PrePersist", "PreRemove", "PreUpdate", "PrimaryKeyJoinColumn",
            "SequenceGenerator", "Table", "Transient", "UniqueConstraint", "Version");

    /**
     * The lifecycle callback annotations, honoured on methods of the entity and its mapped superclasses
     * (in the order of org.athanor.orm.mapping.Callbacks' event numbers).
     */
    public static final java.util.List<String> CALLBACKS = java.util.List.of("PrePersist", "PostPersist", "PreUpdate",
            "PostUpdate", "PreRemove", "PostRemove", "PostLoad");

    private static final String ASSOCIATION_OVERRIDE = "@AssociationOverride is not supported: relationships inside an "
            + "@Embeddable are not supported, and a mapped superclass's relationship keeps its join column; declare the "
            + "relationship with its @JoinColumn on the entity itself";
    private static final String MAP_KEY = "Map-valued collections are not supported: map the relationship or "
            + "@ElementCollection as a List or Set and build the map from it (or query the keyed values)";
    private static final String INHERITANCE = "secondary tables are not supported yet; map the second table as its own "
            + "entity (or use JOINED inheritance)";
    private static final String QUERIES = "named queries, result set mappings and entity graphs are not supported; build"
            + " the query where it is used with session.query(Entity.class).filter(...) (or a Core select run by"
            + " session.execute), and keep reusable ones as static methods or constants of your own";
    private static final String CONTAINER = "there is no container injection; build a SessionFactory and open Sessions from it";

    /** An inverse one-to-one with a key column of its own, refused by the mapping and the processor alike. */
    public static final String ONE_TO_ONE_INVERSE_JOIN_COLUMN = "@JoinColumn cannot be combined with @OneToOne(mappedBy); the key "
            + "column is on the other side, mapped by its owning @OneToOne";

    /** Refused with a mapping error: simple name to the reason. */
    public static final Map<String, String> REJECTED = rejected();

    private static Map<String, String> rejected() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String a : new String[] {"AssociationOverride", "AssociationOverrides"})
            m.put(a, ASSOCIATION_OVERRIDE);
        for (String a : new String[] {"MapKey", "MapKeyClass", "MapKeyColumn", "MapKeyEnumerated", "MapKeyJoinColumn",
                "MapKeyJoinColumns", "MapKeyTemporal"})
            m.put(a, MAP_KEY);
        m.put("ForeignKey", "@ForeignKey is read only inside @JoinColumn(foreignKey = ...), @JoinColumns(foreignKey = ...) or "
                + "@JoinTable(foreignKey / inverseForeignKey = ...)");
        m.put("OrderColumn", "@OrderColumn is honoured on an @ElementCollection List only; give a relationship's List its "
                + "order with @OrderBy (e.g. @OrderBy(\"position\") over a column of the element)");
        m.put("PrimaryKeyJoinColumns", "a JOINED subclass table joins its parent through one key column (@PrimaryKeyJoinColumn); "
                + "composite keys in a JOINED hierarchy are not supported");
        m.put("Converts", "@Converts (converters for the attributes of an embedded value) is not supported: put @Convert on "
                + "the @Embeddable's fields");
        for (String a : new String[] {"SecondaryTable", "SecondaryTables"})
            m.put(a, INHERITANCE);
        for (String a : new String[] {"NamedQuery", "NamedQueries", "NamedNativeQuery", "NamedNativeQueries",
                "NamedStoredProcedureQuery", "NamedStoredProcedureQueries", "StoredProcedureParameter", "QueryHint",
                "SqlResultSetMapping", "SqlResultSetMappings", "EntityResult", "FieldResult", "ColumnResult",
                "ConstructorResult", "NamedEntityGraph", "NamedEntityGraphs", "NamedAttributeNode", "NamedSubgraph"})
            m.put(a, QUERIES);
        for (String a : new String[] {"PersistenceContext", "PersistenceContexts", "PersistenceUnit", "PersistenceUnits",
                "PersistenceProperty"})
            m.put(a, CONTAINER);
        m.put("Cacheable", "there is no second-level cache; each Session's identity map is its only cache");
        m.put("TableGenerator", "table-based id generation is not supported; use @GeneratedValue(strategy = IDENTITY or SEQUENCE)");
        m.put("TableGenerators", m.get("TableGenerator"));
        m.put("SequenceGenerators", "declare one @SequenceGenerator on the id field instead");
        m.put("Temporal", "java.util.Date and Calendar are not supported; use java.time types (LocalDate, LocalDateTime,"
                + " OffsetDateTime, Instant), which need no @Temporal");
        m.put("EnumeratedValue", "@Enumerated(ORDINAL) or (STRING) maps an enum; custom enum values are not supported yet");
        m.put("CheckConstraint", "check constraints in mapping annotations are not created; declare them in your schema"
                + " migrations");
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The mapping error for a lifecycle callback method of an {@code @EntityListeners} class, or null
     * when it has JPA's shape: an instance method returning void, taking one parameter that the entity
     * can be passed to ({@code takesEntity}: the entity's class, a superclass or interface of it, or Object).
     */
    public static String listenerCallbackProblem(String simpleName, String listener, String method, boolean isStatic,
            int parameters, boolean returnsVoid, boolean takesEntity, String parameterType, String entity) {
        String what = "@" + simpleName + " method " + method + "() of the entity listener " + listener;
        if (isStatic) return what + " is static; a lifecycle callback must be an instance method";
        if (parameters != 1)
            return what + " takes " + parameters + " parameter(s); a callback of an entity listener takes one, the entity";
        if (!takesEntity)
            return what + " takes a " + parameterType + ", which " + entity + " is not; a callback of an entity listener takes"
                    + " the entity (its class, a superclass or interface of it, or Object)";
        if (!returnsVoid) return what + " returns a value; a lifecycle callback must return void";
        return null;
    }

    /** The mapping error for jakarta.persistence annotation {@code simpleName}, not a lifecycle callback, on a method of an entity listener. */
    public static String listenerAnnotationProblem(String simpleName, String listener, String method) {
        return "@" + simpleName + " on the method " + method + "() of the entity listener " + listener + " has no meaning there;"
                + " an entity listener's methods carry only the lifecycle callback annotations (" + String.join(", ", CALLBACKS) + ")";
    }

    /**
     * The mapping error for the members of {@code @Column} that write DDL of their own that Athanor does
     * not read ({@code options}, {@code comment}: the non-empty ones given), or null when none is set.
     * ({@code columnDefinition} is honoured: it is the column's type in CREATE TABLE.)
     */
    public static String columnDdlProblem(String options, String comment) {
        List<String> set = new java.util.ArrayList<>();
        if (!options.isEmpty()) set.add("options = \"" + options + "\"");
        if (!comment.isEmpty()) set.add("comment = \"" + comment + "\"");
        if (set.isEmpty()) return null;
        return "@Column(" + String.join(", ", set) + ") is not supported: Athanor writes no column options or comments"
                + " from the mapping; give the column's type with columnDefinition (or length, precision, scale, @Lob), and"
                + " declare the rest in your schema migrations and remove the member";
    }

    /**
     * The members of honoured annotations that carry DDL text (JPA's {@code columnDefinition}, {@code
     * options}, {@code comment}, {@code foreignKeyDefinition}), as {@code Annotation.member}: the ones
     * read ({@link #DDL_MEMBERS_HONOURED}) and the ones refused with an error when given. The test that
     * enumerates jakarta.persistence checks every such member of every honoured annotation is in one.
     */
    public static final Set<String> DDL_MEMBERS_HONOURED = Set.of("Column.columnDefinition");
    public static final Set<String> DDL_MEMBERS_REFUSED = Set.of("Column.options", "Column.comment", "Table.options",
            "Table.comment", "Index.options", "UniqueConstraint.options", "SequenceGenerator.options", "JoinColumn.options",
            "JoinColumn.comment", "JoinColumn.columnDefinition", "PrimaryKeyJoinColumn.options",
            "PrimaryKeyJoinColumn.columnDefinition", "DiscriminatorColumn.options", "DiscriminatorColumn.columnDefinition",
            "JoinTable.options", "JoinTable.comment", "CollectionTable.options");

    /**
     * The mapping error for a refused DDL member ({@code annotation.member}, see {@link #DDL_MEMBERS_REFUSED})
     * given {@code value}, or null when it is empty.
     */
    public static String ddlMemberProblem(String annotation, String member, String value) {
        if (value == null || value.isEmpty()) return null;
        return "@" + annotation + "(" + member + " = \"" + value + "\") is not supported: Athanor writes no DDL options or"
                + " comments from the mapping; declare them in your schema migrations and remove the member";
    }

    /** Whether {@code type} is an annotation of the jakarta.persistence package (the runtime's test). */
    public static boolean isJakarta(Class<?> type) { return type.getPackageName().equals(PACKAGE); }

    /**
     * The mapping error for annotation {@code simpleName} of this package found on an entity class or
     * field ({@code method} null) or on the method {@code method}, or null when it is honoured there.
     */
    public static String problem(String simpleName, String method) {
        String reason = REJECTED.get(simpleName);
        if (reason != null)
            return "@" + simpleName + (method == null ? "" : " on the method " + method + "()") + " is not supported: " + reason;
        if (!HONOURED.contains(simpleName))
            return "@" + simpleName + " is not known to this version of Athanor, which does not implement it; remove it";
        if (method != null && CALLBACKS.contains(simpleName)) return null; // checked by callbackProblem
        if (method != null)
            return "@" + simpleName + " is on the method " + method + "(); Athanor maps fields (field access), so put @"
                    + simpleName + " and the other annotations on the fields";
        return null;
    }

    /**
     * The mapping error for a lifecycle callback method (its annotation {@code simpleName}), or null
     * when it has the shape JPA requires: an instance method with no parameters returning void.
     */
    public static String callbackProblem(String simpleName, String method, boolean isStatic, int parameters, boolean returnsVoid) {
        String what = "@" + simpleName + " method " + method + "()";
        if (isStatic) return what + " is static; a lifecycle callback must be an instance method";
        if (parameters != 0) return what + " takes " + parameters + " parameter(s); a lifecycle callback on the entity takes none";
        if (!returnsVoid) return what + " returns a value; a lifecycle callback must return void";
        return null;
    }
}
