package org.athanor.migrations;

class PostgresMigrationTest extends MigrationScenario {
    @Override ScratchDatabase.Kind kind() { return ScratchDatabase.Kind.POSTGRES; }
}
