package org.athanor.core.sql;

import java.util.List;
import org.athanor.core.type.SqlType;

/** {@code name([DISTINCT] args...)}; built through {@link Sql#func} and the helpers in {@link Sql}. */
public record FunctionCall<T>(String name, List<Expression<?>> args, SqlType<T> type, boolean distinct) implements Expression<T> {
    public FunctionCall {
        checkName(name);
        java.util.Objects.requireNonNull(args, "args");
        java.util.Objects.requireNonNull(type, "type");
        args = List.copyOf(args);
    }

    /**
     * The name is spliced into the SQL as written (function names cannot be bound), so it must be an
     * identifier, optionally schema-qualified ({@code schema.name}): letters, digits, {@code _} and
     * {@code $}, not starting with a digit. Anything else (a quote, a space, a parenthesis) is refused
     * here rather than sent to the database.
     */
    static void checkName(String name) {
        java.util.Objects.requireNonNull(name, "function name");
        int parts = 0;
        int start = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i < name.length() && name.charAt(i) != '.') {
                char c = name.charAt(i);
                boolean ok = c == '_' || c == '$' || Character.isLetter(c) || (i > start && Character.isDigit(c));
                if (!ok) throw badName(name);
                continue;
            }
            if (i == start || ++parts > 2) throw badName(name);
            start = i + 1;
        }
    }

    private static IllegalArgumentException badName(String name) {
        return new IllegalArgumentException("invalid SQL function name '" + name + "': expected an identifier (letters, digits, "
                + "_ or $, not starting with a digit), optionally schema-qualified as schema.name; function names are "
                + "written into the SQL as given, so they cannot come from user input");
    }
    @Override public void accept(SqlVisitor c) { c.visitFunction(this); }
    @Override public void key(KeyBuilder k) { k.add(FunctionCall.class); k.add(name); k.add(distinct); k.add(type); k.add(args.size()); for (var a : args) a.key(k); }
}
