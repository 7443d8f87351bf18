package org.athanor.orm;

import java.util.List;

class SqliteShardedSessionReportTest extends ShardedSessionReportTestBase {
    @Override protected List<TestDb> openShards() { return List.of(TestDb.sqlite(), TestDb.sqlite()); }
}
