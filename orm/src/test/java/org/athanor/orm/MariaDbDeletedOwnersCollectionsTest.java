package org.athanor.orm;

class MariaDbDeletedOwnersCollectionsTest extends DeletedOwnersCollectionsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
