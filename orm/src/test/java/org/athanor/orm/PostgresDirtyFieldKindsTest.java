package org.athanor.orm;

class PostgresDirtyFieldKindsTest extends DirtyFieldKindsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
