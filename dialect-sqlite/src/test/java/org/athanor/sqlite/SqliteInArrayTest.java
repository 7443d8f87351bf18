package org.athanor.sqlite;

import static org.athanor.core.sql.Sql.select;
import static org.athanor.core.type.SqlTypes.BIGINT;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.athanor.core.error.CompileError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.junit.jupiter.api.Test;

/** No array parameters here: {@code inArray} is refused with the way out, and IN lists stay the form. */
class SqliteInArrayTest {
    static final class Keys extends Table {
        final Column<Long> ID = column("id", BIGINT);
        Keys() { super("k"); }
    }

    @Test
    void inArrayIsRefusedNamingInLists() {
        Keys t = new Keys();
        assertFalse(SqliteDialect.INSTANCE.features().supportsAnyArray());
        CompileError e = assertThrows(CompileError.class,
                () -> SqliteDialect.INSTANCE.compile(select(t.ID).from(t).where(t.ID.inArray(List.of(1L, 2L)))));
        assertTrue(e.getMessage().contains("use in(values)"), e.getMessage());
        assertTrue(SqliteDialect.INSTANCE.compile(select(t.ID).from(t).where(t.ID.in(List.of(1L, 2L)))).sql().contains("IN (?, ?)"));
    }
}
