package org.athanor.mysql;

import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.testing.LiteralSafety;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Literals on sessions with and without NO_BACKSLASH_ESCAPES, switched per connection after the
 * Engine has read the server (as an application or a pool's init SQL would), and IN lists past the
 * bind limit sent as one JSON parameter.
 */
class MysqlLiteralSafetyTest {
    private static Engine engine;
    private static LiteralSafety.Canary canary;

    @BeforeAll
    static void setUp() {
        engine = TestDatabases.mysql();
        canary = new LiteralSafety.Canary(engine);
    }

    @AfterAll
    static void tearDown() { TestDatabases.dropAndClose(engine, canary == null ? null : canary.metadata); }

    @Test
    void literalsAreSafeWithNoBackslashEscapes() {
        int cases = LiteralSafety.check(engine, canary, LiteralSafety.NASTY,
                LiteralSafety.session("SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',NO_BACKSLASH_ESCAPES')"));
        assertTrue(cases >= LiteralSafety.NASTY.size() * 5, "cases: " + cases);
    }

    @Test
    void literalsAreSafeWithBackslashEscapes() {
        LiteralSafety.check(engine, canary, LiteralSafety.NASTY,
                LiteralSafety.session("SET SESSION sql_mode = REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '')"));
    }

    /** The mode really differs between the two sessions: '\\' is one backslash in one and two in the other. */
    @Test
    void theModeIsInEffectPerSession() {
        try (Connection c = engine.connect()) {
            LiteralSafety.session("SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',NO_BACKSLASH_ESCAPES')").accept(c);
            assertEquals(2L, ((Number) LiteralSafety.column(c, "SELECT CHAR_LENGTH('\\\\')").get(0)).longValue());
            LiteralSafety.session("SET SESSION sql_mode = REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '')").accept(c);
            assertEquals(1L, ((Number) LiteralSafety.column(c, "SELECT CHAR_LENGTH('\\\\')").get(0)).longValue());
        }
    }

    @Test
    void largeInListsAreOneJsonParameter() {
        List<Long> ids = new java.util.ArrayList<>();
        for (long i = 0; i < 70_000; i++) ids.add(i);
        var cs = engine.compile(select(literal(1)).where(param(5L).in(ids)));
        assertEquals("SELECT 1 FROM DUAL WHERE ? IN (SELECT j.v FROM JSON_TABLE(?, '$[*]' COLUMNS (v BIGINT PATH '$')) AS j)", cs.sql());
        try (Connection c = engine.connect()) {
            assertEquals(1, c.execute(select(literal(1)).where(param(5L).in(ids))).all().size());
            assertEquals(0, c.execute(select(literal(1)).where(param(5L).notIn(ids))).all().size());
            assertEquals(1, c.execute(select(literal(1)).where(param(-5L).notIn(ids))).all().size());
        }
    }

    /** COMMENT takes only a plain string: written with backslashes escaped, exact in the Engine's sessions. */
    @Test
    void commentsWithBackslashesAndQuotes() {
        String comment = "a\\b 'c' \\' OR 1=1 -- ";
        org.athanor.core.schema.Table t = new org.athanor.core.schema.Table(TestDatabases.uniqueName("cmt")) {
            { tableComment(comment); }
            final org.athanor.core.schema.Column<Long> id = column("id", org.athanor.core.type.SqlTypes.BIGINT, primaryKey(), comment(comment));
        };
        org.athanor.core.schema.MetaData md = org.athanor.core.schema.MetaData.of(t);
        md.createAll(engine);
        try (Connection c = engine.connect()) {
            assertEquals(comment, MysqlLive.string(c, "SELECT TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                    + "AND TABLE_NAME = '" + t.name() + "'", 1));
            assertEquals(comment, MysqlLive.string(c, "SELECT COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
                    + "AND TABLE_NAME = '" + t.name() + "' AND COLUMN_NAME = 'id'", 1));
        } finally {
            md.dropAll(engine);
        }
    }
}
