package org.athanor.sqlite;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.athanor.core.error.CompileError;
import org.athanor.core.sql.LockMode;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.Test;

/** compile(statement, true) on SQLite: literal spelling and escaping; row-lock clauses refused clearly. */
class SqliteLiteralsAndLocksTest {
    @Test
    void literalBinds() {
        var q = select(USERS.NAME).where(USERS.NAME.in("it's", "a\\b", "%_"), USERS.AGE.between(1, 2),
                param(true).eq(param(false)), param(new byte[] {0, (byte) 0xab}).isNotNull(),
                param(LocalDate.of(2024, 2, 29)).isNotNull(), param(LocalDateTime.of(2024, 2, 29, 1, 2, 3, 4_000)).isNotNull(),
                param(OffsetDateTime.of(2024, 1, 1, 2, 0, 0, 0, ZoneOffset.ofHours(2))).isNotNull(),
                param(new java.math.BigDecimal("1E+3")).isNotNull(), param(0.5).isNotNull(), param(Long.MIN_VALUE).lt(0L));
        assertEquals("SELECT users.name FROM users WHERE users.name IN ('it''s', 'a\\b', '%_') AND users.age BETWEEN 1 AND 2 "
                + "AND 1 = 0 AND X'00ab' IS NOT NULL AND '2024-02-29' IS NOT NULL AND '2024-02-29 01:02:03.000004' IS NOT NULL "
                + "AND '2024-01-01 00:00:00.000000' IS NOT NULL AND 1000 IS NOT NULL AND 0.5 IS NOT NULL AND -9223372036854775808 < 0",
                SqliteDialect.INSTANCE.compile(q, true).sql());
        assertTrue(SqliteDialect.INSTANCE.compile(q, true).parameters().isEmpty());
        CompileError e = assertThrows(CompileError.class, () -> SqliteDialect.INSTANCE.compile(select(USERS.NAME).where(USERS.NAME.eq("a\0b")), true));
        assertTrue(e.getMessage().contains("NUL"), e.getMessage());
        e = assertThrows(CompileError.class, () -> SqliteDialect.INSTANCE.compile(select(param(Double.NaN, SqlTypes.DOUBLE)), true));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void rowLocksAreRefused() {
        var q = select(USERS.NAME).where(USERS.ID.eq(1L));
        for (var locked : java.util.List.of(q.forUpdate(), q.forShare(), q.forUpdate(LockMode.Wait.NOWAIT), q.forUpdate(LockMode.Wait.SKIP_LOCKED))) {
            CompileError e = assertThrows(CompileError.class, () -> SqliteDialect.INSTANCE.compile(locked));
            assertEquals("SELECT ... FOR UPDATE is not supported by SQLite", e.getMessage());
        }
        assertEquals("SELECT users.name FROM users WHERE users.id = ? FOR SHARE SKIP LOCKED",
                org.athanor.core.dialect.GenericDialect.INSTANCE.compile(q.forShare(LockMode.Wait.SKIP_LOCKED)).sql());
    }
}
