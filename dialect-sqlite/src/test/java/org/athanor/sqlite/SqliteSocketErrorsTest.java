package org.athanor.sqlite;

import org.athanor.core.testing.SocketErrors;
import org.junit.jupiter.api.Test;

/** How SqliteDialect classifies a dead socket in each shape drivers report it (see {@link SocketErrors}). */
class SqliteSocketErrorsTest {
    @Test
    void deadSocketsAreDisconnections() { SocketErrors.check(SqliteDialect.INSTANCE); }
}
