/**
 * The compliance suite: one set of behaviours every dialect must show on its real database
 * (SQLAlchemy's "requirements"-driven backend suite). Shipped in core's test-jar.
 *
 * <p>Each {@code *Suite} class covers one area and is abstract; a dialect module runs it by
 * extending it with the engine to test (see {@code SqliteComplianceTest}, {@code PostgresComplianceTest},
 * {@code MysqlComplianceTest}):
 *
 * <pre>{@code
 * class MyDbComplianceTest {
 *     @Nested class Joins extends JoinSuite {
 *         @Override protected Engine newEngine() { return Engine.create("mydb://..."); }
 *     }
 *     ... one @Nested class per JUnit suite: Queries, Predicates, Expressions, Dml, Types, Transactions, Ddl
 * }
 * class MyDbRoundTripProperties extends RoundTripSuite { ... }   // jqwik; not nestable
 * class MyDbIdentifierProperties extends IdentifierSuite { ... }
 * }</pre>
 *
 * <p>Rules the suite keeps: behaviour is switched by {@link org.athanor.core.compile.DialectFeatures}
 * flags, never by a dialect's name (what a database lacks must be a clear error naming it, and the
 * suite checks that error); every table has a unique name and is dropped, because several runs share
 * the servers; a code path of another server version is run by changing the features
 * ({@link org.athanor.core.compliance.ComplianceSuite#withFeatures}), e.g. MySQL 8's missing RETURNING
 * on MariaDB.
 */
package org.athanor.core.compliance;
