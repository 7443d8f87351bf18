package org.athanor.core.compile;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.athanor.core.dialect.GenericDialect;
import org.athanor.core.error.CompileError;
import org.junit.jupiter.api.Test;

/** {@code inArray}: one key for lists of any length; refused by a dialect without the form. */
class InArrayKeyTest {
    @Test
    void everyLengthSharesOneKeyAndTheElementTypeAndNegationAreInIt() {
        CacheKeyTest.same(select(USERS.ID).where(USERS.ID.inArray(List.of(1L))),
                select(USERS.ID).where(USERS.ID.inArray(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L))));
        CacheKeyTest.same(select(USERS.ID).where(USERS.ID.inArray(List.of())), select(USERS.ID).where(USERS.ID.inArray(List.of(1L))));
        CacheKeyTest.different(select(USERS.ID).where(USERS.ID.inArray(List.of(1L))), select(USERS.ID).where(USERS.ID.notInArray(List.of(1L))));
        CacheKeyTest.different(select(USERS.ID).where(USERS.ID.inArray(List.of(1L))), select(USERS.ID).where(USERS.NAME.inArray(List.of("a"))));
        CacheKeyTest.different(select(USERS.ID).where(USERS.ID.inArray(List.of(1L))), select(USERS.ID).where(USERS.ID.in(List.of(1L))));
    }

    @Test
    void aDialectWithoutTheFormRefusesIt() {
        assertEquals("SELECT users.id FROM users WHERE users.id = ANY(?)", select(USERS.ID).where(USERS.ID.inArray(List.of(1L, 2L))).toString());
        var without = GenericDialect.INSTANCE.withFeatures(GenericDialect.INSTANCE.features().toBuilder().anyArray(false).build());
        CompileError e = assertThrows(CompileError.class, () -> without.compile(select(USERS.ID).where(USERS.ID.inArray(List.of(1L, 2L)))));
        assertTrue(e.getMessage().contains("supportsAnyArray() is false") && e.getMessage().contains("use in(values)"), e.getMessage());
    }
}
