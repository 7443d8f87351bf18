package org.athanor.orm;

class MariaDbCompositeReferenceTest extends CompositeReferenceTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
