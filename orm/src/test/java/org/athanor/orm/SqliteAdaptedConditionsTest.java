package org.athanor.orm;

class SqliteAdaptedConditionsTest extends AdaptedConditionsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
