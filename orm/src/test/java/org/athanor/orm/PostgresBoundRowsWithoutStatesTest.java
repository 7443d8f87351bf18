package org.athanor.orm;

class PostgresBoundRowsWithoutStatesTest extends BoundRowsWithoutStatesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
