package org.athanor.orm;

class MariaDbSessionStatefulTest extends SessionStatefulPropertiesBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
