package org.athanor.orm;

/** {@link SessionTransactionTestBase} on MariaDB through MySQL 8's path: no RETURNING (keys from getGeneratedKeys). */
class MariaDbNoReturningSessionTransactionTest extends SessionTransactionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb("athanor_returning=false"); }
}
