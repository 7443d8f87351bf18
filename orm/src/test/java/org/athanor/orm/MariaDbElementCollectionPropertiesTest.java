package org.athanor.orm;

class MariaDbElementCollectionPropertiesTest extends ElementCollectionPropertiesBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
