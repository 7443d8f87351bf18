package org.athanor.orm.tutorial;

import org.athanor.orm.TestDb;

class MariaDbRelatedObjectsTest extends RelatedObjectsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
