package org.athanor.orm;

class MariaDbOnDeleteTest extends OnDeleteTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
