package org.athanor.core.dialect;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.athanor.core.error.ConfigurationError;

/**
 * A parsed database URL: SQLAlchemy form {@code scheme[+driver]://user:password@host:port/database?k=v}
 * (for SQLite, {@code sqlite:///relative.db}, {@code sqlite:////absolute.db}, {@code sqlite://} for
 * memory), or a plain JDBC URL, kept as given.
 */
public record DatabaseUrl(String original, String scheme, String driver, String user, String password, String host,
                          Integer port, String database, Map<String, String> query, boolean jdbc) {

    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) throw new ConfigurationError("database URL is empty; expected e.g. sqlite:///app.db or postgresql://user@host/db");
        if (url.startsWith("jdbc:")) {
            int colon = url.indexOf(':', 5);
            String scheme = colon < 0 ? url.substring(5) : url.substring(5, colon);
            return new DatabaseUrl(url, scheme, null, null, null, null, null, null, Map.of(), true);
        }
        int sep = url.indexOf("://");
        if (sep <= 0) throw new ConfigurationError("cannot parse database URL '" + redact(url)
                + "': expected scheme://[user[:password]@]host[:port]/database, sqlite:///path.db, or a jdbc: URL");
        String schemePart = url.substring(0, sep).toLowerCase(java.util.Locale.ROOT);
        String scheme = schemePart, driver = null;
        int plus = schemePart.indexOf('+');
        if (plus >= 0) { scheme = schemePart.substring(0, plus); driver = schemePart.substring(plus + 1); }
        String rest = url.substring(sep + 3);
        Map<String, String> query = new LinkedHashMap<>();
        int qm = rest.indexOf('?');
        if (qm >= 0) {
            for (String kv : rest.substring(qm + 1).split("&")) {
                if (kv.isEmpty()) continue;
                int eq = kv.indexOf('=');
                query.put(decode(eq < 0 ? kv : kv.substring(0, eq)), eq < 0 ? "" : decode(kv.substring(eq + 1)));
            }
            rest = rest.substring(0, qm);
        }
        if (scheme.equals("sqlite")) {
            // sqlite:///relative.db -> "relative.db"; sqlite:////abs.db -> "/abs.db"; sqlite:// -> memory
            String path = rest.startsWith("/") ? rest.substring(1) : rest;
            return new DatabaseUrl(url, scheme, driver, null, null, null, null, path.isEmpty() ? null : path,
                    Collections.unmodifiableMap(query), false);
        }
        String user = null, password = null, hostPort = rest, database = null;
        int slash = rest.indexOf('/');
        if (slash >= 0) { hostPort = rest.substring(0, slash); database = decode(rest.substring(slash + 1)); }
        int at = hostPort.lastIndexOf('@');
        if (at >= 0) {
            String cred = hostPort.substring(0, at);
            hostPort = hostPort.substring(at + 1);
            int colon = cred.indexOf(':');
            user = decode(colon < 0 ? cred : cred.substring(0, colon));
            if (colon >= 0) password = decode(cred.substring(colon + 1));
        }
        String host = hostPort;
        Integer port = null;
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && !hostPort.endsWith("]")) {
            host = hostPort.substring(0, colon);
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new ConfigurationError("port in database URL '" + redact(url) + "' is not a number: " + hostPort.substring(colon + 1));
            }
        }
        return new DatabaseUrl(url, scheme, driver, user, password, host.isEmpty() ? null : host, port,
                database == null || database.isEmpty() ? null : database, Collections.unmodifiableMap(query), false);
    }

    /** Percent-decoding only (RFC 3986): a '+' in a password or name is a plus, not a space as in HTML forms. */
    private static String decode(String s) { return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8); }

    /** The URL with any password replaced by {@code ***}, for messages and logs. */
    public static String redact(String url) {
        String r = url.replaceAll("(://[^:/@]*:)[^@/]*@", "$1***@").replaceAll("(?i)(password=)[^&;]*", "$1***");
        // a URL missing its scheme (a parse error) may still start with user:password@
        if (!r.contains("://") && !r.startsWith("jdbc:")) r = r.replaceFirst("^([^:/@]*:)[^@/]*@", "$1***@");
        return r;
    }

    @Override public String toString() { return redact(original); }
}
