package org.athanor.orm.tutorial;

import org.athanor.orm.TestDb;

class MariaDbQuickstartTest extends QuickstartTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
