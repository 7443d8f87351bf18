package org.athanor.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.athanor.core.compliance.ShardSetSuite;
import org.athanor.core.engine.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shard suite with three SQLite files as the shards: the same code as on three PostgreSQL servers. */
class SqliteShardSetTest extends ShardSetSuite {
    private static Path dir;
    private static final Map<String, Engine> ENGINES = new LinkedHashMap<>();

    @BeforeAll
    static void open() throws IOException {
        dir = Files.createTempDirectory("athanor-shards");
        for (String id : new String[] {"eu", "us", "apac"})
            ENGINES.put(id, Engine.create("sqlite:///" + dir.resolve(id + ".db")));
    }

    @AfterAll
    static void close() throws IOException {
        ENGINES.values().forEach(Engine::close);
        ENGINES.clear();
        try (var files = Files.list(dir)) {
            files.forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Files.delete(dir);
    }

    @Override protected Map<String, Engine> shardEngines() { return ENGINES; }
}
