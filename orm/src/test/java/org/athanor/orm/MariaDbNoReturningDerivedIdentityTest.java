package org.athanor.orm;

/** Derived identities on MariaDB with RETURNING off: MySQL 8's path (the ends' keys from getGeneratedKeys). */
class MariaDbNoReturningDerivedIdentityTest extends DerivedIdentityTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb("athanor_returning=false"); }
}
