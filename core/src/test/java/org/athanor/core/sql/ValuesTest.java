package org.athanor.core.sql;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import org.athanor.core.internal.compile.CacheKey;
import org.athanor.core.internal.compile.KeyCollector;
import org.junit.jupiter.api.Test;

/** The VALUES table: its cache key is its structure (names, types, row shape), never its values. */
class ValuesTest {
    private static CacheKey key(Values v) { return KeyCollector.of(select(v.column("a"))).storedKey(); }

    @Test
    void keysFollowTheStructure() {
        var base = values("v").column("a", INTEGER).column("b", TEXT);
        assertEquals(key(base.row(1, "x").build()), key(base.row(2, "y").build()));
        assertNotEquals(key(base.row(1, "x").build()), key(base.row(1, "x").row(2, "y").build()));
        assertNotEquals(key(base.row(1, "x").build()), key(values("w").column("a", INTEGER).column("b", TEXT).row(1, "x").build()));
        assertNotEquals(key(base.row(1, "x").build()), key(values("v").column("a", BIGINT).column("b", TEXT).row(1L, "x").build()));
        assertNotEquals(key(base.row(1, "x").build()), key(values("v").column("a", INTEGER).column("c", TEXT).row(1, "x").build()));
        assertNotEquals(key(base.row(1, "x").build()), key(base.row(literal(1), "x").build()));
    }

    @Test
    void misuseIsRefused() {
        assertThrows(IllegalStateException.class, () -> values("v").column("a", INTEGER).build());
        assertThrows(IllegalArgumentException.class, () -> values("v").column("a", INTEGER).row(1, 2));
        assertThrows(IllegalStateException.class, () -> values("v").row(1));
        assertThrows(IllegalArgumentException.class, () -> values("v").column("a", INTEGER).column("a", TEXT));
        assertThrows(IllegalStateException.class, () -> values("v").column("a", INTEGER).row(1).column("b", TEXT));
    }

    @Test
    void toStringRendersTheNewConstructsWithoutADatabase() {
        var v = values("v").column("a", INTEGER).row(1).build();
        assertEquals("SELECT v.a FROM (VALUES (?)) AS v (a) ORDER BY v.a FETCH FIRST ? ROWS WITH TIES",
                select(v.column("a")).orderBy(v.column("a")).fetchFirst(2, true).toString());
        assertEquals("SELECT count(*) OVER (ORDER BY v.a RANGE BETWEEN INTERVAL '3' HOUR PRECEDING AND CURRENT ROW) FROM (VALUES (?)) AS v (a)",
                select(count().over(window().orderBy(v.column("a")).range(FrameBound.preceding(3, java.time.temporal.ChronoUnit.HOURS),
                        FrameBound.currentRow()))).toString());
    }
}
