package org.athanor.mysql;

import static org.athanor.core.schema.Table.Options.*;
import static org.athanor.core.schema.Table.col;
import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple1;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.core.engine.IsolationLevel;
import org.athanor.core.engine.NestedTransaction;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/** Isolation levels, savepoints and the session settings the provider applies. */
class MysqlTransactionsLiveTest {
    @Test
    void isolationLevelsAreSetAndReadBackFromTheServer() {
        try (Engine engine = TestDatabases.mysql(); Connection c = engine.connect()) {
            for (IsolationLevel level : IsolationLevel.values()) {
                c.setIsolationLevel(level);
                assertEquals(level, c.isolationLevel());
                String server = serverIsolation(c);
                assertEquals(level.name().replace('_', '-'), server);
            }
        }
    }

    /** MySQL 8 names the variable transaction_isolation, MariaDB before 11.1 only tx_isolation. */
    private static String serverIsolation(Connection c) {
        try {
            return MysqlLive.string(c, "SELECT @@SESSION.transaction_isolation", 1);
        } catch (AssertionError unknownVariable) {
            return MysqlLive.string(c, "SELECT @@SESSION.tx_isolation", 1);
        }
    }

    @Test
    void engineWideIsolationLevel() {
        try (Engine engine = TestDatabases.server("MariaDB/MySQL", TestDatabases.mysqlUrl(),
                EngineOptions.defaults().poolSize(2).isolationLevel(IsolationLevel.SERIALIZABLE)); Connection c = engine.connect()) {
            assertEquals("SERIALIZABLE", serverIsolation(c));
        }
    }

    @Test
    void savepointRollbackKeepsTheOuterTransaction() {
        try (Engine engine = TestDatabases.mysql()) {
            Table t = Table.of(TestDatabases.uniqueName("sp"), col("n", INTEGER, primaryKey()));
            Column<Integer> n = t.column("n", Integer.class);
            MetaData md = MetaData.of(t);
            md.createAll(engine);
            try {
                try (Connection c = engine.connect()) {
                    c.execute(insert(t).set(n, 1));
                    try (NestedTransaction sp = c.beginNested()) {
                        c.execute(insert(t).set(n, 2));
                        sp.rollback();
                    }
                    NestedTransaction kept = c.beginNested();
                    c.execute(insert(t).set(n, 3));
                    kept.commit();
                    c.commit();
                }
                try (Connection c = engine.connect()) {
                    assertEquals(List.of(1, 3), c.execute(select(n).orderBy(n.asc())).all().stream().map(Tuple1::_1).toList());
                }
                try (Connection c = engine.connect()) {
                    c.execute(insert(t).set(n, 4));
                } // closed without commit: rolled back
                try (Connection c = engine.connect()) {
                    assertEquals(2L, c.execute(select(count()).from(t)).one()._1);
                }
            } finally {
                md.dropAll(engine);
            }
        }
    }

    @Test
    void sessionsRunInUtcWithStrictModeAndBackslashEscapes() {
        try (Engine engine = TestDatabases.mysql(); Connection c = engine.connect()) {
            String mode = MysqlLive.string(c, "SELECT @@SESSION.sql_mode", 1);
            assertTrue(mode.contains("STRICT_ALL_TABLES"), mode);
            assertFalse(mode.contains("NO_BACKSLASH_ESCAPES"), mode);
            assertFalse(mode.contains("ANSI_QUOTES"), mode);
            assertFalse(mode.contains("PIPES_AS_CONCAT"), mode);
            assertEquals("+00:00", MysqlLive.string(c, "SELECT @@SESSION.time_zone", 1));
            assertEquals("utf8mb4", MysqlLive.string(c, "SELECT @@SESSION.character_set_client", 1));
            ServerVersion v = ((MysqlDialect) engine.dialect()).server();
            String version = MysqlLive.string(c, "SELECT VERSION()", 1);
            assertEquals(version.contains("MariaDB"), v.mariaDb(), version + " detected as " + v);
            assertTrue(version.startsWith(v.major() + "." + v.minor() + "."), version + " detected as " + v);
            assertEquals(v.product(), engine.dialect().name());
        }
    }
}
