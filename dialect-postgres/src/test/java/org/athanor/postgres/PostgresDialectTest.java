package org.athanor.postgres;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import org.athanor.core.error.ConfigurationError;
import org.junit.jupiter.api.Test;

/** The dialect's check of the server it is given, without a database. */
class PostgresDialectTest {
    private static Connection serverOfVersion(int major, String version) {
        DatabaseMetaData md = (DatabaseMetaData) Proxy.newProxyInstance(DatabaseMetaData.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (p, m, a) -> switch (m.getName()) {
                    case "getDatabaseMajorVersion" -> major;
                    case "getDatabaseProductVersion" -> version;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (p, m, a) -> {
                    if (m.getName().equals("getMetaData")) return md;
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void supportedServersKeepTheDialect() throws Exception {
        assertSame(PostgresDialect.INSTANCE, PostgresDialect.INSTANCE.forServer(serverOfVersion(15, "15.4")));
        assertSame(PostgresDialect.INSTANCE, PostgresDialect.INSTANCE.forServer(serverOfVersion(13, "13.1")));
    }

    @Test
    void serversBefore13LoseFetchWithTiesOnly() throws Exception {
        var old = PostgresDialect.INSTANCE.forServer(serverOfVersion(10, "10.23"));
        assertInstanceOf(PostgresDialect.class, old);
        assertFalse(old.features().supportsFetchWithTies());
        assertTrue(old.features().supportsFetchFirst());
        assertTrue(old.features().supportsReturning());
    }

    @Test
    void serversBefore10AreRefusedByName() {
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> PostgresDialect.INSTANCE.forServer(serverOfVersion(9, "9.6.24")));
        assertEquals("PostgreSQL 9.6.24 is too old: Athanor needs PostgreSQL 10 or later (identity columns, ON CONFLICT)", e.getMessage());
    }

    @Test
    void withFeaturesKeepsTheDialect() {
        var noReturning = PostgresDialect.INSTANCE.withFeatures(PostgresDialect.FEATURES.toBuilder().returning(false).build());
        assertInstanceOf(PostgresDialect.class, noReturning);
        assertFalse(noReturning.features().supportsReturning());
        assertEquals("PostgreSQL", noReturning.name());
    }
}
