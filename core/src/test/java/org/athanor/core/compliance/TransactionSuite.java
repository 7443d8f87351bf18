package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.IsolationLevel;
import org.athanor.core.engine.NestedTransaction;
import org.athanor.core.error.AthanorException;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.error.NotSupportedError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Constraint violations become IntegrityError and leave the connection usable; savepoints roll back
 * only their own work; isolation levels are set and read back.
 */
public abstract class TransactionSuite extends ComplianceSuite {
    static final class Parent extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<String> CODE = column("code", varchar(20), notNull(), unique());
        Parent(String name) { super(name); }
    }

    static final class Child extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<Long> PARENT_ID;
        Child(String name, Parent p) {
            super(name);
            PARENT_ID = column("parent_id", BIGINT, notNull(), references(p.ID));
        }
    }

    private Parent parent;
    private Child child;

    @BeforeEach
    void createTables() {
        parent = new Parent(TestDatabases.uniqueName("tp"));
        child = new Child(TestDatabases.uniqueName("tc"), parent);
        create(parent, child);
        commit(c -> c.execute(insert(parent).columns(parent.ID, parent.CODE).values(1L, "one").values(2L, "two")));
    }

    private List<Long> parentIds(Connection c) {
        return c.execute(select(parent.ID).orderBy(parent.ID)).all().stream().map(r -> r._1).toList();
    }

    @Test
    void uniqueViolationIsAnIntegrityErrorAndTheConnectionStaysUsable() {
        try (Connection c = engine().connect()) {
            IntegrityError e = assertThrows(IntegrityError.class,
                    () -> c.execute(insert(parent).set(parent.ID, 3L).set(parent.CODE, "one")));
            assertNotNull(e.sql(), "the error carries the SQL");
            assertTrue(e.getMessage().contains(e.sql()), e.getMessage());
            c.rollback();
            c.execute(insert(parent).set(parent.ID, 3L).set(parent.CODE, "three"));
            c.commit();
            assertEquals(List.of(1L, 2L, 3L), parentIds(c));
        }
    }

    @Test
    void primaryKeyViolationIsAnIntegrityError() {
        try (Connection c = engine().connect()) {
            assertThrows(IntegrityError.class, () -> c.execute(insert(parent).set(parent.ID, 1L).set(parent.CODE, "uno")));
            c.rollback();
            assertEquals(List.of(1L, 2L), parentIds(c));
        }
    }

    @Test
    void foreignKeyViolationIsAnIntegrityError() {
        try (Connection c = engine().connect()) {
            assertThrows(IntegrityError.class, () -> c.execute(insert(child).set(child.ID, 1L).set(child.PARENT_ID, 99L)));
            c.rollback();
            c.execute(insert(child).set(child.ID, 1L).set(child.PARENT_ID, 2L));
            c.commit();
            // deleting a referenced parent is refused as well
            assertThrows(IntegrityError.class, () -> c.execute(deleteFrom(parent).where(parent.ID.eq(2L))));
            c.rollback();
            assertEquals(List.of(1L, 2L), parentIds(c));
        }
    }

    @Test
    void notNullViolationIsAnIntegrityError() {
        try (Connection c = engine().connect()) {
            assertThrows(IntegrityError.class, () -> c.execute(insert(parent).set(parent.ID, 5L).set(parent.CODE, (String) null)));
            c.rollback();
        }
    }

    @Test
    void rollbackDiscardsAndCommitKeeps() {
        try (Connection c = engine().connect()) {
            c.execute(insert(parent).set(parent.ID, 3L).set(parent.CODE, "three"));
            c.rollback();
            assertEquals(List.of(1L, 2L), parentIds(c));
            c.execute(insert(parent).set(parent.ID, 4L).set(parent.CODE, "four"));
        } // closed without commit: rolled back
        try (Connection c = engine().connect()) {
            assertEquals(List.of(1L, 2L), parentIds(c));
        }
    }

    // ---- savepoints ----------------------------------------------------------------------------------

    @Test
    void savepointRollbackKeepsTheOuterTransaction() {
        Assumptions.assumeTrue(features().supportsSavepoints(), db() + " has no savepoints");
        try (Connection c = engine().connect()) {
            c.execute(insert(parent).set(parent.ID, 3L).set(parent.CODE, "three"));
            try (NestedTransaction sp = c.beginNested()) {
                c.execute(insert(parent).set(parent.ID, 4L).set(parent.CODE, "four"));
                sp.rollback();
            }
            try (NestedTransaction sp = c.beginNested()) {
                c.execute(insert(parent).set(parent.ID, 5L).set(parent.CODE, "five"));
                sp.commit();
            }
            c.execute(insert(parent).set(parent.ID, 6L).set(parent.CODE, "six"));
            c.commit();
        }
        try (Connection c = engine().connect()) {
            assertEquals(List.of(1L, 2L, 3L, 5L, 6L), parentIds(c));
        }
    }

    /** A failed statement inside a savepoint: rolling back to it recovers the outer transaction (PostgreSQL aborts it otherwise). */
    @Test
    void errorInsideASavepointIsRecoverable() {
        Assumptions.assumeTrue(features().supportsSavepoints(), db() + " has no savepoints");
        try (Connection c = engine().connect()) {
            c.execute(insert(parent).set(parent.ID, 3L).set(parent.CODE, "three"));
            NestedTransaction sp = c.beginNested();
            assertThrows(IntegrityError.class, () -> c.execute(insert(parent).set(parent.ID, 4L).set(parent.CODE, "one")));
            sp.rollback();
            assertFalse(sp.isActive());
            c.execute(insert(parent).set(parent.ID, 4L).set(parent.CODE, "four"));
            c.commit();
            assertEquals(List.of(1L, 2L, 3L, 4L), parentIds(c));
        }
    }

    @Test
    void nestedSavepoints() {
        Assumptions.assumeTrue(features().supportsSavepoints(), db() + " has no savepoints");
        try (Connection c = engine().connect()) {
            NestedTransaction outer = c.beginNested();
            c.execute(insert(parent).set(parent.ID, 3L).set(parent.CODE, "three"));
            NestedTransaction inner = c.beginNested();
            c.execute(insert(parent).set(parent.ID, 4L).set(parent.CODE, "four"));
            inner.rollback();
            outer.commit();
            c.commit();
            assertEquals(List.of(1L, 2L, 3L), parentIds(c));
            assertThrows(IllegalStateException.class, inner::rollback, "a finished savepoint cannot be used again");
        }
    }

    @Test
    void savepointsWithoutSupportFailClearly() {
        Assumptions.assumeFalse(features().supportsSavepoints());
        try (Connection c = engine().connect()) {
            NotSupportedError e = assertThrows(NotSupportedError.class, c::beginNested);
            assertTrue(e.getMessage().contains(db()), e.getMessage());
        }
    }

    // ---- isolation levels ------------------------------------------------------------------------------

    /**
     * SERIALIZABLE round-trips exactly; every other level round-trips, reads back as a stronger level,
     * or is refused with an error naming it; and at least one level besides SERIALIZABLE round-trips
     * (SQLite knows only SERIALIZABLE and READ UNCOMMITTED).
     */
    @Test
    void isolationLevelsRoundTripOrFailClearly() {
        Assumptions.assumeTrue(features().supportsIsolationLevels(), db() + " cannot set isolation levels");
        try (Connection c = engine().connect()) {
            IsolationLevel initial = c.isolationLevel();
            try {
                c.setIsolationLevel(IsolationLevel.SERIALIZABLE);
                assertEquals(IsolationLevel.SERIALIZABLE, c.isolationLevel());
                List<IsolationLevel> exact = new java.util.ArrayList<>();
                for (IsolationLevel level : List.of(IsolationLevel.READ_COMMITTED, IsolationLevel.REPEATABLE_READ,
                        IsolationLevel.READ_UNCOMMITTED)) {
                    try {
                        c.setIsolationLevel(level);
                    } catch (AthanorException e) {
                        assertTrue(e.getMessage().contains(level.name()) || e.getMessage().contains(String.valueOf(level.jdbcLevel())),
                                "refusing " + level + " should say which level: " + e.getMessage());
                        continue;
                    }
                    IsolationLevel back = c.isolationLevel();
                    assertTrue(back.jdbcLevel() >= level.jdbcLevel(), level + " was set but " + back + " (weaker) read back");
                    if (back == level) exact.add(level);
                }
                assertFalse(exact.isEmpty(), db() + ": no isolation level other than SERIALIZABLE round-trips");
                // work runs under the level set, and the level stays
                c.setIsolationLevel(IsolationLevel.SERIALIZABLE);
                assertEquals(List.of(1L, 2L), parentIds(c));
                assertEquals(IsolationLevel.SERIALIZABLE, c.isolationLevel());
            } finally {
                c.rollback();
                c.setIsolationLevel(initial);
            }
        }
    }

    /**
     * engine.begin() is a transaction block: committed when it says so; closed with uncommitted work it rolls back and
     * throws (suppressed under the block's own exception when one left it), so a forgotten commit is not silent.
     */
    @Test
    void aBeginBlockEndsWithCommitOrRollbackAndAForgottenCommitIsAnError() {
        try (Connection c = engine().begin()) {
            c.execute(insert(parent).columns(parent.ID, parent.CODE).values(3L, "three"));
            c.commit();
        }
        IllegalStateException forgot = assertThrows(IllegalStateException.class, () -> {
            try (Connection c = engine().begin()) {
                c.execute(insert(parent).columns(parent.ID, parent.CODE).values(4L, "four"));
            }
        });
        assertTrue(forgot.getMessage().startsWith("the engine.begin() block ended without commit() or rollback(), so its work was rolled back"),
                forgot.getMessage());
        RuntimeException boom = assertThrows(RuntimeException.class, () -> {
            try (Connection c = engine().begin()) {
                c.execute(insert(parent).columns(parent.ID, parent.CODE).values(5L, "five"));
                throw new RuntimeException("boom");
            }
        });
        assertEquals("boom", boom.getMessage());
        assertEquals(1, boom.getSuppressed().length, "the block's own exception stays the one thrown");
        try (Connection c = engine().begin()) {
            c.execute(insert(parent).columns(parent.ID, parent.CODE).values(6L, "six"));
            c.rollback(); // discarded on purpose: no error
        }
        try (Connection c = engine().connect()) {
            c.execute(insert(parent).columns(parent.ID, parent.CODE).values(7L, "seven")); // connect(): rolled back quietly
        }
        try (Connection c = engine().connect()) {
            assertEquals(List.of(1L, 2L, 3L), parentIds(c), db());
        }
    }
}
