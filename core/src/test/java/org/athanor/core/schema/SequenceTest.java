package org.athanor.core.schema;

import static org.athanor.core.schema.Table.col;
import static org.athanor.core.type.SqlTypes.BIGINT;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sequence values and the MetaData that holds them. */
class SequenceTest {
    @Test
    void defaultsAndWithers() {
        Sequence s = Sequence.of("order_no");
        assertEquals("order_no", s.name());
        assertNull(s.schema());
        assertEquals(1, s.start());
        assertEquals(1, s.increment());
        Sequence t = s.startWith(1000).incrementBy(5);
        assertEquals(1000, t.start());
        assertEquals(5, t.increment());
        assertEquals(1, s.start(), "withers return new values and leave the receiver alone");
        assertEquals("shop.order_no", Sequence.of("shop", "order_no").qualifiedName());
        assertEquals("Sequence(order_no START WITH 1000 INCREMENT BY 5)", t.toString());
    }

    @Test
    void aDescendingSequenceStartsAtMinusOneUnlessToldOtherwise() {
        assertEquals(-1, Sequence.of("down").incrementBy(-1).start());
        assertEquals(-50, Sequence.of("down").startWith(-50).incrementBy(-2).start());
        assertEquals(Sequence.of("up").startWith(1), Sequence.of("up"), "the default start equals an explicit 1");
        assertNotEquals(Sequence.of("up").startWith(2), Sequence.of("up"));
        assertNotEquals(Sequence.of("a", "up"), Sequence.of("up"));
        assertEquals(Sequence.of("up").startWith(1).hashCode(), Sequence.of("up").hashCode());
    }

    @Test
    void mistakesAreNamed() {
        assertEquals("sequence shop.s: INCREMENT BY cannot be 0; use a positive step to count up or a negative one to count down",
                assertThrows(IllegalArgumentException.class, () -> Sequence.of("shop", "s").incrementBy(0)).getMessage());
        assertEquals("a sequence name must be a non-blank string, got ''",
                assertThrows(IllegalArgumentException.class, () -> Sequence.of("")).getMessage());
        assertEquals("a sequence name must be a non-blank string, got null",
                assertThrows(IllegalArgumentException.class, () -> Sequence.of(null)).getMessage());
        assertEquals("a sequence schema must be a non-blank string (sequence s), got ' '",
                assertThrows(IllegalArgumentException.class, () -> Sequence.of(" ", "s")).getMessage());
    }

    @Test
    void metaDataHoldsSequencesByName() {
        Sequence a = Sequence.of("a_seq").startWith(10), b = Sequence.of("shop", "b_seq");
        MetaData md = new MetaData().add(a, b).add(Sequence.of("a_seq").startWith(10)); // an equal one again: no-op
        assertEquals(List.of(a, b), md.sequences());
        assertSame(a, md.sequence("a_seq"));
        assertSame(b, md.sequence("shop.b_seq"));
        assertEquals("MetaData has no sequence 'b_seq'; it has [a_seq, shop.b_seq]",
                assertThrows(IllegalArgumentException.class, () -> md.sequence("b_seq")).getMessage());
        assertEquals("MetaData already holds another sequence named a_seq: Sequence(a_seq START WITH 10 INCREMENT BY 1), "
                        + "not Sequence(a_seq START WITH 11 INCREMENT BY 1)",
                assertThrows(IllegalArgumentException.class, () -> md.add(Sequence.of("a_seq").startWith(11))).getMessage());
        assertEquals(2, md.sequences().size());
        assertTrue(md.tables().isEmpty());
    }

    @Test
    void aTableAndASequenceCannotShareAName() {
        Table things = Table.of("things", col("id", BIGINT, Table.Options.primaryKey()));
        MetaData md = MetaData.of(things);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> md.add(Sequence.of("things")));
        assertEquals("MetaData already holds a table named things; a sequence cannot share its name "
                + "(the databases keep tables and sequences in one namespace)", e.getMessage());
        MetaData md2 = new MetaData().add(Sequence.of("things"));
        e = assertThrows(IllegalArgumentException.class, () -> md2.add(things));
        assertEquals("MetaData already holds a sequence named things; a table cannot share its name "
                + "(the databases keep tables and sequences in one namespace)", e.getMessage());
        md.add(Sequence.of("other", "things")); // another schema: no clash
        assertEquals(1, md.sequences().size());
    }
}
