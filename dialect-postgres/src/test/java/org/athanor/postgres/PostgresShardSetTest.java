package org.athanor.postgres;

import java.util.LinkedHashMap;
import java.util.Map;
import org.athanor.core.compliance.ShardSetSuite;
import org.athanor.core.engine.Engine;
import org.athanor.core.testing.ScaleOutDatabases;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shard suite on three separate PostgreSQL servers: the two shard clusters of
 * .ci/pg-clusters.sh (5435, 5436) and the shared server (5432).
 */
class PostgresShardSetTest extends ShardSetSuite {
    private static final Map<String, Engine> ENGINES = new LinkedHashMap<>();

    @BeforeAll
    static void open() {
        ENGINES.put("s1", ScaleOutDatabases.shard(1));
        ENGINES.put("s2", ScaleOutDatabases.shard(2));
        ENGINES.put("main", TestDatabases.postgres());
    }

    @AfterAll
    static void close() {
        ENGINES.values().forEach(Engine::close);
        ENGINES.clear();
    }

    @Override protected Map<String, Engine> shardEngines() { return ENGINES; }
}
