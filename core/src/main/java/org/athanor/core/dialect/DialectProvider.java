package org.athanor.core.dialect;

import java.util.Set;

/**
 * Registers a dialect module with the Engine. Implementations are found through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.athanor.core.dialect.DialectProvider}),
 * so adding a dialect module changes nothing in core.
 */
public interface DialectProvider {
    /** URL schemes served, e.g. {@code postgresql}, {@code postgres}. */
    Set<String> schemes();

    /** JDBC URL prefixes served, e.g. {@code jdbc:postgresql:}. */
    Set<String> jdbcPrefixes();

    /** Connection settings for a parsed SQLAlchemy-style or JDBC URL. */
    ConnectionSpec resolve(DatabaseUrl url);

    /** Which JDBC URL, credentials, pool shape and dialect to use. */
    record ConnectionSpec(String jdbcUrl, String user, String password, java.util.Map<String, String> properties,
                          Dialect dialect, PoolShape pool) {}

    /** How the pool should behave for this database. */
    enum PoolShape {
        /** A normal pool of several connections. */
        POOLED,
        /** Exactly one connection kept alive for the engine's lifetime (SQLite in memory). */
        SINGLE_PERSISTENT
    }
}
