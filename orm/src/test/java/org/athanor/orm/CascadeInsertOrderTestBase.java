package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.athanor.orm.model.ord.OrdBranch;
import org.athanor.orm.model.ord.OrdLeaf;
import org.athanor.orm.model.ord.OrdTag;
import org.athanor.orm.model.ord.OrdTree;
import org.athanor.orm.model.rel.Club;
import org.athanor.orm.model.rel.Member;
import org.junit.jupiter.api.Test;

/**
 * Objects reached by the save-update cascade are inserted in the order they were reached (SQLAlchemy's rule): at add,
 * a new object's collections in collection order, depth first; at the flush, the references and replaced collections
 * of the session's objects in the order the objects were attached (loaded or added), each object's in its mapping's
 * order. Each test repeats its scenario {@value #ROUNDS} times in fresh sessions: the flush's walk over the attached
 * objects went in identity-hash order, so objects reached at the flush got their ids in a different order each time
 * (a list of 20 is in order by chance once in 20! runs).
 */
public abstract class CascadeInsertOrderTestBase extends MappedTestBase {
    static final int ROUNDS = 20;
    static final int N = 20;

    @Override
    Registry registry() {
        return Registry.of(OrdTree.class, OrdBranch.class, OrdLeaf.class, OrdTag.class, Club.class, Member.class);
    }

    /** A new parent's list, its many-to-many list and its children's lists (grandchildren) are inserted in list order. */
    @Test
    void aNewParentsListsAreInsertedInListOrder() {
        for (int round = 0; round < ROUNDS; round++) {
            List<OrdBranch> branches = new ArrayList<>();
            List<OrdLeaf> leaves = new ArrayList<>();
            List<OrdTag> tags = new ArrayList<>();
            try (Session s = sessions.openSession()) {
                OrdTree t = new OrdTree("t");
                for (int i = 0; i < N; i++) {
                    OrdBranch b = new OrdBranch("b" + i);
                    t.getBranches().add(b);
                    branches.add(b);
                    OrdTag g = new OrdTag("g" + i);
                    t.getTags().add(g);
                    tags.add(g);
                    for (int j = 0; j < 3; j++) {
                        OrdLeaf l = new OrdLeaf("l" + i + "." + j);
                        b.getLeaves().add(l);
                        leaves.add(l);
                    }
                }
                s.add(t);
                s.commit();
            }
            assertAscending(round, "branches", branches, OrdBranch::getId);
            assertAscending(round, "leaves", leaves, OrdLeaf::getId);
            assertAscending(round, "tags", tags, OrdTag::getId);
            try (Session s = sessions.openSession()) { // read back by key: the list the application built
                OrdTree t = s.get(OrdTree.class, branches.get(0).getTree().getId());
                assertEquals(names(branches, OrdBranch::getName), names(sortedById(t.getBranches(), OrdBranch::getId), OrdBranch::getName));
            }
        }
    }

    /**
     * Club's collection is a {@code HashSet} the application fills before the add: its order is the set's (identity
     * hashes), not the order the members were put in, and the cascade inserts in that order, as SQLAlchemy does for a
     * Python set. Once the collection is the session's (after the add), it keeps the order members are added in.
     */
    @Test
    void aSetIsCascadedInItsIterationOrderAndKeepsTheOrderOfLaterAdds() {
        for (int round = 0; round < ROUNDS; round++) {
            try (Session s = sessions.openSession()) {
                Club c = new Club("c");
                for (int i = 0; i < N; i++) c.getChildren().add(new Member("m" + i));
                List<Member> given = new ArrayList<>(c.getChildren()); // the HashSet's order
                s.add(c);
                List<Member> later = new ArrayList<>();
                for (int i = 0; i < N; i++) {
                    Member m = new Member("later" + i);
                    c.getChildren().add(m);
                    later.add(m);
                }
                s.commit();
                assertAscending(round, "members given in a HashSet", given, Member::getId);
                assertAscending(round, "members added to the session's set", later, Member::getId);
            }
        }
    }

    /** New parents set on the persistent children of a list, in list order: inserted in that order. */
    @Test
    void newObjectsReachedThroughChangedReferencesAreInsertedInTheOrderTheObjectsWereAttached() {
        for (int round = 0; round < ROUNDS; round++) {
            try (Session s = sessions.openSession()) {
                OrdTree t = new OrdTree("t");
                for (int i = 0; i < N; i++) t.getBranches().add(new OrdBranch("b" + i));
                s.add(t);
                s.commit();
                List<OrdTree> trees = new ArrayList<>();
                for (OrdBranch b : t.getBranches()) {
                    OrdTree n = new OrdTree("n" + trees.size());
                    b.setTree(n);
                    trees.add(n);
                }
                s.commit();
                assertAscending(round, "new trees", trees, OrdTree::getId);
            }
        }
    }

    /** Replaced many-to-many lists of persistent objects: their new elements are inserted owner by owner, in list order. */
    @Test
    void newElementsOfReplacedManyToManyListsAreInsertedInOwnerThenListOrder() {
        for (int round = 0; round < ROUNDS; round++) {
            try (Session s = sessions.openSession()) {
                List<OrdTree> owners = new ArrayList<>();
                for (int i = 0; i < N; i++) owners.add(new OrdTree("t" + i));
                s.addAll(owners);
                s.commit();
                List<OrdTag> tags = new ArrayList<>();
                for (OrdTree t : owners) {
                    List<OrdTag> given = List.of(new OrdTag(t.getName() + "a"), new OrdTag(t.getName() + "b"));
                    t.setTags(new ArrayList<>(given));
                    tags.addAll(given);
                }
                s.commit();
                assertAscending(round, "new tags", tags, OrdTag::getId);
                for (OrdTree t : owners) assertEquals(2, t.getTags().size());
            }
        }
    }

    /**
     * A chain reached at the flush: each persistent leaf moves to a new branch that references a new tree and holds
     * two new leaves (grandchildren of the tree). The branches, the trees and the new leaves each go in leaf order.
     */
    @Test
    void aChainOfNewObjectsReachedAtTheFlushIsInsertedInTheOrderReached() {
        for (int round = 0; round < ROUNDS; round++) {
            try (Session s = sessions.openSession()) {
                OrdTree t = new OrdTree("t");
                OrdBranch old = new OrdBranch("old");
                t.getBranches().add(old);
                for (int i = 0; i < N; i++) old.getLeaves().add(new OrdLeaf("l" + i));
                s.add(t);
                s.commit();
                List<OrdBranch> branches = new ArrayList<>();
                List<OrdTree> trees = new ArrayList<>();
                List<OrdLeaf> grandchildren = new ArrayList<>();
                for (OrdLeaf l : new ArrayList<>(old.getLeaves())) {
                    OrdBranch b = new OrdBranch("b" + branches.size());
                    OrdTree n = new OrdTree("n" + trees.size());
                    b.setTree(n);
                    for (int j = 0; j < 2; j++) {
                        OrdLeaf g = new OrdLeaf(b.getName() + "." + j);
                        b.getLeaves().add(g);
                        grandchildren.add(g);
                    }
                    l.setBranch(b);
                    branches.add(b);
                    trees.add(n);
                }
                s.commit();
                assertAscending(round, "new branches", branches, OrdBranch::getId);
                assertAscending(round, "their trees", trees, OrdTree::getId);
                assertAscending(round, "their new leaves", grandchildren, OrdLeaf::getId);
            }
        }
    }

    /**
     * A delete in the same flush makes the cascade follow every attached object: new objects that pending ones reference
     * (set after the add) still go in add order.
     */
    @Test
    void aDeleteInTheSameFlushKeepsTheOrder() {
        for (int round = 0; round < ROUNDS; round++) {
            try (Session s = sessions.openSession()) {
                OrdTree gone = new OrdTree("gone");
                s.add(gone);
                s.commit();
                List<OrdBranch> branches = new ArrayList<>();
                for (int i = 0; i < N; i++) {
                    OrdLeaf l = new OrdLeaf("l" + i);
                    s.add(l);
                    OrdBranch b = new OrdBranch("b" + i);
                    l.setBranch(b);
                    branches.add(b);
                }
                s.delete(gone);
                s.commit();
                assertAscending(round, "new branches", branches, OrdBranch::getId);
            }
        }
    }

    /**
     * Objects a collection operation moved out of a loaded list whose references are then set back directly rejoin that
     * list at the flush in the order they were moved (the flush follows the moved objects in that order, not in an
     * identity set's).
     */
    @Test
    void objectsMovedOutAndPointedBackRejoinTheListInTheOrderTheyWereMoved() {
        for (int round = 0; round < ROUNDS; round++) {
            try (Session s = sessions.openSession()) {
                OrdTree a = new OrdTree("a"), b = new OrdTree("b");
                for (int i = 0; i < N; i++) a.getBranches().add(new OrdBranch("b" + i));
                s.addAll(List.of(a, b));
                s.commit();
                List<OrdBranch> moved = new ArrayList<>(a.getBranches());
                for (OrdBranch x : moved) {
                    b.getBranches().add(x); // out of a's loaded list
                    x.setTree(a); // back, by the reference: a's list gains it at the flush
                }
                s.flush();
                assertEquals(names(moved, OrdBranch::getName), names(a.getBranches(), OrdBranch::getName), "round " + round);
                assertEquals(0, b.getBranches().size());
            }
        }
    }

    private static <T> void assertAscending(int round, String what, List<T> objects, Function<T, Long> id) {
        List<Long> ids = objects.stream().map(id).toList();
        for (int i = 1; i < ids.size(); i++)
            if (ids.get(i) <= ids.get(i - 1))
                throw new AssertionError("round " + round + ": the " + what + " were not inserted in the order reached: ids " + ids);
    }

    private static <T> List<T> sortedById(List<T> objects, Function<T, Long> id) {
        List<T> out = new ArrayList<>(objects);
        out.sort((a, b) -> Long.compare(id.apply(a), id.apply(b)));
        return out;
    }

    private static <T> List<String> names(List<T> objects, Function<T, String> name) {
        return objects.stream().map(name).toList();
    }
}
