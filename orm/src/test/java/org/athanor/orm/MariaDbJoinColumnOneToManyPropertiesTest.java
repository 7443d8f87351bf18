package org.athanor.orm;

class MariaDbJoinColumnOneToManyPropertiesTest extends JoinColumnOneToManyPropertiesBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
