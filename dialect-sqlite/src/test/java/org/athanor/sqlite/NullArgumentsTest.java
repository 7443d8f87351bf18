package org.athanor.sqlite;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.core.sql.Dml;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Select;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A null given to a public Core entry point is named in the exception, not met later as a bare NullPointerException. */
class NullArgumentsTest {
    @Test
    void everyEntryPointNamesItsNullArgument() {
        try (Engine engine = Engine.create("sqlite://"); Connection c = engine.connect()) {
            Map<String, Executable> calls = new LinkedHashMap<>();
            calls.put("query", () -> c.execute((Select<?>) null));
            calls.put("query ", () -> c.stream((Select<?>) null));
            calls.put("statement", () -> c.execute((Dml) null));
            calls.put("statement ", () -> c.executeStatement(null));
            calls.put("sql", () -> c.executeSql(null));
            calls.put("insert", () -> c.insertMany(null, java.util.List.of()));
            calls.put("rows", () -> c.insertMany(insert(USERS), null));
            calls.put("template", () -> c.executeMany(null, java.util.List.of()));
            calls.put("parameterSets", () -> c.executeMany(update(USERS), (Iterable<Map<String, ?>>) null));
            calls.put("key", () -> c.insertReturningKeys(insert(USERS), null));
            calls.put("level", () -> c.setIsolationLevel(null));
            calls.put("timeout", () -> c.execute(select(literal(1)), (java.time.Duration) null));
            calls.put("url", () -> Engine.create(null));
            calls.put("options", () -> Engine.create("sqlite://", null));
            calls.put("dataSource", () -> Engine.of(null, SqliteDialect.INSTANCE));
            calls.put("dialect", () -> Engine.of(new org.sqlite.SQLiteDataSource(), null));
            calls.put("work", () -> engine.fromTransaction(null));
            calls.put("work ", () -> engine.inTransaction(null));
            calls.put("parameters", () -> c.execute(select(literal(1)), (Map<String, ?>) null));
            calls.put("parameters ", () -> c.execute(update(USERS), (Map<String, ?>) null));
            calls.put("timeout ", () -> c.execute(select(literal(1)), Map.of(), null));
            calls.put("query  ", () -> c.scalar(null));
            calls.put("name ", () -> bindParam(null, 1, SqlTypes.INTEGER));
            calls.put("type  ", () -> c.execute(select(literal(1))).scalar((Class<?>) null));
            calls.put("values", () -> text("SELECT :a").bindList("a", null, SqlTypes.INTEGER));
            calls.put("statement  ", () -> engine.compile(null));
            calls.put("statement   ", () -> engine.dialect().compile(null));
            calls.put("sql ", () -> text(null));
            calls.put("table", () -> insert(null));
            calls.put("table ", () -> update(null));
            calls.put("table  ", () -> deleteFrom(null));
            calls.put("table   ", () -> selectFrom(null));
            calls.put("columns", () -> select((Expression<?>[]) null));
            calls.put("condition", () -> not(null));
            calls.put("subquery", () -> exists(null));
            calls.put("type", () -> param(1, null));
            calls.put("type ", () -> literal("x", null));
            calls.put("name", () -> bindParam(null, SqlTypes.TEXT));
            calls.put("function name", () -> func(null, SqlTypes.TEXT));
            calls.put("expression", () -> cast(null, SqlTypes.TEXT));
            calls.put("driverProperties", () -> EngineOptions.defaults().driverProperties(null));
            for (var e : calls.entrySet()) {
                NullPointerException npe = assertThrows(NullPointerException.class, e.getValue(), e.getKey());
                assertEquals(e.getKey().trim(), npe.getMessage());
            }
            // a null among several columns: the select names the list
            var iae = assertThrows(IllegalArgumentException.class, () -> select(USERS.NAME, null));
            assertTrue(iae.getMessage().startsWith("select() was given a null column"), iae.getMessage());
        }
    }
}
