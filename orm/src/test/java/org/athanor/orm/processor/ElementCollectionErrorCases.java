package org.athanor.orm.processor;

import java.util.List;
import org.athanor.orm.processor.MappingErrorCases.Case;
import org.athanor.orm.rules.ElementRules;

/**
 * The {@code @ElementCollection} mistakes, each with the message the runtime (ClassMapping.of) and the
 * processor (a compile error) report: the words come from orm-rules' ElementRules, so both agree.
 */
public final class ElementCollectionErrorCases {
    private ElementCollectionErrorCases() {}

    private static Case both(String name, String body, String message) {
        return new Case(name, body, "errors." + name + ".E." + message, "errors." + name + ".E." + message);
    }

    public static List<Case> all() {
        return List.of(
                both("ecmap", "@Entity public class E { @Id Long id; @ElementCollection Map<String, String> attrs; }",
                        "attrs: " + ElementRules.collectionType("java.util.Map")),
                both("ecarraylist", "@Entity public class E { @Id Long id; @ElementCollection ArrayList<String> tags; }",
                        "tags: " + ElementRules.collectionType("java.util.ArrayList")),
                both("ecraw", "@Entity public class E { @Id Long id; @SuppressWarnings(\"rawtypes\") @ElementCollection Set tags; }",
                        "tags: " + ElementRules.noElementType("java.util.Set")),
                both("ecembeddable", "@Embeddable class Address { String city; }\n"
                                + "@Entity public class E { @Id Long id; @ElementCollection Set<Address> addresses; }",
                        "addresses: " + ElementRules.embeddableElement("Address")),
                both("ecentity", "@Entity class P { @Id Long id; }\n@Entity public class E { @Id Long id; @ElementCollection Set<P> ps; }",
                        "ps: " + ElementRules.entityElement("P")),
                both("ecbytes", "@Entity public class E { @Id Long id; @ElementCollection List<byte[]> blobs; }",
                        "blobs: " + ElementRules.lobElement()),
                both("eclob", "@Entity public class E { @Id Long id; @ElementCollection @Lob List<String> notes; }",
                        "notes: " + ElementRules.lobElement()),
                both("eceager", "@Entity public class E { @Id Long id; @ElementCollection(fetch = FetchType.EAGER) Set<String> tags; }",
                        "tags: " + ElementRules.eager("E", "tags")),
                both("ecordercolumnset", "@Entity public class E { @Id Long id; @ElementCollection @OrderColumn Set<String> tags; }",
                        "tags: " + ElementRules.orderColumnOnSet()),
                both("ecordercolumnmember", "@Entity public class E { @Id Long id; @ElementCollection @OrderColumn(updatable = false) "
                                + "List<String> tags; }",
                        "tags: " + ElementRules.orderColumnMember("updatable")),
                both("eccompositejoincolumns", "@Entity @IdClass(K.class) public class E { @Id Long a; @Id Long b; @ElementCollection "
                                + "@CollectionTable(joinColumns = @JoinColumn(name = \"x\")) Set<String> tags; }\nclass K { Long a; Long b; }",
                        "tags: @CollectionTable(joinColumns): E has a composite key of the columns [a, b], but 1 @JoinColumn is "
                                + "given; give one @JoinColumn(name = ..., referencedColumnName = ...) per key column, in "
                                + "@CollectionTable(joinColumns = {...})"),
                both("eccompositesamecolumns", "@Entity @IdClass(K.class) public class E { @Id Long a; @Id Long b; @ElementCollection "
                                + "@Column(name = \"e_b\") Set<String> tags; }\nclass K { Long a; Long b; }",
                        "tags: " + ElementRules.sameColumns("e_tags", "e_b")),
                both("ecseveraljoincolumns", "@Entity public class E { @Id Long id; @ElementCollection @CollectionTable(joinColumns = "
                                + "{@JoinColumn(name = \"x\"), @JoinColumn(name = \"y\")}) Set<String> tags; }",
                        "tags: " + ElementRules.collectionTableMember("several joinColumns")),
                both("ecorderby", "@Entity public class E { @Id Long id; @ElementCollection @OrderBy List<String> tags; }",
                        "tags: " + ElementRules.orderBy()),
                both("ecwithmanytomany", "@Entity public class E { @Id Long id; @ElementCollection @ManyToMany Set<String> tags; }",
                        "tags: " + ElementRules.notCombinable("ManyToMany")),
                both("ecfinal", "@Entity public class E { @Id Long id; @ElementCollection final Set<String> tags = new HashSet<>(); }",
                        "tags: " + ElementRules.finalField()),
                both("eccollectiontablealone", "@Entity public class E { @Id Long id; @CollectionTable(name = \"t\") Set<String> tags; }",
                        "tags: " + ElementRules.collectionTableWithout()),
                both("eccatalog", "@Entity public class E { @Id Long id; @ElementCollection @CollectionTable(catalog = \"c\") Set<String> tags; }",
                        "tags: " + ElementRules.collectionTableMember("catalog")),
                both("ecnotnull", "@Entity public class E { @Id Long id; @ElementCollection @Column(nullable = false) Set<String> tags; }",
                        "tags: " + ElementRules.columnMember("nullable = false")),
                both("ecsamecolumns", "@Entity public class E { @Id Long id; @ElementCollection "
                                + "@CollectionTable(joinColumns = @JoinColumn(name = \"v\")) @Column(name = \"v\") Set<String> tags; }",
                        "tags: " + ElementRules.sameColumns("e_tags", "v")),
                both("ecbadtype", "@Entity public class E { @Id Long id; @ElementCollection Set<Object> things; }",
                        "things: unsupported field type java.util.Set<java.lang.Object>; supported types are "
                                + org.athanor.orm.rules.TypeRules.SUPPORTED + "; or mark the field @Transient"));
    }
}
