package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.StatementListener;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Insert;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * The binders the Engine keeps per shape of a plain multi-row INSERT (table, columns, returned
 * columns, rows per statement): {@code insertMany} reuses them as {@code insertRows} does, and a base
 * with something of its own (rows in row order, its own RETURNING) is compiled, never served the
 * statement kept for the plain shape.
 */
public abstract class BulkShapeSuite extends ComplianceSuite {
    static final class Parts extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        final Column<String> CODE = column("code", varchar(30), notNull());
        final Column<Long> QTY = column("qty", BIGINT);
        Parts(String name) { super(name); }
    }

    private Parts parts() {
        Parts p = new Parts(TestDatabases.uniqueName("bs"));
        create(p);
        return p;
    }

    private static List<Map<Column<?>, Object>> rows(Parts p, String... codes) {
        return java.util.Arrays.stream(codes).<Map<Column<?>, Object>>map(code -> Map.of(p.CODE, code, p.QTY, (long) code.length()))
                .toList();
    }

    private List<String> statementsDuring(Runnable work) {
        List<String> seen = new CopyOnWriteArrayList<>();
        StatementListener l = seen::add;
        engine().addStatementListener(l);
        try {
            work.run();
        } finally {
            engine().removeStatementListener(l);
        }
        return seen;
    }

    private long lookups() {
        Engine.CacheStats s = engine().cacheStats();
        return s.hits() + s.misses();
    }

    @Test
    void insertManyReusesTheBinderOfARepeatedShape() {
        Parts p = parts();
        try (Connection c = engine().connect()) {
            List<String> first = statementsDuring(() -> assertEquals(2L, c.insertMany(insert(p), rows(p, "a", "b"))));
            long before = lookups();
            List<String> second = statementsDuring(() -> assertEquals(2L, c.insertMany(insert(p), rows(p, "c", "d"))));
            assertEquals(first, second, "the same SQL");
            assertEquals(before, lookups(), "the kept binder serves the repeated shape: no statement is built, compiled or looked up");
            assertEquals(List.of("a", "b", "c", "d"), c.execute(select(p.CODE).orderBy(p.CODE)).all().stream().map(t -> t._1).toList());
        }
    }

    /** insertMany and insertRows of the same plain shape share the binder: the second is not compiled. */
    @Test
    void insertManyAndInsertRowsShareThePlainShape() {
        Parts p = parts();
        try (Connection c = engine().connect()) {
            List<Map<Column<?>, Object>> first = rows(p, "a", "bb");
            Column<?>[] cols = first.get(0).keySet().toArray(Column<?>[]::new); // the columns in the order insertMany takes them
            List<String> many = statementsDuring(() -> c.insertMany(insert(p), first));
            long before = lookups();
            List<Object[]> arrays = List.of(new Object[] {value(p, cols[0], "c"), value(p, cols[1], "c")},
                    new Object[] {value(p, cols[0], "dd"), value(p, cols[1], "dd")});
            List<String> asRows = statementsDuring(() -> c.insertRows(insert(p), cols, arrays));
            assertEquals(many, asRows, "the same SQL");
            assertEquals(before, lookups(), "insertRows found the binder insertMany kept");
            assertEquals(6L, c.execute(select(sum(p.QTY)).from(p)).one()._1);
        }
    }

    private static Object value(Parts p, Column<?> col, String code) { return col == p.CODE ? code : (Object) (long) code.length(); }

    /**
     * A base asking for rows in row order (PostgreSQL renders INSERT ... SELECT ... ORDER BY) after the
     * plain shape was kept: compiled, and on a database where the order changes the SQL, that SQL is
     * sent — through insertMany and insertRows alike.
     */
    @Test
    void aBaseInRowOrderIsCompiledNotServedThePlainShapesStatement() {
        Parts p = parts();
        try (Connection c = engine().connect()) {
            Column<?>[] cols = {p.CODE, p.QTY};
            List<String> plainMany = statementsDuring(() -> c.insertMany(insert(p).columns(cols), rows(p, "a", "b")));
            List<String> plainRows = statementsDuring(() -> c.insertRows(insert(p), cols, List.of(new Object[] {"c", 1L}, new Object[] {"d", 1L})));
            assertEquals(plainMany, plainRows, "one plain shape");

            Insert ordered = insert(p).inRowOrder();
            long before = lookups();
            List<String> orderedMany = statementsDuring(() -> c.insertMany(ordered.columns(cols), rows(p, "e", "f")));
            assertTrue(lookups() > before, "insertMany with a base in row order compiled its statement");
            before = lookups();
            List<String> orderedRows = statementsDuring(() -> c.insertRows(ordered, cols, List.of(new Object[] {"g", 1L}, new Object[] {"h", 1L})));
            assertTrue(lookups() > before, "insertRows with a base in row order compiled its statement");
            if (features().orderedInsertSelect()) {
                assertNotEquals(plainMany, orderedMany, "rows in row order are another statement on " + db());
                assertNotEquals(plainRows, orderedRows, "rows in row order are another statement on " + db());
            }
            assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h"),
                    c.execute(select(p.CODE).orderBy(p.CODE)).all().stream().map(t -> t._1).toList());
        }
    }
}
