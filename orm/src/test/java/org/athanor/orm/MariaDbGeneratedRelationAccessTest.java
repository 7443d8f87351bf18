package org.athanor.orm;

class MariaDbGeneratedRelationAccessTest extends GeneratedRelationAccessTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
