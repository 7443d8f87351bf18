package org.athanor.orm;

class MariaDbAdaptedConditionsTest extends AdaptedConditionsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
