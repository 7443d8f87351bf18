package org.athanor.orm;

/** The composite reference suite on SQLite told it has no row values: the loaders select by an OR of ANDs. */
class SqliteNoRowValuesCompositeReferenceTest extends CompositeReferenceTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(f -> f.tupleIn(false)); }
}
