package org.athanor.mysql;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.dialect.DialectProvider;
import org.athanor.core.dialect.DatabaseUrl;
import org.athanor.core.error.ConfigurationError;

/**
 * Serves {@code mysql://user:pw@host:3306/db}, {@code mariadb://...}, {@code mysql+jdbc://...},
 * {@code jdbc:mysql:...} and {@code jdbc:mariadb:...}. Connector/J talks to both servers, so
 * {@code jdbc:mariadb:} is rewritten to {@code jdbc:mysql:}.
 *
 * <pre>{@code
 * Engine.create("mariadb://app:secret@127.0.0.1:3306/shop");
 * Engine.create("mysql://root@127.0.0.1/test?athanor_returning=false");   // MySQL 8's key path
 * }</pre>
 *
 * <h2>Driver settings</h2>
 * Each can be overridden by a query parameter of the URL (or {@code EngineOptions.driverProperties}).
 * <ul>
 * <li>{@code useServerPrepStmts=false}: client-side prepared statements. One round trip per
 *     statement, and the only mode in which MariaDB answers {@code INSERT ... RETURNING} through
 *     {@code execute()}.</li>
 * <li>{@code cachePrepStmts=true}, {@code prepStmtCacheSize=250}, {@code prepStmtCacheSqlLimit=2048}:
 *     the driver parses each distinct SQL text once.</li>
 * <li>{@code rewriteBatchedStatements=true}: an executemany of INSERTs goes out as multi-row
 *     INSERTs, not one round trip per row.</li>
 * <li>{@code characterEncoding=UTF-8}: utf8mb4 on the wire, so 4-byte characters (emoji) survive.</li>
 * <li>{@code sessionVariables=sql_mode='STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'}:
 *     strict mode (a too-long string or a bad value is an error, never silently truncated), and
 *     a fixed list that leaves out ANSI_QUOTES (identifiers are backtick-quoted), PIPES_AS_CONCAT
 *     (concatenation is rendered as CONCAT()) and NO_BACKSLASH_ESCAPES. A session may still switch
 *     NO_BACKSLASH_ESCAPES later: Athanor's literals read the same in both modes, and
 *     {@link MysqlDialect#beforeExecute} keeps Connector/J's escaping of bound values in step.</li>
 * <li>{@code connectionTimeZone=+00:00}, {@code forceConnectionTimeZoneToSession=true}: sessions
 *     run in UTC, so {@code CURRENT_TIMESTAMP} and server defaults agree with TIMESTAMP WITH TIME
 *     ZONE columns, which hold UTC. DATETIME values bound from LocalDateTime are never converted.</li>
 * </ul>
 *
 * Connector/J reads a whole result into memory by default. To stream a large result, add
 * {@code ?useCursorFetch=true} to the URL and give the Engine a fetch size
 * ({@code EngineOptions.defaults().fetchSize(1000)}): queries then read through a server-side
 * cursor, {@code fetchSize} rows at a time. It is not a default because it switches Connector/J to
 * server-side prepared statements (two round trips for each new statement text).
 *
 * <h2>Athanor switches</h2>
 * {@code athanor_returning=false} turns RETURNING off whatever the server supports, so that
 * generated keys come from {@code getGeneratedKeys} as on MySQL 8 (used to test that path on
 * MariaDB). It is not passed to the driver.
 */
public final class MysqlDialectProvider implements DialectProvider {
    /** The driver properties applied unless the URL sets them. */
    public static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("useServerPrepStmts", "false");
        d.put("cachePrepStmts", "true");
        d.put("prepStmtCacheSize", "250");
        d.put("prepStmtCacheSqlLimit", "2048");
        d.put("rewriteBatchedStatements", "true");
        d.put("characterEncoding", "UTF-8");
        d.put("sessionVariables",
                "sql_mode='STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'");
        d.put("connectionTimeZone", "+00:00");
        d.put("forceConnectionTimeZoneToSession", "true");
        DEFAULTS = java.util.Collections.unmodifiableMap(d);
    }

    /** The URL query parameter that switches RETURNING off. */
    public static final String RETURNING_SWITCH = "athanor_returning";

    @Override public Set<String> schemes() { return Set.of("mysql", "mariadb"); }

    @Override public Set<String> jdbcPrefixes() { return Set.of("jdbc:mysql:", "jdbc:mariadb:"); }

    @Override
    public ConnectionSpec resolve(DatabaseUrl url) {
        Map<String, String> query;
        String jdbcUrl;
        String user = null, password = null;
        if (url.jdbc()) {
            String original = url.original();
            if (original.startsWith("jdbc:mariadb:")) original = "jdbc:mysql:" + original.substring("jdbc:mariadb:".length());
            int qm = original.indexOf('?');
            query = qm < 0 ? new LinkedHashMap<>() : parseQuery(original.substring(qm + 1));
            String returning = query.remove(RETURNING_SWITCH);
            jdbcUrl = qm < 0 ? original : original.substring(0, qm) + rebuildQuery(query);
            query.put(RETURNING_SWITCH, returning); // handled below, together with the SQLAlchemy form
        } else {
            if (url.driver() != null && !url.driver().equals("jdbc") && !url.driver().equals("connectorj"))
                throw new ConfigurationError("unknown driver '" + url.driver() + "' in " + url + ": "
                        + url.scheme() + " URLs take '" + url.scheme() + "://' or '" + url.scheme()
                        + "+jdbc://' (MySQL Connector/J serves MySQL and MariaDB)");
            query = new LinkedHashMap<>(url.query());
            StringBuilder b = new StringBuilder("jdbc:mysql://").append(url.host() == null ? "localhost" : url.host())
                    .append(':').append(url.port() == null ? 3306 : url.port()).append('/');
            if (url.database() != null) b.append(url.database());
            jdbcUrl = b.toString();
            user = url.user();
            password = url.password();
        }
        Map<String, String> props = new LinkedHashMap<>();
        String returning = query.remove(RETURNING_SWITCH);
        for (Map.Entry<String, String> e : DEFAULTS.entrySet()) if (!query.containsKey(e.getKey())) props.put(e.getKey(), e.getValue());
        if (!url.jdbc()) props.putAll(query); // a JDBC URL keeps its own parameters in the URL
        return new ConnectionSpec(jdbcUrl, user, password, props, dialect(returning, url), PoolShape.POOLED);
    }

    private static Dialect dialect(String returning, DatabaseUrl url) {
        if (returning == null) return MysqlDialect.INSTANCE;
        String v = returning.toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("auto")) return MysqlDialect.INSTANCE;
        if (!v.equals("false"))
            throw new ConfigurationError(RETURNING_SWITCH + "=" + returning + " in " + url + " is not understood; use "
                    + RETURNING_SWITCH + "=false to turn RETURNING off, or leave it out to detect the server");
        return MysqlDialect.INSTANCE.withFeatures(MysqlDialect.FEATURES.toBuilder()
                .returning(false).deleteReturning(false).updateReturning(false).build());
    }

    private static Map<String, String> parseQuery(String q) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : q.split("&")) {
            if (kv.isEmpty()) continue;
            int eq = kv.indexOf('=');
            m.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
        }
        return m;
    }

    private static String rebuildQuery(Map<String, String> q) {
        if (q.isEmpty()) return "";
        StringBuilder b = new StringBuilder("?");
        for (Map.Entry<String, String> e : q.entrySet()) {
            if (b.length() > 1) b.append('&');
            b.append(e.getKey());
            if (!e.getValue().isEmpty()) b.append('=').append(e.getValue());
        }
        return b.toString();
    }
}
