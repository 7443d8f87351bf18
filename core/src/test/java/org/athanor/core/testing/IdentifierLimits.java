package org.athanor.core.testing;

import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.CompileError;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.type.SqlTypes;

/**
 * On a live database: a name at the dialect's identifier limit is created and used, one just over
 * it is refused before anything reaches the server (PostgreSQL would silently cut it to 63 bytes).
 */
public final class IdentifierLimits {
    private IdentifierLimits() {}

    /** Runs the checks; {@code max} is the dialect's limit, in bytes when {@code bytes}. */
    public static void check(Engine engine, int max, boolean bytes) {
        String prefix = TestDatabases.uniqueName("idl") + "_";
        String atLimit = prefix + "a".repeat(max - prefix.length());
        Table ok = Table.of(atLimit, Table.col("id", SqlTypes.BIGINT, Table.Options.primaryKey()),
                Table.col("c" + "x".repeat(max - 1), SqlTypes.INTEGER));
        MetaData md = MetaData.of(ok);
        md.createAll(engine);
        try (Connection c = engine.connect()) {
            var col = ok.column("c" + "x".repeat(max - 1), Integer.class);
            c.execute(insert(ok).set(ok.column("id", Long.class), 1L).set(col, 7));
            assertEquals(7, c.execute(select(col).from(ok)).one()._1);
            // the name the server keeps is the whole name
            assertTrue(engine.inspect().tableNames().contains(atLimit), "table " + atLimit + " under its full name");
        } finally {
            md.dropAll(engine);
        }
        // one over: a character, or (byte-counted) a two-byte character in place of the last one
        String over = bytes ? prefix + "a".repeat(max - prefix.length() - 1) + "é" : prefix + "a".repeat(max - prefix.length() + 1);
        Table tooLong = Table.of(over, Table.col("id", SqlTypes.BIGINT, Table.Options.primaryKey()));
        CompileError e = assertThrows(CompileError.class, () -> MetaData.of(tooLong).createAll(engine));
        assertTrue(e.getMessage().contains("identifier \"" + over + "\" is " + (max + 1)), e.getMessage());
        assertFalse(engine.inspect().tableNames().contains(over.substring(0, max - 1)), "nothing created");
        // in statements too (an alias)
        try (Connection c = engine.connect()) {
            assertThrows(CompileError.class, () -> c.execute(select(literal(1).as("z".repeat(max + 1)))));
        }
    }
}
