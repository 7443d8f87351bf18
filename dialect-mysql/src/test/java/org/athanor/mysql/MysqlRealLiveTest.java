package org.athanor.mysql;

import static org.athanor.core.schema.Table.Options.*;
import static org.athanor.core.schema.Table.col;
import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.DataError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17.1 on MariaDB: REAL is a DOUBLE column. Rows that older code (or other SQL) wrote as a
 * float's shortest text ("3.4028235E38", above Float.MAX_VALUE as a double) read again, as
 * ±Float.MAX_VALUE; a double beyond float's range is refused with a DataError naming it.
 */
class MysqlRealLiveTest {
    static Engine engine;

    @BeforeAll static void connect() { engine = TestDatabases.mysql(); }

    @AfterAll static void close() { if (engine != null) engine.close(); }

    @Test
    void realReadsWhatTheShortestFloatTextStoredAndRefusesWhatNoFloatHolds() {
        Table t = Table.of(TestDatabases.uniqueName("real"), col("id", BIGINT, primaryKey()), col("r", REAL));
        Column<Long> id = t.column("id", Long.class);
        Column<Float> r = t.column("r", Float.class);
        MetaData md = MetaData.of(t);
        md.createAll(engine);
        try (Connection c = engine.connect()) {
            String name = "`" + t.name() + "`";
            c.executeSql("INSERT INTO " + name + " VALUES (1, 3.4028235e38), (2, -3.4028235e38), (3, 1e39)");
            c.execute(insert(t).set(id, 4L).set(r, literal(Float.MAX_VALUE, REAL)));
            c.execute(insert(t).set(id, 5L).set(r, Float.MAX_VALUE));
            assertEquals(Float.MAX_VALUE, c.scalar(select(r).where(id.eq(1L))));
            assertEquals(-Float.MAX_VALUE, c.scalar(select(r).where(id.eq(2L))));
            assertEquals(Float.MAX_VALUE, c.scalar(select(r).where(id.eq(4L))), "a REAL literal");
            assertEquals(Float.MAX_VALUE, c.scalar(select(r).where(id.eq(5L))), "a bound REAL");
            // a bound float is its exact double: equal to what a bound float stored, not to the text-stored rows
            // (a literal still renders the float's shortest text; reported for the literal renderer)
            assertEquals(1L, c.scalar(select(count()).from(t).where(r.eq(Float.MAX_VALUE))));
            DataError e = assertThrows(DataError.class, () -> c.scalar(select(r).where(id.eq(3L))));
            assertTrue(e.getMessage().contains("1.0E39") && e.getMessage().contains("REAL"), e.getMessage());
            c.rollback();
        } finally {
            md.dropAll(engine);
        }
    }
}
