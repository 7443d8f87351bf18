package org.athanor.orm;

class PostgresUnidirectionalOneToManyTest extends UnidirectionalOneToManyTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
