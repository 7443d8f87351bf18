package org.athanor.orm;

class MariaDbDiscriminatorTypesTest extends DiscriminatorTypesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
