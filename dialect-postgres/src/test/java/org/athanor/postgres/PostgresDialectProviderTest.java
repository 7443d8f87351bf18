package org.athanor.postgres;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.athanor.core.dialect.DialectProvider.ConnectionSpec;
import org.athanor.core.dialect.DialectProvider.PoolShape;
import org.athanor.core.dialect.DatabaseUrl;
import org.athanor.core.error.ConfigurationError;
import org.junit.jupiter.api.Test;

/** URL handling, without a database. */
class PostgresDialectProviderTest {
    private final PostgresDialectProvider provider = new PostgresDialectProvider();

    private ConnectionSpec resolve(String url) { return provider.resolve(DatabaseUrl.parse(url)); }

    @Test
    void sqlalchemyUrlWithEverything() {
        ConnectionSpec s = resolve("postgresql://app:s%40cret@db.example.com:6543/shop?sslmode=require&ApplicationName=web");
        assertEquals("jdbc:postgresql://db.example.com:6543/shop", s.jdbcUrl());
        assertEquals("app", s.user());
        assertEquals("s@cret", s.password());
        assertEquals(Map.of("sslmode", "require", "ApplicationName", "web", "reWriteBatchedInserts", "true"), s.properties());
        assertSame(PostgresDialect.INSTANCE, s.dialect());
        assertEquals(PoolShape.POOLED, s.pool());
    }

    @Test
    void defaultsForHostPortAndProperties() {
        ConnectionSpec s = resolve("postgres://bob@/inventory");
        assertEquals("jdbc:postgresql://localhost:5432/inventory", s.jdbcUrl());
        assertEquals("bob", s.user());
        assertNull(s.password());
        assertEquals("true", s.properties().get("reWriteBatchedInserts"));
        assertEquals("jdbc:postgresql://localhost:5432/", resolve("postgresql://").jdbcUrl());
    }

    @Test
    void queryParametersOverrideDefaults() {
        assertEquals("false", resolve("postgresql://u@h/db?reWriteBatchedInserts=false").properties().get("reWriteBatchedInserts"));
    }

    @Test
    void jdbcDriverSuffixAndEncodedDatabaseName() {
        ConnectionSpec s = resolve("postgresql+jdbc://u@127.0.0.1:5433/my%20db");
        assertEquals("jdbc:postgresql://127.0.0.1:5433/my+db", s.jdbcUrl());
        assertEquals("jdbc:postgresql://[::1]:5432/db", resolve("postgresql://u@[::1]/db").jdbcUrl());
    }

    @Test
    void otherDriversAreRefusedWithAHint() {
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> resolve("postgresql+psycopg2://u:pw@h/db"));
        assertTrue(e.getMessage().contains("'psycopg2'") && e.getMessage().contains("postgresql+jdbc://"), e.getMessage());
        assertFalse(e.getMessage().contains("pw@"), "the password must not appear: " + e.getMessage());
    }

    @Test
    void jdbcUrlsPassThrough() {
        ConnectionSpec s = resolve("jdbc:postgresql://h:5432/db?user=x");
        assertEquals("jdbc:postgresql://h:5432/db?user=x", s.jdbcUrl());
        assertNull(s.user());
        assertEquals("true", s.properties().get("reWriteBatchedInserts"));
        ConnectionSpec own = resolve("jdbc:postgresql://h/db?reWriteBatchedInserts=false");
        assertFalse(own.properties().containsKey("reWriteBatchedInserts"), "the URL's own setting wins");
    }

    @Test
    void schemesAndPrefixes() {
        assertEquals(java.util.Set.of("postgresql", "postgres"), provider.schemes());
        assertEquals(java.util.Set.of("jdbc:postgresql:"), provider.jdbcPrefixes());
    }
}
