package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.athanor.orm.model.rel.Club;
import org.athanor.orm.model.rel.Family;
import org.athanor.orm.model.rel.Kid;
import org.athanor.orm.model.rel.Member;
import org.junit.jupiter.api.Test;

/**
 * A child pointed by its reference at another parent, which is deleted before the next flush: the child belongs to
 * the deleted parent at flush time, so the flush deletes it (cascade) or clears its reference (no cascade); either
 * way the loaded collection of the parent it came from must drop it at that flush (found by the relationship
 * stateful property, {@link RelationshipModel}: the old parent's collection kept the deleted child): the cascade
 * case with a sibling that stays, the no-cascade variant, and a savepoint rolled back over such a flush.
 */
public abstract class MovedChildCollectionsTestBase extends MappedTestBase {

    @Override
    Registry registry() {
        return RelationshipModel.REGISTRY;
    }

    @Test
    void aChildCascadeDeletedWithTheParentItMovedToLeavesItsOldParentsLoadedCollection() {
        try (Session s = sessions.openSession()) {
            Family a = new Family("a"), b = new Family("b");
            Kid k = new Kid("k"), stays = new Kid("stays");
            a.getChildren().add(k);
            a.getChildren().add(stays);
            s.addAll(List.of(a, b));
            s.commit();
            assertEquals(List.of(k, stays), a.getChildren());
            k.setParent(b);
            s.delete(b);
            s.flush();
            assertEquals(ObjectState.DELETED, s.inspect(k).state(), "the kid belonged to b at flush time: deleted with it");
            assertEquals(List.of(stays), a.getChildren(), "a's loaded collection no longer holds the deleted kid");
            s.commit();
            assertEquals(ObjectState.DETACHED, s.inspect(k).state());
            assertEquals(List.of(stays), a.getChildren());
        }
    }

    @Test
    void aChildDetachedFromTheParentItMovedToLeavesItsOldParentsLoadedCollection() {
        try (Session s = sessions.openSession()) {
            Club a = new Club("a"), b = new Club("b");
            Member m = new Member("m");
            a.getChildren().add(m);
            s.addAll(List.of(a, b));
            s.commit();
            assertEquals(1, a.getChildren().size());
            m.setParent(b);
            s.delete(b);
            s.flush();
            assertNull(m.getParent(), "the member belonged to b at flush time: its reference is cleared");
            assertEquals(0, a.getChildren().size(), "a's loaded collection no longer holds the member");
            s.commit();
            assertEquals(ObjectState.PERSISTENT, s.inspect(m).state());
        }
    }

    /** The same move through a savepoint that is rolled back: the kid points at a again and a's collection holds it. */
    @Test
    void aRolledBackCascadeDeleteOfTheMovedChildPutsItBackInItsOldParentsCollection() {
        try (Session s = sessions.openSession()) {
            Family a = new Family("a"), b = new Family("b");
            Kid k = new Kid("k");
            a.getChildren().add(k);
            s.addAll(List.of(a, b));
            s.commit();
            assertEquals(List.of(k), a.getChildren());
            SessionSavepoint sp = s.beginNested();
            k.setParent(b);
            s.delete(b);
            s.flush();
            assertEquals(List.of(), a.getChildren());
            sp.rollback();
            assertSame(a, k.getParent());
            assertEquals(ObjectState.PERSISTENT, s.inspect(k).state());
            s.flush();
            assertEquals(List.of(k), a.getChildren(), "the kid points at a again");
            s.commit();
        }
    }
}
