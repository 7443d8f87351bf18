package org.athanor.mysql;

import static org.junit.jupiter.api.Assertions.*;

import org.athanor.core.dialect.DialectProvider.ConnectionSpec;
import org.athanor.core.dialect.DatabaseUrl;
import org.athanor.core.error.ConfigurationError;
import org.junit.jupiter.api.Test;

/** URL forms and driver defaults; no database needed. */
class MysqlDialectProviderTest {
    final MysqlDialectProvider provider = new MysqlDialectProvider();

    private ConnectionSpec resolve(String url) { return provider.resolve(DatabaseUrl.parse(url)); }

    @Test
    void sqlalchemyStyleUrls() {
        ConnectionSpec s = resolve("mysql://app:s%40cret@db.local:3307/shop");
        assertEquals("jdbc:mysql://db.local:3307/shop", s.jdbcUrl());
        assertEquals("app", s.user());
        assertEquals("s@cret", s.password());
        assertEquals("true", s.properties().get("rewriteBatchedStatements"));
        assertEquals("false", s.properties().get("useServerPrepStmts"));
        assertEquals("true", s.properties().get("cachePrepStmts"));
        assertEquals("UTF-8", s.properties().get("characterEncoding"));
        assertTrue(s.properties().get("sessionVariables").startsWith("sql_mode='STRICT_ALL_TABLES,"));
        assertFalse(s.properties().get("sessionVariables").contains("NO_BACKSLASH_ESCAPES"));
        assertFalse(s.properties().get("sessionVariables").contains("ANSI_QUOTES"));
        assertSame(MysqlDialect.INSTANCE, s.dialect());

        assertEquals("jdbc:mysql://localhost:3306/", resolve("mariadb://").jdbcUrl());
        assertEquals("jdbc:mysql://h:3306/d", resolve("mysql+jdbc://u@h/d").jdbcUrl());
        assertEquals("jdbc:mysql://h:3306/d", resolve("mariadb+jdbc://u@h/d").jdbcUrl());
    }

    @Test
    void urlParametersOverrideDefaultsAndPassToTheDriver() {
        ConnectionSpec s = resolve("mysql://u@h/d?rewriteBatchedStatements=false&sslMode=DISABLED");
        assertEquals("false", s.properties().get("rewriteBatchedStatements"));
        assertEquals("DISABLED", s.properties().get("sslMode"));
    }

    @Test
    void returningSwitch() {
        ConnectionSpec s = resolve("mysql://u@h/d?athanor_returning=false");
        assertFalse(s.dialect().features().supportsReturning());
        assertFalse(s.properties().containsKey("athanor_returning"));
        MysqlDialect detected = ((MysqlDialect) s.dialect()).adaptTo(ServerVersion.parse("5.5.5-10.11.6-MariaDB"), false);
        assertFalse(detected.features().supportsReturning(), "the switch outlives server detection");
        assertSame(MysqlDialect.INSTANCE, resolve("mysql://u@h/d?athanor_returning=true").dialect());
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> resolve("mysql://u@h/d?athanor_returning=maybe"));
        assertTrue(e.getMessage().contains("athanor_returning=maybe"), e.getMessage());
    }

    @Test
    void jdbcUrlsKeepTheirParametersAndMariadbBecomesMysql() {
        ConnectionSpec s = resolve("jdbc:mariadb://h:3306/d?user=root&useServerPrepStmts=true&athanor_returning=false");
        assertEquals("jdbc:mysql://h:3306/d?user=root&useServerPrepStmts=true", s.jdbcUrl());
        assertFalse(s.properties().containsKey("useServerPrepStmts"), "the URL's own value wins");
        assertEquals("true", s.properties().get("rewriteBatchedStatements"));
        assertFalse(s.dialect().features().supportsReturning());
        assertEquals("jdbc:mysql://h/d", resolve("jdbc:mysql://h/d").jdbcUrl());
    }

    @Test
    void unknownDriverIsAClearError() {
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> resolve("mysql+pymysql://u@h/d"));
        assertTrue(e.getMessage().contains("unknown driver 'pymysql'"), e.getMessage());
    }

    @Test
    void registeredThroughServiceLoader() {
        boolean found = false;
        for (var p : java.util.ServiceLoader.load(org.athanor.core.dialect.DialectProvider.class))
            if (p instanceof MysqlDialectProvider m) found = m.schemes().contains("mariadb") && m.jdbcPrefixes().contains("jdbc:mariadb:");
        assertTrue(found);
    }
}
