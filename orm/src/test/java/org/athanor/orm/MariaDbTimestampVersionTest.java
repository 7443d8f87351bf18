package org.athanor.orm;

class MariaDbTimestampVersionTest extends TimestampVersionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
