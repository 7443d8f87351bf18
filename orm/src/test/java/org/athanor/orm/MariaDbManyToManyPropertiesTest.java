package org.athanor.orm;

class MariaDbManyToManyPropertiesTest extends ManyToManyPropertiesBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
