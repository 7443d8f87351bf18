package org.athanor.orm.internal.uow;

import java.util.LinkedHashMap;
import java.util.Map;
import org.athanor.orm.mapping.Secondary;

/**
 * A session's many-to-many changes not flushed yet (SQLAlchemy's collection history for
 * {@code secondary}): per owning side's secondary table, the pairs of objects to link (a row to insert)
 * or unlink (a row to delete), in the order they were made. Either side's collection records the change
 * in the owning side's terms, so a change made on both sides in memory is one row. Linking a pair
 * unlinked since the last flush cancels the unlink (and the other way round). Cleared by each flush
 * that writes them and by a rollback. Not thread-safe, as the Session.
 */
public final class LinkChanges {
    /** One pair: the owning side's object (its key goes in {@link Secondary#local()}) and its element; by identity. */
    public record Pair(Object owner, Object element) {
        @Override public boolean equals(Object o) { return o instanceof Pair p && p.owner == owner && p.element == element; }
        @Override public int hashCode() { return System.identityHashCode(owner) * 31 + System.identityHashCode(element); }
    }

    private final Map<Secondary, LinkedHashMap<Pair, Boolean>> changes = new LinkedHashMap<>();

    /** {@code owner} (the owning side's object) and {@code element} are linked now. */
    public void link(Secondary owning, Object owner, Object element) { change(owning, new Pair(owner, element), true); }

    /** {@code owner} and {@code element} are not linked any more. */
    public void unlink(Secondary owning, Object owner, Object element) { change(owning, new Pair(owner, element), false); }

    private void change(Secondary owning, Pair p, boolean link) {
        if (!owning.owning()) throw new IllegalStateException("internal: link changes are kept in the owning side's terms");
        LinkedHashMap<Pair, Boolean> m = changes.computeIfAbsent(owning, k -> new LinkedHashMap<>());
        Boolean before = m.get(p);
        if (before != null && before != link) m.remove(p);
        else m.put(p, link);
    }

    public boolean isEmpty() {
        for (LinkedHashMap<Pair, Boolean> m : changes.values()) if (!m.isEmpty()) return false;
        return true;
    }

    /** Per owning secondary table, each pair changed: true to insert its row, false to delete it. */
    public Map<Secondary, LinkedHashMap<Pair, Boolean>> changes() { return changes; }

    public void clear() { changes.clear(); }
}
