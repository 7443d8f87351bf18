package org.athanor.orm;

class MariaDbLobTest extends LobTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
