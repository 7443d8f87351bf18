package org.athanor.migrations;

class SqliteMigrationTest extends MigrationScenario {
    @Override ScratchDatabase.Kind kind() { return ScratchDatabase.Kind.SQLITE; }
}
