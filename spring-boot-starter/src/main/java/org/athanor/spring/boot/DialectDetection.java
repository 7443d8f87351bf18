package org.athanor.spring.boot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.dialect.DialectProvider;
import org.athanor.core.dialect.DatabaseUrl;

/**
 * Finds the dialect for a DataSource the way {@code Engine.create} finds one for a URL: through the
 * {@link DialectProvider}s on the classpath ({@code META-INF/services}), matched by the JDBC URL the
 * DataSource's connections report, or by scheme when {@code athanor.dialect} names one.
 */
final class DialectDetection {
    private DialectDetection() {}

    static Dialect detect(DataSource dataSource, String scheme, ClassLoader loader) {
        String jdbcUrl;
        try (Connection c = dataSource.getConnection()) {
            jdbcUrl = c.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("Athanor cannot read the JDBC URL of the application's DataSource to choose a dialect: "
                    + e.getMessage() + " (set athanor.dialect to skip detection)", e);
        }
        List<DialectProvider> providers = new ArrayList<>();
        ServiceLoader.load(DialectProvider.class, loader).forEach(providers::add);
        TreeSet<String> known = new TreeSet<>();
        for (DialectProvider p : providers) {
            known.addAll(p.schemes());
            boolean match = scheme != null && !scheme.isBlank()
                    ? p.schemes().contains(scheme.trim().toLowerCase(Locale.ROOT))
                    : p.jdbcPrefixes().stream().anyMatch(prefix -> jdbcUrl != null && jdbcUrl.startsWith(prefix));
            if (match) return p.resolve(DatabaseUrl.parse(jdbcUrl)).dialect();
        }
        throw new IllegalStateException("no Athanor dialect for " + (scheme != null && !scheme.isBlank() ? "athanor.dialect=" + scheme
                : "the DataSource's URL " + DatabaseUrl.redact(String.valueOf(jdbcUrl))) + "; dialect modules on the classpath serve "
                + (known.isEmpty() ? "nothing (add org.athanor:athanor-sqlite, -postgres or -mysql)" : known));
    }
}
