/**
 * The MySQL 8 / MariaDB 10.5+ dialect (artifact {@code org.athanor:athanor-mysql}), over MySQL
 * Connector/J. Adding the artifact is enough: {@code Engine.create("mysql://...")} or
 * {@code "mariadb://..."} finds {@link org.athanor.mysql.MysqlDialectProvider} through ServiceLoader.
 *
 * <ul>
 * <li>{@link org.athanor.mysql.MysqlDialect}: type mapping, server detection (RETURNING on MariaDB),
 *     literal escaping and error translation.</li>
 * <li>{@link org.athanor.mysql.MysqlDialectProvider}: URL forms and the driver settings applied.</li>
 * <li>{@link org.athanor.mysql.OnDuplicateKeyUpdate}: {@code INSERT ... ON DUPLICATE KEY UPDATE}.</li>
 * </ul>
 */
package org.athanor.mysql;
