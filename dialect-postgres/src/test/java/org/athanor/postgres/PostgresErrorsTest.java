package org.athanor.postgres;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.DataError;
import org.athanor.core.error.DatabaseError;
import org.athanor.core.error.DisconnectionError;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.error.OperationalError;
import org.athanor.core.error.ProgrammingError;
import org.athanor.core.error.TransactionConflictError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SQLSTATE translation, on synthetic driver errors and on the live server, and disconnect eviction. */
class PostgresErrorsTest {
    static final class Owners extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<String> EMAIL = column("email", varchar(50), unique());
        final Column<Integer> AGE = column("age", INTEGER, notNull(), check("age >= 0"));
        Owners(String name) { super(name); }
    }

    static final class Pets extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<Long> OWNER = column("owner_id", BIGINT);
        Pets(String name, Owners owners) {
            super(name);
            foreignKey(List.of(OWNER), () -> List.of(owners.ID), org.athanor.core.schema.ReferentialAction.NO_ACTION,
                    org.athanor.core.schema.ReferentialAction.NO_ACTION);
        }
    }

    private static Engine engine;
    private static Owners O;
    private static Pets P;
    private static MetaData md;

    @BeforeAll
    static void setUp() {
        engine = TestDatabases.postgres();
        O = new Owners(TestDatabases.uniqueName("pg_owners"));
        P = new Pets(TestDatabases.uniqueName("pg_pets"), O);
        md = MetaData.of(O, P);
        md.createAll(engine);
        engine.inTransaction(c -> { c.execute(insert(O).set(O.ID, 1L).set(O.EMAIL, "a@x").set(O.AGE, 3)); });
    }

    @AfterAll
    static void tearDown() {
        TestDatabases.dropAndClose(engine, md);
    }

    // ---- synthetic -------------------------------------------------------------------------------------

    private static DatabaseError translate(String state) {
        return PostgresDialect.INSTANCE.translate(new SQLException("boom", state), "SELECT 1");
    }

    @Test
    void sqlStatesMapToTheErrorFamily() {
        for (String s : List.of("23505", "23503", "23502", "23514", "23P01", "40002")) assertInstanceOf(IntegrityError.class, translate(s), s);
        for (String s : List.of("40001", "40P01")) assertInstanceOf(TransactionConflictError.class, translate(s), s);
        for (String s : List.of("08000", "08003", "08006", "08001", "57P01", "57P02", "57P03", "57P05"))
            assertInstanceOf(DisconnectionError.class, translate(s), s);
        for (String s : List.of("55P03", "25P02", "57014", "53300")) {
            DatabaseError e = translate(s);
            assertInstanceOf(OperationalError.class, e, s);
            assertFalse(e instanceof DisconnectionError, s + " keeps the connection");
        }
        assertInstanceOf(DataError.class, translate("22012"));
        assertInstanceOf(ProgrammingError.class, translate("42P01"));
        DatabaseError e = translate("23505");
        assertTrue(e.getMessage().startsWith("(PostgreSQL) boom") && e.getMessage().contains("[SQL: SELECT 1]"), e.getMessage());
        assertEquals("23505", e.sqlState());
    }

    @Test
    void disconnectStates() {
        assertTrue(PostgresDialect.INSTANCE.isDisconnect(new SQLException("x", "57P01")));
        assertTrue(PostgresDialect.INSTANCE.isDisconnect(new SQLException("x", "08006")));
        assertFalse(PostgresDialect.INSTANCE.isDisconnect(new SQLException("x", "57014")), "a cancelled query keeps its connection");
        assertFalse(PostgresDialect.INSTANCE.isDisconnect(new SQLException("x", (String) null)));
    }

    // ---- live ------------------------------------------------------------------------------------------

    private static IntegrityError integrity(org.athanor.core.sql.Dml dml) {
        try (Connection c = engine.connect()) {
            return assertThrows(IntegrityError.class, () -> c.execute(dml));
        }
    }

    @Test
    void constraintViolationsAreIntegrityErrors() {
        assertEquals("23505", integrity(insert(O).set(O.ID, 1L).set(O.AGE, 1)).sqlState());
        assertEquals("23505", integrity(insert(O).set(O.ID, 2L).set(O.EMAIL, "a@x").set(O.AGE, 1)).sqlState());
        assertEquals("23503", integrity(insert(P).set(P.ID, 1L).set(P.OWNER, 999L)).sqlState());
        assertEquals("23502", integrity(insert(O).set(O.ID, 3L).set(O.AGE, (Integer) null)).sqlState());
        IntegrityError check = integrity(insert(O).set(O.ID, 4L).set(O.AGE, -1));
        assertEquals("23514", check.sqlState());
        assertTrue(check.getMessage().contains("INSERT INTO " + O.name()), "the message carries the SQL: " + check.getMessage());
    }

    @Test
    void otherServerErrors() {
        try (Connection c = engine.connect()) {
            DataError div = assertThrows(DataError.class, () -> c.execute(select(O.AGE.div(0)).from(O)).all());
            assertEquals("22012", div.sqlState());
            c.rollback();
            ProgrammingError missing = assertThrows(ProgrammingError.class, () -> c.executeSql("SELECT * FROM no_such_table_here"));
            assertEquals("42P01", missing.sqlState());
        }
    }

    @Test
    void aTerminatedBackendIsADisconnectAndLeavesThePool() {
        long deadPid;
        try (Connection victim = engine.connect()) {
            deadPid = backendPid(victim);
            try (Connection killer = engine.connect()) {
                assertEquals(Boolean.TRUE, killer.execute(select(func("pg_terminate_backend", BOOLEAN, param((int) deadPid)))).scalar());
                killer.commit();
            }
            DisconnectionError e = assertThrows(DisconnectionError.class, () -> victim.execute(select(literal(1))).scalar());
            assertTrue(e.sqlState().startsWith("08") || e.sqlState().equals("57P01"), "SQLSTATE " + e.sqlState());
        } // closing the broken connection evicts it

        // every connection the pool can hand out now works, and none is the terminated one
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < engine.options().poolSize(); i++) {
                Connection c = engine.connect();
                all.add(c);
                assertNotEquals(deadPid, backendPid(c));
            }
        } finally {
            all.forEach(Connection::close);
        }
    }

    private static long backendPid(Connection c) {
        Integer pid = c.scalar(select(func("pg_backend_pid", INTEGER)));
        return pid;
    }
}
