package org.athanor.migrations;

class MariadbMigrationTest extends MigrationScenario {
    @Override ScratchDatabase.Kind kind() { return ScratchDatabase.Kind.MARIADB; }
}
