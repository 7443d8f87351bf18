package org.athanor.orm;

class SqliteJoinColumnOneToManyTest extends JoinColumnOneToManyTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
