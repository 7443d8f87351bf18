package org.athanor.orm.internal.uow;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.athanor.orm.mapping.Secondary;

/**
 * A session's many-to-many and element-collection changes not flushed yet (SQLAlchemy's collection
 * history for {@code secondary}): per owning side's secondary table (or collection table), the pairs to
 * link (a row to insert) or unlink (a row to delete), in the order they were made. Either side's collection
 * records the change in the owning side's terms, so a change made on both sides in memory is one row.
 * Linking a pair unlinked since the last flush cancels the unlink (and the other way round). A pair of an
 * element collection's table holds the value itself, compared by {@code equals}. A bag (an element
 * collection List, whose rows carry no key) is not written by pairs but {@link #rewrite rewritten}: the
 * owner's rows deleted, then its current values inserted. Cleared by each flush that writes them and by a
 * rollback.
 *
 * <p>Also each loaded collection's history since the last flush (SQLAlchemy's committed state of a collection
 * attribute): the elements it held before its first change, kept so that {@code isModified} and the dirty report
 * can tell a net change of any collection kind (a {@code @OneToMany(mappedBy)} writes no row of its own). Dropped
 * by every flush ({@link #settle}) and rollback. Not thread-safe, as the Session.
 */
public final class LinkChanges {
    /**
     * One pair: the owning side's object (its key goes in {@link Secondary#local()}) and its element; the
     * owner by identity, the element by identity too, or by {@code equals} when it is a value ({@code value}).
     */
    public record Pair(Object owner, Object element, boolean value) {
        @Override public boolean equals(Object o) {
            return o instanceof Pair p && p.owner == owner && (value ? p.value && Objects.equals(p.element, element) : p.element == element);
        }
        @Override public int hashCode() {
            return System.identityHashCode(owner) * 31 + (value ? Objects.hashCode(element) : System.identityHashCode(element));
        }
    }

    /**
     * A bag to rewrite at the next flush: {@code items} is its live list (read at the flush); {@code hadRows}: the
     * owner was in the database when it first changed, so its old rows are deleted first, unless every change was an
     * append: then {@code appendedFrom} (else -1) is the position of the first appended value, and only the values from
     * there are inserted.
     */
    public record Rewrite(Object owner, List<Object> items, boolean hadRows, int appendedFrom) {}

    /** A collection changed since the last flush: its owner, and its elements before that first change. */
    public record Before(Object owner, List<Object> items) {}

    /*
     * The three maps are made at their first entry (null until then: most sessions change no collection, and a session
     * is opened per request); once made, they are kept (cleared, not dropped) for the session's later changes.
     */
    private Map<Secondary, LinkedHashMap<Pair, Boolean>> changes;
    private Map<Secondary, LinkedHashMap<Pair, Rewrite>> rewrites;
    /** Per loaded collection (by identity) changed since the last flush, what it held before. */
    private Map<Object, Before> before;

    /** {@code collection} of {@code owner}, holding {@code items}, is about to change: the first change since the last flush keeps a copy. */
    public void changing(Object collection, Object owner, List<Object> items) {
        if (before == null) before = new IdentityHashMap<>(2); // small: few collections change in a session
        if (!before.containsKey(collection)) before.put(collection, new Before(owner, new ArrayList<>(items)));
    }

    /** What {@code collection} held before its first change since the last flush; null when it has not changed. */
    public List<Object> before(Object collection) {
        Before b = before == null ? null : before.get(collection);
        return b == null ? null : b.items();
    }

    /** A flush wrote the session's changes: the collections' histories start again from what they hold now. */
    public void settle() { if (before != null) before.clear(); }

    /** Whether any of the maps was made (for tests: a session that changes no collection makes none). */
    boolean madeMaps() { return changes != null || rewrites != null || before != null; }

    /** Whether a change not flushed yet names {@code o}: as an owner, or as the entity element of a link. */
    public boolean names(Object o) {
        if (changes != null) for (LinkedHashMap<Pair, Boolean> m : changes.values())
            for (Pair p : m.keySet()) if (p.owner() == o || !p.value() && p.element() == o) return true;
        if (rewrites != null) for (LinkedHashMap<Pair, Rewrite> m : rewrites.values()) for (Pair p : m.keySet()) if (p.owner() == o) return true;
        return false;
    }

    /**
     * Drops the changes of {@code o}'s collection whose rows are in {@code table} (the owning side's, or the collection
     * table), not flushed yet: its pairs ({@code o} their owner when {@code asOwner}, else their element) and its bag
     * rewrite. Returns the other end of each dropped pair with whether it was a link (true) or an unlink.
     */
    public Map<Object, Boolean> forget(Secondary table, Object o, boolean asOwner) {
        Map<Object, Boolean> out = new IdentityHashMap<>();
        LinkedHashMap<Pair, Boolean> m = changes == null ? null : changes.get(table);
        if (m != null)
            for (Iterator<Map.Entry<Pair, Boolean>> it = m.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Pair, Boolean> e = it.next();
                Pair p = e.getKey();
                if ((asOwner ? p.owner() : p.element()) != o) continue;
                out.put(asOwner ? p.element() : p.owner(), e.getValue());
                it.remove();
            }
        LinkedHashMap<Pair, Rewrite> r = rewrites == null ? null : rewrites.get(table);
        if (r != null && asOwner) r.remove(new Pair(o, null, false));
        return out;
    }

    /** Drops the histories of {@code owner}'s collections (its collections are re-read). */
    public void forgetHistory(Object owner) { if (before != null) before.values().removeIf(b -> b.owner() == owner); }

    /** {@code owner} (the owning side's object) and {@code element} are linked now. */
    public void link(Secondary owning, Object owner, Object element) { change(owning, new Pair(owner, element, owning.values()), true); }

    /** {@code owner} and {@code element} are not linked any more. */
    public void unlink(Secondary owning, Object owner, Object element) { change(owning, new Pair(owner, element, owning.values()), false); }

    private void change(Secondary owning, Pair p, boolean link) {
        if (!owning.owning()) throw new IllegalStateException("internal: link changes are kept in the owning side's terms");
        if (changes == null) changes = new LinkedHashMap<>();
        LinkedHashMap<Pair, Boolean> m = changes.computeIfAbsent(owning, k -> new LinkedHashMap<>());
        Boolean before = m.get(p);
        if (before != null && before != link) m.remove(p);
        else m.put(p, link);
    }

    /**
     * The bag {@code items} of {@code owner} in collection table {@code table} changed: the next flush deletes its rows
     * ({@code hadRows}: when it had any) and inserts {@code items} as they are then. A later change keeps the first
     * {@code hadRows} and takes the new list.
     */
    public void rewrite(Secondary table, Object owner, List<Object> items, boolean hadRows, int appendedAt) {
        if (rewrites == null) rewrites = new LinkedHashMap<>();
        LinkedHashMap<Pair, Rewrite> m = rewrites.computeIfAbsent(table, k -> new LinkedHashMap<>());
        Pair key = new Pair(owner, null, false);
        Rewrite before = m.get(key);
        // the pairs recorded for this owner are part of the rewrite now (a new owner's would be inserted twice)
        LinkedHashMap<Pair, Boolean> pairs = changes == null ? null : changes.get(table);
        if (before == null && pairs != null) pairs.keySet().removeIf(p -> p.owner() == owner);
        int from = before == null ? appendedAt : before.appendedFrom() < 0 || appendedAt < 0 ? -1 : before.appendedFrom();
        m.put(key, new Rewrite(owner, items, hadRows || before != null && before.hadRows(), from));
    }

    /** Whether {@code owner}'s rows of {@code table} are rewritten at the next flush. */
    public boolean rewriting(Secondary table, Object owner) {
        LinkedHashMap<Pair, Rewrite> m = rewrites == null ? null : rewrites.get(table);
        return m != null && m.containsKey(new Pair(owner, null, false));
    }

    public boolean isEmpty() {
        if ((changes == null || changes.isEmpty()) && (rewrites == null || rewrites.isEmpty())) return true; // most flushes: no view or iterator made
        if (changes != null) for (LinkedHashMap<Pair, Boolean> m : changes.values()) if (!m.isEmpty()) return false;
        if (rewrites != null) for (LinkedHashMap<Pair, Rewrite> m : rewrites.values()) if (!m.isEmpty()) return false;
        return true;
    }

    /**
     * Per owning secondary table, each pair changed: true to insert its row, false to delete it (an empty map, not to
     * be changed, before the first change).
     */
    public Map<Secondary, LinkedHashMap<Pair, Boolean>> changes() { return changes == null ? Map.of() : changes; }

    /** Per collection table, the bags to rewrite, in the order they first changed (an empty map before the first). */
    public Map<Secondary, LinkedHashMap<Pair, Rewrite>> rewrites() { return rewrites == null ? Map.of() : rewrites; }

    /** The objects the changes name (owners, and elements that are entities), each table's in order; for a rollback. */
    public List<Object> objects() {
        List<Object> out = new ArrayList<>();
        for (Map.Entry<Secondary, LinkedHashMap<Pair, Boolean>> e : changes().entrySet())
            for (Pair p : e.getValue().keySet()) {
                out.add(p.owner());
                if (!p.value()) out.add(p.element());
            }
        for (LinkedHashMap<Pair, Rewrite> m : rewrites().values()) for (Rewrite r : m.values()) out.add(r.owner());
        return out;
    }

    public void clear() {
        if (changes != null) changes.clear();
        if (rewrites != null) rewrites.clear();
        if (before != null) before.clear();
    }
}
