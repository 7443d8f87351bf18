package org.athanor.core.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.type.SqlTypes;

/**
 * Literal SQL with named {@code :name} parameters, for what the expression language cannot say.
 * Parameters are bound, never spliced in. {@code ::} (a PostgreSQL cast) and text inside quotes
 * are left alone. A list bound to a parameter expands to a parenthesized list of placeholders:
 * <pre>{@code
 * text("SELECT name FROM users WHERE id IN :ids").bind("ids", List.of(1L, 2L, 3L))
 * // SELECT name FROM users WHERE id IN (?, ?, ?, ?)   -- padded to 4 with the last id, see ParamList
 * }</pre>
 */
public final class Text implements Query<Row>, Condition {
    private final List<String> fragments; // SQL between parameters
    private final List<String> names;     // parameter names, one between each pair of fragments
    private final Map<String, SqlNode> values; // a Param, or a ParamList for a bound list

    private Text(List<String> fragments, List<String> names, Map<String, SqlNode> values) {
        this.fragments = fragments;
        this.names = names;
        this.values = values;
    }

    static Text parse(String sql) {
        List<String> frags = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (quote != 0) {
                cur.append(ch);
                if (ch == quote) quote = 0;
            } else if (ch == '\'' || ch == '"' || ch == '`') {
                quote = ch;
                cur.append(ch);
            } else if (ch == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                cur.append("::");
                i++;
            } else if (ch == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))
                    && (i == 0 || !Character.isJavaIdentifierPart(sql.charAt(i - 1)))) {
                int j = i + 1;
                while (j < sql.length() && Character.isJavaIdentifierPart(sql.charAt(j))) j++;
                frags.add(cur.toString());
                cur.setLength(0);
                names.add(sql.substring(i + 1, j));
                i = j - 1;
            } else {
                cur.append(ch);
            }
        }
        frags.add(cur.toString());
        return new Text(List.copyOf(frags), List.copyOf(names), Map.of());
    }

    /**
     * Binds {@code :name} to {@code value} (typed from its class). A collection expands to
     * {@code (?, ?, ...)}, typed from its items; bind an empty one with {@link #bindList} so that
     * PostgreSQL knows its type.
     */
    public Text bind(String name, Object value) {
        if (value instanceof java.util.Collection<?> list) return with(name, ParamList.of(name, list, null));
        return bind(name, value == null ? new Param<>(null, SqlTypes.NULL) : (Param<?>) Sql.param(value));
    }

    /** Binds {@code :name} to a list of {@code type} values, rendered {@code (?, ?, ...)}; empty, an empty IN. */
    public <T> Text bindList(String name, java.util.Collection<? extends T> values, org.athanor.core.type.SqlType<T> type) {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(values, "values");
        return with(name, ParamList.of(name, values, java.util.Objects.requireNonNull(type, "type")));
    }

    public Text bind(String name, Param<?> param) { return with(name, param); }

    private Text with(String name, SqlNode param) {
        if (!names.contains(name))
            throw new IllegalArgumentException("text() has no parameter :" + name + "; its parameters are " + names);
        Map<String, SqlNode> m = new HashMap<>(values);
        m.put(name, param);
        return new Text(fragments, names, Collections.unmodifiableMap(m));
    }

    public List<String> fragments() { return fragments; }
    public List<String> parameterNames() { return names; }

    /** The parameter (a {@link Param}, or a {@link ParamList} for a list) bound to {@code name}; an unbound one is an error naming it. */
    public SqlNode parameter(String name) {
        SqlNode p = values.get(name);
        if (p == null) throw new IllegalStateException("text() parameter :" + name + " has no value; call bind(\"" + name + "\", value)");
        return p;
    }

    @Override public RowKind rowKind() { return RowKind.ROW; }
    @Override public org.athanor.core.type.SqlType<Boolean> type() { return SqlTypes.BOOLEAN; }
    @Override public void accept(SqlVisitor c) { c.visitText(this); }

    @Override
    public void key(KeyBuilder k) {
        k.add(Text.class);
        k.add(fragments);
        for (String n : names) parameter(n).key(k);
    }

    @Override public String toString() { return String.join("?", fragments); }
}
