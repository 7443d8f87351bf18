package org.athanor.sqlite;

import static org.athanor.core.sql.Sql.nextValue;
import static org.athanor.core.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.athanor.core.error.CompileError;
import org.athanor.core.schema.Sequence;
import org.junit.jupiter.api.Test;

/** SQLite has no sequences: asking for a sequence's next value is refused by name, at compile time. */
class SqliteNextValueTest {
    @Test
    void nextValueIsRefusedWithTheSequenceNamed() {
        CompileError e = assertThrows(CompileError.class,
                () -> SqliteDialect.INSTANCE.compile(select(nextValue(Sequence.of("order_no")))));
        assertTrue(e.getMessage().contains("order_no") && e.getMessage().contains("not supported by"), e.getMessage());
    }
}
