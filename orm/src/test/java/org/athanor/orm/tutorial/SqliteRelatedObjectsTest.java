package org.athanor.orm.tutorial;

import org.athanor.orm.TestDb;

class SqliteRelatedObjectsTest extends RelatedObjectsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
