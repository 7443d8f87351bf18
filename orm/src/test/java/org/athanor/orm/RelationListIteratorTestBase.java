package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.athanor.orm.model.rel.Club;
import org.athanor.orm.model.rel.Family;
import org.athanor.orm.model.rel.Kid;
import org.athanor.orm.model.rel.Member;
import org.junit.jupiter.api.Test;

/**
 * The iterator of the ORM's own List for a one-to-many (it reads the loaded elements directly rather than through
 * size()/get() per element): iterating an unloaded collection loads it; {@code Iterator.remove} goes through the list,
 * so the element's reference is cleared, or with orphanRemoval the element is deleted at the flush; a change made to
 * the list meanwhile by other means is a ConcurrentModificationException, as for any AbstractList.
 */
public abstract class RelationListIteratorTestBase extends MappedTestBase {

    @Override
    Registry registry() {
        return RelationshipModel.REGISTRY;
    }

    private Long family(String... kids) {
        try (Session s = sessions.openSession()) {
            Family f = new Family("f");
            for (String k : kids) f.getChildren().add(new Kid(k));
            s.add(f);
            s.commit();
            return f.getId();
        }
    }

    private static List<String> names(List<Kid> kids) {
        List<String> out = new ArrayList<>();
        for (Kid k : kids) out.add(k.getName());
        return out;
    }

    @Test
    void iteratingAnUnloadedCollectionLoadsItInOrder() {
        Long id = family("a", "b", "c");
        try (Session s = sessions.openSession()) {
            Family f = s.get(Family.class, id);
            Iterator<Kid> it = f.getChildren().iterator();
            List<String> seen = new ArrayList<>();
            while (it.hasNext()) {
                Kid k = it.next();
                assertSame(f, k.getParent());
                seen.add(k.getName());
            }
            assertEquals(List.of("a", "b", "c"), seen);
            assertThrows(NoSuchElementException.class, it::next);
        }
    }

    @Test
    void iteratorRemoveWithOrphanRemovalDeletesTheElementAtTheFlush() {
        Long id = family("a", "b", "c");
        try (Session s = sessions.openSession()) {
            Family f = s.get(Family.class, id);
            Iterator<Kid> it = f.getChildren().iterator();
            Kid removed = null;
            while (it.hasNext()) {
                Kid k = it.next();
                if (k.getName().equals("b")) {
                    it.remove();
                    removed = k;
                }
            }
            assertEquals(List.of("a", "c"), names(f.getChildren()));
            assertNull(removed.getParent(), "removing through the iterator clears the element's reference");
            s.commit();
            assertEquals(ObjectState.DETACHED, s.inspect(removed).state(), "an orphan is deleted");
        }
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("a", "c"), names(s.get(Family.class, id).getChildren()));
            assertEquals(2, s.query(Kid.class).count());
        }
    }

    @Test
    void iteratorRemoveWithoutCascadeClearsTheReference() {
        Long id;
        try (Session s = sessions.openSession()) {
            Club c = new Club("c");
            c.getChildren().add(new Member("x"));
            c.getChildren().add(new Member("y"));
            s.add(c);
            s.commit();
            id = c.getId();
        }
        try (Session s = sessions.openSession()) {
            Club c = s.get(Club.class, id);
            Iterator<Member> it = c.getChildren().iterator();
            Member first = it.next();
            it.remove();
            assertThrows(IllegalStateException.class, it::remove, "remove() twice after one next()");
            assertTrue(it.hasNext());
            Member second = it.next();
            assertEquals(java.util.Set.of("x", "y"), java.util.Set.of(first.getName(), second.getName()), "the other one comes next");
            assertFalse(it.hasNext());
            assertNull(first.getParent());
            s.commit();
            assertEquals(ObjectState.PERSISTENT, s.inspect(first).state(), "not an orphan delete: only its key is cleared");
        }
        try (Session s = sessions.openSession()) {
            assertEquals(1, s.get(Club.class, id).getChildren().size());
            assertEquals(2, s.query(Member.class).count());
        }
    }

    @Test
    void aChangeThroughTheListWhileIteratingIsAConcurrentModification() {
        Long id = family("a", "b");
        try (Session s = sessions.openSession()) {
            Family f = s.get(Family.class, id);
            Iterator<Kid> it = f.getChildren().iterator();
            it.next();
            f.getChildren().add(new Kid("c"));
            assertThrows(ConcurrentModificationException.class, it::next);
            Iterator<Kid> again = f.getChildren().iterator();
            again.next();
            f.getChildren().remove(0);
            assertThrows(ConcurrentModificationException.class, again::remove);
        }
    }
}
