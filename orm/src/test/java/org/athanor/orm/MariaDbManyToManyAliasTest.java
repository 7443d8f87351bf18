package org.athanor.orm;

class MariaDbManyToManyAliasTest extends ManyToManyAliasTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
