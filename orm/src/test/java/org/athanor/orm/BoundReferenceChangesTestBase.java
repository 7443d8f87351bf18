package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.athanor.orm.model.rel.Club;
import org.athanor.orm.model.rel.Member;
import org.junit.jupiter.api.Test;

/**
 * The dirty check's reference comparison (the target's id through its accessor's {@code differs}) on elements kept
 * without states (bound at their rows): a reference set to a new object not flushed yet (no id), to null, or to
 * the same object again is read right: the changed rows are written (an unchanged element is not written at all:
 * BoundRowsWithoutStatesTestBase).
 */
public abstract class BoundReferenceChangesTestBase extends MappedTestBase {

    @Override
    Registry registry() {
        return RelationshipModel.REGISTRY;
    }

    private Long club() {
        try (Session s = sessions.openSession()) {
            Club a = new Club("a");
            for (String n : List.of("m1", "m2", "m3")) {
                Member m = new Member(n);
                m.setParent(a);
                s.add(m);
            }
            s.add(a);
            s.commit();
            return a.getId();
        }
    }

    @Test
    void referencesSetToANewObjectOrToNullAreWritten() {
        Long id = club();
        try (Session s = sessions.openSession()) {
            Club a = s.get(Club.class, id);
            List<Member> ms = a.getChildren().stream().sorted(java.util.Comparator.comparing(Member::getName)).toList();
            assertEquals(3, s.uow.identityMap.unsettledRows(), "the elements' rows were kept without states");
            Club c = new Club("c");
            ms.get(0).setParent(c);      // a new object: its key is not assigned yet
            ms.get(1).setParent(null);
            ms.get(2).setParent(a);      // the same object again
            statements.clear();
            s.flush();
            assertEquals(1, count("INSERT"), "the new club, by the reference cascade");
            assertEquals(1, count("UPDATE"), "the two changed rows, in one statement of their shape");
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            List<Member> all = s.query(Member.class).all().stream().sorted(java.util.Comparator.comparing(Member::getName)).toList();
            assertEquals("c", all.get(0).getParent().getName());
            assertNull(all.get(1).getParent());
            assertEquals(id, all.get(2).getParent().getId());
        }
    }
}
