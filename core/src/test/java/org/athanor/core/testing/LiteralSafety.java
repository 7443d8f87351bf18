package org.athanor.core.testing;

import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.athanor.core.compile.CompiledStatement;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.type.SqlTypes;

/**
 * Sends strings through every path that renders values into SQL text — {@code literal(...)},
 * {@code dialect.compile(stmt, true)} for SELECT, INSERT and UPDATE, and IN lists past the
 * bind-parameter limit (which must be bound, not rendered), and plain bound values — on a connection whose session settings
 * {@code session} changed (PostgreSQL's standard_conforming_strings, MySQL's sql_mode). Each string
 * must come back exactly, and a canary table must keep its one row: a string that ended its
 * literal early would change one or the other, or fail with a syntax error.
 */
public final class LiteralSafety {
    private LiteralSafety() {}

    /** Strings that break out of a literal rendered for the wrong backslash rules. */
    public static final List<String> NASTY = List.of(
            "\\' OR 1=1 -- ", "\\", "'", "\\'", "\\\\'", "''", "a\\'; DELETE FROM canary; --", "\\x27", "E'\\''",
            "x' OR 'a'='a", "\\'); DROP TABLE canary; --", "\\\\\\'", "tab\there", "line\nbreak", "é\\ü'ß", "%_\\%",
            "\\0", "quote\"double", "`back`tick\\`", "$$dollar$$", "/* c */ -- d", "\u2019smart\u2019", "\uD83D\uDE00\\'");

    /** A canary table with one row; the caller drops it with the MetaData returned. */
    public static final class Canary {
        public final Table table;
        public final Column<Long> id;
        public final Column<String> s;
        public final MetaData metadata;

        public Canary(Engine engine) {
            table = Table.of(TestDatabases.uniqueName("canary"), Table.col("id", SqlTypes.BIGINT, Table.Options.primaryKey()),
                    Table.col("s", SqlTypes.TEXT));
            id = table.column("id", Long.class);
            s = table.column("s", String.class);
            metadata = MetaData.of(table);
            metadata.createAll(engine);
            engine.inTransaction(c -> { c.execute(insert(table).set(id, 0L).set(s, "canary")); });
        }

        /** The canary row is there, alone, and unchanged. */
        public void assertIntact(Connection c) {
            assertEquals(List.of(0L), c.execute(select(id).from(table).where(s.eq("canary"))).all().stream().map(t -> t._1).toList());
            assertEquals(1L, (Long) c.execute(select(count()).from(table)).scalar(), "rows in " + table.name());
        }
    }

    /**
     * Runs every case for each string on one connection set up by {@code session}; returns the number
     * of cases run. Nothing is committed.
     */
    public static int check(Engine engine, Canary canary, List<String> strings, Consumer<Connection> session) {
        int cases = 0;
        try (Connection c = engine.connect()) {
            session.accept(c);
            long nextId = 1;
            for (String v : strings) {
                cases += checkOne(engine, canary, c, v, nextId);
                nextId += 4;
            }
            // a list past the bind-parameter limit: bound (array / JSON), never rendered
            int limit = engine.dialect().features().maxBindParams();
            List<String> many = new ArrayList<>(limit + 10);
            for (int i = 0; many.size() <= limit; i++) many.add("filler-" + i);
            many.addAll(strings);
            many.add("canary");
            CompiledStatement big = engine.compile(select(canary.s).from(canary.table).where(canary.s.in(many)));
            for (String v : strings) if (v.length() > 3) assertFalse(big.sql().contains(v), "a list value rendered into " + big.sql());
            assertTrue(big.sql().length() < 300, "the list is bound, not rendered: " + big.sql().substring(0, Math.min(200, big.sql().length())));
            assertEquals(List.of("canary"), c.execute(select(canary.s).from(canary.table).where(canary.s.in(many))).all()
                    .stream().map(t -> t._1).toList());
            assertEquals(List.of(), c.execute(select(canary.s).from(canary.table).where(canary.s.in(many), canary.s.notIn(many))).all());
            cases += 2;
            canary.assertIntact(c);
            c.rollback();
        }
        return cases;
    }

    /**
     * The cases for one string on a connection already set up: literal(), a SELECT, INSERT and UPDATE
     * compiled with values inline and run as plain SQL text, and the same values bound. Uses row ids
     * {@code id} to {@code id + 3} and leaves no row behind; returns the number of cases (8).
     */
    public static int checkOne(Engine engine, Canary canary, Connection c, String v, long id) {
        // literal() in a bound statement
        assertEquals(v, c.execute(select(literal(v))).one()._1, "literal(" + show(v) + ")");
        // every value rendered inline, run as plain SQL text
        CompiledStatement sel = engine.dialect().compile(select(canary.s).from(canary.table).where(canary.s.eq(v)), true);
        assertEquals(0, sel.parameters().size(), sel.sql());
        assertEquals(List.of(), column(c, sel.sql()), "rows for " + sel.sql());
        CompiledStatement ins = engine.dialect().compile(insert(canary.table).set(canary.id, id).set(canary.s, v), true);
        assertEquals(1, run(c, ins.sql()), ins.sql());
        assertEquals(List.of(v), column(c, engine.dialect().compile(
                select(canary.s).from(canary.table).where(canary.id.eq(id)), true).sql()), "read back " + ins.sql());
        CompiledStatement upd = engine.dialect().compile(update(canary.table).set(canary.s, v + v).where(canary.id.eq(id), canary.s.eq(v)), true);
        assertEquals(1, run(c, upd.sql()), upd.sql());
        assertEquals(v + v, c.execute(select(canary.s).from(canary.table).where(canary.id.eq(id))).one()._1);
        canaryAfter(c, canary, id);
        // bound values: drivers that interpolate on the client (Connector/J) escape them by their idea of the mode
        assertEquals(1, c.execute(insert(canary.table).set(canary.id, id + 1).set(canary.s, v)));
        // read back by id: a value mangled the same way on the way in and in the WHERE would still match itself
        assertEquals(v, c.execute(select(canary.s).from(canary.table).where(canary.id.eq(id + 1))).one()._1, "bound, read back " + show(v));
        assertEquals(List.of(id + 1), c.execute(select(canary.id).from(canary.table).where(canary.s.eq(v))).all()
                .stream().map(t -> t._1).toList(), "bound " + show(v));
        canaryAfter(c, canary, id + 1);
        // the bulk paths bind on their own statements: a multi-row insertMany and an executeMany batch
        assertEquals(2, c.insertMany(insert(canary.table), List.of(
                java.util.Map.of(canary.id, id + 2, canary.s, v), java.util.Map.of(canary.id, id + 3, canary.s, v))));
        assertEquals(List.of(v, v), c.execute(select(canary.s).from(canary.table).where(canary.id.in(id + 2, id + 3))
                .orderBy(canary.id)).all().stream().map(t -> t._1).toList(), "insertMany, read back " + show(v));
        assertEquals(2, c.executeMany(update(canary.table).set(canary.s, bindParam("v", SqlTypes.TEXT))
                .where(canary.id.eq(bindParam("i", SqlTypes.BIGINT))), List.of(java.util.Map.of("v", v + "x", "i", id + 2),
                java.util.Map.of("v", v + "x", "i", id + 3))));
        assertEquals(List.of(id + 2, id + 3), c.execute(select(canary.id).from(canary.table).where(canary.s.eq(v + "x"))
                .orderBy(canary.id)).all().stream().map(t -> t._1).toList(), "executeMany " + show(v));
        assertEquals(2, c.execute(deleteFrom(canary.table).where(canary.id.in(id + 2, id + 3))));
        canary.assertIntact(c);
        return 8;
    }

    /**
     * Arbitrary strings, rich in what SQL lexers treat specially (quotes, backslashes, comment and
     * escape starters), plus any BMP and astral characters; no lone surrogates, and NUL only when
     * {@code nul} (PostgreSQL text cannot hold it; SQLite literals refuse it).
     */
    public static net.jqwik.api.Arbitrary<String> strings(boolean nul) {
        var special = net.jqwik.api.Arbitraries.of('\'', '\\', '"', '`', '%', '_', '\n', '\r', '\t', '\u001a', '/', '*', '-', ';', '$', 'E', 'b', 'n', '0', 'Z');
        var pieces = net.jqwik.api.Arbitraries.oneOf(
                special.map(String::valueOf),
                net.jqwik.api.Arbitraries.strings().all().ofMinLength(1).ofMaxLength(4).filter(LiteralSafety::wellFormed),
                net.jqwik.api.Arbitraries.of("\uD83D\uDE00", "\u4e2d\u6587", "\u00e9", "\\'", "''", "\\\\", "' OR '1'='1", "--", "/*", "*/", "$$", "E'", "\\x27"),
                net.jqwik.api.Arbitraries.just(nul ? "\0" : "\\0"));
        return pieces.list().ofMaxSize(25).map(l -> String.join("", l)).filter(v -> nul || v.indexOf('\0') < 0);
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Removes the row a case inserted and checks the canary. */
    private static void canaryAfter(Connection c, Canary canary, long id) {
        assertEquals(1, c.execute(deleteFrom(canary.table).where(canary.id.eq(id))));
        canary.assertIntact(c);
    }

    private static String show(String v) { return v.replace("\n", "\\n").replace("\t", "\\t"); }

    /** Runs SQL text as is (no parameter parsing, which text() would do) and returns its first column. */
    public static List<Object> column(Connection c, String sql) {
        try (var st = c.jdbc().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<Object> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getObject(1));
            return out;
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    public static int run(Connection c, String sql) {
        try (var st = c.jdbc().createStatement()) {
            return st.executeUpdate(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs a session setting through JDBC. */
    public static Consumer<Connection> session(String sql) {
        return c -> {
            try (var st = c.jdbc().createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw new AssertionError(sql + ": " + e.getMessage(), e);
            }
        };
    }
}
