package org.athanor.core.internal.bulk;

import org.athanor.core.internal.compile.CompiledTemplate;
import org.athanor.core.sql.Insert;
import org.athanor.core.type.ValueCodec;

/**
 * One base of a planned insert ({@link BulkInsert.Planned}): as given, or in row order once a key strategy asked for
 * it; its plan, and the statements its chunks were sent as, kept for the next chunk of the same size. Planned once per
 * Engine for a plain base, so an ORM flush of one new object finds the statement it sent at the last commit without
 * building a shape and looking it up ({@link Binders}). Shared by the connections of all threads: what is kept is
 * immutable and published by a plain write (a {@link Kept}'s fields are final; a thread that reads null or an older
 * one looks the statement up, as the first chunk did), so no lock is taken.
 */
final class InsertForm {
    final Insert base;
    final InsertPlan plan;
    /** The positions when the plan's binder reads the rows as given, else null (rows are aligned first). */
    final int[] bound;
    /** Per form ({@link Chunk#PLAIN}, ...): the statement of a full chunk, and of the last chunk of another size. */
    private final Kept[] full = new Kept[Chunk.FORMS], other = new Kept[Chunk.FORMS];
    /** The column-array statement, once one was needed (its SQL does not depend on the number of rows). */
    private volatile CompiledTemplate arrays;

    InsertForm(Insert base, InsertPlan plan, int[] positions) {
        this.base = base;
        this.plan = plan;
        this.bound = plan.usesPositions(positions) ? positions : null;
    }

    /**
     * A statement of {@code rows} rows sent through this base: its binder and, when it reads each row's values in
     * column order, the codecs binding it straight from the rows ({@link InsertPlan#directCodecs}), else null.
     */
    record Kept(int rows, SlotBinder binder, ValueCodec<Object>[] direct) {}

    /** The statement of {@code form} kept for {@code rows} rows ({@code per}: a full chunk's), or null. */
    Kept kept(int form, int rows, int per) {
        Kept k = rows == per ? full[form] : other[form];
        return k != null && k.rows() == rows ? k : null;
    }

    void keep(int form, int per, Kept k) {
        if (k.rows() == per) full[form] = k;
        else other[form] = k;
    }

    CompiledTemplate arrays() { return arrays; }

    void arrays(CompiledTemplate t) { arrays = t; }
}
