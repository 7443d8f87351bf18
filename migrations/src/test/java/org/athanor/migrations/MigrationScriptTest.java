package org.athanor.migrations;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationScriptTest {
    @Test
    void defaultsAreComparedWithoutTheDatabasesDecorations() {
        assertEquals("anon", SchemaDiff.normalizeDefault("'anon'::character varying"));
        assertEquals("anon", SchemaDiff.normalizeDefault("'anon'"));
        assertEquals("3", SchemaDiff.normalizeDefault("(3)"));
        assertEquals("3", SchemaDiff.normalizeDefault("'3'"));
        assertEquals("current_timestamp", SchemaDiff.normalizeDefault("current_timestamp()"));
        assertNull(SchemaDiff.normalizeDefault("NULL"));
        assertNull(SchemaDiff.normalizeDefault(null));
        assertNotEquals(SchemaDiff.normalizeDefault("'a'"), SchemaDiff.normalizeDefault("'b'"));
    }

    @Test
    void versionsFollowTheHighestFlywayFile(@TempDir Path dir) throws Exception {
        assertEquals(1, MigrationScript.nextVersion(dir));
        Files.writeString(dir.resolve("V7__seven.sql"), "");
        Files.writeString(dir.resolve("V10__ten.sql"), "");
        Files.writeString(dir.resolve("R__repeatable.sql"), "");
        Files.writeString(dir.resolve("V99__not_sql.txt"), "");
        assertEquals(11, MigrationScript.nextVersion(dir));
    }
}
