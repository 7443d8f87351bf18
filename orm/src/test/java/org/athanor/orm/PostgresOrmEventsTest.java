package org.athanor.orm;

class PostgresOrmEventsTest extends OrmEventsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
