package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.ExecutionEvent;
import org.athanor.core.engine.ExecutionListener;
import org.athanor.core.engine.TransactionEvent;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Extension;
import org.athanor.core.sql.RenderContext;
import org.athanor.core.sql.SqlNode;
import org.athanor.core.testing.TestDatabases;
import org.athanor.core.type.SqlType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The execution listener SPI on a real database: every execution path (execute, executeMany,
 * insertMany, insertRows' chunks and key strategies, text(), executeStatement, executeSql) reports
 * exactly once to started and finished, with the row count and whether the SQL came from the cache;
 * a failed statement reports its error; transaction boundaries are told.
 */
public abstract class ExecutionListenerSuite extends ComplianceSuite {
    static final class Items extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        final Column<String> CODE = column("code", varchar(30), notNull(), unique());
        final Column<Long> QTY = column("qty", BIGINT);
        Items(String name) { super(name); }
    }

    /** Records what it is told and checks that each execution starts once and finishes once, in that order. */
    static final class Recorder implements ExecutionListener {
        final List<ExecutionEvent> started = new CopyOnWriteArrayList<>();
        final List<ExecutionEvent> finished = new CopyOnWriteArrayList<>();
        final List<TransactionEvent> transactions = new CopyOnWriteArrayList<>();

        @Override public void started(ExecutionEvent e) {
            assertFalse(started.contains(e), "started twice: " + e);
            assertEquals(-1, e.durationNanos(), "not finished yet");
            started.add(e);
        }

        @Override public void finished(ExecutionEvent e) {
            assertTrue(started.contains(e), "finished without starting: " + e);
            assertFalse(finished.contains(e), "finished twice: " + e);
            assertTrue(e.durationNanos() >= 0);
            finished.add(e);
        }

        @Override public void transaction(TransactionEvent event, Connection connection) { transactions.add(event); }

        /** The executions since the last call, each started and finished once. */
        List<ExecutionEvent> take() {
            assertEquals(started, finished, "every execution started is finished, in order");
            List<ExecutionEvent> out = new ArrayList<>(finished);
            started.clear();
            finished.clear();
            return out;
        }

        ExecutionEvent one() {
            List<ExecutionEvent> all = take();
            assertEquals(1, all.size(), "one execution: " + all);
            return all.get(0);
        }
    }

    /**
     * {@code (operand + amount)} with the amount rendered as a literal: an extension that does not
     * override {@code key()}, so two instances differing only in {@code amount} must not share SQL.
     */
    record PlusLiteral(Expression<Long> operand, long amount) implements Expression<Long>, Extension {
        @Override public SqlType<Long> type() { return BIGINT; }

        @Override
        public void render(RenderContext c) {
            c.append('(');
            c.visit(operand);
            c.append(" + ").append(c.renderLiteral(amount, BIGINT)).append(')');
        }

        @Override public List<? extends SqlNode> fromExpressions() { return List.of(operand); }
    }

    private Items t;
    private final Recorder rec = new Recorder();

    private static long number(Object o) { return ((Number) o).longValue(); }

    @Test
    void anExtensionWithoutAKeyIsCompiledAtEveryExecutionAndRendersItsOwnSql() {
        commit(c -> c.execute(insert(t).set(t.CODE, "a").set(t.QTY, 1L)));
        try (Connection c = engine().connect()) {
            rec.take();
            // no FROM given: the extension's fromExpressions() bring the table in
            assertEquals(101L, number(c.execute(select(new PlusLiteral(t.QTY, 100))).scalar()));
            ExecutionEvent first = rec.one();
            assertFalse(first.cached());
            assertTrue(first.sql().contains(" + 100)"), first.sql());
            // a class-only key would serve the first statement's SQL here, answering 101
            assertEquals(201L, number(c.execute(select(new PlusLiteral(t.QTY, 200))).scalar()));
            ExecutionEvent second = rec.one();
            assertFalse(second.cached(), "a statement with a keyless extension is never taken from the cache");
            assertTrue(second.sql().contains(" + 200)"), second.sql());
            // bind parameters inside the keyless node are bound, with this execution's values
            assertEquals(311L, number(c.execute(select(new PlusLiteral(t.QTY.plus(10L), 300)).where(t.CODE.eq("a"))).scalar()));
            assertEquals(List.of(10L, "a"), rec.one().parameters());
            assertEquals(321L, number(c.execute(select(new PlusLiteral(t.QTY.plus(20L), 300)).where(t.CODE.eq("a"))).scalar()));
            ExecutionEvent fourth = rec.one();
            assertFalse(fourth.cached());
            assertEquals(List.of(20L, "a"), fourth.parameters());
            // a named parameter inside it takes its value at execution, and a name it does not have is refused
            assertEquals(406L, number(c.execute(select(new PlusLiteral(t.QTY.plus(bindParam("n", BIGINT)), 400)), Map.of("n", 5L)).scalar()));
            assertEquals(List.of(5L), rec.one().parameters());
            IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                    () -> c.execute(select(new PlusLiteral(t.QTY.plus(bindParam("n", BIGINT)), 400)), Map.of("m", 5L)));
            assertTrue(typo.getMessage().contains("a value was given for :m"), typo.getMessage());
        }
        // compiled through the engine without executing: the same, and the cache is not filled
        long size = engine().cacheStats().size();
        assertTrue(engine().compile(select(new PlusLiteral(t.QTY, 7))).sql().contains(" + 7)"));
        assertTrue(engine().compile(select(new PlusLiteral(t.QTY, 8))).sql().contains(" + 8)"));
        assertEquals(size, engine().cacheStats().size(), "nothing cached for a keyless statement");
    }

    @BeforeEach
    void setUp() {
        t = new Items(TestDatabases.uniqueName("el"));
        create(t);
        engine().addExecutionListener(rec);
    }

    @AfterEach
    void tearDown() { engine().removeExecutionListener(rec); }

    private static long rows(List<ExecutionEvent> events) {
        long n = 0;
        for (ExecutionEvent e : events) if (e.sql().trim().toUpperCase().startsWith("INSERT")) n += e.rows();
        return n;
    }

    @Test
    void singleStatementsReportRowsParametersAndTheCacheFlag() {
        try (Connection c = engine().connect()) {
            rec.take();
            assertEquals(1, c.execute(insert(t).set(t.CODE, "a").set(t.QTY, 1L)));
            ExecutionEvent first = rec.one();
            assertFalse(first.cached(), "a new shape is compiled");
            assertEquals(1, first.rows());
            assertEquals(List.of("a", 1L), first.parameters());
            assertSame(c, first.connection());
            assertNull(first.error());

            c.execute(insert(t).set(t.CODE, "b").set(t.QTY, 2L));
            ExecutionEvent second = rec.one();
            assertTrue(second.cached(), "the same shape again comes from the cache");
            assertEquals(List.of("b", 2L), second.parameters());

            assertEquals(2, c.execute(update(t).set(t.QTY, 5L)));
            assertEquals(2, rec.one().rows());

            assertEquals(2, c.execute(select(t.CODE).from(t)).all().size());
            ExecutionEvent q = rec.one();
            assertEquals(-1, q.rows(), "a query's rows are read later");
            assertFalse(q.literal());

            assertEquals(1L, ((Number) c.execute(text("SELECT count(*) FROM " + t.name() + " WHERE code = :c").bind("c", "a")).scalar()).longValue());
            assertEquals(List.of("a"), rec.one().parameters());

            c.executeStatement(text("UPDATE " + t.name() + " SET qty = 9 WHERE code = 'a'"));
            assertEquals(1, rec.one().rows());

            c.executeSql("UPDATE " + t.name() + " SET qty = 8");
            ExecutionEvent lit = rec.one();
            assertTrue(lit.literal());
            assertFalse(lit.cached());
            assertEquals(2, lit.rows());
            assertEquals(List.of(), lit.parameters());

            engine().compile(select(t.CODE).from(t));
            assertEquals(List.of(), rec.take(), "compiling runs nothing");
            c.rollback();
        }
    }

    @Test
    void executeManyIsOneBatchExecution() {
        try (Connection c = engine().connect()) {
            rec.take();
            long n = c.executeMany(insert(t).set(t.CODE, bindParam("code", varchar(30))).set(t.QTY, bindParam("qty", BIGINT)),
                    List.of(Map.of("code", "a", "qty", 1L), Map.of("code", "b", "qty", 2L), Map.of("code", "c", "qty", 3L),
                            Map.of("code", "d", "qty", 4L)));
            ExecutionEvent e = rec.one();
            assertTrue(e.batch());
            assertEquals(4, e.setCount());
            assertEquals(n, e.rows());
            assertTrue(n == 4 || n == -1, "rows " + n);
            assertEquals(3, e.parameterSets().size(), "the first sets are kept");
            assertEquals(List.of("a", 1L), e.parameters());
            c.rollback();
        }
    }

    @Test
    void bulkInsertsReportEachStatementOnce() {
        int n = 2500; // several statements on every dialect's bind limit? at least one, and chunked where it is small
        List<Map<Column<?>, Object>> maps = new ArrayList<>();
        for (int i = 0; i < n; i++) maps.add(Map.of(t.CODE, "m" + i, t.QTY, (long) i));
        List<Object[]> arrays = new ArrayList<>();
        for (int i = 0; i < n; i++) arrays.add(new Object[] {"r" + i, (long) i});
        try (Connection c = engine().connect()) {
            rec.take();
            assertEquals(n, c.insertMany(insert(t), maps));
            List<ExecutionEvent> many = rec.take();
            assertFalse(many.isEmpty());
            assertEquals(n, rows(many), "insertMany's statements together report every row");

            Object[] keys = c.rowsInsert(insert(t), new Column<?>[] {t.CODE, t.QTY}, new int[] {0, 1}, t.ID).keys(arrays);
            assertEquals(n, keys.length);
            List<ExecutionEvent> rowsInsert = rec.take();
            assertFalse(rowsInsert.isEmpty());
            assertEquals(n, rows(rowsInsert), "each chunk reports the rows it inserted (or returned): " + rowsInsert);

            List<Object[]> more = new ArrayList<>();
            for (int i = 0; i < 10; i++) more.add(new Object[] {"x" + i, (long) i});
            c.insertRows(insert(t), new Column<?>[] {t.CODE, t.QTY}, more);
            assertEquals(10, rows(rec.take()));
            c.rollback();
        }
    }

    @Test
    void aFailedStatementReportsItsError() {
        try (Connection c = engine().connect()) {
            c.execute(insert(t).set(t.CODE, "dup"));
            rec.take();
            IntegrityError thrown = assertThrows(IntegrityError.class, () -> c.execute(insert(t).set(t.CODE, "dup")));
            ExecutionEvent e = rec.one();
            assertSame(thrown, e.error());
            assertEquals(-1, e.rows());
            c.rollback();
        }
        try (Connection c = engine().connect()) {
            rec.take();
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> c.executeSql("SELECT * FROM no_such_table_el"));
            assertSame(thrown, rec.one().error());
            c.rollback();
        }
    }

    @Test
    void transactionBoundariesAreTold() {
        rec.transactions.clear();
        try (Connection c = engine().connect()) {
            c.execute(insert(t).set(t.CODE, "t"));
            var sp = c.beginNested();
            sp.rollback();
            c.commit();
        }
        assertEquals(TransactionEvent.BEGIN, rec.transactions.get(0));
        assertTrue(rec.transactions.contains(TransactionEvent.SAVEPOINT), rec.transactions.toString());
        assertTrue(rec.transactions.contains(TransactionEvent.ROLLBACK_TO_SAVEPOINT), rec.transactions.toString());
        assertTrue(rec.transactions.contains(TransactionEvent.COMMIT), rec.transactions.toString());
    }

    @Test
    void aRemovedListenerHearsNothing() {
        engine().removeExecutionListener(rec);
        rec.take();
        commit(c -> c.execute(insert(t).set(t.CODE, "z")));
        assertEquals(List.of(), rec.take());
    }
}
