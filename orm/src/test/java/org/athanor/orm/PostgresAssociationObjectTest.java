package org.athanor.orm;

class PostgresAssociationObjectTest extends AssociationObjectTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
