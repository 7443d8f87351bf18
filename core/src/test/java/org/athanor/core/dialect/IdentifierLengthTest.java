package org.athanor.core.dialect;

import static org.junit.jupiter.api.Assertions.*;

import org.athanor.core.compile.DialectFeatures;
import org.athanor.core.error.CompileError;
import org.junit.jupiter.api.Test;

/** DialectFeatures.maxIdentifierLength: names the database would cut short are refused when rendered. */
class IdentifierLengthTest {
    private static Dialect limited(int max, boolean bytes) {
        return GenericDialect.INSTANCE.withFeatures(GenericDialect.INSTANCE.features().toBuilder().maxIdentifierLength(max, bytes).build());
    }

    @Test
    void bytesAreCountedInUtf8() {
        Dialect d = limited(63, true);
        assertEquals("a".repeat(63), d.quoteIdentifier("a".repeat(63)));
        assertEquals("\"" + "é".repeat(31) + "\"", d.quoteIdentifier("é".repeat(31)));   // 62 bytes
        CompileError e = assertThrows(CompileError.class, () -> d.quoteIdentifier("é".repeat(32)));   // 64 bytes, 32 characters
        assertTrue(e.getMessage().contains("is 64 bytes long, over"), e.getMessage());
        assertTrue(e.getMessage().contains("limit of 63 bytes (UTF-8), which"), e.getMessage());
        assertThrows(CompileError.class, () -> d.quoteIdentifier("a".repeat(64)));
    }

    @Test
    void charactersAreCountedAsCodePoints() {
        Dialect d = limited(64, false);
        assertEquals("\"" + "é".repeat(64) + "\"", d.quoteIdentifier("é".repeat(64)));
        CompileError e = assertThrows(CompileError.class, () -> d.quoteIdentifier("b".repeat(65)));
        assertTrue(e.getMessage().contains("is 65 characters long"), e.getMessage());
    }

    @Test
    void noLimitByDefault() {
        assertEquals(0, GenericDialect.INSTANCE.features().maxIdentifierLength());
        assertEquals("c".repeat(500), GenericDialect.INSTANCE.quoteIdentifier("c".repeat(500)));
    }
}
