package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.athanor.orm.model.rel.Club;
import org.athanor.orm.model.rel.Member;
import org.junit.jupiter.api.Test;

/**
 * A collection's elements whose reference back to the owner is bound as their rows are read keep no state (LoadedRows
 * DEFER_BOUND): they must stay the session's objects in every way — a reference moved to another
 * owner is flushed (the dirty check reads their rows), an unchanged one is not, and looking them up later makes their
 * states with the references as bound.
 */
public abstract class BoundRowsWithoutStatesTestBase extends MappedTestBase {

    @Override
    Registry registry() {
        return RelationshipModel.REGISTRY;
    }

    private Long[] clubs() {
        try (Session s = sessions.openSession()) {
            Club a = new Club("a"), b = new Club("b");
            for (String n : List.of("m1", "m2", "m3")) {
                Member m = new Member(n);
                m.setParent(a);
                s.add(m);
            }
            s.addAll(List.of(a, b));
            s.commit();
            return new Long[] {a.getId(), b.getId()};
        }
    }

    private static List<String> names(java.util.Collection<Member> ms) {
        return ms.stream().map(Member::getName).sorted().toList();
    }

    @Test
    void elementsBoundAtTheirRowsAreFlushedWhenChangedAndOnlyThen() {
        Long[] ids = clubs();
        try (Session s = sessions.openSession()) {
            Club a = s.get(Club.class, ids[0]), b = s.get(Club.class, ids[1]);
            List<Member> ms = List.copyOf(a.getChildren());
            assertEquals(3, ms.size());
            assertEquals(3, s.uow.identityMap.unsettledRows(), "the elements' rows were kept without states");
            for (Member m : ms) assertSame(a, m.getParent(), "each bound to its owner at its row");
            ms.get(1).setParent(b);
            statements.clear();
            s.flush();
            assertEquals(1, count("UPDATE"), "the moved element is written");
            assertEquals(List.of("m1", "m3"), names(a.getChildren()), "the moved element left its old owner's collection at the flush");
            assertEquals(ObjectState.PERSISTENT, s.inspect(ms.get(2)).state());
            assertSame(a, ms.get(2).getParent());
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("m1", "m3"), names(s.get(Club.class, ids[0]).getChildren()));
            assertEquals(List.of("m2"), names(s.get(Club.class, ids[1]).getChildren()));
        }
    }

    @Test
    void aCommitOfUnchangedBoundElementsWritesNothing() {
        Long[] ids = clubs();
        try (Session s = sessions.openSession()) {
            Club a = s.get(Club.class, ids[0]);
            assertEquals(3, a.getChildren().size());
            statements.clear();
            s.commit();
            assertEquals(0, count("UPDATE"));
            assertEquals(0, count("INSERT"));
            assertEquals(3, s.uow.identityMap.unsettledRows(), "the commit's dirty check read the rows without making states");
        }
    }
}
