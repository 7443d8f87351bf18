package org.athanor.postgres;

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
 * Literals under both settings of standard_conforming_strings (set per session, never for the
 * database: the server is shared), and IN lists past the bind limit sent as one array.
 */
class PostgresLiteralSafetyTest {
    private static Engine engine;
    private static LiteralSafety.Canary canary;

    @BeforeAll
    static void setUp() {
        engine = TestDatabases.postgres();
        canary = new LiteralSafety.Canary(engine);
    }

    @AfterAll
    static void tearDown() { TestDatabases.dropAndClose(engine, canary == null ? null : canary.metadata); }

    @Test
    void backslashStringsAreEscapeStrings() {
        PostgresDialect d = PostgresDialect.INSTANCE;
        assertEquals("'it''s'", d.renderLiteral("it's", org.athanor.core.type.SqlTypes.TEXT));
        assertEquals("E'\\\\'' OR 1=1 -- '", d.renderLiteral("\\' OR 1=1 -- ", org.athanor.core.type.SqlTypes.TEXT));
        assertEquals("E'a\\\\\\\\b'", d.renderLiteral("a\\\\b", org.athanor.core.type.SqlTypes.TEXT));
    }

    @Test
    void literalsAreSafeWithStandardConformingStringsOff() {
        int cases = LiteralSafety.check(engine, canary, LiteralSafety.NASTY, LiteralSafety.session("SET standard_conforming_strings = off"));
        assertTrue(cases >= LiteralSafety.NASTY.size() * 5, "cases: " + cases);
    }

    @Test
    void literalsAreSafeWithStandardConformingStringsOn() {
        LiteralSafety.check(engine, canary, LiteralSafety.NASTY, LiteralSafety.session("SET standard_conforming_strings = on"));
    }

    /** The session really is in the mode under test: a plain '\'' would be a complete literal there. */
    @Test
    void theSettingIsInEffectPerSession() {
        try (Connection c = engine.connect()) {
            LiteralSafety.session("SET standard_conforming_strings = off").accept(c);
            assertEquals(List.of("'"), LiteralSafety.column(c, "SELECT '\\''"));
            assertEquals(List.of("off"), LiteralSafety.column(c, "SHOW standard_conforming_strings"));
        }
    }

    @Test
    void largeInListsAreOneArrayParameter() {
        List<Long> ids = new java.util.ArrayList<>();
        for (long i = 0; i < 40_000; i++) ids.add(i);
        var cs = engine.compile(select(literal(1)).where(param(5L).in(ids)));
        assertEquals("SELECT 1 WHERE ? = ANY(?)", cs.sql());
        try (Connection c = engine.connect()) {
            assertEquals(1, c.execute(select(literal(1)).where(param(5L).in(ids))).all().size());
            assertEquals(0, c.execute(select(literal(1)).where(param(5L).notIn(ids))).all().size());
            assertEquals(1, c.execute(select(literal(1)).where(param(-5L).notIn(ids))).all().size());
        }
        // a type pgjdbc cannot send as an array fails clearly instead of being rendered inline
        List<java.time.LocalDate> days = new java.util.ArrayList<>();
        for (int i = 0; i < 40_000; i++) days.add(java.time.LocalDate.ofEpochDay(i));
        var err = assertThrows(org.athanor.core.error.CompileError.class,
                () -> engine.compile(select(literal(1)).where(param(java.time.LocalDate.EPOCH).in(days))));
        assertTrue(err.getMessage().contains("cannot be bound as one array"), err.getMessage());
    }
}
