package org.athanor.orm;

class MariaDbSessionStatefulTest extends SessionStatefulPropertiesBase {
    @Override TestDb openDatabase() { return TestDb.mariadb(); }
}
