package org.athanor.orm.internal.flush;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The values of one row of a flush's UPDATE, by parameter name: the statement's names ({@link UpdateStatements.Built#names},
 * shared by all rows and sessions) beside this row's values, position for position. A flush of one changed object
 * built a HashMap per row; the names are few (the changed columns and the key), so a lookup scans them, comparing by
 * identity first (the statement's parameters carry these very strings). Read-only: the rows are bound, never changed.
 */
final class NamedValues extends AbstractMap<String, Object> {
    private final String[] names;
    private final Object[] values;

    NamedValues(String[] names, Object[] values) {
        if (names.length != values.length)
            throw new IllegalArgumentException(values.length + " values for the " + names.length + " names " + java.util.Arrays.toString(names));
        this.names = names;
        this.values = values;
    }

    private int indexOf(Object name) {
        for (int i = 0; i < names.length; i++) if (names[i] == name) return i;
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return i;
        return -1;
    }

    @Override public int size() { return names.length; }

    @Override public boolean containsKey(Object name) { return indexOf(name) >= 0; }

    @Override
    public Object get(Object name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override public Iterator<String> iterator() { return new At<>(i -> names[i]); }

            @Override public int size() { return names.length; }

            @Override public boolean contains(Object name) { return indexOf(name) >= 0; }
        };
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override public Iterator<Entry<String, Object>> iterator() { return new At<>(i -> new SimpleImmutableEntry<>(names[i], values[i])); }

            @Override public int size() { return names.length; }
        };
    }

    /** An iterator over the positions, giving {@code at.apply(i)} for each. */
    private final class At<T> implements Iterator<T> {
        private final java.util.function.IntFunction<T> at;
        private int next;

        At(java.util.function.IntFunction<T> at) { this.at = at; }

        @Override public boolean hasNext() { return next < names.length; }

        @Override
        public T next() {
            if (next >= names.length) throw new NoSuchElementException();
            return at.apply(next++);
        }
    }
}
