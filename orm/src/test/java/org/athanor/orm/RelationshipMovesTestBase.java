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
}
