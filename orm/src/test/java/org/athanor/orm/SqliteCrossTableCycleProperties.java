package org.athanor.orm;

class SqliteCrossTableCycleProperties extends CrossTableCyclePropertiesBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
