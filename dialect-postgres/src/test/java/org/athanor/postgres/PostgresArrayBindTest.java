package org.athanor.postgres;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * An array parameter is bound as an array of its element's own class (a Long[] for BIGINT[]), so pgjdbc sends it in
 * binary where it can: each element goes through the element type's {@code cast}, which widens what fits (an Integer
 * for a BIGINT) and refuses what does not with the element type named, before anything reaches the server.
 */
class PostgresArrayBindTest {
    static final class Numbered extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        final Column<List<Long>> NUMS = column("nums", PostgresTypes.arrayOf(BIGINT));
        Numbered(String name) { super(name); }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Long> untyped(Object... values) { return (List) Arrays.asList(values); }

    @Test
    void elementsAreCastToTheElementTypeBeforeBinding() {
        Numbered t = new Numbered(TestDatabases.uniqueName("pg_numbered"));
        MetaData md = MetaData.of(t);
        try (Engine engine = TestDatabases.postgres()) {
            md.createAll(engine);
            try (Connection c = engine.connect()) {
                long id = c.insertReturningKeys(insert(t).set(t.NUMS, untyped(1, null, 3L)), t.ID).get(0);
                assertEquals(Arrays.asList(1L, null, 3L), c.execute(select(t.NUMS).from(t).where(t.ID.eq(id))).scalar(),
                        "an Integer element is widened to the BIGINT it is bound as; a null stays null");
                RuntimeException e = assertThrows(RuntimeException.class,
                        () -> c.execute(insert(t).set(t.NUMS, untyped(1L, "two"))));
                String m = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : " / " + e.getCause().getMessage());
                assertTrue(m.contains("two") && m.contains("BIGINT"), "the refused element and its SQL type are named: " + m);
            } finally {
                md.dropAll(engine);
            }
        }
    }
}
