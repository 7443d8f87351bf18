package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.BIGINT;
import static org.athanor.core.type.SqlTypes.BOOLEAN;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.Tuple3;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.error.CompileError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Select;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Joins over a(id 1..5) and b(id, a_id) = (1,1),(2,1),(4,2),(5,3): inner and left joins everywhere,
 * RIGHT and FULL where the dialect has them and a CompileError naming the database where not.
 */
public abstract class JoinSuite extends ComplianceSuite {
    static final class A extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        A(String name) { super(name); }
    }

    static final class B extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<Long> A_ID;
        B(String name, A a) {
            super(name);
            A_ID = column("a_id", BIGINT, references(a.ID));
        }
    }

    private A a;
    private B b;

    @BeforeEach
    void createTables() {
        a = new A(TestDatabases.uniqueName("ja"));
        b = new B(TestDatabases.uniqueName("jb"), a);
        create(b, a); // declared child first: createAll must still create a before b
        commit(c -> {
            for (long i = 1; i <= 5; i++) c.execute(insert(a).set(a.ID, i));
            c.execute(insert(b).columns(b.ID, b.A_ID).values(1L, 1L).values(2L, 1L).values(4L, 2L).values(5L, 3L));
        });
    }

    private <R> List<R> all(Select<R> q) {
        try (Connection c = engine().connect()) {
            return c.execute(q).all();
        }
    }

    @Test
    void innerJoinOnTheInferredForeignKey() {
        List<Tuple3<Long, Long, Long>> rows = all(select(a.ID, b.ID, b.A_ID).from(a).join(b).orderBy(b.ID));
        assertEquals(List.of(Tuple.of(1L, 1L, 1L), Tuple.of(1L, 2L, 1L), Tuple.of(2L, 4L, 2L), Tuple.of(3L, 5L, 3L)), rows);
    }

    @Test
    void innerJoinFromTheChildSideInfersTheSameKey() {
        List<Tuple2<Long, Long>> rows = all(select(b.ID, a.ID).from(b).join(a).orderBy(b.ID));
        assertEquals(List.of(Tuple.of(1L, 1L), Tuple.of(2L, 1L), Tuple.of(4L, 2L), Tuple.of(5L, 3L)), rows);
    }

    @Test
    void leftJoinOnAFalseConditionPadsEveryRowWithNulls() {
        List<Tuple3<Long, Long, Long>> rows =
                all(select(a.ID, b.ID, b.A_ID).from(a).leftJoin(b, literal(false, BOOLEAN)).orderBy(a.ID));
        assertEquals(5, rows.size(), "a LEFT JOIN b ON false keeps every row of a");
        for (int i = 0; i < 5; i++) assertEquals(Tuple.of(i + 1L, null, null), rows.get(i));
    }

    @Test
    void leftJoinOnTheForeignKeyKeepsUnmatchedParents() {
        List<Tuple2<Long, Long>> rows = all(select(a.ID, b.ID).from(a).leftJoin(b).orderBy(a.ID, b.ID));
        assertEquals(List.of(Tuple.of(1L, 1L), Tuple.of(1L, 2L), Tuple.of(2L, 4L), Tuple.of(3L, 5L),
                Tuple.of(4L, null), Tuple.of(5L, null)), rows);
    }

    @Test
    void countingChildrenPerParentThroughALeftJoin() {
        List<Tuple2<Long, Long>> rows = all(select(a.ID, count(b.ID)).from(a).leftJoin(b).groupBy(a.ID).orderBy(a.ID));
        assertEquals(List.of(Tuple.of(1L, 2L), Tuple.of(2L, 1L), Tuple.of(3L, 1L), Tuple.of(4L, 0L), Tuple.of(5L, 0L)), rows);
    }

    @Test
    void rightJoinWhereSupported() {
        Select<Tuple2<Long, Long>> q = select(a.ID, b.ID).from(b).rightJoin(a).orderBy(a.ID, b.ID);
        if (!features().supportsRightJoin()) {
            assertUnsupported(q, "RIGHT");
            return;
        }
        assertEquals(List.of(Tuple.of(1L, 1L), Tuple.of(1L, 2L), Tuple.of(2L, 4L), Tuple.of(3L, 5L),
                Tuple.of(4L, null), Tuple.of(5L, null)), all(q));
    }

    @Test
    void fullJoinWhereSupported() {
        // a.id = b.id + 1 leaves a 1 and a 4 without partner on the left and b 5 on the right
        Select<Tuple2<Long, Long>> q = select(a.ID, b.ID).from(a).fullJoin(b, a.ID.eq(b.ID.plus(1L)));
        if (!features().supportsFullJoin()) {
            assertUnsupported(q, "FULL");
            return;
        }
        List<Tuple2<Long, Long>> rows = new java.util.ArrayList<>(all(q));
        // NULL ordering differs between databases, so sort here: nulls last by a, then by b
        rows.sort(java.util.Comparator.comparing((Tuple2<Long, Long> t) -> t._1 == null ? Long.MAX_VALUE : t._1)
                .thenComparing(t -> t._2 == null ? Long.MAX_VALUE : t._2));
        assertEquals(List.of(Tuple.of(1L, null), Tuple.of(2L, 1L), Tuple.of(3L, 2L), Tuple.of(4L, null),
                Tuple.of(5L, 4L), Tuple.of(null, 5L)), rows);
    }

    /** A construct the dialect lacks fails at compile time with a CompileError naming the database. */
    private void assertUnsupported(Select<?> q, String construct) {
        CompileError e = assertThrows(CompileError.class, () -> engine().dialect().compile(q));
        assertTrue(e.getMessage().contains(construct) && e.getMessage().contains(db()),
                "the error should name the construct and " + db() + ": " + e.getMessage());
        try (Connection c = engine().connect()) {
            assertThrows(CompileError.class, () -> c.execute(q));
        }
    }

    @Test
    void joinWithoutAForeignKeyNeedsAnOnClause() {
        A other = new A(TestDatabases.uniqueName("jx"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> select(a.ID).from(a).join(other));
        assertTrue(e.getMessage().contains("no foreign key"), e.getMessage());
    }
}
