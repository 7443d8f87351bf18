package org.athanor.orm;

class MariaDbDirtyFieldKindsTest extends DirtyFieldKindsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
