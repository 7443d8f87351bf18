package org.athanor.orm;

class SqliteLifecycleCallbacksTest extends LifecycleCallbacksTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
