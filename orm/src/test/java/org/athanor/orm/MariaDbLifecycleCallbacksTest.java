package org.athanor.orm;

class MariaDbLifecycleCallbacksTest extends LifecycleCallbacksTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
