package org.athanor.core.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.athanor.core.dialect.DatabaseUrl;
import org.athanor.core.dialect.DialectProvider;
import org.athanor.core.error.ConfigurationError;

/**
 * From a database URL to the pool an {@link Engine} owns ({@code Engine.create}): the dialect module
 * that handles the URL (found as a {@link DialectProvider} service; core names none), and a HikariCP
 * pool set up from the provider's connection spec and the {@link EngineOptions}.
 */
final class UrlPools {
    private UrlPools() {}

    /** The pool for {@code spec}; a {@link ConfigurationError} naming the URL when it cannot be opened. */
    static HikariDataSource pool(DatabaseUrl parsed, DialectProvider.ConnectionSpec spec, EngineOptions options) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(spec.jdbcUrl());
        if (spec.user() != null) hc.setUsername(spec.user());
        if (spec.password() != null) hc.setPassword(spec.password());
        spec.properties().forEach(hc::addDataSourceProperty);
        if (options.socketTimeout() != null) spec.dialect().socketTimeoutProperties(options.socketTimeout()).forEach(hc::addDataSourceProperty);
        options.driverProperties().forEach(hc::addDataSourceProperty);
        hc.setAutoCommit(false);
        hc.setConnectionTimeout(options.connectionTimeout().toMillis());
        if (options.leakDetectionThreshold() != null) hc.setLeakDetectionThreshold(options.leakDetectionThreshold().toMillis());
        hc.setPoolName("athanor-" + parsed.scheme());
        if (options.isolationLevel() != null) hc.setTransactionIsolation("TRANSACTION_" + options.isolationLevel().name());
        if (spec.pool() == DialectProvider.PoolShape.SINGLE_PERSISTENT) {
            // An in-memory SQLite database lives exactly as long as its one connection.
            hc.setMaximumPoolSize(1);
            hc.setMinimumIdle(1);
            hc.setMaxLifetime(0);
            hc.setIdleTimeout(0);
        } else {
            hc.setMaximumPoolSize(options.poolSize());
            hc.setMinimumIdle(Math.min(2, options.poolSize()));
        }
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new ConfigurationError("cannot connect to " + parsed + " (" + spec.dialect().name() + "): "
                    + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }

    /** The dialect module handling {@code url}, or a ConfigurationError naming those present. */
    static DialectProvider findProvider(DatabaseUrl url) {
        List<DialectProvider> providers = new ArrayList<>();
        ServiceLoader.load(DialectProvider.class, Engine.class.getClassLoader()).forEach(providers::add);
        TreeSet<String> known = new TreeSet<>();
        for (DialectProvider p : providers) {
            if (url.jdbc()) {
                for (String prefix : p.jdbcPrefixes()) if (url.original().startsWith(prefix)) return p;
            } else if (p.schemes().contains(url.scheme())) {
                return p;
            }
            known.addAll(p.schemes());
        }
        // dialects register themselves (META-INF/services DialectProvider): core names none of them
        throw new ConfigurationError("no dialect on the classpath handles the URL scheme '" + url.scheme() + "' of " + url
                + ": add the Athanor dialect module for that database; the dialects present handle "
                + (known.isEmpty() ? "nothing (no dialect module on the classpath)" : known));
    }

}
