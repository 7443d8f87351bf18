/**
 * The PostgreSQL 10+ dialect (artifact {@code org.athanor:athanor-postgres}), over pgjdbc. Adding the
 * artifact is enough: {@code Engine.create("postgresql://...")} (or {@code postgres://},
 * {@code postgresql+jdbc://}, {@code jdbc:postgresql:...}) finds
 * {@link org.athanor.postgres.PostgresDialectProvider} through ServiceLoader.
 *
 * <ul>
 * <li>{@link org.athanor.postgres.PostgresDialect}: features, type mapping (identity, UUID, BYTEA, JSONB,
 *     TIMESTAMPTZ, enums as CHECK-constrained VARCHAR), literals and SQLSTATE translation.</li>
 * <li>{@link org.athanor.postgres.PostgresDialectProvider}: URL forms and the driver settings applied.</li>
 * <li>{@link org.athanor.postgres.PostgresInsert}: {@code INSERT ... ON CONFLICT ... DO UPDATE / DO NOTHING}
 *     with {@code excluded}.</li>
 * <li>{@link org.athanor.postgres.Sequences}: {@code nextval}/{@code currval} and CREATE/DROP SEQUENCE.</li>
 * <li>{@link org.athanor.postgres.PostgresTypes}: arrays as Java lists.</li>
 * </ul>
 *
 * DISTINCT ON, FOR UPDATE/SHARE [NOWAIT | SKIP LOCKED], ILIKE, UPDATE ... FROM and DELETE ... USING are
 * core statements ({@code Select.distinctOn}, {@code forUpdate}, {@code ilike}, {@code Update.from},
 * {@code Delete.using}) that this dialect renders natively.
 */
package org.athanor.postgres;
