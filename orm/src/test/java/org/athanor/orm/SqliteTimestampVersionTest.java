package org.athanor.orm;

class SqliteTimestampVersionTest extends TimestampVersionTestBase {
    @Override TestDb openDatabase() { return TestDb.sqlite(); }
}
