package org.athanor.orm;

import java.util.List;

/** The sharded session with two SQLite files as its shards: the same code as on two PostgreSQL servers. */
class SqliteShardedSessionTest extends ShardedSessionTestBase {
    @Override protected List<TestDb> openShards() { return List.of(TestDb.sqlite(), TestDb.sqlite()); }
}
