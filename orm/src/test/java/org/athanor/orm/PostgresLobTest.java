package org.athanor.orm;

class PostgresLobTest extends LobTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
