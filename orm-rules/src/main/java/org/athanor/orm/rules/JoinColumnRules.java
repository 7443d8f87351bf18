package org.athanor.orm.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The key columns of a reference ({@code @ManyToOne} / owning {@code @OneToOne}), one per key column of its
 * target in the target's key order, from its {@code @JoinColumn}s (directly or in {@code @JoinColumns}) or JPA's
 * default {@code <field>_<referenced column>}: the runtime's mapping and the annotation processor read them with
 * these rules and report the same words.
 */
public final class JoinColumnRules {
    private JoinColumnRules() {}

    /** One {@code @JoinColumn} as written: its {@code name} and {@code referencedColumnName} ("" when not given). */
    public record Given(String name, String referencedColumnName) {}

    /**
     * The resolved key columns: {@code names} in the target's key order, {@code givenAt[j]} the index in the
     * given {@code @JoinColumn}s of key column j's (-1: defaulted); or a {@code problem} (the rest null).
     */
    public record Result(List<String> names, int[] givenAt, String problem) {}

    /**
     * Resolves reference {@code field}'s key columns to {@code target}, whose key columns are {@code keyColumns}
     * (in key order), from the {@code @JoinColumn}s {@code given} (empty: JPA's defaults).
     */
    public static Result resolve(String field, String target, List<String> keyColumns, List<Given> given) {
        return resolve(field, target, keyColumns, given, "@JoinColumns");
    }

    /**
     * {@link #resolve(String, String, List, List)} for join columns given elsewhere than in {@code @JoinColumns}:
     * {@code holder} names where they go (a many-to-many's {@code "@JoinTable(joinColumns = {...})"}).
     */
    public static Result resolve(String field, String target, List<String> keyColumns, List<Given> given, String holder) {
        String base = Naming.snakeCase(field) + "_";
        int n = keyColumns.size();
        String[] names = new String[n];
        int[] at = new int[n];
        Arrays.fill(at, -1);
        if (given.isEmpty()) {
            for (int j = 0; j < n; j++) names[j] = base + keyColumns.get(j);
        } else if (n == 1) {
            if (given.size() > 1)
                return problem(given.size() + " @JoinColumns for " + target + ", whose key is the single column "
                        + keyColumns.get(0) + "; give one @JoinColumn");
            Given g = given.get(0);
            if (!g.referencedColumnName().isEmpty() && !g.referencedColumnName().equalsIgnoreCase(keyColumns.get(0)))
                return problem("@JoinColumn(referencedColumnName = \"" + g.referencedColumnName()
                        + "\"): a reference must point at the target's primary key column " + keyColumns.get(0));
            names[0] = g.name().isEmpty() ? base + keyColumns.get(0) : g.name();
            at[0] = 0;
        } else {
            if (given.size() != n)
                return problem(target + " has a composite key of the columns " + keyColumns + ", but " + given.size()
                        + " @JoinColumn" + (given.size() == 1 ? " is" : "s are") + " given; give one @JoinColumn(name = ..., "
                        + "referencedColumnName = ...) per key column, in " + holder);
            for (int i = 0; i < given.size(); i++) {
                Given g = given.get(i);
                if (g.referencedColumnName().isEmpty())
                    return problem("@JoinColumn(name = \"" + g.name() + "\") has no referencedColumnName; with the composite key "
                            + keyColumns + " of " + target + " each @JoinColumn names the key column it references");
                int j = indexOf(keyColumns, g.referencedColumnName());
                if (j < 0)
                    return problem("@JoinColumn(referencedColumnName = \"" + g.referencedColumnName() + "\"): a reference must "
                            + "point at the target's key columns; " + target + "'s are " + keyColumns);
                if (at[j] >= 0)
                    return problem("two @JoinColumns reference the key column " + keyColumns.get(j) + " of " + target
                            + "; name each of " + keyColumns + " once");
                at[j] = i;
                names[j] = g.name().isEmpty() ? base + keyColumns.get(j) : g.name();
            }
        }
        for (int j = 0; j < n; j++)
            for (int i = 0; i < j; i++)
                if (names[i].equalsIgnoreCase(names[j]))
                    return problem("the key columns for " + keyColumns.get(i) + " and " + keyColumns.get(j) + " are both named "
                            + names[j] + "; give each @JoinColumn its own name");
        return new Result(List.of(names), at, null);
    }

    /**
     * What a reference to a composite key cannot be yet, or null: {@code kind} "@ManyToOne" or "@OneToOne",
     * {@code columns} the resolved key column names; {@code id}, {@code mapsId}: the field carries @Id, @MapsId.
     */
    public static String compositeProblem(String kind, String target, List<String> columns, boolean id, boolean mapsId) {
        String of = kind + " to " + target + ", whose key is composite (" + columns.size() + " key columns)";
        if (id) return "@Id on a " + of + " is not supported yet (a derived identity of several columns); map the key "
                + "columns as @Id fields of their own";
        if (mapsId) return "@MapsId on a " + of + " is not supported yet; map the key columns as @EmbeddedId components "
                + "and the reference without @MapsId";
        return null;
    }

    /** A target whose key includes one of its references (a derived identity): not a reference's target yet. */
    public static String derivedKeyTarget(String target, String reference) {
        return "the target " + target + " has a composite key that includes its reference " + reference + " (a derived "
                + "identity); references to such keys are not supported yet (references to @IdClass and @EmbeddedId keys of "
                + "basic columns are)";
    }

    private static Result problem(String p) { return new Result(null, null, p); }

    private static int indexOf(List<String> columns, String name) {
        for (int i = 0; i < columns.size(); i++)
            if (columns.get(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) return i;
        return -1;
    }
}
