package org.athanor.sqlite;

import java.util.regex.Pattern;
import org.athanor.core.dialect.BulkChunk;
import org.athanor.core.dialect.KeyStrategy;

/**
 * SQLite's rowids for a bulk insert that returns only the table's generated {@code INTEGER PRIMARY
 * KEY}: after the first statement, the rest go without RETURNING and their keys are counted back
 * from the last. RETURNING makes SQLite hold the returned rows and the driver fetch them one by one:
 * about 40 % of such an insert (docs/benchmarks.md, session 6).
 *
 * <p>A rowid table whose key is its rowid gives each new row one above the largest rowid it holds
 * (with AUTOINCREMENT: one above the largest it ever held), unless that largest is the highest
 * possible rowid, when it picks unused ones at random. So the rows of one multi-row INSERT get
 * consecutive keys unless something else inserts or deletes rows of the table while it runs: a
 * trigger (of the main or the temp schema), or REPLACE conflict resolution declared in the table.
 *
 * <p>The first full statement (of at least 16 rows) goes with RETURNING; then, inside a transaction
 * only (its INSERT took the table's write lock, held until the transaction ends, so neither the
 * table's rows nor its schema can change under the answer but through this connection), the schema
 * is read once ({@link #probe}) and, when it rules those cases out, the later statements go without
 * RETURNING, each followed by {@link #check}: the keys are {@code last - n + 1 .. last} only when the
 * statement inserted all {@code n} rows, the last key is the table's largest and the schema is the one
 * probed; else the insert fails (roll the transaction back). Near the largest rowid, in autocommit and
 * for a statement shorter than a full one, RETURNING stays.
 */
final class SqliteRowidKeys implements KeyStrategy {
    /** Table definitions the rowid rule does not cover, or may not: read conservatively (a false alarm only keeps RETURNING). */
    private static final Pattern UNSAFE = Pattern.compile(
            "\\bWITHOUT\\s+ROWID\\b|\\bREPLACE\\b|\\bPRIMARY\\s+KEY\\s+DESC\\b|^\\s*CREATE\\s+VIRTUAL\\b",
            Pattern.CASE_INSENSITIVE);

    private static final String PROBE = "SELECT "
            + "(SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1 COLLATE NOCASE)"
            + " + (SELECT count(*) FROM sqlite_temp_master WHERE tbl_name = ?1 COLLATE NOCASE), "
            + "(SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1 COLLATE NOCASE), "
            + "(SELECT count(*) FROM pragma_table_info(?1) WHERE pk > 0), "
            + "(SELECT upper(type) FROM pragma_table_info(?1) WHERE pk > 0 AND name = ?2 COLLATE NOCASE)";

    /** Statements shorter than this keep RETURNING: the check's round trip would cost more than it saves. */
    static final int MIN_ROWS = 16;

    private final String table;
    private final String key;
    /** The last key inserted, the table's largest key, the schema number. */
    private final String check;
    private int per;
    /** 0 until probed, 1 keys from the last rowid, -1 RETURNING. */
    private int state;
    /** In use: the schema number and the table's largest key the last check read. */
    private long schemaToken, largest;

    SqliteRowidKeys(String table, String key, String quotedTable, String quotedKey) {
        this.table = table;
        this.key = key;
        this.check = "SELECT last_insert_rowid(), max(" + quotedKey + "), (SELECT schema_version FROM pragma_schema_version) FROM " + quotedTable;
    }

    @Override
    public int rowsPerStatement(int planned) {
        per = planned;
        return planned;
    }

    @Override
    public void insert(BulkChunk chunk) {
        int n = chunk.size();
        // near the largest rowid there is, SQLite starts to pick keys at random: RETURNING from then on
        if (state > 0 && largest > Long.MAX_VALUE - 2L * Math.max(n, per)) state = -1;
        if (state > 0) {
            int inserted = chunk.insert();
            long[] now = chunk.queryLongs(check, 3);
            long last = now[0];
            if (inserted != n || last != now[1] || now[2] != schemaToken)
                throw new IllegalStateException("the keys of the " + n + " rows just inserted into " + table
                        + " cannot be told: " + (inserted != n ? "the INSERT reported " + inserted + " rows"
                        : last != now[1] ? "the last row's key " + last + " is not the table's largest (" + now[1] + ")"
                        : "the table's schema changed since the insert began")
                        + "; the rows are in the current transaction, which should be rolled back");
            largest = last;
            for (long k = last - n + 1; k <= last; k++) chunk.addKey(k);
            return;
        }
        chunk.insertReturning(false);
        if (state == 0 && n == per && n >= MIN_ROWS) {
            boolean on = chunk.inTransaction() && probe(chunk);
            if (on) {
                long[] now = chunk.queryLongs(check, 3);
                schemaToken = now[2];
                largest = now[1];
            }
            state = on ? 1 : -1;
        }
    }

    /**
     * Whether later multi-row INSERTs into the table will give their rows consecutive keys: no
     * trigger, no REPLACE clause, a rowid table whose one key column is its INTEGER rowid.
     */
    private boolean probe(BulkChunk chunk) {
        Object[] row = chunk.queryRow(PROBE, 4, table, key);
        if (row == null) return false;
        long triggersOrTemp = ((Number) row[0]).longValue();
        String ddl = (String) row[1];
        long keyColumns = ((Number) row[2]).longValue();
        Object keyType = row[3];
        return triggersOrTemp == 0 && ddl != null && !UNSAFE.matcher(ddl).find() && keyColumns == 1 && "INTEGER".equals(keyType);
    }

    @Override public String name() { return "consecutive rowids"; }
}
