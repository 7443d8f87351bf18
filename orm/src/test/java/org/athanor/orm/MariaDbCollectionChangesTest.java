package org.athanor.orm;

class MariaDbCollectionChangesTest extends CollectionChangesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
