package org.athanor.core.testing;

import static org.junit.jupiter.api.Assertions.*;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.error.DatabaseError;
import org.athanor.core.error.DisconnectionError;
import org.athanor.core.error.StatementTimeoutError;

/**
 * The shapes in which drivers report a dead socket, as each dialect must classify them: every one
 * a {@link DisconnectionError} (the pool then drops the connection), whatever SQLSTATE it lacks.
 */
public final class SocketErrors {
    private SocketErrors() {}

    public static void check(Dialect d) {
        assertDisconnect(d, new SQLException("Error retrieving record: Unexpected Exception: java.io.IOException message given: Socket is closed.",
                null, 0, new IOException("Socket is closed.")));
        assertDisconnect(d, new SQLException("I/O error", null, 0, new SocketException("Connection reset")));
        assertDisconnect(d, new SQLException("read failed", null, 0, new SQLException("wrapped", new EOFException())));
        assertDisconnect(d, new SQLException("timed out", null, 0, new SocketTimeoutException("Read timed out")));
        assertDisconnect(d, new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertDisconnect(d, new SQLNonTransientConnectionException("connection closed"));
        assertDisconnect(d, new SQLRecoverableException("connection lost"));
        DatabaseError t = d.translate(new SQLTimeoutException("Statement cancelled due to timeout or client request"), "SELECT 1");
        assertInstanceOf(StatementTimeoutError.class, t, d + ": " + t.getMessage());
    }

    private static void assertDisconnect(Dialect d, SQLException e) {
        DatabaseError err = d.translate(e, "SELECT 1");
        assertInstanceOf(DisconnectionError.class, err, d + " classifies " + e + " (cause " + e.getCause() + ") as " + err.getClass().getSimpleName());
        assertTrue(d.isDisconnect(e), d + ": " + e);
    }
}
