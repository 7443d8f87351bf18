package org.athanor.orm;

class MariaDbCollectionLoadFailureTest extends CollectionLoadFailureTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
