package org.athanor.orm;

import java.util.List;
import java.util.Map;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.core.testing.ScaleOutDatabases;
import org.athanor.core.testing.TestDatabases;

/**
 * The sharded session on two separate PostgreSQL servers: the shard clusters of .ci/pg-clusters.sh
 * (127.0.0.1:5435 and 5436), each test run in its own schema there.
 */
class PostgresShardedSessionTest extends ShardedSessionTestBase {
    @Override protected List<TestDb> openShards() { return List.of(shardDb(1), shardDb(2)); }

    private static TestDb shardDb(int n) {
        Engine admin = ScaleOutDatabases.shard(n);
        String schema = TestDatabases.uniqueName("orm_shard");
        try {
            admin.inTransaction(c -> c.executeSql("CREATE SCHEMA " + schema));
            Engine e = TestDatabases.server("PostgreSQL shard" + n, ScaleOutDatabases.shardUrl(n),
                    EngineOptions.defaults().poolSize(4).driverProperties(Map.of("currentSchema", schema)));
            return TestDb.of(e, "PostgreSQL shard" + n + " schema " + schema, () -> {
                e.close();
                admin.inTransaction(c -> c.executeSql("DROP SCHEMA " + schema + " CASCADE"));
                admin.close();
            });
        } catch (RuntimeException ex) {
            admin.close();
            throw ex;
        }
    }
}
