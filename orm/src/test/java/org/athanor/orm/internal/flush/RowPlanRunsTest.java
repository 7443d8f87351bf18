package org.athanor.orm.internal.flush;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.athanor.orm.internal.mapping.IdKey;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.UnitOfWork;
import org.athanor.orm.model.Enrollment;
import org.athanor.orm.model.User;
import org.junit.jupiter.api.Test;

/** A flush's runs of rows without references between them: one per entity, each entity's rows in add order. */
class RowPlanRunsTest {
    static final Mapper USER = Mapper.configure(List.of(User.class)).get(User.class);
    static final Mapper ENROLLMENT = Mapper.configure(List.of(Enrollment.class)).get(Enrollment.class);

    static UnitOfWork uow() {
        return new UnitOfWork(new UnitOfWork.Host() {
            @Override public Object load(Mapper mapper, IdKey key) { throw new AssertionError("no load expected"); }
            @Override public void unloadCollections(InstanceState s) {}
            @Override public boolean collectionsReplaced(InstanceState s) { return false; }
        });
    }

    @Test
    void rowsOfOneEntityAreOneRunOfTheSameRows() {
        UnitOfWork u = uow();
        List<InstanceState> rows = List.of(u.newPending(USER.newInstance(), USER, true), u.newPending(USER.newInstance(), USER, true));
        RowPlan.Plan p = RowPlan.inserts(rows, u);
        assertEquals(1, p.runs().size());
        assertSame(USER, p.runs().get(0).mapper());
        assertSame(rows, p.runs().get(0).rows());
    }

    @Test
    void rowsOfEntitiesInterleavedAreOneRunPerEntityInFirstAppearanceOrder() {
        for (boolean userFirst : new boolean[] {true, false}) {
            UnitOfWork u = uow();
            InstanceState u1 = u.newPending(USER.newInstance(), USER, true), u2 = u.newPending(USER.newInstance(), USER, true);
            InstanceState e1 = u.newPending(ENROLLMENT.newInstance(), ENROLLMENT, true), e2 = u.newPending(ENROLLMENT.newInstance(), ENROLLMENT, true);
            List<InstanceState> rows = userFirst ? List.of(u1, u2, e1, e2) : List.of(e1, u1, e2, u2);
            RowPlan.Plan p = RowPlan.inserts(rows, u);
            assertEquals(2, p.runs().size(), "rows " + rows);
            Mapper firstMapper = USER.rank() != ENROLLMENT.rank() ? (USER.rank() < ENROLLMENT.rank() ? USER : ENROLLMENT)
                    : userFirst ? USER : ENROLLMENT;
            Mapper second = firstMapper == USER ? ENROLLMENT : USER;
            assertSame(firstMapper, p.runs().get(0).mapper());
            assertSame(second, p.runs().get(1).mapper());
            assertEquals(firstMapper == USER ? List.of(u1, u2) : List.of(e1, e2), p.runs().get(0).rows());
            assertEquals(second == USER ? List.of(u1, u2) : List.of(e1, e2), p.runs().get(1).rows());
        }
    }
}
