package org.athanor.orm;

/** {@link SessionFlushTestBase} on MariaDB through MySQL 8's path: no RETURNING (keys from getGeneratedKeys). */
class MariaDbNoReturningSessionFlushTest extends SessionFlushTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb("athanor_returning=false"); }
}
