package org.athanor.core.testing;

import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.PoolTimeoutError;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.type.SqlTypes;

/**
 * On a pool of one connection: a Connection dropped with uncommitted work comes back to the pool
 * once collected, its work rolled back. {@code engine} must have poolSize 1 and a short connectionTimeout.
 */
public final class Leaks {
    private Leaks() {}

    public static void checkReclaimed(Engine engine) throws InterruptedException {
        Table t = Table.of(TestDatabases.uniqueName("leak"), Table.col("a", SqlTypes.INTEGER));
        MetaData md = MetaData.of(t);
        md.createAll(engine);
        try {
            leak(engine, t);
            Connection back = null;
            for (int i = 0; i < 50 && back == null; i++) {
                System.gc();
                Thread.sleep(50);
                try {
                    back = engine.connect();
                } catch (PoolTimeoutError stillHeld) {
                    // not collected yet
                }
            }
            assertNotNull(back, "the leaked connection never came back to the pool");
            try (Connection c = back) {
                assertEquals(0L, (Long) c.execute(select(count()).from(t)).scalar(), "the leaked insert was rolled back");
            }
        } finally {
            md.dropAll(engine);
        }
    }

    private static void leak(Engine engine, Table t) {
        Connection c = engine.connect();
        c.execute(insert(t).set(t.column("a", Integer.class), 1));
    }
}
