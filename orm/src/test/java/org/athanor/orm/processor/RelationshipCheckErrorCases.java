package org.athanor.orm.processor;

import java.util.List;
import org.athanor.orm.processor.MappingErrorCases.Case;
import org.athanor.orm.rules.ElementRules;
import org.athanor.orm.rules.JoinColumnRules;

/**
 * Mistakes of references, collections and element collections found by the checks the runtime and the processor share
 * (orm-rules' RelationshipChecks, ReferenceChecks, CollectionChecks, ElementCollectionChecks): each reported in the
 * same words by javac and by the first Registry.of. Most were the runtime's alone before.
 */
public final class RelationshipCheckErrorCases {
    private RelationshipCheckErrorCases() {}

    /** {@code message} after "errors.name.E." (the field and its message). */
    private static Case both(String name, String body, String message) {
        return new Case(name, body, "errors." + name + ".E." + message, "errors." + name + ".E." + message);
    }

    private static final String CASCADE = "@org.athanor.orm.mapping.OnDelete(org.athanor.core.schema.ReferentialAction.CASCADE)";
    private static final String P = "\n@Entity class P { @Id Long id; }";

    public static List<Case> all() {
        List<Case> all = new java.util.ArrayList<>(references());
        all.addAll(collections());
        return all;
    }

    private static List<Case> references() {
        return List.of(
                both("toonetwice", "@Entity public class E { @Id Long id; @ManyToOne @OneToOne E other; }",
                        "other: @ManyToOne and @OneToOne on one field; keep one of them"),
                both("toonefinal", "@Entity public class E { @Id Long id; @ManyToOne final E parent = null; }",
                        "parent: the field is final; persistent fields must be assignable"),
                both("toonetargetentity", "@Entity public class E { @Id Long id; @ManyToOne(targetEntity = P.class) E parent; }" + P,
                        "parent: targetEntity errors.toonetargetentity.P is not assignable to the field's type errors.toonetargetentity.E"),
                both("onetooneorphan", "@Entity public class E { @Id Long id; @OneToOne(orphanRemoval = true) E partner; }",
                        "partner: @OneToOne(orphanRemoval = true) is not supported yet; delete the replaced object with "
                                + "session.delete(...)"),
                both("joincolumninsertable", "@Entity public class E { @Id Long id; @ManyToOne @JoinColumn(insertable = false) E parent; }",
                        "parent: @JoinColumn(insertable/updatable = false) is not supported; the reference writes its key column"),
                both("joincolumndefinition", "@Entity public class E { @Id Long id; @ManyToOne @JoinColumn(columnDefinition = \"BIGINT\") "
                                + "E parent; }",
                        "parent: @JoinColumn(columnDefinition / table / options / comment) is not supported; the column takes the "
                                + "type of the target's key"),
                both("ondeletenoconstraint", "@Entity public class E { @Id Long id; @ManyToOne @JoinColumn(foreignKey = "
                                + "@ForeignKey(ConstraintMode.NO_CONSTRAINT)) " + CASCADE + " E parent; }",
                        "parent: @OnDelete(CASCADE) with @ForeignKey(NO_CONSTRAINT): there is no constraint to carry the action; "
                                + "remove one of them"),
                both("ondeletetableperclass", "@Entity public class E { @Id Long id; @ManyToOne " + CASCADE + " T t; }\n"
                                + "@Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS) class T { @Id Long id; }",
                        "t: @OnDelete(CASCADE) on a reference to TABLE_PER_CLASS T: its rows are spread over one table per class, "
                                + "so there is no foreign key to carry the action; remove @OnDelete, or map the hierarchy "
                                + "SINGLE_TABLE or JOINED"),
                both("referencecolumnclash", "@Entity public class E { @Id Long id; Long parentId; @ManyToOne E parent; }",
                        "parent: its key column parent_id is also mapped by another attribute; name it with @JoinColumn(name = "
                                + "...), or drop the basic attribute"),
                both("referencecolumnsclash", "@Entity public class E { @Id Long id; @ManyToOne @JoinColumn(name = \"p\") E a; "
                                + "@ManyToOne @JoinColumn(name = \"P\") E b; }",
                        "b: its key column P is also mapped by another attribute; name it with @JoinColumn(name = ...), or drop "
                                + "the basic attribute"),
                both("inversecolumn", "@Entity public class E { @Id Long id; @OneToOne E partner; "
                                + "@OneToOne(mappedBy = \"partner\") @Column(name = \"x\") E partnerOf; }",
                        "partnerOf: @Column cannot be combined with @OneToOne(mappedBy); the key column is on the other side, "
                                + "mapped by its owning @OneToOne"),
                both("inverseondelete", "@Entity public class E { @Id Long id; @OneToOne E partner; "
                                + "@OneToOne(mappedBy = \"partner\") " + CASCADE + " E partnerOf; }",
                        "partnerOf: @OnDelete on @OneToOne(mappedBy): the key column and its foreign key are on the other side; "
                                + "put @OnDelete on the owning @OneToOne"),
                both("inversenotentity", "@Entity public class E { @Id Long id; @OneToOne(mappedBy = \"x\") String other; }",
                        "other: @OneToOne needs an @Entity type, but the field's type is java.lang.String; map a basic value with "
                                + "@Column instead"));
    }

    private static List<Case> collections() {
        String parent = "@Entity public class E { @Id Long id; @ManyToOne E parent; ";
        String jt = "@Entity public class E { @Id Long id; @ManyToMany ";
        return List.of(
                both("onetomanycolumn", parent + "@OneToMany(mappedBy = \"parent\") @Column(name = \"x\") List<E> children; }",
                        "children: @Column cannot be combined with @OneToMany"),
                both("onetomanyfinal", parent + "@OneToMany(mappedBy = \"parent\") final List<E> children = null; }",
                        "children: the field is final; the session puts its own collection in it"),
                both("onetomanytype", parent + "@OneToMany(mappedBy = \"parent\") ArrayList<E> children; }",
                        "children: a @OneToMany field must be declared as List, Set or Collection (the session puts its own "
                                + "implementation in it), not java.util.ArrayList"),
                both("onetomanynotentity", parent + "@OneToMany(mappedBy = \"parent\") List<String> names; }",
                        "names: @OneToMany needs an @Entity element type (java.util.List<java.lang.String>); give the type "
                                + "argument, e.g. List<Post>, or targetEntity"),
                both("onetomanyeager", parent + "@OneToMany(mappedBy = \"parent\", fetch = FetchType.EAGER) List<E> children; }",
                        "children: @OneToMany(fetch = EAGER) is not supported yet; collections load on first access, for every "
                                + "object of the same query result at once; remove fetch"),
                both("orderbysyntax", parent + "@OneToMany(mappedBy = \"parent\") @OrderBy(\"id sideways\") List<E> children; }",
                        "children: @OrderBy(\"id sideways\"): each part is an attribute name of E with an optional ASC or DESC"),
                both("m2mcolumn", jt + "@Column(name = \"x\") List<E> others; }", "others: @Column cannot be combined with @ManyToMany"),
                both("m2mtype", jt + "ArrayList<E> others; }",
                        "others: a @ManyToMany field must be declared as List, Set or Collection (the session puts its own "
                                + "implementation in it), not java.util.ArrayList"),
                both("m2mnotentity", jt + "Set<String> names; }",
                        "names: @ManyToMany needs an @Entity element type (java.util.Set<java.lang.String>); give the type "
                                + "argument, e.g. Set<Course>, or targetEntity"),
                both("m2meager", "@Entity public class E { @Id Long id; @ManyToMany(fetch = FetchType.EAGER) List<E> others; }",
                        "others: @ManyToMany(fetch = EAGER) is not supported yet; collections load on first access, for every "
                                + "object of the same query result at once; remove fetch"),
                both("m2mondelete", jt + CASCADE + " List<E> others; }",
                        "others: @OnDelete on a @ManyToMany is not supported; the session deletes an object's rows of the "
                                + "secondary table before the object itself, so no ON DELETE is needed"),
                both("jointablecatalog", jt + "@JoinTable(catalog = \"c\") List<E> others; }",
                        "others: @JoinTable(catalog = \"c\") is not supported; use schema"),
                both("jointableindexes", jt + "@JoinTable(indexes = @Index(columnList = \"a\")) List<E> others; }",
                        "others: @JoinTable(uniqueConstraints / indexes / check) is not supported; the secondary table's primary "
                                + "key is the pair of its columns; declare further indexes in your migrations"),
                both("jointablefk", jt + "@JoinTable(foreignKey = @ForeignKey(foreignKeyDefinition = \"x\")) List<E> others; }",
                        "others: @ForeignKey(foreignKeyDefinition / options) is not supported (it is DDL text in one database's "
                                + "spelling); only its name and value = NO_CONSTRAINT are read"),
                both("jointablereferenced", jt + "@JoinTable(joinColumns = @JoinColumn(name = \"a\", referencedColumnName = \"zz\")) "
                                + "List<E> others; }",
                        "others: @JoinTable(joinColumns = @JoinColumn(referencedColumnName = \"zz\")): the column must reference "
                                + "the key column id"),
                both("jointablemembers", jt + "@JoinTable(inverseJoinColumns = @JoinColumn(name = \"b\", unique = true)) List<E> others; }",
                        "others: @JoinTable(inverseJoinColumns = @JoinColumn(...)): only name and referencedColumnName are read "
                                + "(the column takes the key's type, is NOT NULL and part of the primary key); name the foreign "
                                + "keys with @JoinTable(foreignKey / inverseForeignKey)"),
                both("jointablesamecolumns", jt + "@JoinTable(name = \"t\", joinColumns = @JoinColumn(name = \"x\"), "
                                + "inverseJoinColumns = @JoinColumn(name = \"X\")) List<E> others; }",
                        "others: two columns of the secondary table t are named x; name them with @JoinTable(joinColumns = "
                                + "@JoinColumn(name = ...), inverseJoinColumns = @JoinColumn(name = ...))"),
                both("ecordercolumnsame", "@Entity public class E { @Id Long id; @ElementCollection @OrderColumn(name = \"tags\") "
                                + "List<String> tags; }",
                        "tags: " + ElementRules.sameColumns("e_tags", "tags")),
                both("ecjoincolumnreferenced", "@Entity public class E { @Id Long id; @ElementCollection @CollectionTable(joinColumns = "
                                + "@JoinColumn(name = \"o\", referencedColumnName = \"zz\")) Set<String> tags; }",
                        "tags: " + ElementRules.collectionTableMember("joinColumns = @JoinColumn(referencedColumnName = \"zz\"), not "
                                + "the key column id,")),
                both("ecderivedkey", "@Entity @IdClass(K.class) public class E { @Id @ManyToOne P p; @Id Long n; "
                                + "@ElementCollection Set<String> tags; }\nclass K { Long p; Long n; }" + P,
                        "tags: " + JoinColumnRules.derivedKeyTarget("E", "p")));
    }
}
