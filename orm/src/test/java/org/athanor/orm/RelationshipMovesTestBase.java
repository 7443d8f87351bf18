package org.athanor.orm;

import static org.athanor.core.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.orm.model.rel.Club;
import org.athanor.orm.model.rel.Family;
import org.athanor.orm.model.rel.Kid;
import org.athanor.orm.model.rel.Member;
import org.junit.jupiter.api.Test;

/**
 * Cases the relationship stateful property ({@link RelationshipModel}) found, kept as plain tests: a child
 * belongs to the parent its reference names at flush time (SQLAlchemy's rule), so moving it between
 * parents — through the collections or its reference — never deletes it with its old parent or as an
 * orphan, and a parent deleted at flush takes the children that point at it then, and only those.
 */
public abstract class RelationshipMovesTestBase extends MappedTestBase {

    @Override
    Registry registry() {
        return RelationshipModel.REGISTRY;
    }

    /** Committed rows of a child table: child id -> parent id (-1 for NULL). */
    Map<Long, Long> children(Class<?> type) {
        Table t = RelationshipModel.REGISTRY.table(type);
        @SuppressWarnings("unchecked") Column<Long> id = (Column<Long>) t.column("id");
        Column<?> parent = t.column("parent_id");
        return engine.fromTransaction(c -> {
            Map<Long, Long> out = new TreeMap<>();
            for (var r : c.execute(select(List.of(id, parent))).all())
                out.put(((Number) r.get(0)).longValue(), r.get(1) == null ? -1L : ((Number) r.get(1)).longValue());
            return out;
        });
    }

    @Test
    void aChildMovedByRemoveThenAddIsNoOrphan() {
        try (Session s = sessions.openSession()) {
            Family a = new Family("a"), b = new Family("b");
            Kid k = new Kid("k");
            a.getChildren().add(k);
            s.addAll(List.of(a, b));
            s.commit();
            a.getChildren().remove(k);
            b.getChildren().add(k);
            assertSame(b, k.getParent());
            s.commit();
            assertEquals(Map.of(k.getId(), b.getId()), children(Kid.class), "the kid moved to b, orphanRemoval does not delete it");
            assertEquals(ObjectState.PERSISTENT, s.inspect(k).state());
        }
    }

    @Test
    void aPendingChildOfACascadeDeletedParentIsNotInsertedByALaterFlush() {
        try (Session s = sessions.openSession()) {
            Family a = new Family("a");
            s.add(a);
            s.flush();
            Kid k = new Kid("k");
            a.getChildren().add(k);
            s.delete(a);
            s.flush();
            assertEquals(ObjectState.TRANSIENT, s.inspect(k).state(), "the pending kid of a deleted family is expunged");
            s.commit();
            assertEquals(Map.of(), children(Kid.class));
            assertEquals(ObjectState.TRANSIENT, s.inspect(k).state());
        }
    }

    @Test
    void aChildMovedAwayByItsReferenceIsNotDeletedWithItsOldParent() {
        try (Session s = sessions.openSession()) {
            Family a = new Family("a"), b = new Family("b");
            Kid k = new Kid("k");
            a.getChildren().add(k);
            s.addAll(List.of(a, b));
            s.commit();
            k.setParent(b);
            s.delete(a);
            s.commit();
            assertEquals(Map.of(k.getId(), b.getId()), children(Kid.class), "the kid belongs to b at flush time");
        }
    }

    @Test
    void aChildMovedInByItsReferenceIsDeletedWithItsNewParent() {
        try (Session s = sessions.openSession()) {
            Family a = new Family("a"), b = new Family("b");
            Kid k = new Kid("k");
            a.getChildren().add(k);
            s.addAll(List.of(a, b));
            s.commit();
            k.setParent(b);
            s.delete(b);
            s.commit();
            assertEquals(Map.of(), children(Kid.class), "the kid belonged to b at flush time: deleted with it");
            assertEquals(ObjectState.DETACHED, s.inspect(k).state());
        }
    }

    @Test
    void aChildMovedInByItsReferenceLosesItsParentWhenTheParentIsDeletedWithoutCascade() {
        try (Session s = sessions.openSession()) {
            Club a = new Club("a"), b = new Club("b");
            Member m = new Member("m");
            a.getChildren().add(m);
            s.addAll(List.of(a, b));
            s.commit();
            m.setParent(b);
            s.delete(b);
            s.commit();
            assertEquals(Map.of(m.getId(), -1L), children(Member.class), "the member belonged to b at flush time: its key is cleared");
            assertNull(m.getParent());
        }
    }

    /**
     * A new kid put in a's loaded collection, then pointed at b by its reference before any flush: the flush leaves it in
     * b's collection only (a's collection, changed through the list, is checked at the flush though the kid has no snapshot).
     */
    @Test
    void aNewChildAddedToOneCollectionThenPointedElsewhereEndsInTheOtherOnly() {
        try (Session s = sessions.openSession()) {
            Family a = new Family("a"), b = new Family("b");
            s.addAll(List.of(a, b));
            s.commit();
            assertEquals(0, a.getChildren().size());
            assertEquals(0, b.getChildren().size());
            Kid k = new Kid("k");
            a.getChildren().add(k);
            k.setParent(b);
            s.flush();
            assertEquals(List.of(), a.getChildren(), "the kid points at b: a's loaded collection drops it");
            assertEquals(List.of(k), b.getChildren(), "b's loaded collection gains it");
            s.commit();
            assertEquals(Map.of(k.getId(), b.getId()), children(Kid.class));
        }
    }

    /** A kid moved by its reference from a to b, unchanged since its load: the flush moves it between the loaded collections. */
    @Test
    void aLoadedChildMovedByItsReferenceMovesBetweenLoadedCollections() {
        long aId, bId, kId;
        try (Session s = sessions.openSession()) {
            Family a = new Family("a"), b = new Family("b");
            Kid k = new Kid("k"), other = new Kid("other");
            a.getChildren().add(k);
            a.getChildren().add(other);
            s.addAll(List.of(a, b));
            s.commit();
            aId = a.getId();
            bId = b.getId();
            kId = k.getId();
        }
        try (Session s = sessions.openSession()) {
            Family a = s.get(Family.class, aId), b = s.get(Family.class, bId);
            Kid k = s.get(Kid.class, kId);
            assertEquals(2, a.getChildren().size());
            assertEquals(0, b.getChildren().size());
            k.setParent(b);
            s.flush();
            assertEquals(1, a.getChildren().size(), "a's loaded collection drops the kid that now points at b");
            assertEquals(List.of(k), b.getChildren());
            s.commit();
            assertEquals(bId, children(Kid.class).get(kId));
        }
    }

    /** An expunged kid that its family's loaded collection still holds comes back into the session at the next flush (save-update). */
    @Test
    void anExpungedChildStillInALoadedCollectionIsAddedBackByTheFlush() {
        try (Session s = sessions.openSession()) {
            Family a = new Family("a");
            Kid k = new Kid("k");
            a.getChildren().add(k);
            s.add(a);
            s.commit();
            assertEquals(List.of(k), a.getChildren());
            s.expunge(k);
            assertEquals(ObjectState.DETACHED, s.inspect(k).state());
            s.flush();
            assertEquals(ObjectState.PERSISTENT, s.inspect(k).state(), "a's collection holds it: the flush adds it back");
            s.commit();
        }
    }

    /**
     * A savepoint moves a kid from a to b by its reference and flushes (the loaded collections follow), then rolls back:
     * the kid points at a again, and the next flush puts the loaded collections back in step with that.
     */
    @Test
    void aRolledBackMoveLeavesTheLoadedCollectionsInStepWithTheReference() {
        try (Session s = sessions.openSession()) {
            Family a = new Family("a"), b = new Family("b");
            Kid k = new Kid("k");
            a.getChildren().add(k);
            s.addAll(List.of(a, b));
            s.commit();
            assertEquals(List.of(k), a.getChildren());
            assertEquals(List.of(), b.getChildren());
            SessionSavepoint sp = s.beginNested();
            k.setParent(b);
            s.flush();
            assertEquals(List.of(k), b.getChildren());
            sp.rollback();
            assertSame(a, k.getParent());
            s.flush();
            assertEquals(List.of(k), a.getChildren(), "the kid points at a again");
            assertEquals(List.of(), b.getChildren(), "and b's collection no longer holds it");
            s.commit();
            assertEquals(Map.of(k.getId(), a.getId()), children(Kid.class));
        }
    }
}
