package org.athanor.orm;

class MariaDbOneLoadRouteTest extends OneLoadRouteTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
