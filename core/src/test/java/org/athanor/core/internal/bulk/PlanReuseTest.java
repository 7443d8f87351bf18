package org.athanor.core.internal.bulk;

import static org.athanor.core.sql.Sql.insert;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.athanor.core.compile.DialectFeatures;
import org.athanor.core.dialect.BulkChunk;
import org.athanor.core.dialect.BulkInsertShape;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.dialect.GenericDialect;
import org.athanor.core.dialect.KeyStrategy;
import org.athanor.core.internal.compile.CompiledTemplate;
import org.athanor.core.internal.compile.KeyCollector;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Dml;
import org.athanor.core.sql.Query;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.SqlNode;
import org.junit.jupiter.api.Test;

/**
 * An insert planned again on the same Engine (an ORM flush plans its insert at every commit) reuses what the first
 * planning worked out: the key strategy, when it keeps no state ({@link KeyStrategy#reusable}), chosen once per shape
 * (the dialect is not asked again), and the statement each chunk size was sent as, found without building a shape and
 * looking it up. A strategy that learns across its chunks is chosen anew for each insert; another shape is planned on
 * its own.
 */
class PlanReuseTest {
    static final class Items extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        final Column<String> NAME = column("name", varchar(20));
        final Column<Integer> QTY = column("qty", INTEGER);

        Items() { super("plan_reuse_items"); }
    }

    /** A dialect counting how often it is asked for a key strategy; {@code learning}: it answers with one that keeps state. */
    static final class Counting extends Dialect {
        final int[] asked;
        final boolean learning;

        Counting(DialectFeatures f, int[] asked, boolean learning) {
            super(f);
            this.asked = asked;
            this.learning = learning;
        }

        @Override public String name() { return "counting"; }

        @Override public Dialect withFeatures(DialectFeatures f) { return new Counting(f, asked, learning); }

        @Override
        public KeyStrategy keyStrategy(BulkInsertShape shape) {
            asked[0]++;
            return learning ? new Learning() : null;
        }
    }

    /** A strategy that counts its chunks: state of one insert's, so not reusable. */
    static final class Learning implements KeyStrategy {
        int chunks;

        @Override public void insert(BulkChunk chunk) {
            chunks++;
            chunk.insert();
        }

        @Override public String name() { return "learning"; }
    }

    /** The Engine's side of a connection, without a database: statements compiled by the dialect, runs counted. */
    static final class Fake implements Executor {
        final Dialect dialect;
        final Binders binders = new Binders();
        int binderLookups, compiles;
        final List<String> ran = new ArrayList<>();

        Fake(Dialect dialect) { this.dialect = dialect; }

        @Override public Dialect dialect() { return dialect; }

        @Override
        public Compiled compile(SqlNode statement) {
            compiles++;
            KeyCollector k = new KeyCollector();
            statement.key(k);
            return new Compiled(CompiledTemplate.of(dialect.compileTemplate(statement, k)), k.params(), false);
        }

        @Override
        public Binders binders() {
            binderLookups++;
            return binders;
        }

        @Override
        public long run(String sql, String generatedKey, boolean cached, Binding binding, Execution execution) {
            ran.add(sql);
            return 1;
        }

        @Override public int execute(Dml statement) { throw new AssertionError("no statement built from nodes here"); }

        @Override public List<Object[]> returning(Query<Row> statement) { throw new AssertionError("no statement built from nodes here"); }

        @Override public boolean inTransaction() { return true; }

        @Override public RuntimeException translate(SQLException e, String sql) { return new IllegalStateException(sql, e); }
    }

    private static Fake fake(boolean learning, int[] asked, int maxBindParams) {
        DialectFeatures f = GenericDialect.INSTANCE.features().toBuilder().maxBindParams(maxBindParams).build();
        return new Fake(new Counting(f, asked, learning));
    }

    @Test
    void aStrategyKeepingNoStateIsChosenOncePerShapeAndServesEveryInsertOfIt() {
        Items t = new Items();
        int[] asked = {0};
        Fake x = fake(false, asked, 32767);
        BulkInsert a = new BulkInsert(x, insert(t), new Column<?>[] {t.NAME, t.QTY}, new int[] {1, 2}, t.ID);
        BulkInsert b = new BulkInsert(x, insert(t), new Column<?>[] {t.NAME, t.QTY}, new int[] {1, 2}, t.ID);
        assertEquals(1, asked[0], "the dialect is asked once for one shape");
        assertTrue(a.strategy().reusable(), a.strategy().name());
        assertSame(a.strategy(), b.strategy());
        assertSame(a.form, b.form, "one plan of the statements for the shape");
        assertEquals(a.rowsPerStatement(), b.rowsPerStatement());
        // another column set (a nullable column left out) is another shape: planned and chosen on its own
        BulkInsert c = new BulkInsert(x, insert(t), new Column<?>[] {t.NAME}, new int[] {1}, t.ID);
        assertEquals(2, asked[0]);
        assertNotSame(a.form, c.form);
        // nothing returned (assigned keys) is another shape too, with core's strategy for it
        BulkInsert d = new BulkInsert(x, insert(t), new Column<?>[] {t.ID, t.NAME}, null);
        assertEquals(3, asked[0]);
        assertEquals("no keys", d.strategy().name());
        assertSame(d.strategy(), new BulkInsert(x, insert(t), new Column<?>[] {t.ID, t.NAME}, null).strategy());
        assertEquals(3, asked[0]);
    }

    @Test
    void aStrategyThatLearnsAcrossItsChunksIsChosenForEachInsert() {
        Items t = new Items();
        int[] asked = {0};
        Fake x = fake(true, asked, 32767);
        BulkInsert a = new BulkInsert(x, insert(t), new Column<?>[] {t.NAME, t.QTY}, new int[] {1, 2}, t.ID);
        BulkInsert b = new BulkInsert(x, insert(t), new Column<?>[] {t.NAME, t.QTY}, new int[] {1, 2}, t.ID);
        assertEquals(2, asked[0], "asked again: its state serves one insert only");
        assertNotSame(a.strategy(), b.strategy());
        assertSame(a.form, b.form, "the statements are still the shape's");
        b.rows(List.<Object[]>of(new Object[] {null, "n", 1}));
        assertEquals(0, ((Learning) a.strategy()).chunks);
        assertEquals(1, ((Learning) b.strategy()).chunks);
    }

    /**
     * The statements of a full chunk and of another size are kept with the plan: a second insert of one row (a flush
     * of one new object) and a second insert of a full chunk and a shorter one send them without looking anything up
     * beyond the plan itself, and without compiling.
     */
    @Test
    void theStatementsOfEachChunkSizeAreFoundWithThePlan() {
        Items t = new Items();
        int[] asked = {0};
        Fake x = fake(false, asked, 6); // two columns: three rows per statement
        Column<?>[] cols = {t.NAME, t.QTY};
        int[] positions = {1, 2};
        new BulkInsert(x, insert(t), cols, positions).rows(List.<Object[]>of(new Object[] {null, "a", 1}));
        assertEquals(1, x.compiles);
        int lookups = x.binderLookups;
        BulkInsert one = new BulkInsert(x, insert(t), cols, positions);
        one.rows(List.<Object[]>of(new Object[] {null, "b", 2}));
        assertEquals(lookups + 1, x.binderLookups, "only the plan is looked up: the one-row statement is kept with it");
        assertEquals(1, x.compiles);
        assertEquals(3, one.rowsPerStatement());
        List<Object[]> four = List.of(new Object[] {null, "c", 3}, new Object[] {null, "d", 4}, new Object[] {null, "e", 5},
                new Object[] {null, "f", 6});
        new BulkInsert(x, insert(t), cols, positions).rows(four); // a full chunk of three, then one row
        assertEquals(2, x.compiles, "the three-row statement compiled; the one-row statement kept");
        lookups = x.binderLookups;
        int ran = x.ran.size();
        new BulkInsert(x, insert(t), cols, positions).rows(four);
        assertEquals(lookups + 1, x.binderLookups, "both statements kept with the plan");
        assertEquals(2, x.compiles);
        assertEquals(ran + 2, x.ran.size());
        assertEquals(x.ran.get(ran - 2), x.ran.get(ran));
        assertEquals(x.ran.get(ran - 1), x.ran.get(ran + 1));
        assertNotEquals(x.ran.get(ran), x.ran.get(ran + 1));
    }

    /** A base with a clause of its own (here: rows in row order already) is not kept by the Engine: planned for each insert. */
    @Test
    void aBaseWithAClauseOfItsOwnIsPlannedForEachInsert() {
        Items t = new Items();
        int[] asked = {0};
        Fake x = fake(false, asked, 32767);
        BulkInsert a = new BulkInsert(x, insert(t).inRowOrder(), new Column<?>[] {t.NAME}, null);
        BulkInsert b = new BulkInsert(x, insert(t).inRowOrder(), new Column<?>[] {t.NAME}, null);
        assertNotSame(a.form, b.form);
        assertEquals(2, asked[0]);
    }
}
