package org.athanor.core.internal.bulk;

import org.athanor.core.dialect.BulkChunk;
import org.athanor.core.dialect.KeyStrategy;

/**
 * An identity (or serial) key where RETURNING promises no order (PostgreSQL): the rows are inserted
 * in their order ({@code INSERT ... SELECT ... FROM (VALUES ...) ORDER BY} the row number, see
 * {@link org.athanor.core.sql.Insert#inRowOrder()}), so the sequence hands out increasing keys in
 * row order, and the keys returned are sorted (SQLAlchemy's technique). An identity with a negative
 * or cycling increment breaks this.
 */
final class SortedReturningKeys implements KeyStrategy {
    static final SortedReturningKeys INSTANCE = new SortedReturningKeys();

    @Override public boolean insertsInRowOrder() { return true; }

    @Override public boolean reusable() { return true; }

    @Override public void insert(BulkChunk chunk) { chunk.insertReturning(true); }

    @Override public String name() { return "sorted RETURNING"; }
}
