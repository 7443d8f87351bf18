package org.athanor.core.routing;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.and;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The values a criterion pins a column to: equality, IN lists and one-array {@code = ANY(?)} alike. */
class ShardKeysTest {
    @Test
    void inListsAndArraysPinTheirValues() {
        assertEquals(Optional.of(Set.of(1L, 2L)), ShardKeys.pinnedValues(USERS.ID.in(1L, 2L), USERS.ID));
        assertEquals(Optional.of(Set.of(1L, 2L)), ShardKeys.pinnedValues(USERS.ID.inArray(List.of(1L, 2L)), USERS.ID));
        assertEquals(Optional.of(Set.of(2L)), ShardKeys.pinnedValues(and(USERS.ID.inArray(List.of(1L, 2L)), USERS.ID.eq(2L)), USERS.ID));
        assertEquals(Optional.empty(), ShardKeys.pinnedValues(USERS.ID.notInArray(List.of(1L)), USERS.ID));
        assertEquals(Optional.empty(), ShardKeys.pinnedValues(USERS.ID.inArray(List.of(1L)), USERS.NAME));
    }
}
