package org.athanor.orm.rules;

import java.util.LinkedHashMap;
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
     * {@code @Embeddable} for {@code @EmbeddedId} classes; {@code Index} and {@code UniqueConstraint}
     * inside {@code @Table}; {@code @Converter} on the converter classes {@code @Convert} names.
     */
    public static final Set<String> HONOURED = Set.of("Access", "Basic", "Column", "Convert", "Converter", "DiscriminatorColumn", "DiscriminatorValue", "Embeddable",
            "EmbeddedId", "Entity", "Enumerated", "GeneratedValue", "Id", "IdClass", "Index", "Inheritance", "JoinColumn", "Lob", "ManyToOne", "MappedSuperclass", "OneToMany", "OneToOne", "OrderBy",
            "PostLoad", "PostPersist", "PostRemove", "PostUpdate", "PrePersist", "PreRemove", "PreUpdate", "PrimaryKeyJoinColumn",
            "SequenceGenerator", "Table", "Transient", "UniqueConstraint", "Version");

    /**
     * The lifecycle callback annotations, honoured on methods of the entity and its mapped superclasses
     * (in the order of org.athanor.orm.mapping.Callbacks' event numbers).
     */
    public static final java.util.List<String> CALLBACKS = java.util.List.of("PrePersist", "PostPersist", "PreUpdate",
            "PostUpdate", "PreRemove", "PostRemove", "PostLoad");

    private static final String LIFECYCLE = "entity listener classes are not supported yet, so Athanor would"
            + " never call them; declare the callbacks (@PrePersist, ...) as methods of the entity or of a @MappedSuperclass";
    private static final String RELATIONSHIP = "of the relationships only @ManyToOne and @OneToOne (with @JoinColumn) and @OneToMany(mappedBy) are supported yet, and"
            + " embedded values not at all; map the foreign key"
            + " as a basic column, e.g. Long authorId, or mark the field @Transient";
    private static final String INHERITANCE = "secondary tables are not supported yet; map the second table as its own "
            + "entity (or use JOINED inheritance)";
    private static final String QUERIES = "named queries, result set mappings and entity graphs are not supported; build"
            + " queries with session.query(...) or Core statements";
    private static final String CONTAINER = "there is no container injection; build a SessionFactory and open Sessions from it";

    /** The inverse side of a one-to-one, refused by the mapping and the processor alike. */
    public static final String ONE_TO_ONE_INVERSE = "@OneToOne(mappedBy) (the inverse side) is not supported yet; map the"
            + " @OneToOne (with @JoinColumn) on the entity whose table holds the key column only, and reach this side"
            + " with a query (filterBy, has)";

    /** Refused with a mapping error: simple name to the reason. */
    public static final Map<String, String> REJECTED = rejected();

    private static Map<String, String> rejected() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String a : new String[] {"EntityListeners", "ExcludeDefaultListeners", "ExcludeSuperclassListeners"})
            m.put(a, LIFECYCLE);
        for (String a : new String[] {"ManyToMany", "ElementCollection", "Embedded",
                "JoinColumns", "JoinTable", "MapsId", "AttributeOverride", "AttributeOverrides",
                "AssociationOverride", "AssociationOverrides", "CollectionTable", "ForeignKey", "MapKey", "MapKeyClass",
                "MapKeyColumn", "MapKeyEnumerated", "MapKeyJoinColumn", "MapKeyJoinColumns", "MapKeyTemporal",
                "OrderColumn", "PrimaryKeyJoinColumns", "Converts"})
            m.put(a, RELATIONSHIP);
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
