package org.athanor.orm;

class SqliteTimestampVersionTest extends TimestampVersionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
