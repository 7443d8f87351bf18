package org.athanor.orm;

class PostgresCrossTableCycleProperties extends CrossTableCyclePropertiesBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
