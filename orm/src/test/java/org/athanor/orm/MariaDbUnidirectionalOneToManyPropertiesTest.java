package org.athanor.orm;

class MariaDbUnidirectionalOneToManyPropertiesTest extends UnidirectionalOneToManyPropertiesBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
