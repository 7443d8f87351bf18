package org.athanor.postgres;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.athanor.core.dialect.DialectProvider;
import org.athanor.core.dialect.DatabaseUrl;
import org.athanor.core.error.ConfigurationError;

/**
 * {@code postgresql://user:password@host:port/database?prop=value} (also {@code postgres://} and
 * {@code postgresql+jdbc://}) and {@code jdbc:postgresql:...}. The host defaults to localhost and the
 * port to 5432; query parameters are passed to pgjdbc as driver properties, e.g.
 * {@code ?sslmode=require&ApplicationName=shop}.
 *
 * <p>Unless the URL says otherwise, {@code reWriteBatchedInserts=true}: pgjdbc then sends an executemany
 * of INSERTs as multi-row INSERTs (20,000 two-column rows over loopback: 290 ms instead of 480 ms, warm).
 * The price: {@code Connection.executeMany} of an INSERT reports its row count as unknown (-1), as
 * SQLAlchemy's insertmanyvalues does; UPDATE and DELETE batches still count. Add
 * {@code ?reWriteBatchedInserts=false} to the URL for exact counts.
 */
public final class PostgresDialectProvider implements DialectProvider {
    /** Driver properties set unless the URL sets them. */
    static final Map<String, String> DEFAULTS = Map.of("reWriteBatchedInserts", "true");

    @Override public Set<String> schemes() { return Set.of("postgresql", "postgres"); }

    @Override public Set<String> jdbcPrefixes() { return Set.of("jdbc:postgresql:"); }

    @Override
    public ConnectionSpec resolve(DatabaseUrl url) {
        Map<String, String> props = new LinkedHashMap<>(DEFAULTS);
        if (url.jdbc()) {
            // a JDBC URL carries its own properties; pgjdbc reads them, and ours only fill gaps
            for (String key : DEFAULTS.keySet()) if (url.original().contains(key + "=")) props.remove(key);
            return new ConnectionSpec(url.original(), null, null, props, PostgresDialect.INSTANCE, PoolShape.POOLED);
        }
        if (url.driver() != null && !url.driver().equals("jdbc") && !url.driver().equals("pgjdbc"))
            throw new ConfigurationError("database URL " + url + " asks for driver '" + url.driver()
                    + "', but Athanor talks to PostgreSQL through pgjdbc: use postgresql://... or postgresql+jdbc://...");
        props.putAll(url.query());
        String host = url.host() == null ? "localhost" : url.host();
        int port = url.port() == null ? 5432 : url.port();
        // pgjdbc URL-decodes the database name, so encode it (spaces and slashes survive)
        String database = url.database() == null ? "" : URLEncoder.encode(url.database(), StandardCharsets.UTF_8);
        String jdbcUrl = "jdbc:postgresql://" + host + ":" + port + "/" + database;
        return new ConnectionSpec(jdbcUrl, url.user(), url.password(), props, PostgresDialect.INSTANCE, PoolShape.POOLED);
    }
}
