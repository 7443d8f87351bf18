package org.athanor.sqlite;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.core.engine.ExecutionEvent;
import org.athanor.core.engine.ExecutionListener;
import org.athanor.core.engine.StatementListener;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.junit.jupiter.api.Test;

/** What the execution listener SPI shows under engine options, and the StatementListener adapter over it. */
class ExecutionListenerOptionsTest {
    static final class T extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        final Column<String> NAME = column("name", varchar(20));
        T() { super("el_opts"); }
    }

    @Test
    void hideParametersLeavesTheValuesOutOfEvents() {
        T t = new T();
        try (Engine engine = Engine.create("sqlite://", EngineOptions.defaults().hideParameters(true))) {
            MetaData.of(t).createAll(engine);
            List<ExecutionEvent> seen = new CopyOnWriteArrayList<>();
            engine.addExecutionListener(new ExecutionListener() {
                @Override public void finished(ExecutionEvent e) { seen.add(e); }
            });
            try (Connection c = engine.connect()) {
                c.execute(insert(t).set(t.NAME, "secret"));
                c.commit();
            }
            assertEquals(1, seen.size());
            assertTrue(seen.get(0).parametersHidden());
            assertEquals(List.of(), seen.get(0).parameters());
            assertFalse(seen.get(0).toString().contains("secret"));
        }
    }

    @Test
    void theStatementListenerAdapterIsToldAndRemoved() {
        T t = new T();
        try (Engine engine = Engine.create("sqlite://")) {
            MetaData.of(t).createAll(engine);
            List<String> sql = new CopyOnWriteArrayList<>();
            StatementListener l = sql::add;
            engine.addStatementListener(l);
            try (Connection c = engine.connect()) {
                c.execute(insert(t).set(t.NAME, "a"));
                c.executeSql("DELETE FROM el_opts");
                engine.removeStatementListener(l);
                c.execute(insert(t).set(t.NAME, "b"));
                c.commit();
            }
            assertEquals(List.of("INSERT INTO el_opts (name) VALUES (?)", "DELETE FROM el_opts"), sql);
        }
    }
}
