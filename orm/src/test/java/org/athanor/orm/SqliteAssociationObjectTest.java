package org.athanor.orm;

class SqliteAssociationObjectTest extends AssociationObjectTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
