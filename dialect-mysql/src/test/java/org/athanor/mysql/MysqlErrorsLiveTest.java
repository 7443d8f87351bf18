package org.athanor.mysql;

import static org.athanor.core.schema.Table.Options.*;
import static org.athanor.core.schema.Table.col;
import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.DataError;
import org.athanor.core.error.DatabaseError;
import org.athanor.core.error.DisconnectionError;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.error.ProgrammingError;
import org.athanor.core.error.TransactionConflictError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Driver errors from the live server land in the right AthanorException, and broken connections leave the pool. */
class MysqlErrorsLiveTest {
    Engine engine;
    Table parent, child;
    Column<Long> pid, cid, cparent;
    Column<String> pname;
    Column<Integer> pqty;
    MetaData md;

    @BeforeEach
    void setUp() {
        engine = TestDatabases.mysql();
        parent = Table.of(TestDatabases.uniqueName("par"), col("id", BIGINT, primaryKey()),
                col("name", varchar(5), notNull(), unique()), col("qty", INTEGER, check("qty >= 0")));
        pid = parent.column("id", Long.class);
        pname = parent.column("name", String.class);
        pqty = parent.column("qty", Integer.class);
        child = Table.of(TestDatabases.uniqueName("chi"), col("id", BIGINT, primaryKey()), col("parent", BIGINT, references(pid)));
        cid = child.column("id", Long.class);
        cparent = child.column("parent", Long.class);
        md = MetaData.of(parent, child);
        md.createAll(engine);
        try (Connection c = engine.connect()) {
            c.execute(insert(parent).set(pid, 1L).set(pname, "one").set(pqty, 1));
            c.execute(insert(child).set(cid, 1L).set(cparent, 1L));
            c.commit();
        }
    }

    @AfterEach
    void tearDown() {
        TestDatabases.dropAndClose(engine, md);
    }

    private <E extends DatabaseError> E fails(Class<E> type, int vendorCode, java.util.function.Consumer<Connection> work) {
        try (Connection c = engine.connect()) {
            E e = assertThrows(type, () -> work.accept(c));
            assertEquals(vendorCode, e.vendorCode(), e.getMessage());
            assertNotNull(e.sql(), "the message carries the SQL");
            assertTrue(e.getMessage().contains("[SQL: "), e.getMessage());
            return e;
        }
    }

    @Test
    void integrityErrors() {
        IntegrityError dup = fails(IntegrityError.class, 1062, c -> c.execute(insert(parent).set(pid, 2L).set(pname, "one")));
        assertTrue(dup.getMessage().contains("Duplicate entry"), dup.getMessage());
        fails(IntegrityError.class, 1062, c -> c.execute(insert(parent).set(pid, 1L).set(pname, "two")));
        fails(IntegrityError.class, 1452, c -> c.execute(insert(child).set(cid, 2L).set(cparent, 99L)));
        fails(IntegrityError.class, 1451, c -> c.execute(deleteFrom(parent).where(pid.eq(1L))));
        fails(IntegrityError.class, 1048, c -> c.execute(update(parent).set(pname, (String) null)));
        fails(IntegrityError.class, 1364, c -> c.execute(insert(parent).set(pid, 3L)));
        DatabaseError check = fails(IntegrityError.class, engine.dialect().name().equals("MariaDB") ? 4025 : 3819,
                c -> c.execute(insert(parent).set(pid, 4L).set(pname, "four").set(pqty, -1)));
        assertTrue(check.getMessage().startsWith("(" + engine.dialect().name()), check.getMessage());
    }

    @Test
    void dataAndProgrammingErrors() {
        fails(DataError.class, 1406, c -> c.execute(insert(parent).set(pid, 5L).set(pname, "too long")));
        fails(ProgrammingError.class, 1146, c -> c.executeSql("SELECT * FROM no_such_table_" + System.nanoTime()));
        fails(ProgrammingError.class, 1064, c -> c.executeSql("SELEC 1"));
    }

    @Test
    void lockWaitTimeoutIsATransactionConflict() throws Exception {
        try (Connection holder = engine.connect(); Connection waiter = engine.connect()) {
            holder.execute(update(parent).set(pqty, 2).where(pid.eq(1L)));
            waiter.executeSql("SET SESSION innodb_lock_wait_timeout = 1");
            TransactionConflictError e = assertThrows(TransactionConflictError.class,
                    () -> waiter.execute(update(parent).set(pqty, 3).where(pid.eq(1L))));
            assertEquals(1205, e.vendorCode());
        }
    }

    @Test
    void deadlockIsATransactionConflict() throws Exception {
        try (Connection c = engine.connect()) {
            c.execute(insert(parent).set(pid, 2L).set(pname, "two").set(pqty, 0));
            c.commit();
        }
        try (Connection a = engine.connect(); Connection b = engine.connect()) {
            a.execute(update(parent).set(pqty, 10).where(pid.eq(1L)));
            b.execute(update(parent).set(pqty, 20).where(pid.eq(2L)));
            // a now waits for b's row; b then asks for a's row and InnoDB breaks the cycle
            CompletableFuture<Integer> aWaits = CompletableFuture.supplyAsync(() -> a.execute(update(parent).set(pqty, 11).where(pid.eq(2L))));
            Thread.sleep(300);
            DatabaseError victim;
            try {
                b.execute(update(parent).set(pqty, 21).where(pid.eq(1L)));
                victim = (DatabaseError) assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> aWaits.get(20, TimeUnit.SECONDS)).getCause();
            } catch (DatabaseError e) {
                victim = e;
                aWaits.get(20, TimeUnit.SECONDS);
            }
            assertInstanceOf(TransactionConflictError.class, victim, victim.getMessage());
            assertEquals(1213, victim.vendorCode());
        }
    }

    @Test
    void killedConnectionIsADisconnectionAndLeavesThePool() throws Exception {
        long killedId;
        try (Connection victim = engine.connect(); Connection killer = engine.connect()) {
            killedId = MysqlLive.connectionId(victim);
            killer.executeSql("KILL " + killedId);
            DisconnectionError e = assertThrows(DisconnectionError.class, () -> victim.execute(select(pid).from(parent)).all());
            assertTrue(e.getMessage().startsWith("(" + engine.dialect().name()), e.getMessage());
        }
        // the dead connection was evicted: every connection handed out now works, none is the killed one
        for (int i = 0; i < 6; i++) {
            try (Connection c = engine.connect()) {
                assertNotEquals(killedId, MysqlLive.connectionId(c));
                assertEquals(1L, c.execute(select(count()).from(parent)).one()._1);
            }
        }
    }

    @Test
    void disconnectCodesAreRecognised() {
        MysqlDialect d = MysqlDialect.INSTANCE;
        assertTrue(d.isDisconnect(new SQLException("gone away", "HY000", 2006)));
        assertTrue(d.isDisconnect(new SQLException("lost", "HY000", 2013)));
        assertTrue(d.isDisconnect(new SQLException("killed", "70100", 1927)));
        assertTrue(d.isDisconnect(new SQLException("link failure", "08S01", 0)));
        assertTrue(d.isDisconnect(new com.mysql.cj.jdbc.exceptions.CommunicationsException("link failure", null)));
        assertFalse(d.isDisconnect(new SQLException("dup", "23000", 1062)));
        assertInstanceOf(DisconnectionError.class, d.translate(new SQLException("gone away", "HY000", 2006), "SELECT 1"));
        assertInstanceOf(TransactionConflictError.class, d.translate(new SQLException("deadlock", "40001", 1213), null));
        assertInstanceOf(IntegrityError.class, d.translate(new SQLException("check", "23000", 3819), null));
        assertInstanceOf(IntegrityError.class, d.translate(new SQLException("check", "23000", 4025), null));
    }
}
