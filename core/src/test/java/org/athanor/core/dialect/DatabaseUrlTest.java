package org.athanor.core.dialect;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.athanor.core.error.ConfigurationError;
import org.junit.jupiter.api.Test;

/** Parsing SQLAlchemy-style and JDBC URLs, and keeping passwords out of messages. */
class DatabaseUrlTest {
    @Test
    void serverUrlWithEveryPart() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql+jdbc://app:s3cret@db.example.com:5433/orders?sslmode=require&application_name=athanor");
        assertEquals("postgresql", u.scheme());
        assertEquals("jdbc", u.driver());
        assertEquals("app", u.user());
        assertEquals("s3cret", u.password());
        assertEquals("db.example.com", u.host());
        assertEquals(5433, u.port());
        assertEquals("orders", u.database());
        assertEquals(Map.of("sslmode", "require", "application_name", "athanor"), u.query());
        assertFalse(u.jdbc());
    }

    @Test
    void percentEncodedPasswordsDecodeExactly() {
        // @ : / % # ? & + and a space, all encoded as a user would per RFC 3986
        DatabaseUrl u = DatabaseUrl.parse("mysql://r%40ot:p%40ss%3Aw%2Fo%25rd%23%3F%26+x%20y@127.0.0.1:3306/test");
        assertEquals("r@ot", u.user());
        assertEquals("p@ss:w/o%rd#?&+x y", u.password());
        assertEquals("127.0.0.1", u.host());
        assertEquals(3306, u.port());
        assertEquals("test", u.database());
    }

    @Test
    void aPlusInAPasswordStaysAPlus() {
        assertEquals("a+b", DatabaseUrl.parse("postgresql://u:a+b@h/db").password());
    }

    @Test
    void toStringRedactsThePassword() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://app:s%40cret@db:5432/x?sslmode=require");
        assertEquals("postgresql://app:***@db:5432/x?sslmode=require", u.toString());
        assertFalse(u.toString().contains("cret"));
        assertEquals("jdbc:postgresql://h/db?user=u&password=***", DatabaseUrl.parse("jdbc:postgresql://h/db?user=u&password=hunter2").toString());
        assertEquals("mysql://root@h/test", DatabaseUrl.parse("mysql://root@h/test").toString());
    }

    @Test
    void portsAreOptionalAndIpv6HostsKeepTheirBrackets() {
        DatabaseUrl noPort = DatabaseUrl.parse("postgres://u@localhost/db");
        assertNull(noPort.port());
        assertEquals("localhost", noPort.host());
        assertNull(noPort.password());
        DatabaseUrl v6 = DatabaseUrl.parse("postgresql://u@[::1]:5432/db");
        assertEquals("[::1]", v6.host());
        assertEquals(5432, v6.port());
        assertEquals("[::1]", DatabaseUrl.parse("postgresql://u@[::1]/db").host());
        DatabaseUrl bare = DatabaseUrl.parse("mariadb://h");
        assertEquals("h", bare.host());
        assertNull(bare.database());
        assertNull(bare.user());
    }

    @Test
    void theThreeSqliteForms() {
        assertEquals("relative.db", DatabaseUrl.parse("sqlite:///relative.db").database());
        assertEquals("data/app.db", DatabaseUrl.parse("sqlite:///data/app.db").database());
        assertEquals("/abs/path.db", DatabaseUrl.parse("sqlite:////abs/path.db").database());
        assertNull(DatabaseUrl.parse("sqlite://").database());
        assertEquals(":memory:", DatabaseUrl.parse("sqlite:///:memory:").database());
        DatabaseUrl q = DatabaseUrl.parse("sqlite:///app.db?busy_timeout=500");
        assertEquals("app.db", q.database());
        assertEquals(Map.of("busy_timeout", "500"), q.query());
        assertEquals("sqlite", q.scheme());
        assertNull(q.host());
    }

    @Test
    void jdbcUrlsAreKeptAsGiven() {
        DatabaseUrl j = DatabaseUrl.parse("jdbc:postgresql://h:5432/db?user=x");
        assertTrue(j.jdbc());
        assertEquals("postgresql", j.scheme());
        assertEquals("jdbc:postgresql://h:5432/db?user=x", j.original());
        assertEquals("sqlite", DatabaseUrl.parse("jdbc:sqlite::memory:").scheme());
    }

    @Test
    void badUrlsSayWhatIsExpected() {
        ConfigurationError empty = assertThrows(ConfigurationError.class, () -> DatabaseUrl.parse(""));
        assertEquals("database URL is empty; expected e.g. sqlite:///app.db or postgresql://user@host/db", empty.getMessage());
        assertThrows(ConfigurationError.class, () -> DatabaseUrl.parse(null));
        ConfigurationError noScheme = assertThrows(ConfigurationError.class, () -> DatabaseUrl.parse("localhost/db"));
        assertTrue(noScheme.getMessage().startsWith("cannot parse database URL 'localhost/db': expected scheme://"), noScheme.getMessage());
        ConfigurationError port = assertThrows(ConfigurationError.class, () -> DatabaseUrl.parse("postgresql://u:pw@h:54x2/db"));
        assertEquals("port in database URL 'postgresql://u:***@h:54x2/db' is not a number: 54x2", port.getMessage());
        ConfigurationError secret = assertThrows(ConfigurationError.class, () -> DatabaseUrl.parse("u:topsecret@host/db"));
        assertFalse(secret.getMessage().contains("topsecret"), secret.getMessage());
    }
}
