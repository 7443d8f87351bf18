package org.athanor.orm;

class SqliteDirtyFieldKindsTest extends DirtyFieldKindsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
