package org.athanor.postgres;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.ExecutionEvent;
import org.athanor.core.engine.ExecutionListener;
import org.athanor.core.error.CompileError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/** {@code x = ANY(?)}: an IN list bound as one array parameter ({@code Expression.inArray}), compiled and on a live server. */
class PostgresInArrayTest {
    static final class Keys extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<Integer> NUM = column("num", INTEGER);
        final Column<String> CODE = column("code", TEXT);
        final Column<java.util.UUID> REF = column("ref", UUID);
        final Column<java.time.LocalDate> DAY = column("day", DATE);
        Keys(String name) { super(name); }
    }

    @Test
    void compilesToOneArrayParameterWhateverTheLength() {
        Keys t = new Keys("k");
        var one = PostgresDialect.INSTANCE.compile(select(t.ID).from(t).where(t.ID.inArray(List.of(1L))));
        var many = PostgresDialect.INSTANCE.compile(select(t.ID).from(t).where(t.ID.inArray(List.of(1L, 2L, 3L, 4L, 5L))));
        assertEquals("SELECT k.id FROM k WHERE k.id = ANY(?)", one.sql());
        assertEquals(one.sql(), many.sql());
        assertEquals(List.of(List.of(1L, 2L, 3L, 4L, 5L)), many.parameters());
        assertEquals("SELECT k.id FROM k WHERE k.code <> ALL(?)",
                PostgresDialect.INSTANCE.compile(select(t.ID).from(t).where(t.CODE.notInArray(List.of("a")))).sql());
        assertEquals("SELECT k.id FROM k WHERE k.id = ANY(?) AND k.num = ?", PostgresDialect.INSTANCE
                .compile(select(t.ID).from(t).where(and(t.ID.inArray(List.of(1L)), t.NUM.eq(3)))).sql());
        // an Integer given for a BIGINT column is converted as bind() does; a value of another type is refused
        assertEquals(List.of(List.of(7L)), PostgresDialect.INSTANCE.compile(select(t.ID).from(t).where(t.ID.inArray(List.of(7)))).parameters());
        assertThrows(RuntimeException.class, () -> t.ID.inArray(List.of("x")));
        assertTrue(PostgresDialect.INSTANCE.features().supportsAnyArray());
    }

    @Test
    void refusedWhereArraysCannotCarryTheValues() {
        Keys t = new Keys("k");
        CompileError e = assertThrows(CompileError.class,
                () -> PostgresDialect.INSTANCE.compile(select(t.ID).from(t).where(t.DAY.inArray(List.of(java.time.LocalDate.EPOCH)))));
        assertTrue(e.getMessage().contains("cannot be array elements") && e.getMessage().contains("use in(values)"), e.getMessage());
        CompileError literal = assertThrows(CompileError.class,
                () -> PostgresDialect.INSTANCE.compile(select(t.ID).from(t).where(t.ID.inArray(List.of(1L))), true));
        assertTrue(literal.getMessage().contains("no literal form"), literal.getMessage());
    }

    private static List<Long> ids(Connection c, org.athanor.core.sql.Select<io.vavr.Tuple1<Long>> q) {
        return c.execute(q).all().stream().map(r -> r._1()).toList();
    }

    @Test
    void roundTripsBigintIntTextAndUuidKeysWithOneCachedStatement() {
        Keys t = new Keys(TestDatabases.uniqueName("pg_inarray"));
        MetaData md = MetaData.of(t);
        List<java.util.UUID> refs = new ArrayList<>();
        for (int i = 0; i < 6; i++) refs.add(java.util.UUID.randomUUID());
        try (Engine engine = TestDatabases.postgres()) {
            md.createAll(engine);
            List<ExecutionEvent> events = new ArrayList<>();
            try (Connection c = engine.connect()) {
                for (int i = 0; i < 6; i++)
                    c.execute(insert(t).set(t.ID, 10L + i).set(t.NUM, i).set(t.CODE, "c" + i).set(t.REF, refs.get(i)));
                engine.addExecutionListener(new ExecutionListener() {
                    @Override public void finished(ExecutionEvent ev) { events.add(ev); }
                });
                assertEquals(List.of(11L, 13L), ids(c, select(t.ID).from(t).where(t.ID.inArray(List.of(13L, 11L, 99L))).orderBy(t.ID)));
                assertEquals(List.of(10L, 14L), ids(c, select(t.ID).from(t).where(t.NUM.inArray(List.of(0, 4))).orderBy(t.ID)));
                assertEquals(List.of(15L), ids(c, select(t.ID).from(t).where(t.CODE.inArray(List.of("c5", "zz")))));
                assertEquals(List.of(12L), ids(c, select(t.ID).from(t).where(t.REF.inArray(List.of(refs.get(2))))));
                // an empty list: IN is false, NOT IN true; a NULL in the list matches nothing (IN's semantics)
                assertEquals(List.of(), ids(c, select(t.ID).from(t).where(t.ID.inArray(List.of()))));
                assertEquals(6, ids(c, select(t.ID).from(t).where(t.ID.notInArray(List.of()))).size());
                assertEquals(List.of(10L), ids(c, select(t.ID).from(t).where(t.ID.inArray(Arrays.asList(null, 10L)))));
                assertEquals(List.of(), ids(c, select(t.ID).from(t).where(t.ID.notInArray(Arrays.asList(null, 10L)))));
                // another length of list: the same statement, from the cache
                events.clear();
                assertEquals(List.of(10L, 11L, 12L, 13L, 14L),
                        ids(c, select(t.ID).from(t).where(t.ID.inArray(List.of(10L, 11L, 12L, 13L, 14L))).orderBy(t.ID)));
                assertTrue(events.get(0).cached(), events.toString());
                c.rollback();
            } finally {
                md.dropAll(engine);
            }
        }
    }
}
