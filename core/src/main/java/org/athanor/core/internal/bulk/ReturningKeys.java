package org.athanor.core.internal.bulk;

import org.athanor.core.dialect.BulkChunk;
import org.athanor.core.dialect.KeyStrategy;

/**
 * {@code INSERT ... VALUES ... RETURNING}, the rows taken in the order the database sends them: row
 * order where the dialect promises it (SQLite, MariaDB), else the caller's matter (it returns a column
 * that tells the rows apart; a single key goes through {@link SortedReturningKeys} or {@link SentinelKeys}).
 */
final class ReturningKeys implements KeyStrategy {
    static final ReturningKeys INSTANCE = new ReturningKeys();

    @Override public boolean reusable() { return true; }

    @Override public void insert(BulkChunk chunk) { chunk.insertReturning(false); }

    @Override public String name() { return "RETURNING"; }
}
