package org.athanor.orm.internal.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.athanor.orm.model.Model;
import org.athanor.orm.model.User;
import org.junit.jupiter.api.Test;

/** A load's row bound, which sizes how its rows are kept: a LIMIT given as a value, else none (0). */
class RowsAtMostTest {
    @Test
    void aValueLimitBoundsTheRowsAndAnythingElseDoesNot() {
        assertEquals(20, Loading.rowsAtMost(OrmCompilerTest.all().limit(20)));
        assertEquals(20, Loading.rowsAtMost(OrmCompilerTest.all().limit(20).offset(40)));
        assertEquals(0, Loading.rowsAtMost(OrmCompilerTest.all()), "no LIMIT: not known");
        assertEquals(0, Loading.rowsAtMost(OrmCompilerTest.all().limit(0)), "LIMIT 0: nothing to size");
        assertEquals(0, Loading.rowsAtMost(OrmCompilerTest.all().limit(1L << 40)), "past an int: not known");
        assertEquals(0, Loading.rowsAtMost(OrmCompilerTest.all().limit(Model.col(User.class, "age", Integer.class))),
                "an expression: not known");
    }
}
