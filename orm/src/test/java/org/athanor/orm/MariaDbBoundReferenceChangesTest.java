package org.athanor.orm;

class MariaDbBoundReferenceChangesTest extends BoundReferenceChangesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
