package org.athanor.orm;

class MariaDbTimestampVersionTest extends TimestampVersionTestBase {
    @Override TestDb openDatabase() { return TestDb.mariadb(); }
}
