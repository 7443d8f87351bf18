package org.athanor.orm.processor;

import java.util.List;
import org.athanor.orm.processor.MappingErrorCases.Case;

/**
 * Mistakes the runtime alone reported before its checks and the processor's became one implementation
 * (orm-rules' org.athanor.orm.rules.check): now javac and the first Registry.of report each in the same words.
 */
public final class SharedCheckErrorCases {
    private SharedCheckErrorCases() {}

    /** {@code message} after "errors.name.E" (a class-level mistake starts with ": ", a field's with ".field: "). */
    private static Case both(String name, String body, String message) {
        return new Case(name, body, "errors." + name + ".E" + message, "errors." + name + ".E" + message);
    }

    private static final String P = "\n@Entity @Inheritance class P { @Id Long id; }";

    public static List<Case> all() {
        return List.of(
                both("subdiscriminatorcolumn", "@Entity @DiscriminatorColumn(name = \"k\") public class E extends P { }" + P,
                        ": @DiscriminatorColumn belongs on the root of the hierarchy (errors.subdiscriminatorcolumn.P); a "
                                + "subclass gives only its @DiscriminatorValue"),
                both("subidclass", "@Entity @IdClass(K.class) public class E extends P { }\nclass K { Long id; }" + P,
                        ": @IdClass belongs on the root of the hierarchy; a subclass inherits its key"),
                both("abstractdiscriminatorvalue", "@Entity @Inheritance @DiscriminatorValue(\"x\") public abstract class E { @Id Long id; }",
                        ": @DiscriminatorValue on an abstract class: it has no rows of its own; give the value on its concrete"
                                + " subclasses"),
                both("singletablepkjoin", "@Entity @PrimaryKeyJoinColumn public class E extends P { }" + P,
                        ": @PrimaryKeyJoinColumn applies to JOINED inheritance; E shares the table of P (SINGLE_TABLE)"),
                both("discriminatoroutside", "@Entity @DiscriminatorValue(\"x\") public class E { @Id Long id; }",
                        ": @DiscriminatorValue belongs to an inheritance hierarchy, but E neither extends an @Entity nor "
                                + "declares @Inheritance; annotate the root entity @Inheritance(strategy = SINGLE_TABLE or JOINED)"),
                both("tpcdiscriminatorcolumn", "@Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS) @DiscriminatorColumn "
                                + "public class E { @Id Long id; }",
                        ": @DiscriminatorColumn with TABLE_PER_CLASS: each class has its own table, so there is no discriminator"
                                + " column; remove it (@DiscriminatorValue still names the class in polymorphic queries)"),
                both("rootpkjoin", "@Entity @Inheritance(strategy = InheritanceType.JOINED) @PrimaryKeyJoinColumn public class E { @Id Long id; }",
                        ": @PrimaryKeyJoinColumn names a JOINED subclass's key column; the root of the hierarchy has none"),
                both("idclassembeddedid", "@Embeddable class K { Long a; Long b; }\n@Entity @IdClass(K.class) public class E { @EmbeddedId K key; }",
                        ".key: @IdClass and @EmbeddedId cannot be combined"),
                both("subembeddedid", "@Embeddable class K { Long a; }\n@Entity public class E extends P { @EmbeddedId K key; }" + P,
                        ".key: a subclass entity inherits the key of P; remove @EmbeddedId"),
                both("secondembeddedid", "@Embeddable class K { Long a; }\n@Entity public class E { @EmbeddedId K k1; @EmbeddedId K k2; }",
                        ".k2: a second @EmbeddedId (the first is k1)"),
                both("embeddedidgenerated", "@Embeddable class K { @GeneratedValue Long a; Long b; }\n@Entity public class E { @EmbeddedId K key; }",
                        ".key.a: @GeneratedValue on a composite key is not supported"),
                both("idversion", "@Entity public class E { @Id @Version Long id; }",
                        ".id: a field cannot be both @Id and @Version"),
                both("recordfield", "record R(int a) { }\n@Entity public class E { @Id Long id; R r; }",
                        ".r: unsupported field type errors.recordfield.R; supported types are String, boolean, short, int, long, "
                                + "float, double (and their wrapper classes), BigDecimal, BigInteger, LocalDate, LocalTime, "
                                + "LocalDateTime, OffsetDateTime, Instant, UUID, byte[], enums, or any type with @Convert(converter"
                                + " = ...) (a record cannot be embedded: map an @Embeddable class with a no-arg constructor); or "
                                + "mark the field @Transient"),
                // a converter is checked by one implementation for a basic field and an element collection's values
                both("ecconverter", "@Entity public class E { @Id Long id; @ElementCollection @Convert(converter = C.class) "
                                + "Set<Integer> ns; }\nclass C implements AttributeConverter<String, String> { "
                                + "public String convertToDatabaseColumn(String s) { return s; }\n"
                                + "  public String convertToEntityAttribute(String s) { return s; } }",
                        ".ns: converter errors.ecconverter.C converts java.lang.String, but the field is java.lang.Integer"),
                both("convertergeneric", "@Entity public class E { @Id Long id; @Convert(converter = C.class) String n; }\n"
                                + "class C<X> implements AttributeConverter<X, String> { public String convertToDatabaseColumn(X x) { return \"\"; }\n"
                                + "  public X convertToEntityAttribute(String s) { return null; } }",
                        ".n: cannot tell the types of converter errors.convertergeneric.C; it must implement "
                                + "AttributeConverter<X, Y> with concrete classes X and Y"));
    }
}
