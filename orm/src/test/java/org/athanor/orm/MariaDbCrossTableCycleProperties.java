package org.athanor.orm;

class MariaDbCrossTableCycleProperties extends CrossTableCyclePropertiesBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
