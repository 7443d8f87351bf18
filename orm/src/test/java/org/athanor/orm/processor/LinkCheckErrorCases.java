package org.athanor.orm.processor;

import java.util.List;

/**
 * Mistakes in the links between entities (mappedBy, {@code @OrderBy} names) that only the registry reported before
 * session 14: orm-rules' LinkChecks now finds each one, in the same words, when javac runs the processor and when the
 * runtime maps the class. {@code site}: the start of the source text javac reports the error at (the field's name).
 */
public final class LinkCheckErrorCases {
    private LinkCheckErrorCases() {}

    /**
     * A mistake of class {@code errors.<name>.E}; {@code message} after "errors.name.E." (the field and its message), or
     * after "errors.name.E" for a mistake of the class (": " and its message).
     */
    public record LinkCase(String name, String body, String message, String site) {
        public MappingErrorCases.Case asCase() {
            String full = "errors." + name + ".E" + (message.startsWith(": ") ? "" : ".") + message;
            return new MappingErrorCases.Case(name, body, full, full);
        }

        @Override public String toString() { return name; }
    }

    private static LinkCase of(String name, String body, String message, String site) { return new LinkCase(name, body, message, site); }

    public static List<LinkCase> all() {
        return List.of(
                of("mappedbymissing", "@Entity public class E { @Id Long id; @OneToMany(mappedBy = \"owner\") List<P> ps; }\n"
                                + "@Entity class P { @Id Long id; @ManyToOne E parent; }",
                        "ps: mappedBy = \"owner\" must name a @ManyToOne of P referencing E; its references are [parent -> E]",
                        "ps; }"),
                of("mappedbyelsewhere", "@Entity public class E { @Id Long id; @OneToMany(mappedBy = \"e\") List<P> ps; }\n"
                                + "@Entity class P { @Id Long id; @ManyToOne Q e; }\n@Entity(name = \"Other\") class Q { @Id Long id; }",
                        "ps: mappedBy = \"e\" must name a @ManyToOne of P referencing E; its references are [e -> Q]", "ps; }"),
                // the registry links a subclass's inherited collection to the subclass: the reference must point at it
                of("mappedbyinherited", "@Entity @Inheritance class R { @Id Long id; @OneToMany(mappedBy = \"r\") List<P> ps; }\n"
                                + "@Entity public class E extends R { }\n@Entity class P { @Id Long id; @ManyToOne R r; }",
                        "ps: mappedBy = \"r\" must name a @ManyToOne of P referencing E; its references are [r -> R]", "ps; }"),
                of("mappedbytwice", "@Entity public class E { @Id Long id; @OneToMany(mappedBy = \"e\") List<P> a; "
                                + "@OneToMany(mappedBy = \"e\") Set<P> b; }\n@Entity class P { @Id Long id; @ManyToOne E e; }",
                        "b: P.e is already mirrored by a", "b; }"),
                of("orderbyunknown", "@Entity public class E { @Id Long id; @OneToMany(mappedBy = \"e\") @OrderBy(\"title, nope DESC\") "
                                + "List<P> ps; }\n@Entity(name = \"Post\") class P { @Id Long id; String title; @ManyToOne E e; }",
                        "ps: @OrderBy names 'nope', which is not an attribute of Post", "ps; }"),
                of("orderbyreference", "@Entity public class E { @Id Long id; @ManyToMany @OrderBy(\"e\") Set<P> ps; }\n"
                                + "@Entity class P { @Id Long id; @ManyToOne E e; }",
                        "ps: @OrderBy names 'e', which is not an attribute of P", "ps; }"),
                of("inverseonenotunique", "@Entity public class E { @Id Long id; @OneToOne(mappedBy = \"e\") P p; }\n"
                                + "@Entity class P { @Id Long id; @ManyToOne E e; }",
                        "p: @OneToOne(mappedBy = \"e\") must name an owning @OneToOne of P referencing E (its key column UNIQUE); "
                                + "its references are [e -> E]", "p; }"),
                of("inverseonetwice", "@Entity public class E { @Id Long id; @OneToOne(mappedBy = \"e\") P a; "
                                + "@OneToOne(mappedBy = \"e\") P b; }\n@Entity class P { @Id Long id; @OneToOne E e; }",
                        "b: P.e is already mirrored by a", "b; }"),
                of("manytomanynotowning", "@Entity public class E { @Id Long id; @ManyToMany(mappedBy = \"tags\") Set<P> ps; }\n"
                                + "@Entity class P { @Id Long id; @ElementCollection Set<String> tags; @OneToMany @JoinColumn(name = \"p_id\") "
                                + "List<Q> qs; @ManyToMany(mappedBy = \"ps\") Set<Q> es; }\n"
                                + "@Entity class Q { @Id Long id; @ManyToMany Set<P> ps; }",
                        "ps: mappedBy = \"tags\" must name an owning @ManyToMany of P whose elements are E (one without mappedBy); "
                                + "its collections are [tags (@ElementCollection) -> String, qs (@OneToMany, join column) -> Q, "
                                + "es (@ManyToMany, mappedBy) -> Q]", "ps; }"),
                of("manytomanyelements", "@Entity public class E { @Id Long id; @ManyToMany(mappedBy = \"qs\") Set<P> ps; }\n"
                                + "@Entity class P { @Id Long id; @ManyToMany Set<Q> qs; }\n@Entity class Q { @Id Long id; }",
                        "ps: mappedBy = \"qs\" must name an owning @ManyToMany of P whose elements are E (one without mappedBy); "
                                + "its collections are [qs (@ManyToMany) -> Q]", "ps; }"),
                of("manytomanytwice", "@Entity public class E { @Id Long id; @ManyToMany(mappedBy = \"es\") Set<P> a; "
                                + "@ManyToMany(mappedBy = \"es\") List<P> b; }\n@Entity class P { @Id Long id; @ManyToMany Set<E> es; }",
                        "b: P.es is already mirrored by a", "b; }"));
    }
}
