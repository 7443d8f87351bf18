package org.athanor.orm.processor;

import java.util.List;
import org.athanor.orm.processor.LinkCheckErrorCases.LinkCase;

/**
 * Mistakes of a hierarchy's tables and discriminator that only the runtime's Inheritance reported before session 14:
 * orm-rules' InheritanceChecks now finds each one, in the same words, in javac (on the class) and in the runtime.
 */
public final class InheritanceCheckErrorCases {
    private InheritanceCheckErrorCases() {}

    private static final String SINGLE = "\n@Entity @Inheritance class P { @Id Long id; }";
    private static final String JOINED = "\n@Entity @Inheritance(strategy = InheritanceType.JOINED) class P { @Id Long id; }";

    /** A class-level mistake of {@code errors.<name>.E}, reported on the class. */
    private static LinkCase of(String name, String body, String message) { return new LinkCase(name, body, ": " + message, "class E "); }

    public static List<LinkCase> all() {
        return List.of(
                of("singletabletable", "@Entity @Table(name = \"e\") public class E extends P { }" + SINGLE,
                        "@Table on a SINGLE_TABLE subclass: its rows live in the table of P (p); remove @Table, or use JOINED inheritance"),
                of("pkjcomposite", "@Entity @PrimaryKeyJoinColumn(name = \"k\") public class E extends P { }\n"
                                + "@Entity @Inheritance(strategy = InheritanceType.JOINED) @IdClass(K.class) class P { @Id Long a; @Id Long b; }\n"
                                + "class K { Long a; Long b; }",
                        "@PrimaryKeyJoinColumn names one key column, but P has a composite key; leave it out (the columns are "
                                + "named after the root's)"),
                of("pkjreferenced", "@Entity @PrimaryKeyJoinColumn(referencedColumnName = \"zz\") public class E extends P { }" + JOINED,
                        "@PrimaryKeyJoinColumn(referencedColumnName = \"zz\"): the key column of P is id"),
                of("pkjdefinition", "@Entity @PrimaryKeyJoinColumn(columnDefinition = \"BIGINT\") public class E extends P { }" + JOINED,
                        "@PrimaryKeyJoinColumn(columnDefinition) is not supported; the column takes the type of P's key"),
                of("pkjoptions", "@Entity @PrimaryKeyJoinColumn(options = \"x\") public class E extends P { }" + JOINED,
                        org.athanor.orm.rules.AnnotationRules.ddlMemberProblem("PrimaryKeyJoinColumn", "options", "x")),
                of("discriminatordefinition", "@Entity @Inheritance @DiscriminatorColumn(columnDefinition = \"varchar(3)\") "
                                + "public class E { @Id Long id; }",
                        "@DiscriminatorColumn(columnDefinition) is not supported; give discriminatorType and length"),
                of("discriminatoroptions", "@Entity @Inheritance @DiscriminatorColumn(options = \"x\") public class E { @Id Long id; }",
                        "@DiscriminatorColumn(options) is not supported"),
                of("discriminatorintegermissing", "@Entity public class E extends P { }\n@Entity @Inheritance "
                                + "@DiscriminatorColumn(discriminatorType = DiscriminatorType.INTEGER) abstract class P { @Id Long id; }",
                        "the hierarchy's discriminator is an INTEGER column; give E its value with @DiscriminatorValue(\"...\")"),
                of("discriminatornotinteger", "@Entity @DiscriminatorValue(\"x\") public class E extends P { }\n@Entity @Inheritance "
                                + "@DiscriminatorColumn(discriminatorType = DiscriminatorType.INTEGER) abstract class P { @Id Long id; }",
                        "@DiscriminatorValue(\"x\") is not an integer, but the hierarchy's discriminator column is INTEGER"),
                of("discriminatorchar", "@Entity @DiscriminatorValue(\"ab\") public class E extends P { }\n@Entity @Inheritance "
                                + "@DiscriminatorColumn(discriminatorType = DiscriminatorType.CHAR) abstract class P { @Id Long id; }",
                        "the hierarchy's discriminator is a CHAR column; give E a one-character @DiscriminatorValue, not \"ab\""),
                of("discriminatorempty", "@Entity @DiscriminatorValue(\"\") public class E extends P { }" + SINGLE,
                        "@DiscriminatorValue(\"\") is empty; give a value or leave the annotation out (the entity name E is the default)"),
                new LinkCase("sharedcolumnparent", "@Entity public class E extends P { @Column(name = \"NAME\") String label; }\n"
                                + "@Entity @Inheritance class P { @Id Long id; String name; }",
                        "label: column NAME of the shared table p is already mapped by another class of the hierarchy (or is its "
                                + "discriminator); give it another name with @Column(name = ...)", "label; }"),
                new LinkCase("sharedcolumndiscriminator", "@Entity public class E extends P { String dtype; }" + SINGLE,
                        "dtype: column dtype of the shared table p is already mapped by another class of the hierarchy (or is its "
                                + "discriminator); give it another name with @Column(name = ...)", "dtype; }"),
                of("discriminatormapped", "@Entity @Inheritance public class E { @Id Long id; @Column(name = \"DTYPE\") String kind; }",
                        "the discriminator column dtype is also mapped by an attribute; the class of an object fixes its value, so "
                                + "leave the column unmapped (or name the discriminator differently with @DiscriminatorColumn(name = ...))"));
    }
}
