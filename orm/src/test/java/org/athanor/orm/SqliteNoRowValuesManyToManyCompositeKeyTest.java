package org.athanor.orm;

/** The composite-key many-to-many suite on SQLite told it has no row values: loads and deletes by an OR of ANDs. */
class SqliteNoRowValuesManyToManyCompositeKeyTest extends ManyToManyCompositeKeyTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(f -> f.tupleIn(false)); }
}
