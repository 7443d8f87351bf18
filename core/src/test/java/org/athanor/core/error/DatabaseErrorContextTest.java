package org.athanor.core.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link DatabaseError#withContext} keeps the error's type, its details and its cause chain. */
class DatabaseErrorContextTest {
    /** Every DatabaseError of this package: a new one must be listed here (the check below counts them). */
    private static final List<Class<? extends DatabaseError>> ALL = List.of(DatabaseError.class, IntegrityError.class,
            DataError.class, ProgrammingError.class, OperationalError.class, TransactionConflictError.class,
            DisconnectionError.class, InternalDatabaseError.class, NotSupportedError.class);

    @Test
    void aCopyWithContextHasTheSameTypeDetailsAndCause() throws Exception {
        for (Class<? extends DatabaseError> type : ALL) {
            SQLException sqlEx = new SQLException("duplicate key", "23505", 1062);
            DatabaseError original = type.getConstructor(String.class, String.class, SQLException.class)
                    .newInstance("duplicate key", "INSERT INTO t VALUES (?)", sqlEx);
            DatabaseError copy = original.withContext("flush failed inserting User");
            assertSame(type, copy.getClass(), type.getSimpleName() + ".withContext must keep the type");
            assertTrue(copy.getMessage().startsWith("flush failed inserting User: duplicate key"), copy.getMessage());
            assertTrue(copy.getMessage().contains("[SQL: INSERT INTO t VALUES (?)]"), copy.getMessage());
            assertEquals("INSERT INTO t VALUES (?)", copy.sql());
            assertEquals("23505", copy.sqlState());
            assertEquals(1062, copy.vendorCode());
            assertSame(original, copy.getCause());
            assertSame(sqlEx, copy.getCause().getCause());
        }
    }

    @Test
    void everySubclassOverridesWithContext() throws Exception {
        for (Class<? extends DatabaseError> type : ALL)
            assertSame(type, type.getMethod("withContext", String.class).getReturnType(), type.getSimpleName());
    }
}
