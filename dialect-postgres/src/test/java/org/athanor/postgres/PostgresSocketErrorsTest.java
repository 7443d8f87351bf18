package org.athanor.postgres;

import org.athanor.core.testing.SocketErrors;
import org.junit.jupiter.api.Test;

/** How PostgresDialect classifies a dead socket in each shape drivers report it (see {@link SocketErrors}). */
class PostgresSocketErrorsTest {
    @Test
    void deadSocketsAreDisconnections() { SocketErrors.check(PostgresDialect.INSTANCE); }
}
