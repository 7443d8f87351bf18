package org.athanor.sqlite;

import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.Test;

/** SQLite has no identifier length limit, and Athanor sets none. */
class SqliteIdentifierLimitTest {
    @Test
    void longNamesWork() {
        assertEquals(0, SqliteDialect.FEATURES.maxIdentifierLength());
        String name = "t" + "é".repeat(150);
        Table t = Table.of(name, Table.col("id", SqlTypes.BIGINT, Table.Options.primaryKey()));
        try (Engine engine = Engine.create("sqlite://")) {
            MetaData.of(t).createAll(engine);
            try (Connection c = engine.connect()) {
                c.execute(insert(t).set(t.column("id", Long.class), 3L));
                assertEquals(3L, c.execute(select(t.column("id", Long.class)).from(t)).one()._1);
            }
        }
    }
}
