package org.athanor.postgres;

import org.athanor.core.dialect.BulkChunk;
import org.athanor.core.dialect.KeyStrategy;

/**
 * PostgreSQL's bulk insert from column arrays: one array per column, whatever the number of rows
 * ({@code INSERT ... SELECT ... FROM unnest(...) WITH ORDINALITY ORDER BY n}, see
 * {@link PostgresCompiler#insertFromArrays}) — two parameters instead of two per row, sent in binary,
 * the rows inserted in their order so that an identity key's sequence hands out keys in row order,
 * which are then sorted. For a statement of fewer than {@link #ARRAYS_FROM} rows the plain
 * {@code VALUES} form costs less (no arrays to build, no function to plan): it goes that way, in row
 * order and sorted alike. Chosen for an insert returning nothing or just its identity key, of
 * columns whose types pgjdbc binds as array elements, without ON CONFLICT or client-side defaults.
 */
final class PostgresKeys implements KeyStrategy {
    /**
     * Rows from which the column arrays are cheaper than VALUES. Measured with
     * {@code PgInsertFormBenchmark} (docs/benchmarks.md, issue 13): one to four rows are faster as
     * VALUES, eight and more as arrays.
     */
    static final int ARRAYS_FROM = 8;

    private final String[] elementTypes;
    private final boolean sorted;

    PostgresKeys(String[] elementTypes, boolean sorted) {
        this.elementTypes = elementTypes;
        this.sorted = sorted;
    }

    @Override public boolean insertsInRowOrder() { return sorted; }

    @Override public boolean reusable() { return true; }

    @Override
    public void insert(BulkChunk chunk) {
        // one path choosing the form by size; a row holding an expression goes as VALUES too
        if (chunk.size() >= ARRAYS_FROM && chunk.insertColumnArrays(elementTypes, sorted)) return;
        if (sorted) chunk.insertReturning(true);
        else chunk.insert();
    }

    @Override public String name() { return sorted ? "column arrays, sorted RETURNING" : "column arrays"; }
}
