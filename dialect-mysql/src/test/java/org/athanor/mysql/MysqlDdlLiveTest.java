package org.athanor.mysql;

import static org.athanor.core.schema.Table.Options.*;
import static org.athanor.core.schema.Table.col;
import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Sequence;
import org.athanor.core.schema.Table;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DDL the dialect renders, executed on the live server. */
class MysqlDdlLiveTest {
    static Engine engine;

    @BeforeAll static void connect() { engine = TestDatabases.mysql(); }

    @AfterAll static void close() { if (engine != null) engine.close(); }

    @Test
    void indexesOnTextColumnsAndIfNotExistsTwice() {
        String name = TestDatabases.uniqueName("docs");
        Table t = Table.of(name, col("id", BIGINT, primaryKey(), autoincrement()), col("body", TEXT, index()),
                col("code", varchar(20), unique()));
        Table.addIndex(t, "ix_" + name + "_bin", List.of(t.column("body"), t.column("code")), true);
        MetaData md = MetaData.of(t);
        try {
            md.createAll(engine);
            md.createAll(engine); // IF NOT EXISTS for the table, an index lookup for the indexes
            try (Connection c = engine.connect()) {
                String ddl = MysqlLive.showCreateTable(c, name);
                assertTrue(ddl.contains("KEY `ix_" + name + "_body` (`body`(255))"), ddl);
                assertTrue(ddl.contains("ENGINE=InnoDB"), ddl);
                assertTrue(ddl.contains(((MysqlDialect) engine.dialect()).binaryCollation()), ddl);
                Column<String> code = t.column("code", String.class);
                c.execute(insert(t).set(code, "a"));
                assertThrows(IntegrityError.class, () -> c.execute(insert(t).set(code, "a")));
                c.execute(insert(t).set(code, "A")); // binary collation: case matters, as on PostgreSQL
            }
        } finally {
            md.dropAll(engine);
        }
    }

    /** MariaDB 10.3+ has sequences: createAll creates them (a SEQUENCE in information_schema), dropAll drops them. */
    @Test
    void sequencesAreCreatedAndDroppedOnMariaDb() {
        String name = TestDatabases.uniqueName("seqt"), seq = TestDatabases.uniqueName("seq");
        Table t = Table.of(name, col("id", BIGINT, primaryKey(), autoincrement()));
        MetaData md = MetaData.of(t).add(Sequence.of(seq).startWith(1000));
        assertTrue(engine.dialect().features().supportsSequences(), "the test server is MariaDB: " + engine.dialect().name());
        try {
            md.createAll(engine);
            md.createAll(engine);
            try (Connection c = engine.connect()) {
                assertEquals("SEQUENCE", MysqlLive.string(c, "SELECT TABLE_TYPE FROM information_schema.TABLES "
                        + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + seq + "'", 1));
                assertEquals(List.of(name), engine.inspect().tableNames().stream().filter(n -> n.equals(name) || n.equals(seq)).toList(),
                        "the inspector lists the table, not the sequence");
            }
        } finally {
            md.dropAll(engine);
        }
        try (Connection c = engine.connect()) {
            assertEquals(0L, ((Number) MysqlLive.object(c, "SELECT COUNT(*) FROM information_schema.TABLES "
                    + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + seq + "'")).longValue(), "dropAll drops " + seq);
        }
        md.dropAll(engine, true);
    }

    @Test
    void cyclicForeignKeysAreAddedAndDroppedByName() {
        String an = TestDatabases.uniqueName("cyc_a"), bn = TestDatabases.uniqueName("cyc_b");
        Table[] b = new Table[1];
        Table a = Table.of(an, col("id", BIGINT, primaryKey()), col("b_id", BIGINT, references(() -> b[0].column("id"))));
        b[0] = Table.of(bn, col("id", BIGINT, primaryKey()), col("a_id", BIGINT, references(a.column("id"))));
        MetaData md = MetaData.of(a, b[0]);
        assertEquals(1, md.cyclicForeignKeys().size());
        try (Connection c = engine.connect()) {
            md.createAll(engine);
            if (((MysqlDialect) engine.dialect()).alterConstraintIfNotExists()) md.createAll(engine); // twice: IF NOT EXISTS
            String ddl = MysqlLive.showCreateTable(c, an);
            assertTrue(ddl.contains("CONSTRAINT `fk_" + an + "_b_id` FOREIGN KEY"), ddl);
        } finally {
            md.dropAll(engine);
        }
        try (Connection c = engine.connect()) {
            assertThrows(AssertionError.class, () -> MysqlLive.showCreateTable(c, an), "dropped");
        }
        if (((MysqlDialect) engine.dialect()).alterConstraintIfNotExists()) md.dropAll(engine); // nothing left: a no-op
    }
}
