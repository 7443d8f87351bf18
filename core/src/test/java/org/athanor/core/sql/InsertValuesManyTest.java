package org.athanor.core.sql;

import static org.athanor.core.fixtures.Users.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.athanor.core.internal.compile.KeyCollector;
import org.junit.jupiter.api.Test;

class InsertValuesManyTest {
    @Test
    void valuesManyBuildsTheSameStatementAsRepeatedValues() {
        Insert many = Sql.insert(USERS).columns(USERS.NAME, USERS.AGE)
                .valuesMany(List.of(new Object[] {"a", 1}, new Object[] {"b", USERS.AGE.bind(2)}));
        Insert repeated = Sql.insert(USERS).columns(USERS.NAME, USERS.AGE).values("a", 1).values("b", 2);
        assertEquals(repeated.toString(), many.toString());
        KeyCollector k1 = new KeyCollector(), k2 = new KeyCollector();
        many.key(k1);
        repeated.key(k2);
        assertEquals(k2.lookupKey(), k1.lookupKey());
        assertEquals(2, many.rows().size());
    }

    @Test
    void valuesManyChecksItsInput() {
        IllegalStateException noColumns = assertThrows(IllegalStateException.class,
                () -> Sql.insert(USERS).valuesMany(List.<Object[]>of(new Object[] {"a"})));
        assertEquals("valuesMany(...) needs columns(...) first, on table users", noColumns.getMessage());
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> Sql.insert(USERS).columns(USERS.NAME, USERS.AGE).valuesMany(List.<Object[]>of(new Object[] {"a"})));
        assertEquals("valuesMany() got a row of 1 values for 2 columns [name, age] of table users", width.getMessage());
    }
}
