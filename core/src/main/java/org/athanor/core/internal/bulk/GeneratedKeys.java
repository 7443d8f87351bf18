package org.athanor.core.internal.bulk;

import org.athanor.core.dialect.BulkChunk;
import org.athanor.core.dialect.KeyStrategy;

/**
 * No RETURNING (MySQL 8): JDBC generated keys of the one auto-increment column, in row order where
 * the driver reports every row's key for a multi-row INSERT; elsewhere one row per statement.
 */
final class GeneratedKeys implements KeyStrategy {
    private final boolean multiRow;

    GeneratedKeys(boolean multiRow) { this.multiRow = multiRow; }

    @Override public int rowsPerStatement(int planned) { return multiRow ? planned : 1; }

    @Override public boolean reusable() { return true; }

    @Override public void insert(BulkChunk chunk) { chunk.insertGeneratedKeys(); }

    @Override public String name() { return multiRow ? "generated keys" : "generated keys, row by row"; }
}
