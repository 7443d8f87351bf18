package org.athanor.orm.processor;

import java.util.List;

/**
 * Entities with one mapping mistake each, with the message expected from the runtime (ClassMapping.of)
 * and from the processor (a compile error); {@code compileError} is null for mistakes only the runtime
 * can see. Each case lives in its own package {@code errors.<name>}, class {@code E}.
 */
public final class MappingErrorCases {
    private MappingErrorCases() {}

    public record Case(String name, String body, String runtimeError, String compileError) {
        public String className() { return "errors." + name + ".E"; }

        public String source() {
            return "package errors." + name + ";\nimport jakarta.persistence.*;\nimport java.util.*;\n" + body + "\n";
        }

        @Override public String toString() { return name; }
    }

    /** A target with a composite key (a, b) through an @IdClass, for the reference cases. */
    private static final String P = "\n@Entity @IdClass(P.K.class) class P { @Id Long a; @Id Long b; "
            + "public static class K implements java.io.Serializable { Long a; Long b; } }";

    private static Case both(String name, String body, String message) { return new Case(name, body, message, message); }

    public static List<Case> all() {
        return List.of(
                both("noid", "@Entity public class E { String name; }",
                        "errors.noid.E: has no @Id field; mark the primary key field with @Id (or @EmbeddedId / several "
                                + "@Id with @IdClass for a composite key)"),
                both("badidtype", "@Entity public class E { @Id double score; }",
                        "errors.badidtype.E.score: @Id on unsupported type double; id types are "
                                + "[BigInteger, Integer, LocalDate, Long, Short, String, UUID]"),
                both("badtype", "@Entity public class E { @Id Long id; List<String> tags; }",
                        "errors.badtype.E.tags: unsupported field type java.util.List<java.lang.String>; supported types are "
                                + "String, boolean, short, int, long, float, double (and their wrapper classes), BigDecimal, "
                                + "BigInteger, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant, UUID, byte[], enums, "
                                + "or any type with @Convert(converter = ...); or mark the field @Transient"),
                both("identitystring", "@Entity public class E { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) String id; }",
                        "errors.identitystring.E.id: @GeneratedValue(IDENTITY) needs an integer field (short, int, long or "
                                + "their wrappers), but the field is java.lang.String"),
                both("badversion", "@Entity public class E { @Id Long id; @Version String rev; }",
                        "errors.badversion.E.rev: @Version on unsupported type java.lang.String; a version is a number or "
                                + "a timestamp: [Instant, Integer, LocalDateTime, Long, OffsetDateTime, Short]"),
                both("noctor", "@Entity public class E { @Id Long id; public E(Long id) { this.id = id; } }",
                        "errors.noctor.E: has no no-arg constructor; add one (it may be protected or private) so that rows "
                                + "can be loaded into new instances"),
                both("derivedidnoidclass", "@Entity public class E { @Id Long id; @Id @ManyToOne P parent; }\n@Entity class P { @Id Long id; }",
                        "errors.derivedidnoidclass.E.parent: " + org.athanor.orm.rules.Messages.derivedIdWithoutIdClass("parent")),
                both("derivedidtype", "@Entity @IdClass(K.class) public class E { @Id @ManyToOne P parent; @Id Long n; }\n"
                                + "class K { String parent; Long n; }\n@Entity class P { @Id Long id; }",
                        "errors.derivedidtype.E: @IdClass errors.derivedidtype.K must have a field 'parent' of type Long matching "
                                + "the key attribute (it is java.lang.String)"),
                both("derivedidhierarchy", "@Entity @Inheritance @IdClass(K.class) public class E { @Id @ManyToOne P p; @Id Long b; }\n"
                                + "class K { Long p; Long b; }\n@Entity class P { @Id Long id; }",
                        "errors.derivedidhierarchy.E.p: " + org.athanor.orm.rules.Messages.derivedIdInHierarchy()),
                both("mapsidbasic", "@Entity public class E { @Id Long id; @MapsId Long other; }",
                        "errors.mapsidbasic.E.other: " + org.athanor.orm.rules.Messages.mapsIdWithoutReference()),
                both("mapsidnoembedded", "@Entity public class E { @Id Long id; @MapsId(\"x\") @ManyToOne E parent; }",
                        "errors.mapsidnoembedded.E.parent: " + org.athanor.orm.rules.Messages.mapsIdWithoutEmbeddedId()),
                both("mapsidunknown", "@Embeddable class K { Long a; Long b; }\n@Entity public class E { @EmbeddedId K key; "
                                + "@MapsId(\"c\") @ManyToOne P p; }\n@Entity class P { @Id Long id; }",
                        "errors.mapsidunknown.E.p: " + org.athanor.orm.rules.Messages.mapsIdUnknown("c", List.of("a", "b"))),
                both("mapsidtype", "@Embeddable class K { String a; Long b; }\n@Entity public class E { @EmbeddedId K key; "
                                + "@MapsId(\"a\") @ManyToOne P p; }\n@Entity class P { @Id Long id; }",
                        "errors.mapsidtype.E.p: " + org.athanor.orm.rules.Messages.mapsIdType("a", "String", "Long")),
                both("mapsidjoincolumn", "@Embeddable class K { Long a; Long b; }\n@Entity public class E { @EmbeddedId K key; "
                                + "@MapsId(\"a\") @ManyToOne @JoinColumn(name = \"x\") P p; }\n@Entity class P { @Id Long id; }",
                        "errors.mapsidjoincolumn.E.p: " + org.athanor.orm.rules.Messages.mapsIdJoinColumn("x", "a", "a")),
                both("mapsidandid", "@Entity @IdClass(K.class) public class E { @Id @MapsId(\"a\") @ManyToOne P p; @Id Long b; }\n"
                                + "class K { Long p; Long b; }\n@Entity class P { @Id Long id; }",
                        "errors.mapsidandid.E.p: " + org.athanor.orm.rules.Messages.mapsIdWithId()),
                both("derivedidtarget", "@Entity public class E { @Id Long id; @ManyToOne A a; }\n"
                                + "@Entity @IdClass(K.class) class A { @Id @ManyToOne E e; @Id Long n; }\nclass K { Long e; Long n; }",
                        "errors.derivedidtarget.E.a: " + org.athanor.orm.rules.JoinColumnRules.derivedKeyTarget("A", "e")),
                both("ondeletebasic", "@Entity public class E { @Id Long id; @org.athanor.orm.mapping.OnDelete("
                                + "org.athanor.core.schema.ReferentialAction.CASCADE) Long parentId; }",
                        "errors.ondeletebasic.E.parentId: @OnDelete without @ManyToOne or @OneToOne; it sets the ON DELETE "
                                + "action of the foreign key a reference's column carries, so put it on that reference"),
                both("ondeletesetnull", "@Entity public class E { @Id Long id; @ManyToOne(optional = false) @org.athanor.orm.mapping."
                                + "OnDelete(org.athanor.core.schema.ReferentialAction.SET_NULL) E parent; }",
                        "errors.ondeletesetnull.E.parent: @OnDelete(SET_NULL) on a reference whose column is NOT NULL "
                                + "(optional = false or @JoinColumn(nullable = false)); make it optional, or use CASCADE"),
                both("ondeletesetdefault", "@Entity public class E { @Id Long id; @ManyToOne @org.athanor.orm.mapping."
                                + "OnDelete(org.athanor.core.schema.ReferentialAction.SET_DEFAULT) E parent; }",
                        "errors.ondeletesetdefault.E.parent: @OnDelete(SET_DEFAULT) is not supported (the key column has no "
                                + "default, and MariaDB does not implement it); use CASCADE, SET_NULL, RESTRICT or NO_ACTION"),
                both("fkdefinition", "@Entity public class E { @Id Long id; @ManyToOne @JoinColumn(foreignKey = @ForeignKey("
                                + "foreignKeyDefinition = \"FOREIGN KEY (parent_id) REFERENCES e (id) ON DELETE CASCADE\")) E parent; }",
                        "errors.fkdefinition.E.parent: @ForeignKey(foreignKeyDefinition / options) is not supported (it is "
                                + "DDL text in one database's spelling); only its name and value = NO_CONSTRAINT are read. For ON "
                                + "DELETE, annotate the field @org.athanor.orm.mapping.OnDelete(ReferentialAction.CASCADE) (or "
                                + "SET_NULL, RESTRICT)"),
                both("joincolumnalone", "@Entity public class E { @Id Long id; @JoinColumn Long parentId; }",
                        "errors.joincolumnalone.E.parentId: @JoinColumn without @ManyToOne; annotate the field @ManyToOne "
                                + "(its type the related entity), or use @Column for a basic column"),
                new Case("lazyreference", "@Entity public class E { @Id Long id; @ManyToOne(fetch = FetchType.LAZY) E parent; }",
                        // without the processor (this runtime check) the proxy is missing; with it, E_Proxy is generated
                        "errors.lazyreference.E.parent: @ManyToOne(fetch = LAZY) needs the generated errors.lazyreference.E_Proxy: "
                                + "compile E with athanor-orm-processor, or remove fetch = LAZY (the reference then loads "
                                + "batched with the query)", null),
                both("lazyinverseone", "@Entity public class E { @Id Long id; @OneToOne(mappedBy = \"other\", fetch = FetchType.LAZY) E other; }",
                        "errors.lazyinverseone.E.other: @OneToOne(mappedBy, fetch = LAZY) is not supported: this side holds no "
                                + "key, so whether a related row exists (a proxy or null) is not known without a select; remove "
                                + "fetch (the related object loads by one batched select per query result), or put fetch = LAZY "
                                + "on the owning side"),
                both("referencenotentity", "@Entity public class E { @Id Long id; @ManyToOne String parent; }",
                        "errors.referencenotentity.E.parent: @ManyToOne needs an @Entity type, but the field's type is "
                                + "java.lang.String; map a basic value with @Column instead"),
                both("referencewithcolumn", "@Entity public class E { @Id Long id; @ManyToOne @Column(name = \"p\") E parent; }",
                        "errors.referencewithcolumn.E.parent: @Column cannot be combined with @ManyToOne; name the key "
                                + "column with @JoinColumn(name = ...)"),
                both("referencedcolumn", "@Entity public class E { @Id Long id; String code; @ManyToOne @JoinColumn(referencedColumnName = \"code\") E parent; }",
                        "errors.referencedcolumn.E.parent: @JoinColumn(referencedColumnName = \"code\"): a reference must "
                                + "point at the target's primary key column id"),
                both("ckeycount", "@Entity public class E { @Id Long id; @ManyToOne @JoinColumn(name = \"x\", referencedColumnName = \"a\") P p; }" + P,
                        "errors.ckeycount.E.p: P has a composite key of the columns [a, b], but 1 @JoinColumn is given; give one "
                                + "@JoinColumn(name = ..., referencedColumnName = ...) per key column, in @JoinColumns"),
                both("ckeynoreferenced", "@Entity public class E { @Id Long id; @ManyToOne @JoinColumns({@JoinColumn(name = \"x\"), "
                                + "@JoinColumn(name = \"y\")}) P p; }" + P,
                        "errors.ckeynoreferenced.E.p: @JoinColumn(name = \"x\") has no referencedColumnName; with the composite key "
                                + "[a, b] of P each @JoinColumn names the key column it references"),
                both("ckeywrongreferenced", "@Entity public class E { @Id Long id; @ManyToOne @JoinColumns({@JoinColumn(name = \"x\", "
                                + "referencedColumnName = \"a\"), @JoinColumn(name = \"y\", referencedColumnName = \"zz\")}) P p; }" + P,
                        "errors.ckeywrongreferenced.E.p: @JoinColumn(referencedColumnName = \"zz\"): a reference must point at the "
                                + "target's key columns; P's are [a, b]"),
                both("ckeyduplicate", "@Entity public class E { @Id Long id; @ManyToOne @JoinColumns({@JoinColumn(name = \"x\", "
                                + "referencedColumnName = \"a\"), @JoinColumn(name = \"y\", referencedColumnName = \"A\")}) P p; }" + P,
                        "errors.ckeyduplicate.E.p: two @JoinColumns reference the key column a of P; name each of [a, b] once"),
                both("ckeysamename", "@Entity public class E { @Id Long id; @ManyToOne @JoinColumns({@JoinColumn(name = \"x\", "
                                + "referencedColumnName = \"a\"), @JoinColumn(name = \"x\", referencedColumnName = \"b\")}) P p; }" + P,
                        "errors.ckeysamename.E.p: the key columns for a and b are both named x; give each @JoinColumn its own name"),
                both("joincolumnsalone", "@Entity public class E { @Id Long id; @JoinColumns({@JoinColumn(name = \"x\")}) Long parentId; }",
                        "errors.joincolumnsalone.E.parentId: @JoinColumn without @ManyToOne; annotate the field @ManyToOne "
                                + "(its type the related entity), or use @Column for a basic column"),
                // a @OneToMany without mappedBy and @JoinColumn is a join-table collection (accepted): these are its mistakes
                both("onetomanyjointablemappedby", "@Entity public class E { @Id Long id; @ManyToOne E parent; "
                                + "@OneToMany(mappedBy = \"parent\") @JoinTable(name = \"x\") List<E> children; }",
                        "errors.onetomanyjointablemappedby.E.children: " + org.athanor.orm.rules.Messages.joinTableMisplaced()),
                both("onetomanyjointableondelete", "@Entity public class E { @Id Long id; "
                                + "@OneToMany @org.athanor.orm.mapping.OnDelete(org.athanor.core.schema.ReferentialAction.CASCADE) "
                                + "List<E> children; }",
                        "errors.onetomanyjointableondelete.E.children: @OnDelete on a @OneToMany with a join table is not "
                                + "supported; the session deletes an object's rows of the secondary table before the object itself, "
                                + "so no ON DELETE is needed"),
                both("onetomanyjoincolumnmappedby", "@Entity public class E { @Id Long id; @ManyToOne E parent; "
                                + "@OneToMany(mappedBy = \"parent\") @JoinColumn(name = \"parent_id\") List<E> children; }",
                        "errors.onetomanyjoincolumnmappedby.E.children: " + org.athanor.orm.rules.Messages.mappedByJoinColumn()),
                both("onetomanyjoincolumnnotnull", "@Entity public class E { @Id Long id; "
                                + "@OneToMany(orphanRemoval = true) @JoinColumn(name = \"parent_id\", nullable = false) List<E> children; }",
                        "errors.onetomanyjoincolumnnotnull.E.children: " + org.athanor.orm.rules.Messages.oneToManyJoinColumnNotNull()),
                both("onetomanyjoincolumnjointable", "@Entity public class E { @Id Long id; "
                                + "@OneToMany @JoinColumn(name = \"parent_id\") @JoinTable(name = \"x\") List<E> children; }",
                        "errors.onetomanyjoincolumnjointable.E.children: " + org.athanor.orm.rules.Messages.oneToManyJoinColumnAndTable()),
                both("onetomanyjoincolumnreferenced", "@Entity public class E { @Id Long id; "
                                + "@OneToMany @JoinColumn(name = \"parent_id\", referencedColumnName = \"code\") List<E> children; }",
                        "errors.onetomanyjoincolumnreferenced.E.children: " + org.athanor.orm.rules.Messages.oneToManyJoinColumnReferenced("code", "id")),
                both("onetomanyjoincolumnmembers", "@Entity public class E { @Id Long id; "
                                + "@OneToMany @JoinColumn(name = \"parent_id\", unique = true) List<E> children; }",
                        "errors.onetomanyjoincolumnmembers.E.children: " + org.athanor.orm.rules.Messages.oneToManyJoinColumnMembers()),
                both("onetomanyjoincolumninheritance", "@Entity public class E { @Id Long id; "
                                + "@OneToMany @JoinColumn(name = \"e_id\") List<A> items; }\n@Entity @Inheritance class A { @Id Long id; }",
                        "errors.onetomanyjoincolumninheritance.E.items: " + org.athanor.orm.rules.Messages.oneToManyJoinColumnInheritance("A")),
                new Case("onetomanyjoincolumntaken", "@Entity public class E { @Id Long id; "
                                + "@OneToMany @JoinColumn(name = \"name\") List<P> items; }\n@Entity class P { @Id Long id; String name; }",
                        "errors.onetomanyjoincolumntaken.E.items: " + org.athanor.orm.rules.Messages.oneToManyJoinColumnTaken("name", "p"),
                        "errors.onetomanyjoincolumntaken.E.items: " + org.athanor.orm.rules.Messages.oneToManyJoinColumnTaken("name", "p")),
                new Case("onetomanyjoincolumncycle", "@Entity public class E { @Id Long id; "
                                + "@OneToMany @JoinColumn(name = \"e_id\") List<P> items; }\n"
                                + "@Entity class P { @Id Long id; @OneToMany @JoinColumn(name = \"p_id\") List<E> es; }",
                        "errors.onetomanyjoincolumncycle.P.es: E has a @OneToMany @JoinColumn collection leading back to P; such "
                                + "cycles between entities are not supported yet: map one side as @OneToMany(mappedBy = ...) of a "
                                + "@ManyToOne, or use a join table (leave out @JoinColumn)", null),
                both("onetomanyjoincolumncompositeowner", "@Entity @IdClass(K.class) public class E { @Id Long a; @Id Long b; "
                                + "@OneToMany @JoinColumn(name = \"e\") List<P> items; }\nclass K { Long a; Long b; }\n@Entity class P { @Id Long id; }",
                        "errors.onetomanyjoincolumncompositeowner.E.items: the target E has 2 key fields; a @OneToMany needs a "
                                + "target with one @Id (composite keys are not supported yet)"),
                both("orderbyalone", "@Entity public class E { @Id Long id; @OrderBy String name; }",
                        "errors.orderbyalone.E.name: @OrderBy without @OneToMany or @ManyToMany; it orders a collection"),
                both("m2minversejointable", "@Entity public class E { @Id Long id; @ManyToMany List<E> friends; "
                                + "@ManyToMany(mappedBy = \"friends\") @JoinTable(name = \"x\") List<E> friendOf; }",
                        "errors.m2minversejointable.E.friendOf: @JoinTable on the inverse side of a @ManyToMany (mappedBy = "
                                + "\"friends\"); the owning side's @JoinTable defines the secondary table: move it there"),
                both("m2mjointablealone", "@Entity public class E { @Id Long id; @JoinTable(name = \"x\") List<E> others; }",
                        "errors.m2mjointablealone.E.others: " + org.athanor.orm.rules.Messages.joinTableMisplaced()),
                both("m2mcompositejoincolumns", "@Entity public class E { @Id Long id; @ManyToMany @JoinTable(name = \"x\", "
                                + "inverseJoinColumns = @JoinColumn(name = \"k\")) List<P> ps; }" + P,
                        "errors.m2mcompositejoincolumns.E.ps: @JoinTable(inverseJoinColumns): P has a composite key of the columns "
                                + "[a, b], but 1 @JoinColumn is given; give one @JoinColumn(name = ..., referencedColumnName = ...) per "
                                + "key column, in @JoinTable(inverseJoinColumns = {...})"),
                both("m2mcompositejoincolumnref", "@Entity @IdClass(E.K.class) public class E { @Id Long a; @Id Long b; "
                                + "public static class K implements java.io.Serializable { Long a; Long b; } "
                                + "@ManyToMany @JoinTable(name = \"x\", joinColumns = {@JoinColumn(name = \"ea\", referencedColumnName = \"a\"), "
                                + "@JoinColumn(name = \"eb\", referencedColumnName = \"c\")}) List<E> others; }",
                        "errors.m2mcompositejoincolumnref.E.others: @JoinTable(joinColumns): @JoinColumn(referencedColumnName = \"c\"): "
                                + "a reference must point at the target's key columns; E's are [a, b]"),
                both("m2mjoincolumn", "@Entity public class E { @Id Long id; @ManyToMany @JoinColumn(name = \"x\") List<E> others; }",
                        "errors.m2mjoincolumn.E.others: @JoinColumn cannot be combined with @ManyToMany; name the secondary "
                                + "table's columns with @JoinTable(joinColumns = @JoinColumn(...), inverseJoinColumns = ...)"),
                both("onetoone", "@Entity public class E { @Id Long id; @OneToOne(mappedBy = \"partner\") @JoinColumn(name = \"p\") E partner; }",
                        "errors.onetoone.E.partner: " + org.athanor.orm.rules.AnnotationRules.ONE_TO_ONE_INVERSE_JOIN_COLUMN),
                both("record", "@Entity public record E(@Id Long id) {}",
                        "errors.record.E: records are not entities (they are immutable); use a record as a read-only query "
                                + "projection, and map a class with a no-arg constructor as the @Entity"),
                both("twoids", "@Entity public class E { @Id Long a; @Id Long b; }",
                        "errors.twoids.E: has 2 @Id fields [a, b]: a composite key needs @IdClass(KeyClass.class) on the "
                                + "entity or a single @EmbeddedId field"),
                both("finalfield", "@Entity public class E { @Id Long id; final String name = \"x\"; }",
                        "errors.finalfield.E.name: the field is final; persistent fields must be assignable (remove final, or mark "
                                + "the field @Transient)"),
                both("enumerated", "@Entity public class E { @Id Long id; @Enumerated String kind; }",
                        "errors.enumerated.E.kind: @Enumerated is only for enum fields, but the field is java.lang.String"),
                both("tablegen", "@Entity public class E { @Id @GeneratedValue(strategy = GenerationType.TABLE) Long id; }",
                        "errors.tablegen.E.id: @GeneratedValue(strategy = TABLE) is not supported; use IDENTITY, SEQUENCE, "
                                + "AUTO (= IDENTITY), or assign the value yourself"),
                both("entityparent", "@Entity public class E extends P { }\n@Entity class P { @Id Long id; }",
                        "errors.entityparent.E: extends the @Entity errors.entityparent.P, which declares no @Inheritance; "
                                + "annotate it @Inheritance (alone: JPA's default, SINGLE_TABLE with a DTYPE discriminator column; or "
                                + "strategy = JOINED or TABLE_PER_CLASS), or make it a @MappedSuperclass"),
                both("tableperclass", "@Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS) public class E { @Id @GeneratedValue Long id; }",
                        "errors.tableperclass.E.id: TABLE_PER_CLASS keeps each class's rows in its own table, so one IDENTITY "
                                + "column per table would hand out the same id twice in the hierarchy; use @GeneratedValue("
                                + "strategy = SEQUENCE) (one sequence for the hierarchy) or assign the ids"),
                both("subinheritance", "@Entity @Inheritance public class E extends P { }\n@Entity @Inheritance class P { @Id Long id; }",
                        "errors.subinheritance.E: @Inheritance belongs on the root of the hierarchy (errors.subinheritance.P), "
                                + "not on a subclass; one hierarchy has one strategy"),
                both("subclassid", "@Entity public class E extends P { @Id Long other; }\n@Entity @Inheritance class P { @Id Long id; }",
                        "errors.subclassid.E.other: a subclass entity inherits the key of P; remove @Id (the key is declared "
                                + "once, on the root)"),
                both("abstractentity", "@Entity public abstract class E { @Id Long id; }",
                        "errors.abstractentity.E: an abstract @Entity has no rows of its own, so it must be the base of an "
                                + "inheritance hierarchy: annotate it @Inheritance(strategy = SINGLE_TABLE or JOINED) and map "
                                + "its concrete subclasses, or make it a @MappedSuperclass"),
                both("generatedonbasic", "@Entity public class E { @Id Long id; @GeneratedValue Long counter; }",
                        "errors.generatedonbasic.E.counter: @GeneratedValue is only allowed on the @Id field"),
                new Case("notentity", "public class E { @Id Long id; }",
                        "errors.notentity.E: is not an @Entity; annotate it with @jakarta.persistence.Entity", null),
                both("propertyaccess", "@Entity public class E { Long id; @Id public Long getId() { return id; } }",
                        "errors.propertyaccess.E: @Id is on the method getId(); Athanor maps fields (field access), so put "
                                + "@Id and the other annotations on the fields"),
                both("samecolumn", "@Entity public class E { @Id Long id; String name; @Column(name = \"name\") String other; }",
                        "errors.samecolumn.E.other and errors.samecolumn.E.name both map to column 'name'; give one of them "
                                + "@Column(name = ...)"),
                both("badindex", "@Entity @Table(indexes = @Index(columnList = \"nope\")) public class E { @Id Long id; }",
                        "errors.badindex.E: @Index names column 'nope', which the table e does not have; its columns are [id]"),
                both("nogenerator", "@Entity public class E { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"g\") Long id; }",
                        "errors.nogenerator.E.id: @GeneratedValue(generator = \"g\") names no @SequenceGenerator on the field "
                                + "or on E and its mapped superclasses"),
                both("badidclass", "@Entity @IdClass(K.class) public class E { @Id Long a; @Id Long b; }\nclass K { Long a; }",
                        "errors.badidclass.E: @IdClass errors.badidclass.K must have a field 'b' of type Long matching the key attribute"),
                both("idclasstype", "@Entity @IdClass(K.class) public class E { @Id Long a; @Id String b; }\nclass K { Long a; int b; }",
                        "errors.idclasstype.E: @IdClass errors.idclasstype.K must have a field 'b' of type String matching the "
                                + "key attribute (it is int)"),
                both("compositegenerated", "@Entity @IdClass(K.class) public class E { @Id @GeneratedValue Long a; @Id Long b; }\nclass K { Long a; Long b; }",
                        "errors.compositegenerated.E.a: @GeneratedValue on a composite key is not supported"),
                both("convertermismatch", "@Entity public class E { @Id Long id; @Convert(converter = C.class) Integer n; }\n"
                                + "class C implements AttributeConverter<String, Long> { public Long convertToDatabaseColumn(String s) { return 1L; }\n"
                                + "  public String convertToEntityAttribute(Long l) { return \"\"; } }",
                        "errors.convertermismatch.E.n: converter errors.convertermismatch.C converts java.lang.String, but the field is java.lang.Integer"),
                both("converterdbtype", "@Entity public class E { @Id Long id; @Convert(converter = C.class) String n; }\n"
                                + "class C implements AttributeConverter<String, Object> { public Object convertToDatabaseColumn(String s) { return s; }\n"
                                + "  public String convertToEntityAttribute(Object o) { return \"\"; } }",
                        "errors.converterdbtype.E.n: converter errors.converterdbtype.C produces java.lang.Object, which is not a supported "
                                + "column type; supported types are String, boolean, short, int, long, float, double (and their wrapper "
                                + "classes), BigDecimal, BigInteger, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant, UUID, "
                                + "byte[], enums, or any type with @Convert(converter = ...)"),
                both("catalog", "@Entity @Table(catalog = \"c\") public class E { @Id Long id; }",
                        "errors.catalog.E: @Table(catalog = \"c\") is not supported; use schema"),
                both("badunique", "@Entity @Table(uniqueConstraints = @UniqueConstraint(columnNames = {\"id\", \"nme\"})) public class E { @Id Long id; String name; }",
                        "errors.badunique.E: @UniqueConstraint names column 'nme', which the table e does not have; its columns are [id, name]"),
                both("lob", "@Entity public class E { @Id Long id; @Lob Integer n; }",
                        "errors.lob.E.n: @Lob is supported on String (TEXT) and byte[] (BLOB), not java.lang.Integer"),
                both("notembeddable", "@Entity public class E { @EmbeddedId K key; }\nclass K { Long a; }",
                        "errors.notembeddable.E.key: the @EmbeddedId type errors.notembeddable.K must be annotated @Embeddable"),
                both("secondarytable", "@Entity public class E { @Id Long id; @Column(table = \"extra\") String n; }",
                        "errors.secondarytable.E.n: @Column(table = \"extra\") names a secondary table, which is not supported"),
                both("typevar", "@MappedSuperclass class B<K> { @Id K id; }\n@Entity public class E<T> extends B<T> { }",
                        "errors.typevar.E.id: its type K is a type variable that E does not bind to a class"),
                both("convertnoclass", "@Entity public class E { @Id Long id; @Convert String n; }",
                        "errors.convertnoclass.E.n: @Convert needs converter = SomeConverter.class (auto-applied converters are not supported)"),
                both("attrclash", "@Embeddable class K { String a; String b; }\n@Entity public class E { @EmbeddedId K key; @Column(name = \"x\") String a; }",
                        "errors.attrclash.E.a and errors.attrclash.E.key.a have the same attribute name 'a'; rename one (attribute "
                                + "names must be unique in an entity)"),
                both("accessproperty", "@Entity @Access(AccessType.PROPERTY) public class E { @Id Long id; }",
                        "errors.accessproperty.E: @Access(PROPERTY) is not supported; Athanor maps fields"),
                both("descindex", "@Entity @Table(indexes = @Index(columnList = \"name DESC\")) public class E { @Id Long id; String name; }",
                        "errors.descindex.E: @Index(columnList = \"name DESC\"): only column names (optionally followed by ASC) are "
                                + "supported, got 'name DESC'"),
                // issue 14e: every jakarta.persistence annotation is honoured or refused, never ignored
                // issue 16: lifecycle callbacks are honoured, with JPA's signature (instance, no parameters, void)
                both("prepersiststatic", "@Entity public class E { @Id Long id; @PrePersist static void stamp() {} }",
                        "errors.prepersiststatic.E: @PrePersist method stamp() is static; a lifecycle callback must be an instance method"),
                both("preupdateargs", "@MappedSuperclass class B { @PreUpdate void touch(Object o) {} }\n@Entity public class E extends B { @Id Long id; }",
                        "errors.preupdateargs.E: @PreUpdate method touch() takes 1 parameter(s); a lifecycle callback on the entity takes none"),
                both("postloadreturns", "@Entity public class E { @Id Long id; @PostLoad int loaded() { return 1; } }",
                        "errors.postloadreturns.E: @PostLoad method loaded() returns a value; a lifecycle callback must return void"),
                // issue 16: @EntityListeners classes: concrete, default-constructible, callbacks taking the entity
                both("listenernocallback", "@Entity @EntityListeners(Object.class) public class E { @Id Long id; }",
                        "errors.listenernocallback.E: the entity listener java.lang.Object declares no lifecycle callback method"
                                + " (@PrePersist, ..., taking the entity); remove it from @EntityListeners or annotate its methods"),
                both("listenernoctor", "class L { L(int x) {} @PrePersist void p(Object e) {} }\n@Entity @EntityListeners(L.class) public class E { @Id Long id; }",
                        "errors.listenernoctor.E: the entity listener errors.listenernoctor.L has no constructor without parameters;"
                                + " an entity listener class must be default-constructible"),
                both("listenerwrongtype", "class L { @PostLoad void p(String e) {} }\n@Entity @EntityListeners(L.class) public class E { @Id Long id; }",
                        "errors.listenerwrongtype.E: @PostLoad method p() of the entity listener errors.listenerwrongtype.L takes a"
                                + " java.lang.String, which errors.listenerwrongtype.E is not; a callback of an entity listener takes"
                                + " the entity (its class, a superclass or interface of it, or Object)"),
                both("listenernoargs", "class L { @PreRemove void p() {} }\n@Entity @EntityListeners(L.class) public class E { @Id Long id; }",
                        "errors.listenernoargs.E: @PreRemove method p() of the entity listener errors.listenernoargs.L takes 0"
                                + " parameter(s); a callback of an entity listener takes one, the entity"),
                both("listenerabstract", "abstract class L { @PreRemove void p(Object o) {} }\n@Entity @EntityListeners(L.class) public class E { @Id Long id; }",
                        "errors.listenerabstract.E: the entity listener errors.listenerabstract.L is not a concrete class;"
                                + " @EntityListeners names classes Athanor instantiates with their constructor without parameters"),
                both("listenerid", "class L { @Id @PreRemove void p(Object o) {} }\n@Entity @EntityListeners(L.class) public class E { @Id Long id; }",
                        "errors.listenerid.E: @Id on the method p() of the entity listener errors.listenerid.L has no meaning there;"
                                + " an entity listener's methods carry only the lifecycle callback annotations (PrePersist, PostPersist,"
                                + " PreUpdate, PostUpdate, PreRemove, PostRemove, PostLoad)"),
                both("namedquery", "@Entity @NamedQuery(name = \"all\", query = \"select e from E e\") public class E { @Id Long id; }",
                        "errors.namedquery.E: @NamedQuery is not supported: named queries, result set mappings and entity graphs "
                                + "are not supported; build the query where it is used with session.query(Entity.class).filter(...)"
                                + " (or a Core select run by session.execute), and keep reusable ones as static methods or constants of your own"),
                both("ordercolumnrelation", "@Entity public class E { @Id Long id; @OneToMany(mappedBy = \"e\") @OrderColumn List<C> cs; }\n"
                                + "@Entity class C { @Id Long id; @ManyToOne E e; }",
                        "errors.ordercolumnrelation.E.cs: @OrderColumn is not supported: @OrderColumn is honoured on an @ElementCollection "
                                + "List only; give a relationship's List its order with @OrderBy (e.g. @OrderBy(\"position\") over a column of the element)"),
                both("mapkeyrelation", "@Entity public class E { @Id Long id; @OneToMany(mappedBy = \"e\") @MapKey(name = \"id\") Map<Long, C> cs; }\n"
                                + "@Entity class C { @Id Long id; @ManyToOne E e; }",
                        "errors.mapkeyrelation.E.cs: @MapKey is not supported: Map-valued collections are not supported: map the "
                                + "relationship or @ElementCollection as a List or Set and build the map from it (or query the keyed values)"),
                // issue 16: @Embedded values, @AttributeOverride(s), @Column(columnDefinition) honoured; their mistakes refused
                both("embeddedtwice", "@Embeddable class A { String city; }\n@Entity public class E { @Id Long id; A home; @Embedded A work; }",
                        "errors.embeddedtwice.E.work.city and errors.embeddedtwice.E.home.city both map to column 'city'; an"
                                + " embeddable embedded twice needs its columns renamed: @AttributeOverride(name = \"city\", column ="
                                + " @Column(name = ...)) on one @Embedded field"),
                both("embeddednotembeddable", "class A { String city; }\n@Entity public class E { @Id Long id; @Embedded A address; }",
                        "errors.embeddednotembeddable.E.address: the @Embedded type errors.embeddednotembeddable.A must be annotated @Embeddable"),
                both("overrideunknown", "@Embeddable class A { String city; }\n@Entity public class E { @Id Long id; @Embedded"
                                + " @AttributeOverride(name = \"town\", column = @Column(name = \"t\")) A address; }",
                        "errors.overrideunknown.E.address: @AttributeOverride(name = \"town\") names no persistent field of the"
                                + " @Embeddable errors.overrideunknown.A; its fields are [city] (nested paths like \"a.b\" are not supported)"),
                both("overridebasic", "@Entity public class E { @Id Long id; @AttributeOverride(name = \"x\", column = @Column(name = \"y\")) String name; }",
                        "errors.overridebasic.E.name: @AttributeOverride on a field that is neither @Embedded nor @EmbeddedId; it"
                                + " renames the column of an embeddable's field, so on a basic field use @Column instead"),
                both("overrideonclass", "@MappedSuperclass class B { String name; }\n@Entity @AttributeOverride(name = \"name\","
                                + " column = @Column(name = \"n\")) public class E extends B { @Id Long id; }",
                        "errors.overrideonclass.E: @AttributeOverride on an entity class (overriding a mapped superclass's column) is"
                                + " not supported; put @Column on the field, or @AttributeOverride on an @Embedded field"),
                both("nestedembedded", "@Embeddable class G { Double lat; }\n@Embeddable class A { String city; G geo; }\n"
                                + "@Entity public class E { @Id Long id; @Embedded A address; }",
                        "errors.nestedembedded.E.address.geo: nested embeddables are not supported: errors.nestedembedded.G is an"
                                + " @Embeddable inside an @Embeddable; map its fields in the outer @Embeddable itself"),
                both("embeddedreference", "@Embeddable class A { @ManyToOne E owner; }\n@Entity public class E { @Id Long id; @Embedded A address; }",
                        "errors.embeddedreference.E.address.owner: @ManyToOne on a field of an @Embedded value is not supported: an"
                                + " embedded value holds basic columns of its owner (no key, version or relationships of its own); map it"
                                + " on the entity instead"),
                both("embeddedcolumn", "@Embeddable class A { String city; }\n@Entity public class E { @Id Long id; @Embedded @Column(name = \"c\") A address; }",
                        "errors.embeddedcolumn.E.address: @Column has no meaning on an @Embedded field; annotate the embeddable's"
                                + " fields, or rename their columns with @AttributeOverride(name = ..., column = @Column(...))"),
                both("embeddablesuper", "class S { String street; }\n@Embeddable class A extends S { String city; }\n"
                                + "@Entity public class E { @Id Long id; @Embedded A address; }",
                        "errors.embeddablesuper.E.address: the @Embeddable errors.embeddablesuper.A extends errors.embeddablesuper.S;"
                                + " embeddables that inherit fields are not supported, declare the fields in the @Embeddable itself"),
                both("columncomment", "@Entity public class E { @Id Long id; @Column(comment = \"the doc\") String doc; }",
                        "errors.columncomment.E.doc: @Column(comment = \"the doc\") is not supported: Athanor writes no column"
                                + " options or comments from the mapping; give the column's type with columnDefinition (or length,"
                                + " precision, scale, @Lob), and declare the rest in your schema migrations and remove the member"),
                both("overridecomment", "@Embeddable class A { String city; }\n@Entity public class E { @Id Long id; @Embedded"
                                + " @AttributeOverride(name = \"city\", column = @Column(name = \"c\", options = \"x\")) A address; }",
                        "errors.overridecomment.E.address.city: @Column(options = \"x\") is not supported: Athanor writes no column"
                                + " options or comments from the mapping; give the column's type with columnDefinition (or length,"
                                + " precision, scale, @Lob), and declare the rest in your schema migrations and remove the member"),
                // Jakarta Persistence 3.2's DDL options and comments are refused, never ignored
                both("tablecomment", "@Entity @Table(name = \"t\", comment = \"people\") public class E { @Id Long id; }",
                        "errors.tablecomment.E: @Table(comment = \"people\") is not supported: Athanor writes no DDL options or"
                                + " comments from the mapping; declare them in your schema migrations and remove the member"),
                both("tableoptions", "@Entity @Table(options = \"ENGINE=MyISAM\") public class E { @Id Long id; }",
                        "errors.tableoptions.E: @Table(options = \"ENGINE=MyISAM\") is not supported: Athanor writes no DDL options"
                                + " or comments from the mapping; declare them in your schema migrations and remove the member"),
                new Case("indexoptions", "@Entity @Table(indexes = @Index(columnList = \"id\", options = \"x\")) public class E { @Id Long id; }",
                        "errors.indexoptions.E: @Index(options = \"x\") is not supported: Athanor writes no DDL options or"
                                + " comments from the mapping; declare them in your schema migrations and remove the member",
                        // a shared check (orm-rules' TableChecks): the processor reports it too
                        "errors.indexoptions.E: @Index(options = \"x\") is not supported: Athanor writes no DDL options or"
                                + " comments from the mapping; declare them in your schema migrations and remove the member"),
                new Case("sequenceoptions", "@Entity public class E { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE)"
                                + " @SequenceGenerator(name = \"s\", options = \"CACHE 5\") Long id; }",
                        "errors.sequenceoptions.E.id: @SequenceGenerator(options = \"CACHE 5\") is not supported: Athanor writes no"
                                + " DDL options or comments from the mapping; declare them in your schema migrations and remove the member",
                        // a shared check (orm-rules' AttributeChecks): the processor reports it too
                        "errors.sequenceoptions.E.id: @SequenceGenerator(options = \"CACHE 5\") is not supported: Athanor writes no"
                                + " DDL options or comments from the mapping; declare them in your schema migrations and remove the member"),
                both("temporal", "@Entity public class E { @Id Long id; @Temporal(TemporalType.DATE) java.time.LocalDate d; }",
                        "errors.temporal.E.d: @Temporal is not supported: java.util.Date and Calendar are not supported; use "
                                + "java.time types (LocalDate, LocalDateTime, OffsetDateTime, Instant), which need no @Temporal"),
                both("columnongetter", "@Entity public class E { @Id Long id; String name; @Column(name = \"n\") public String getName() { return name; } }",
                        "errors.columnongetter.E: @Column is on the method getName(); Athanor maps fields (field access), so put "
                                + "@Column and the other annotations on the fields"),
                both("columncheck", "@Entity public class E { @Id Long id; @Column(check = @CheckConstraint(constraint = \"n > 0\")) Integer n; }",
                        "errors.columncheck.E.n: @CheckConstraint is not supported: check constraints in mapping annotations are "
                                + "not created; declare them in your schema migrations"));
    }

}
