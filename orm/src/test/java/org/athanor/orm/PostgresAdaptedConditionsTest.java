package org.athanor.orm;

class PostgresAdaptedConditionsTest extends AdaptedConditionsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
