package org.athanor.orm;

class PostgresGeneratedRelationAccessTest extends GeneratedRelationAccessTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
