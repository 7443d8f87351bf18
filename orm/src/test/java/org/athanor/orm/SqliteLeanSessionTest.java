package org.athanor.orm;

class SqliteLeanSessionTest extends LeanSessionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
