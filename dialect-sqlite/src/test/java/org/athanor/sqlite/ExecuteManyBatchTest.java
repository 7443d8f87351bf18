package org.athanor.sqlite;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.MetaData;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** executeMany reaches the driver as JDBC batches (addBatch/executeBatch), not one round trip per parameter set. */
class ExecuteManyBatchTest {
    @TempDir Path dir;
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    /** Counts the PreparedStatement methods the Engine calls on a real SQLite connection. */
    private DataSource counting(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (p, m, args) -> {
            Object r = invoke(real, m, args);
            if (!m.getName().equals("getConnection")) return r;
            java.sql.Connection conn = (java.sql.Connection) r;
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {java.sql.Connection.class}, (pc, mc, ac) -> {
                Object rc = invoke(conn, mc, ac);
                if (!(rc instanceof PreparedStatement ps)) return rc;
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, (pp, mp, ap) -> {
                    calls.computeIfAbsent(mp.getName(), k -> new AtomicInteger()).incrementAndGet();
                    return invoke(ps, mp, ap);
                });
            });
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private int calls(String method) { return calls.getOrDefault(method, new AtomicInteger()).get(); }

    @Test
    void parameterSetsGoOutAsBatchesOfAThousand() {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("batch.db").toAbsolutePath());
        try (Engine engine = Engine.of(counting(ds), SqliteDialect.INSTANCE)) {
            MetaData.of(USERS).createAll(engine);
            List<Map<String, ?>> sets = new ArrayList<>();
            for (int i = 0; i < 2500; i++) sets.add(Map.of("name", "u" + i));
            try (Connection c = engine.connect()) {
                calls.clear();
                assertEquals(2500, c.executeMany(insert(USERS).set(USERS.NAME, bindParam("name", SqlTypes.TEXT)), sets));
                assertEquals(2500, calls("addBatch"));
                assertEquals(3, calls("executeBatch"), "1000 + 1000 + 500");
                assertEquals(0, calls("executeUpdate") + calls("execute"));
                c.commit();
                assertEquals(2500L, (Long) c.execute(select(count()).from(USERS)).scalar());
            }
        }
    }
}
