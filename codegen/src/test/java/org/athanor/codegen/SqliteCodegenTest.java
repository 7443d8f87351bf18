package org.athanor.codegen;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.athanor.core.engine.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SqliteCodegenTest extends CodegenScenario {
    Engine engine;

    @Override Engine chinook() throws Exception { return engine = Chinook.sqliteCopy(Files.createDirectories(tmp.resolve("db"))); }

    @AfterEach void close() { if (engine != null) engine.close(); }

    @Test
    void theCommandLineWritesCompilableSources() throws Exception {
        Path db = Files.createDirectories(tmp.resolve("cli"));
        try (Engine e = Chinook.sqliteCopy(db)) { /* copy only */ }
        Path out = tmp.resolve("gen");
        ByteArrayOutputStream o = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"--url", "sqlite:///" + db.resolve("chinook.sqlite"), "--package", "com.example.chinook",
                "--out", out.toString(), "--tables", "Artist,Album"}, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.exists(out.resolve("com/example/chinook/Album.java")));
        assertTrue(Files.exists(out.resolve("com/example/chinook/Tables.java")));
        Path classes = Files.createDirectories(tmp.resolve("cls"));
        assertEquals(3, compile(out, classes).size());
        String album = Files.readString(out.resolve("com/example/chinook/Album.java"));
        assertTrue(album.contains("public final Column<String> TITLE = column(\"Title\", varchar(160), notNull());"), album);
        assertTrue(album.contains("references(() -> Artist.ARTIST.ARTIST_ID)"), album);
        assertTrue(album.contains("index(\"IFK_AlbumArtistId\", ARTIST_ID);"), album);

        assertEquals(2, Main.run(new String[] {"--url", "x"}, new PrintStream(o), new PrintStream(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing --package"), err.toString(StandardCharsets.UTF_8));
    }
}
