package org.athanor.orm;

import java.util.List;

/** Two schemas of the PostgreSQL test server as the two shards (each its own engine). */
class PostgresShardedSessionReportTest extends ShardedSessionReportTestBase {
    @Override protected List<TestDb> openShards() { return List.of(TestDb.postgres(), TestDb.postgres()); }
}
