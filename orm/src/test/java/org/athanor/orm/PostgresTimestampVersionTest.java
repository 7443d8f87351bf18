package org.athanor.orm;

class PostgresTimestampVersionTest extends TimestampVersionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
