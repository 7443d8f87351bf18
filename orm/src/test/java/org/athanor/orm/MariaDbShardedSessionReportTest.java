package org.athanor.orm;

import java.util.List;

/** Two databases of the MariaDB test server as the two shards (each its own engine). */
class MariaDbShardedSessionReportTest extends ShardedSessionReportTestBase {
    @Override protected List<TestDb> openShards() { return List.of(TestDb.mariadb(), TestDb.mariadb()); }
}
