package org.athanor.orm;

class PostgresLifecycleCallbacksTest extends LifecycleCallbacksTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
