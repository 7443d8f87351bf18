package org.athanor.orm;

class MariaDbMovedChildCollectionsTest extends MovedChildCollectionsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
