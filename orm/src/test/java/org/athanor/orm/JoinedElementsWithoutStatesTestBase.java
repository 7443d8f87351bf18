package org.athanor.orm;

import static org.athanor.orm.Loaders.joinedLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.athanor.orm.model.rel.Club;
import org.athanor.orm.model.rel.Club_;
import org.athanor.orm.model.rel.Member;
import org.athanor.orm.model.rel.Member_;
import org.junit.jupiter.api.Test;

/**
 * A joined collection's elements whose reference back to the owner is bound at their rows (to the row's parent object,
 * which the join matched them to) keep no state, as a select-in's do (LoadedRows DEFER_BOUND): they stay the session's
 * objects in every way — a moved element is flushed, unchanged ones are not, looking one up later makes its state with
 * the reference as bound, and an element the session already held stays that object with its state. The statement does
 * not select the elements' back reference: the join made it the parent's key, which each row has already.
 */
public abstract class JoinedElementsWithoutStatesTestBase extends MappedTestBase {

    @Override
    Registry registry() {
        return RelationshipModel.REGISTRY;
    }

    /** Club a: m1, m2, m3; club b: m4; club c: none. */
    private Long[] clubs() {
        try (Session s = sessions.openSession()) {
            Club a = new Club("a"), b = new Club("b"), c = new Club("c");
            s.addAll(List.of(a, b, c));
            s.flush();
            for (String n : List.of("m1", "m2", "m3", "m4")) {
                Member m = new Member(n);
                m.setParent(n.equals("m4") ? b : a);
                s.add(m);
            }
            s.commit();
            return new Long[] {a.getId(), b.getId(), c.getId()};
        }
    }

    private static List<String> names(java.util.Collection<Member> ms) {
        return ms.stream().map(Member::getName).sorted().toList();
    }

    private static List<Club> joined(Session s) {
        return s.query(Club.class).options(joinedLoad(Club_.children)).orderBy(Club_.id).all();
    }

    @Test
    void joinedElementsKeepNoStatesAndAreBoundToTheirRowsParent() {
        clubs();
        try (Session s = sessions.openSession()) {
            statements.clear();
            List<Club> cs = joined(s);
            assertEquals(1, count("SELECT"), statements.toString());
            String selected = statements.get(0).substring(0, statements.get(0).indexOf(" FROM "));
            assertTrue(!selected.contains("parent_id"), "the elements' back reference is the parent's key, not selected: " + selected);
            Club a = cs.get(0), b = cs.get(1);
            assertEquals(4, s.uow.identityMap.unsettledRows(), "the elements' rows were kept without states");
            assertEquals(List.of("m1", "m2", "m3"), names(a.getChildren()));
            assertEquals(List.of("m4"), names(b.getChildren()));
            assertTrue(cs.get(2).getChildren().isEmpty());
            for (Member m : a.getChildren()) assertSame(a, m.getParent(), "bound to its row's parent");
            for (Member m : b.getChildren()) assertSame(b, m.getParent(), "bound to its row's parent");
            assertEquals(1, count("SELECT"), "no statement for the references: " + statements);
        }
    }

    @Test
    void aMovedJoinedElementIsFlushedAndOnlyIt() {
        Long[] ids = clubs();
        try (Session s = sessions.openSession()) {
            List<Club> cs = joined(s);
            Club a = cs.get(0), c = cs.get(2);
            Member moved = a.getChildren().stream().filter(m -> m.getName().equals("m2")).findFirst().orElseThrow();
            moved.setParent(c);
            statements.clear();
            s.flush();
            assertEquals(1, count("UPDATE"), "the moved element is written: " + statements);
            assertEquals(List.of("m1", "m3"), names(a.getChildren()), "it left its old owner's collection at the flush");
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("m1", "m3"), names(s.get(Club.class, ids[0]).getChildren()));
            assertEquals(List.of("m2"), names(s.get(Club.class, ids[2]).getChildren()));
        }
    }

    @Test
    void aCommitOfUnchangedJoinedElementsWritesNothingAndMakesNoStates() {
        clubs();
        try (Session s = sessions.openSession()) {
            assertEquals(3, joined(s).get(0).getChildren().size());
            statements.clear();
            s.commit();
            assertEquals(0, count("UPDATE"));
            assertEquals(0, count("INSERT"));
            assertEquals(4, s.uow.identityMap.unsettledRows(), "the commit's dirty check read the rows without making states");
        }
    }

    @Test
    void aLookupMakesTheStateWithTheReferenceAsBound() {
        clubs();
        try (Session s = sessions.openSession()) {
            Club a = joined(s).get(0);
            Member m1 = a.getChildren().stream().filter(m -> m.getName().equals("m1")).findFirst().orElseThrow();
            statements.clear();
            assertSame(m1, s.get(Member.class, m1.getId()), "the identity map holds the element");
            assertEquals(0, count("SELECT"));
            assertEquals(ObjectState.PERSISTENT, s.inspect(m1).state());
            assertSame(a, m1.getParent());
            s.commit();
            assertEquals(0, count("UPDATE"), "its state's snapshot names its parent: " + statements);
        }
    }

    @Test
    void anElementAlreadyHeldStaysThatObjectInItsOwnersCollection() {
        Long[] ids = clubs();
        try (Session s = sessions.openSession()) {
            Member m4 = s.query(Member.class).where(Member_.name.eq("m4")).one();
            List<Club> cs = joined(s);
            Club b = cs.get(1);
            assertEquals(ids[1], b.getId());
            assertSame(m4, b.getChildren().iterator().next(), "the session's object");
            assertSame(b, m4.getParent());
        }
    }
}
