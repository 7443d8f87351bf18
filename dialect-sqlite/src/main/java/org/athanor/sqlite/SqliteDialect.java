package org.athanor.sqlite;

import java.sql.SQLException;
import org.athanor.core.compile.SqlCompiler;
import org.athanor.core.dialect.DdlCompiler;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.compile.DialectFeatures;
import org.athanor.core.error.DataError;
import org.athanor.core.error.DatabaseError;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.error.OperationalError;
import org.athanor.core.error.ProgrammingError;
import org.athanor.core.error.TransactionConflictError;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.ValueCodec;

/**
 * SQLite 3.35+ (RETURNING, UPDATE ... FROM, NULLS FIRST/LAST, FULL/RIGHT JOIN on 3.39+).
 * Dates and times are stored as ISO-8601 text so they sort and compare correctly; NUMERIC keeps
 * 15 significant digits (SQLite's REAL), see {@link DialectFeatures#exactNumeric()}.
 *
 * <p><b>Transactions</b> ({@link DialectFeatures#beginOnFirstWrite()}, docs/sqlite.md). A Connection's
 * reads before its first write run in a read-only transaction of their own; the first write ends it
 * and starts the transaction that writes, whose first statement takes SQLite's write lock (waiting up
 * to the busy timeout for another writer) on the latest committed data. So:
 * <ul>
 * <li>from its first write to its commit a transaction is SERIALIZABLE: it holds the only write lock
 *     and reads one snapshot, its own writes included;</li>
 * <li>the reads before the first write see one consistent snapshot, but not necessarily the one the
 *     writes see: a value read before the first write may have been changed by another connection's
 *     commit since (like READ COMMITTED on PostgreSQL, whose default it is). Read what a write
 *     depends on after the first write, or write first (an UPDATE that takes the lock), when that
 *     matters;</li>
 * <li>readers never wait for writers, and writers only for each other (WAL mode).</li>
 * </ul>
 * Without this a transaction that read, then found that another connection had committed, failed
 * at its first write with SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out (PostgreSQL and
 * MariaDB just run it). A read result still open at the first write is not cut off: that
 * transaction writes on its read snapshot, as before.
 */
public final class SqliteDialect extends Dialect {
    public static final DialectFeatures FEATURES = DialectFeatures.builder()
            .returning(true).updateReturning(true).deleteReturning(true).returningPreservesOrder(true)
            .multiRowInsert(true).multiRowGeneratedKeys(false)
            .fullJoin(true).rightJoin(true).tupleIn(true).nullsOrdering(true)
            .forUpdate(false).savepoints(true).sequences(false).updateFrom(true).deleteUsing(false)
            .alterAddForeignKey(false).createIndexIfNotExists(true).transactionalDdl(true)
            .exactNumeric(false).timezoneAware(true).windowFunctions(true).cte(true).lateral(false)
            .filterClause(true).intersectExceptAll(false).ilike(false).isolationLevels(true)
            .parenthesizedSetMembers(false).quantifiedComparison(false).cteBeforeUpdateAndDelete(true).lagLeadDefault(true).groupsFrame(true)
            // reads before a transaction's first write run in a read-only transaction of their own (class javadoc)
            .beginOnFirstWrite(true)
            // a multi-row VALUES compiles to a program as long as its rows: around 500 values per
            // statement SQLite inserts 5-7 % faster than at 1,000 rows (2 and 8 text/integer columns,
            // 10,000 rows; docs/benchmarks.md, session 5), and the statement's memory stays small
            .maxBindParams(32766).insertParamsPerStatement(500).build();

    public static final SqliteDialect INSTANCE = new SqliteDialect(FEATURES);

    /** Registers {@code regexp} and {@code regexp_replace}, which SQLite's REGEXP operator and {@link org.athanor.core.sql.RegexpReplace} call. */
    @Override
    public void onConnect(java.sql.Connection connection) throws SQLException { SqliteRegexp.register(connection); }

    public SqliteDialect(DialectFeatures features) { super(features); }

    @Override public String name() { return "SQLite"; }

    @Override public Dialect withFeatures(DialectFeatures features) { return new SqliteDialect(features); }

    /**
     * SQLite's keywords (https://sqlite.org/lang_keywords.html), quoted whenever used as names:
     * RETURNING, for one, is a keyword since 3.35 and breaks an unquoted column name.
     */
    private static final java.util.Set<String> KEYWORDS = keywords((
            "abort action add after all alter always analyze and as asc attach autoincrement before begin between by "
            + "cascade case cast check collate column commit conflict constraint create cross current current_date "
            + "current_time current_timestamp database default deferrable deferred delete desc detach distinct do drop "
            + "each else end escape except exclude exclusive exists explain fail filter first following for foreign from "
            + "full generated glob group groups having if ignore immediate in index indexed initially inner insert "
            + "instead intersect into is isnull join key last left like limit match materialized natural no not nothing "
            + "notnull null nulls of offset on or order others outer over partition plan pragma preceding primary query "
            + "raise range recursive references regexp reindex release rename replace restrict returning right rollback "
            + "row rows savepoint select set table temp temporary then ties to transaction trigger unbounded union unique "
            + "update using vacuum values view virtual when where window with without").split(" "));

    /** SQLite's own keywords plus the common set (TRUE, FALSE, USER, ... stay quoted too). */
    private static java.util.Set<String> keywords(String[] own) {
        java.util.Set<String> all = new java.util.HashSet<>(COMMON_RESERVED);
        all.addAll(java.util.List.of(own));
        return java.util.Set.copyOf(all);
    }

    @Override
    protected java.util.Set<String> reservedWords() { return KEYWORDS; }

    /**
     * Keys of a bulk insert counted back from the last rowid ({@link SqliteRowidKeys}), for an insert
     * returning just the generated integer key of a table of the main schema (a schema-qualified or
     * temp table keeps RETURNING, core's choice).
     */
    @Override
    public org.athanor.core.dialect.KeyStrategy keyStrategy(org.athanor.core.dialect.BulkInsertShape shape) {
        if (!features().supportsReturning() || !shape.returnsGeneratedIntegerKey() || shape.table().schema() != null) return null;
        return new SqliteRowidKeys(shape.table().name(), shape.returning().get(0).name(), quoteIdentifier(shape.table().name()),
                quoteIdentifier(shape.returning().get(0).name()));
    }

    @Override protected SqlCompiler newCompiler(boolean literalBinds) { return new SqliteCompiler(this, literalBinds); }

    @Override public DdlCompiler ddl() { return new SqliteDdlCompiler(this); }

    @Override protected String booleanLiteral(boolean b) { return b ? "1" : "0"; }

    @Override
    public String renderLiteral(Object value, SqlType<?> type) {
        // times and timestamps are text here: a literal must spell them exactly as the codecs store them
        // (UTC for OffsetDateTime, seconds and six fraction digits always), or comparisons silently fail
        String stored = SqliteCodecs.storedText(value);
        return stored != null ? stringLiteral(stored) : super.renderLiteral(value, type);
    }

    @Override
    public String typeName(SqlType<?> type) {
        return switch (type.kind()) {
            // TEXT affinity, so that values are never coerced to numbers
            case UUID -> "VARCHAR(36)";
            case JSON -> "TEXT";
            case TIMESTAMP_TZ -> "TIMESTAMP";
            case DOUBLE -> "DOUBLE";
            default -> super.typeName(type);
        };
    }

    @Override
    protected <T> ValueCodec<T> baseCodec(SqlType<T> type) {
        ValueCodec<?> c = SqliteCodecs.forType(type);
        @SuppressWarnings("unchecked") ValueCodec<T> t = (ValueCodec<T>) c;
        return t != null ? t : type;
    }

    // ---- schema inspection ---------------------------------------------------------------------------

    @Override public boolean isInternalTable(String name) { return name.startsWith("sqlite_"); }

    /** The declared types as written, from PRAGMA table_info (the driver's metadata drops their parameters). */
    @Override
    public java.util.Map<String, String> declaredColumnTypes(java.sql.Connection c, String schema, String table) throws SQLException {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        try (var st = c.prepareStatement("SELECT name, type FROM pragma_table_info(?)")) {
            st.setString(1, table);
            try (var rs = st.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /**
     * SQLite keeps the declared type text, whatever it is: map the names Athanor and common schemas
     * write (VARCHAR(n), NUMERIC(p,s), DATETIME, ...), then SQLite's own affinity rules for the rest.
     */
    @Override
    public SqlType<?> typeFromDatabase(String typeName, int jdbcType, int size, int digits) {
        return SqliteTypeNames.parse(typeName, size, digits);
    }

    /** Only the indexes SQLite creates for UNIQUE constraints are named sqlite_autoindex_*; their constraint names are not kept. */
    @Override
    public java.util.List<org.athanor.core.inspect.UniqueConstraintInfo> uniqueConstraints(java.sql.Connection c, String schema,
            String table, java.util.List<org.athanor.core.inspect.IndexInfo> uniqueIndexes) {
        java.util.List<org.athanor.core.inspect.UniqueConstraintInfo> out = new java.util.ArrayList<>();
        for (var i : uniqueIndexes)
            if (i.name().startsWith("sqlite_autoindex_")) out.add(new org.athanor.core.inspect.UniqueConstraintInfo(null, i.columns()));
        return out;
    }

    /**
     * sqlite-jdbc's query timeout only bounds the wait for a lock (it sets the busy timeout), so a
     * long query would run on. Instead a progress handler, called every 1,000 virtual machine steps,
     * interrupts the statement once its deadline has passed: SQLITE_INTERRUPT, a StatementTimeoutError.
     */
    @Override
    public void armStatementTimeout(java.sql.Connection connection, java.sql.Statement statement, int millis) throws SQLException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        org.sqlite.ProgressHandler.setHandler(connection.unwrap(org.sqlite.SQLiteConnection.class), 1000, new org.sqlite.ProgressHandler() {
            @Override protected int progress() { return System.nanoTime() - deadline > 0 ? 1 : 0; }
        });
    }

    @Override
    public void disarmStatementTimeout(java.sql.Connection connection, java.sql.Statement statement) throws SQLException {
        org.sqlite.ProgressHandler.clearHandler(connection.unwrap(org.sqlite.SQLiteConnection.class));
    }

    /** SQLite reports result codes, not SQLSTATEs: SQLITE_CONSTRAINT is 19, SQLITE_BUSY 5, ... */
    @Override
    public DatabaseError translate(SQLException e, String sql) {
        String msg = "(SQLite) " + e.getMessage();
        return switch (e.getErrorCode()) {
            case 19 -> new IntegrityError(msg, sql, e);           // SQLITE_CONSTRAINT
            case 5, 6 -> new TransactionConflictError(msg, sql, e); // SQLITE_BUSY, SQLITE_LOCKED
            case 18, 20, 25 -> new DataError(msg, sql, e);         // TOOBIG, MISMATCH, RANGE
            case 1 -> new ProgrammingError(msg, sql, e);           // SQLITE_ERROR: syntax, no such table
            case 10, 13, 14, 26 -> new OperationalError(msg, sql, e); // IOERR, FULL, CANTOPEN, NOTADB
            case 9 -> new org.athanor.core.error.StatementTimeoutError(msg, sql, e); // SQLITE_INTERRUPT: only the timeout interrupts
            default -> super.translate(e, sql);
        };
    }

    /**
     * Generated columns: {@code pragma_table_xinfo} marks them (hidden 2 virtual, 3 stored); SQLite keeps
     * their expression only in the CREATE TABLE text, read back from there.
     */
    @Override
    public java.util.Map<String, org.athanor.core.inspect.ComputedColumn> computedColumns(java.sql.Connection c, String schema, String table)
            throws SQLException {
        java.util.Map<String, Boolean> kinds = new java.util.LinkedHashMap<>();
        try (var st = c.prepareStatement("SELECT name, hidden FROM pragma_table_xinfo(?) WHERE hidden IN (2, 3)")) {
            st.setString(1, table);
            try (var rs = st.executeQuery()) {
                while (rs.next()) kinds.put(rs.getString(1), rs.getInt(2) == 3);
            }
        }
        if (kinds.isEmpty()) return java.util.Map.of();
        String ddl;
        try (var st = c.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            st.setString(1, table);
            try (var rs = st.executeQuery()) {
                ddl = rs.next() ? rs.getString(1) : null;
            }
        }
        java.util.Map<String, org.athanor.core.inspect.ComputedColumn> out = new java.util.HashMap<>();
        for (var e : kinds.entrySet()) {
            String expr = ddl == null ? null : SqliteDdlText.generationExpression(ddl, e.getKey());
            if (expr != null) out.put(e.getKey(), new org.athanor.core.inspect.ComputedColumn(expr, e.getValue()));
        }
        return out;
    }
}
