package org.athanor.orm;

/** The session suite on MariaDB with RETURNING off: MySQL 8's path, keys from multi-row getGeneratedKeys. */
class MariaDbNoReturningSessionTest extends MariaDbSessionTest {
    @Override protected TestDb openDatabase() { return TestDb.mariadb("athanor_returning=false"); }
}
