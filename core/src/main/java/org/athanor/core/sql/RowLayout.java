package org.athanor.core.sql;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.athanor.core.schema.Column;

/** The columns of a result, shared by all its rows: name and expression → index. */
public final class RowLayout {
    private final List<String> names;
    private final Map<Object, Integer> byExpression = new IdentityHashMap<>();
    private final Map<String, Integer> byName = new HashMap<>();
    private final List<? extends Expression<?>> expressions;

    public RowLayout(List<String> names, List<? extends Expression<?>> expressions) {
        this.names = List.copyOf(names);
        this.expressions = expressions == null ? List.of() : expressions;
        for (int i = names.size() - 1; i >= 0; i--) {
            byName.put(names.get(i), i);
            byName.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), i);
            if (expressions != null && i < expressions.size()) {
                Expression<?> e = expressions.get(i);
                byExpression.put(e, i);
                if (e instanceof Label<?> l) byExpression.put(l.expression(), i);
            }
        }
    }

    public List<String> names() { return names; }

    public int indexOf(Expression<?> e) {
        Integer i = byExpression.get(e);
        if (i != null) return i;
        if (e instanceof Column<?> c) {
            // By name only for the same column of the same table or alias (another Column object of an
            // equal derived table, or a text() row): never hand back another table's "id".
            for (int k = 0; k < names.size(); k++) {
                if (!names.get(k).equals(c.name())) continue;
                Expression<?> at = k < expressions.size() ? expressions.get(k) : null;
                if (at == null || at instanceof Column<?> ac && ac.name().equals(c.name())
                        && ac.table().qualifier().equals(c.table().qualifier())) return k;
            }
        }
        if (e instanceof Label<?> l) return indexOf(l.name());
        // Built again alike (a statement served from the statement cache keeps the expressions of the build
        // it was compiled for): the first result expression with an equal key and equal values
        List<Object> key = ExpressionKey.of(e);
        if (key != null)
            for (int k = 0; k < expressions.size(); k++) if (ExpressionKey.same(key, ExpressionKey.of(expressions.get(k)))) return k;
        throw new IllegalArgumentException("expression " + e + " is not in this result; its columns are " + names);
    }

    public int indexOf(String name) {
        Integer i = byName.get(name);
        if (i == null) i = byName.get(name.toLowerCase(Locale.ROOT));
        if (i == null) throw new IllegalArgumentException("no column named '" + name + "' in this result; its columns are " + names);
        return i;
    }
}
