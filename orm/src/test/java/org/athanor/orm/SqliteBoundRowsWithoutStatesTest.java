package org.athanor.orm;

class SqliteBoundRowsWithoutStatesTest extends BoundRowsWithoutStatesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
