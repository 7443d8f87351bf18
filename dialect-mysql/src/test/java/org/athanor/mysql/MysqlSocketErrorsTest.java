package org.athanor.mysql;

import org.athanor.core.testing.SocketErrors;
import org.junit.jupiter.api.Test;

/** How MysqlDialect classifies a dead socket in each shape drivers report it (see {@link SocketErrors}). */
class MysqlSocketErrorsTest {
    @Test
    void deadSocketsAreDisconnections() { SocketErrors.check(MysqlDialect.INSTANCE); }
}
