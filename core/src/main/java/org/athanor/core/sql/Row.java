package org.athanor.core.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One result row of a wide or dynamic query, read by index, by expression or by label.
 * <pre>{@code
 * for (Row r : conn.execute(selectFrom(USERS)).all()) System.out.println(r.get(USERS.NAME));
 * }</pre>
 */
public final class Row {
    private final RowLayout layout;
    private final Object[] values;

    public Row(RowLayout layout, Object[] values) {
        this.layout = layout;
        this.values = values;
    }

    public int size() { return values.length; }

    public Object get(int index) {
        if (index < 0 || index >= values.length)
            throw new IndexOutOfBoundsException("row has " + values.length + " columns " + layout.names() + ", no index " + index);
        return values[index];
    }

    /** The value of {@code expr}, which must be in the select list (or be a column named like one). */
    @SuppressWarnings("unchecked")
    public <T> T get(Expression<T> expr) { return (T) values[layout.indexOf(expr)]; }

    /** The value of the column or label named {@code name}. */
    public Object get(String name) { return values[layout.indexOf(name)]; }

    public <T> T get(int index, Class<T> type) { return type.cast(get(index)); }

    public <T> T get(String name, Class<T> type) { return type.cast(get(name)); }

    public List<Object> toList() { return new ArrayList<>(Arrays.asList(values)); }

    public List<String> names() { return layout.names(); }

    @Override public boolean equals(Object o) { return o instanceof Row r && Arrays.deepEquals(values, r.values); }
    @Override public int hashCode() { return Arrays.deepHashCode(values); }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Row(");
        List<String> names = layout.names();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) b.append(", ");
            b.append(names.get(i)).append('=');
            b.append(values[i] instanceof byte[] bytes ? Arrays.toString(bytes) : values[i]);
        }
        return b.append(')').toString();
    }
}
