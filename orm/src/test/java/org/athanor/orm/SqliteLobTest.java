package org.athanor.orm;

class SqliteLobTest extends LobTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
