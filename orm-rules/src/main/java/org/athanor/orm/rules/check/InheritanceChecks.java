package org.athanor.orm.rules.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.athanor.orm.rules.AnnotationRules;

/**
 * The tables and the discriminator of an inheritance hierarchy, read from the annotations of the class and its
 * superclasses: a single-table subclass has no {@code @Table}, a JOINED subclass's {@code @PrimaryKeyJoinColumn} names
 * the one key column its table shares with its parent's, the root's {@code @DiscriminatorColumn} gives no DDL, and each
 * concrete class's {@code @DiscriminatorValue} fits the column's type. Written once for the runtime
 * (org.athanor.orm.mapping.Inheritance, which builds the hierarchy from what these accepted) and the annotation
 * processor; {@link ClassChecks#hierarchyProblem} places the annotations first.
 *
 * <p>Not API: public only so that the runtime and the processor, in other artifacts, share it.
 */
public final class InheritanceChecks {
    private InheritanceChecks() {}

    /** The first mistake of a subclass's table ({@code @Table}, {@code @PrimaryKeyJoinColumn}); null for a root. */
    public static Problem subclassTable(ClassView c) {
        String m = subclassTableMessage(c);
        return m == null ? null : new Problem(c, null, m);
    }

    private static String subclassTableMessage(ClassView c) {
        ClassView parent = ClassChecks.entitySuperclass(c);
        String strategy = ClassChecks.strategy(c);
        if (parent == null || strategy == null) return null;
        ClassView root = ClassChecks.root(c);
        if (strategy.equals("SINGLE_TABLE") && c.has("Table"))
            return "@Table on a SINGLE_TABLE subclass: its rows live in the table of " + root.simpleName() + " ("
                    + KeyColumns.tableName(parent) + "); remove @Table, or use JOINED inheritance";
        AnnotationView pkj = c.annotation("PrimaryKeyJoinColumn");
        if (!strategy.equals("JOINED") || pkj == null) return null;
        KeyColumns.Keys keys = KeyColumns.of(parent);
        if (keys.problem() != null) return null; // the root's key is KeyChecks' to report
        if (keys.size() != 1)
            return "@PrimaryKeyJoinColumn names one key column, but " + root.simpleName() + " has a composite key; leave it out "
                    + "(the columns are named after the root's)";
        String referenced = pkj.string("referencedColumnName");
        if (!referenced.isEmpty() && !referenced.equalsIgnoreCase(keys.get(0)))
            return "@PrimaryKeyJoinColumn(referencedColumnName = \"" + referenced + "\"): the key column of " + parent.simpleName()
                    + " is " + keys.get(0);
        String options = AnnotationRules.ddlMemberProblem("PrimaryKeyJoinColumn", "options", pkj.string("options"));
        if (options != null) return options;
        if (!pkj.string("columnDefinition").isEmpty())
            return "@PrimaryKeyJoinColumn(columnDefinition) is not supported; the column takes the type of " + root.simpleName()
                    + "'s key";
        return null;
    }

    /** The discriminator column's name: the root's {@code @DiscriminatorColumn(name)}, else JPA's {@code dtype}. */
    public static String discriminatorColumn(ClassView c) {
        AnnotationView dc = ClassChecks.root(c).annotation("DiscriminatorColumn");
        return dc == null ? "dtype" : dc.string("name");
    }

    /** The discriminator's type ("STRING", "CHAR", "INTEGER"): the root's {@code @DiscriminatorColumn}'s; STRING for TABLE_PER_CLASS. */
    public static String discriminatorType(ClassView c) {
        AnnotationView dc = ClassChecks.root(c).annotation("DiscriminatorColumn");
        return dc == null || "TABLE_PER_CLASS".equals(ClassChecks.strategy(c)) ? "STRING" : dc.string("discriminatorType");
    }

    /**
     * The first mistake of the hierarchy's discriminator as class {@code c} sees it: the root's column members, and
     * {@code c}'s value for the column's type; null outside a hierarchy.
     */
    public static Problem discriminator(ClassView c) {
        String m = discriminatorMessage(c);
        return m == null ? null : new Problem(c, null, m);
    }

    private static String discriminatorMessage(ClassView c) {
        String strategy = ClassChecks.strategy(c);
        if (strategy == null) return null;
        AnnotationView dc = c.annotation("DiscriminatorColumn");
        if (ClassChecks.entitySuperclass(c) == null && !strategy.equals("TABLE_PER_CLASS") && dc != null) {
            if (!dc.string("columnDefinition").isEmpty())
                return "@DiscriminatorColumn(columnDefinition) is not supported; give discriminatorType and length";
            if (!dc.string("options").isEmpty()) return "@DiscriminatorColumn(options) is not supported";
        }
        if (c.isAbstract()) return null; // no rows of its own, no value
        AnnotationView dv = c.annotation("DiscriminatorValue");
        String v = dv == null ? null : dv.string("value");
        switch (discriminatorType(c)) {
            case "INTEGER" -> {
                if (v == null)
                    return "the hierarchy's discriminator is an INTEGER column; give " + c.simpleName() + " its value with "
                            + "@DiscriminatorValue(\"...\")";
                try {
                    Integer.valueOf(v.trim());
                } catch (NumberFormatException e) {
                    return "@DiscriminatorValue(\"" + v + "\") is not an integer, but the hierarchy's discriminator column is INTEGER";
                }
                return null;
            }
            case "CHAR" -> {
                if (v == null || v.length() != 1)
                    return "the hierarchy's discriminator is a CHAR column; give " + c.simpleName() + " a one-character "
                            + "@DiscriminatorValue" + (v == null ? "" : ", not \"" + v + "\"");
                return null;
            }
            default -> {
                if (v != null && v.isEmpty())
                    return "@DiscriminatorValue(\"\") is empty; give a value or leave the annotation out (the entity name "
                            + KeyColumns.entityName(c) + " is the default)";
                return null;
            }
        }
    }

    /**
     * Class {@code c}'s value in the discriminator column, as {@link #discriminator} accepted it: an Integer for an
     * INTEGER column, else the String ({@code @DiscriminatorValue}, by default the entity name); null for an abstract class.
     */
    public static Object discriminatorValue(ClassView c) {
        if (c.isAbstract()) return null;
        AnnotationView dv = c.annotation("DiscriminatorValue");
        String v = dv == null ? null : dv.string("value");
        if (discriminatorType(c).equals("INTEGER")) return Integer.valueOf(v.trim());
        return v != null ? v : KeyColumns.entityName(c);
    }

    /**
     * The root's discriminator column also mapped by an attribute or a reference ({@code mapped}: whether a column of
     * that name, lower-cased, is in the root's table so far); null when it is not, or {@code root} keeps none.
     */
    public static Problem discriminatorColumnClash(ClassView root, Predicate<String> mapped) {
        String strategy = ClassChecks.strategy(root);
        if (strategy == null || strategy.equals("TABLE_PER_CLASS") || ClassChecks.entitySuperclass(root) != null) return null;
        String name = discriminatorColumn(root);
        if (!mapped.test(name.toLowerCase(java.util.Locale.ROOT))) return null;
        return new Problem(root, null, "the discriminator column " + name + " is also mapped by an attribute; the class of an "
                + "object fixes its value, so leave the column unmapped (or name the discriminator differently with "
                + "@DiscriminatorColumn(name = ...))");
    }

    /** A class of a hierarchy (its name as messages give it) and its discriminator value (null: abstract, no value). */
    public record Valued(String name, Object value) {}

    /** The first class ({@code index} in the list) whose value an earlier class has too, and the whole message. */
    public record SameValue(int index, String message) {}

    /**
     * Two concrete classes of one hierarchy with one discriminator value: a row's class could not be told. {@code classes}:
     * the hierarchy's classes the side knows (the runtime: a registry's; the processor: a compilation's), root first.
     */
    public static SameValue sameDiscriminatorValue(List<Valued> classes) {
        Map<Object, String> owner = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            Valued c = classes.get(i);
            if (c.value() == null) continue;
            String other = owner.putIfAbsent(c.value(), c.name());
            if (other != null)
                return new SameValue(i, other + " and " + c.name() + " both have the discriminator value " + quote(c.value())
                        + "; give each class of the hierarchy its own @DiscriminatorValue");
        }
        return null;
    }

    /** A discriminator value as messages show it: a string in single quotes, a number as it is. */
    public static String quote(Object v) { return v instanceof String ? "'" + v + "'" : String.valueOf(v); }

    /**
     * A SINGLE_TABLE subclass's attribute on a column of the shared table {@code table} another class of the hierarchy maps
     * (or the discriminator): the message after the attribute's "Class.field: ". Each side tells which columns are taken.
     */
    public static String sharedColumn(String column, String table) {
        return "column " + column + " of the shared table " + table + " is already mapped by another class of the hierarchy (or is "
                + "its discriminator); give it another name with @Column(name = ...)";
    }
}
