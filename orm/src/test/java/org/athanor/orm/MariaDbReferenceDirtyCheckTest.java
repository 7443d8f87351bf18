package org.athanor.orm;

class MariaDbReferenceDirtyCheckTest extends ReferenceDirtyCheckTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
