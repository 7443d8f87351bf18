package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple1;
import java.util.List;
import java.util.Map;
import org.athanor.core.engine.Connection;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Query;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;
import org.athanor.core.sql.Text;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lists for IN given as values (SQLAlchemy's expanding bindparam): bound to a text() parameter, or
 * given at execution for {@code col.in(bindParam("ids", type))}; lists of one size bucket share one
 * cached statement, and an empty list is an empty IN (false; NOT IN true).
 */
public abstract class ExpandingParametersSuite extends ComplianceSuite {
    static final class Things extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<String> NAME = column("name", varchar(20));
        Things(String name) { super(name); }
    }

    private Things t;

    @BeforeEach
    void createTable() {
        t = new Things(TestDatabases.uniqueName("xp"));
        create(t);
        commit(c -> c.execute(insert(t).columns(t.ID, t.NAME).values(1L, "one").values(2L, "two").values(3L, "three").values(4L, "four")));
    }

    private static List<Object> names(Connection c, Query<Row> q) { return c.execute(q).all().stream().map(r -> r.get(0)).toList(); }

    private static List<String> names(List<Tuple1<String>> rows) { return rows.stream().map(r -> r._1).toList(); }

    @Test
    void aListBoundToATextParameterExpands() {
        Text in = text("SELECT name FROM " + t.name() + " WHERE id IN :ids ORDER BY id");
        Text notIn = text("SELECT name FROM " + t.name() + " WHERE id NOT IN :ids ORDER BY id");
        try (Connection c = engine().connect()) {
            assertEquals(List.of("one", "three"), names(c, in.bind("ids", List.of(1L, 3L))));
            int cached = engine().cacheStats().size();
            assertEquals(List.of("one", "two", "three"), names(c, in.bind("ids", List.of(1L, 2L, 3L))));
            assertEquals(List.of("two", "three", "four"), names(c, in.bind("ids", List.of(2L, 3L, 4L))));
            assertEquals(List.of("one", "two", "four"), names(c, in.bind("ids", List.of(4L, 2L, 1L, 1L))));
            assertEquals(cached + 1, engine().cacheStats().size(), "lists of 3 and 4 items share one cached statement");
            assertEquals(List.of(), names(c, in.bindList("ids", List.of(), BIGINT)));
            assertEquals(List.of("one", "two", "three", "four"), names(c, notIn.bindList("ids", List.of(), BIGINT)));
            assertEquals(List.of("two", "four"), names(c, notIn.bind("ids", List.of(1L, 3L))));
            String sql = engine().compile(in.bind("ids", List.of(1L, 2L, 3L))).sql();
            assertTrue(sql.contains("IN (?, ?, ?, ?)"), "rendered padded to the bucket: " + sql);
            IllegalArgumentException nul = assertThrows(IllegalArgumentException.class, () -> in.bind("ids", java.util.Arrays.asList(1L, null)));
            assertTrue(nul.getMessage().contains(":ids"), nul.getMessage());
        }
    }

    @Test
    void anInOfANamedParameterExpandsTheListGivenAtExecution() {
        Select<Tuple1<String>> q = select(t.NAME).where(t.ID.in(bindParam("ids", BIGINT))).orderBy(t.ID);
        Select<Tuple1<String>> notIn = select(t.NAME).where(t.ID.notIn(bindParam("ids", BIGINT))).orderBy(t.ID);
        try (Connection c = engine().connect()) {
            assertEquals(List.of("two"), names(c.execute(q, Map.of("ids", List.of(2L))).all()));
            assertEquals(List.of("one", "two", "three"), names(c.execute(q, Map.of("ids", List.of(3L, 1L, 2L))).all()));
            int cached = engine().cacheStats().size();
            assertEquals(List.of("two", "three", "four"), names(c.execute(q, Map.of("ids", List.of(2L, 3L, 4L))).all()));
            assertEquals(List.of("one", "two", "three", "four"), names(c.execute(q, Map.of("ids", List.of(1L, 2L, 3L, 4L))).all()));
            assertEquals(cached, engine().cacheStats().size(), "3 and 4 items reuse the statement cached for 3");
            assertEquals(List.of(), c.execute(q, Map.of("ids", List.of())).all(), "an empty list is an empty IN");
            assertEquals(List.of("one", "two", "three", "four"), names(c.execute(notIn, Map.of("ids", List.of())).all()));
            assertEquals(List.of("one", "four"), names(c.execute(notIn, Map.of("ids", List.of(2L, 3L))).all()));
            // a single value binds as an ordinary parameter
            assertEquals(List.of("three"), names(c.execute(select(t.NAME).where(t.ID.eq(bindParam("id", BIGINT))), Map.of("id", 3L)).all()));

            assertEquals(2, c.execute(update(t).set(t.NAME, "x").where(t.ID.in(bindParam("ids", BIGINT))), Map.of("ids", List.of(1L, 4L))));
            assertEquals(2L, c.scalar(select(count()).from(t).where(t.NAME.eq("x"))));
            c.rollback();
        }
    }

    @Test
    void missingWrongAndUnknownNamedValuesAreClearErrors() {
        Select<Tuple1<String>> q = select(t.NAME).where(t.ID.in(bindParam("ids", BIGINT)));
        try (Connection c = engine().connect()) {
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> c.execute(q).all());
            assertTrue(missing.getMessage().contains(":ids has no value") && missing.getMessage().contains("Map.of"), missing.getMessage());
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> c.execute(q, Map.of("ids", List.of(1L), "idz", 2L)));
            assertTrue(unknown.getMessage().contains(":idz") && unknown.getMessage().contains("ids"), unknown.getMessage());
            IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                    () -> c.execute(q, Map.of("ids", List.of("one"))));
            assertTrue(wrongType.getMessage().contains("java.lang.String") && wrongType.getMessage().contains(":ids"), wrongType.getMessage());
            IllegalArgumentException listOutsideIn = assertThrows(IllegalArgumentException.class,
                    () -> c.execute(select(t.NAME).where(t.ID.eq(bindParam("id", BIGINT))), Map.of("id", List.of(1L))).all());
            assertTrue(listOutsideIn.getMessage().contains("only the single parameter of an IN"), listOutsideIn.getMessage());
        }
    }

    /**
     * {@code inArray}: one array parameter where the dialect has the form (PostgreSQL's {@code = ANY(?)}), refused
     * naming IN lists elsewhere, where {@code in(values)} stays the form.
     */
    @Test
    void inArrayRunsWhereTheDialectHasItAndIsRefusedNamingInListsElsewhere() {
        Select<Tuple1<String>> any = select(t.NAME).where(t.ID.inArray(List.of(1L, 3L))).orderBy(t.ID);
        try (Connection c = engine().connect()) {
            if (features().supportsAnyArray()) {
                assertEquals(List.of("one", "three"), names(c.execute(any).all()), db());
            } else {
                org.athanor.core.error.CompileError e = assertThrows(org.athanor.core.error.CompileError.class, () -> c.execute(any), db());
                assertTrue(e.getMessage().contains("use in(values)"), e.getMessage());
            }
            assertEquals(List.of("one", "three"), names(c.execute(select(t.NAME).where(t.ID.in(List.of(1L, 3L))).orderBy(t.ID)).all()));
        }
    }
}
