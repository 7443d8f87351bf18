package org.athanor.orm;

/** On a SQLite file in WAL mode (TestDb.sqlite()): the case that failed with SQLITE_BUSY_SNAPSHOT. */
class SqliteReadThenWriteTest extends ReadThenWriteTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
