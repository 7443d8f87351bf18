package org.athanor.orm;

class PostgresOnDeleteTest extends OnDeleteTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
