package org.athanor.core.sql;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import org.athanor.core.compile.CacheKey;
import org.athanor.core.compile.KeyBuilder;
import org.junit.jupiter.api.Test;

/** The VALUES table: its cache key is its structure (names, types, row shape), never its values. */
class ValuesTest {
    private static CacheKey key(Values v) { return KeyBuilder.of(select(v.column("a"))).storedKey(); }

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
}
