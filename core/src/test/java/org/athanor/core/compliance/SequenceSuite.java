package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.athanor.core.error.CompileError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Sequence;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Row;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * Sequences in statements where the database has them ({@code DialectFeatures.supportsSequences()}):
 * {@code nextValue} in a SELECT, in an expression, several times in one row (each call a new value,
 * which the ORM's SEQUENCE ids rely on) and as an inserted value; a descending sequence. Where the
 * database has none, {@code nextValue} is refused at compile time with the database and the sequence
 * named. (CREATE/DROP through createAll/dropAll: {@link DdlSuite}.)
 */
public abstract class SequenceSuite extends ComplianceSuite {
    static final class Orders extends Table {
        final Column<Long> NO = column("no", BIGINT, primaryKey());
        final Column<String> ITEM = column("item", varchar(20), notNull());
        Orders(String name) { super(name); }
    }

    @Test
    void nextValueInSelectsExpressionsAndInserts() {
        Sequence seq = Sequence.of(TestDatabases.uniqueName("sq")).startWith(1000).incrementBy(10);
        if (!features().supportsSequences()) {
            CompileError e = assertThrows(CompileError.class, () -> engine().dialect().compile(select(nextValue(seq))));
            assertTrue(e.getMessage().contains(seq.name()) && e.getMessage().contains(db()), e.getMessage());
            return;
        }
        Orders orders = new Orders(TestDatabases.uniqueName("sqo"));
        MetaData md = MetaData.of(orders).add(seq);
        try {
            md.createAll(engine());
            md.createAll(engine()); // IF NOT EXISTS: the sequence is not reset
            commit(c -> {
                assertEquals(1000L, (Long) c.execute(select(nextValue(seq))).scalar());
                assertEquals(1011L, (Long) c.execute(select(nextValue(seq).plus(1L))).scalar(), "nextValue in an expression");
                Row two = c.execute(select(List.of(nextValue(seq), nextValue(seq)))).one();
                assertEquals(List.of(1020L, 1030L), List.of(((Number) two.get(0)).longValue(), ((Number) two.get(1)).longValue()),
                        "each call in one row takes its own value");
                c.execute(insert(orders).set(orders.NO, nextValue(seq)).set(orders.ITEM, "book"));
                c.execute(insert(orders).set(orders.NO, nextValue(seq)).set(orders.ITEM, "pen"));
                assertEquals(List.of(1040L, 1050L), c.execute(select(orders.NO).orderBy(orders.NO)).all().stream().map(t -> t._1).toList());
            });
        } finally {
            md.dropAll(engine(), true);
        }
    }

    @Test
    void aDescendingSequenceCountsDownFromMinusOne() {
        if (!features().supportsSequences()) return; // refused as above
        Sequence down = Sequence.of(TestDatabases.uniqueName("sqd")).incrementBy(-2);
        MetaData md = new MetaData().add(down);
        try {
            md.createAll(engine());
            commit(c -> {
                assertEquals(-1L, (Long) c.execute(select(nextValue(down))).scalar());
                assertEquals(-3L, (Long) c.execute(select(nextValue(down))).scalar());
            });
        } finally {
            md.dropAll(engine(), true);
        }
    }
}
