package org.athanor.core.internal.bulk;

import org.athanor.core.dialect.BulkChunk;
import org.athanor.core.dialect.KeyStrategy;

/** Nothing to learn: the rows go in as multi-row VALUES without RETURNING. */
final class NoKeys implements KeyStrategy {
    static final NoKeys INSTANCE = new NoKeys();

    @Override public boolean reusable() { return true; }

    @Override public void insert(BulkChunk chunk) { chunk.insert(); }

    @Override public String name() { return "no keys"; }
}
