package org.athanor.orm;

class SqliteOrmEventsTest extends OrmEventsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
