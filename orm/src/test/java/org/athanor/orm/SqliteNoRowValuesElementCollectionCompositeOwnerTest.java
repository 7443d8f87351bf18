package org.athanor.orm;

/** The composite-owner element collection suite on SQLite told it has no row values: loads and deletes by an OR of ANDs. */
class SqliteNoRowValuesElementCollectionCompositeOwnerTest extends ElementCollectionCompositeOwnerTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(f -> f.tupleIn(false)); }
}
