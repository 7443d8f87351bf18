package org.athanor.orm;

class PostgresTimestampVersionTest extends TimestampVersionTestBase {
    @Override TestDb openDatabase() { return TestDb.postgres(); }
}
