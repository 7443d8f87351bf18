package org.athanor.orm.tutorial;

import org.athanor.orm.TestDb;

class PostgresRelatedObjectsTest extends RelatedObjectsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
