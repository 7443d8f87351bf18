package org.athanor.core.compile;

/**
 * What a dialect's database can do. Compilers and the compliance suite switch on these flags,
 * never on a dialect's name. Immutable; {@link #toBuilder()} derives a variant (the MySQL dialect
 * turns RETURNING off this way to exercise MySQL 8's path on MariaDB).
 */
public final class DialectFeatures {
    private final Builder b;

    private DialectFeatures(Builder b) { this.b = b.copy(); }

    public static Builder builder() { return new Builder(); }
    public Builder toBuilder() { return b.copy(); }

    /** INSERT ... RETURNING. */
    public boolean supportsReturning() { return b.returning; }
    public boolean supportsUpdateReturning() { return b.updateReturning; }
    public boolean supportsDeleteReturning() { return b.deleteReturning; }
    /** Multi-row INSERT ... RETURNING returns rows in VALUES order (false on PostgreSQL: order is unspecified). */
    public boolean returningPreservesOrder() { return b.returningPreservesOrder; }
    public boolean supportsMultiRowInsert() { return b.multiRowInsert; }
    /** getGeneratedKeys after a multi-row INSERT returns one key per row, in order. */
    public boolean multiRowGeneratedKeys() { return b.multiRowGeneratedKeys; }
    public boolean supportsFullJoin() { return b.fullJoin; }
    public boolean supportsRightJoin() { return b.rightJoin; }
    public boolean supportsTupleIn() { return b.tupleIn; }
    /**
     * {@code x = ANY(?)} with the list bound as one array parameter ({@link org.athanor.core.sql.InArray}), for
     * element types {@code Dialect.arrayElementName} names (PostgreSQL); elsewhere IN lists.
     */
    public boolean supportsAnyArray() { return b.anyArray; }
    public boolean supportsNullsOrdering() { return b.nullsOrdering; }
    public boolean supportsForUpdate() { return b.forUpdate; }
    public boolean supportsForShare() { return b.forShare; }
    public boolean supportsNowait() { return b.nowait; }
    public boolean supportsSkipLocked() { return b.skipLocked; }
    public boolean supportsSavepoints() { return b.savepoints; }
    public boolean supportsSequences() { return b.sequences; }

    /**
     * Whether {@link org.athanor.core.sql.Insert#inRowOrder()} is rendered as INSERT ... SELECT from a
     * VALUES list ORDER BY the row number (PostgreSQL), so rows go in in the order given.
     */
    public boolean orderedInsertSelect() { return b.orderedInsertSelect; }

    /**
     * Whether a bulk insert can bind each column's values as one array and read the rows from the
     * arrays in order ({@link org.athanor.core.sql.Insert#columnArrays()}: {@code unnest(...) WITH
     * ORDINALITY} on PostgreSQL), for columns whose type {@code Dialect.arrayElementName} names.
     */
    public boolean insertFromArrays() { return b.insertFromArrays; }
    public boolean supportsUpdateFrom() { return b.updateFrom; }

    /**
     * Whether a transaction that has only read is ended before its first write, so that the write
     * begins a new transaction on the latest committed data (see {@code Connection}'s javadoc). For
     * SQLite in WAL mode, which cannot upgrade a read snapshot another connection has committed after
     * (SQLITE_BUSY_SNAPSHOT) and gives it no busy wait: Python's sqlite3 module does the same by
     * running reads outside transactions. Off by default: the reads and writes of a transaction
     * share it.
     */
    public boolean beginOnFirstWrite() { return b.beginOnFirstWrite; }
    public boolean supportsDeleteUsing() { return b.deleteUsing; }
    /** ALTER TABLE ADD CONSTRAINT FOREIGN KEY (for cyclic foreign keys in createAll). */
    public boolean supportsAlterAddForeignKey() { return b.alterAddForeignKey; }
    /** CREATE INDEX IF NOT EXISTS. */
    public boolean supportsCreateIndexIfNotExists() { return b.createIndexIfNotExists; }
    /** DDL runs inside transactions and rolls back with them. */
    public boolean transactionalDdl() { return b.transactionalDdl; }
    /** NUMERIC keeps every digit up to precision 38 (SQLite stores 15 significant digits). */
    public boolean exactNumeric() { return b.exactNumeric; }
    /** TIMESTAMP WITH TIME ZONE keeps the instant (all three do; the offset read back may be UTC). */
    public boolean timezoneAware() { return b.timezoneAware; }
    public boolean supportsWindowFunctions() { return b.windowFunctions; }
    public boolean supportsCte() { return b.cte; }
    public boolean supportsLateral() { return b.lateral; }
    public boolean supportsFilterClause() { return b.filterClause; }
    public boolean supportsIntersectExceptAll() { return b.intersectExceptAll; }
    public boolean supportsIlike() { return b.ilike; }
    /** SERIALIZABLE, REPEATABLE READ, ... can be set per connection. */
    public boolean supportsIsolationLevels() { return b.isolationLevels; }
    /** Members of UNION/INTERSECT/EXCEPT may be parenthesised (to carry their own ORDER BY/LIMIT); SQLite cannot. */
    public boolean supportsParenthesizedSetMembers() { return b.parenthesizedSetMembers; }
    /** {@code x > ANY (subquery)} / {@code ALL}; emulated with EXISTS where missing. */
    public boolean supportsQuantifiedComparison() { return b.quantifiedComparison; }
    /** {@code WITH ... UPDATE} and {@code WITH ... DELETE} (MariaDB allows WITH only before SELECT and INSERT ... SELECT). */
    public boolean supportsCteBeforeUpdateAndDelete() { return b.cteBeforeUpdateAndDelete; }
    /** The third (default) argument of lag/lead (MariaDB has none: emulated with a row count over the frame). */
    public boolean supportsLagLeadDefault() { return b.lagLeadDefault; }
    /** {@code GROUPS BETWEEN ...} window frames (PostgreSQL 11+, SQLite 3.28+; not MySQL/MariaDB). */
    public boolean supportsGroupsFrame() { return b.groupsFrame; }
    /** {@code (VALUES ...) AS name (columns)}: a derived table may name its columns (PostgreSQL); elsewhere VALUES becomes SELECT ... UNION ALL. */
    public boolean supportsValuesColumnList() { return b.valuesColumnList; }
    /** LIMIT/OFFSET take any constant expression, not just {@code ?} or a number (PostgreSQL, SQLite; not MySQL/MariaDB). */
    public boolean supportsLimitExpressions() { return b.limitExpressions; }
    /** {@code FETCH FIRST n ROWS ONLY} (PostgreSQL, MariaDB 10.6+, MySQL: no, SQLite: no). */
    public boolean supportsFetchFirst() { return b.fetchFirst; }
    /** {@code FETCH FIRST n ROWS WITH TIES} (PostgreSQL 13+, MariaDB 10.6+). */
    public boolean supportsFetchWithTies() { return b.fetchWithTies; }
    /** RANGE frames with offsets ({@code RANGE BETWEEN 5 PRECEDING ...}): PostgreSQL 11+, SQLite 3.28+, MySQL 8, MariaDB. */
    public boolean supportsRangeOffsets() { return b.rangeOffsets; }
    /** RANGE frame offsets that are intervals ({@code INTERVAL '1 day' PRECEDING}): PostgreSQL, MySQL 8 (not SQLite, not MariaDB). */
    public boolean supportsIntervalRangeOffsets() { return b.intervalRangeOffsets; }
    /** Most bind parameters one statement may carry. */
    public int maxBindParams() { return b.maxBindParams; }
    /**
     * How many bind parameters a multi-row INSERT of many rows aims at: its rows per statement are
     * this divided by the columns (at least 1, at most 1,000 and within {@link #maxBindParams()}).
     * 0: no aim of its own, 1,000 rows where the limit allows.
     */
    public int insertParamsPerStatement() { return b.insertParamsPerStatement; }
    /** VARCHAR must declare a length in DDL (MySQL). */
    public boolean requiresVarcharLength() { return b.requiresVarcharLength; }
    /**
     * The longest identifier the database keeps whole, 0 for no limit (SQLite). Longer names are
     * refused when rendered: PostgreSQL would silently cut them to 63 bytes, so two long names could
     * meet as one, or a table be created under a name no later statement spells.
     */
    public int maxIdentifierLength() { return b.maxIdentifierLength; }
    /** Whether {@link #maxIdentifierLength()} counts UTF-8 bytes (PostgreSQL) rather than characters (MySQL). */
    public boolean identifierLengthInBytes() { return b.identifierLengthInBytes; }

    @Override public String toString() { return "DialectFeatures" + b; }

    /** Builder for {@link DialectFeatures}; defaults are ANSI-ish and conservative. */
    public static final class Builder implements Cloneable {
        private boolean returning, updateReturning, deleteReturning, returningPreservesOrder = true, multiRowInsert = true,
                multiRowGeneratedKeys, fullJoin, rightJoin, tupleIn, anyArray, nullsOrdering, forUpdate, forShare, nowait, skipLocked,
                savepoints = true, sequences, orderedInsertSelect, insertFromArrays, updateFrom, deleteUsing, alterAddForeignKey, createIndexIfNotExists,
                transactionalDdl, exactNumeric = true, timezoneAware = true, windowFunctions = true, cte = true, lateral,
                filterClause, intersectExceptAll, ilike, isolationLevels = true, requiresVarcharLength, beginOnFirstWrite;
        private boolean parenthesizedSetMembers, quantifiedComparison, cteBeforeUpdateAndDelete, lagLeadDefault, groupsFrame;
        private boolean valuesColumnList, fetchFirst, fetchWithTies, rangeOffsets = true, intervalRangeOffsets, limitExpressions = true;
        private int maxBindParams = 32767;
        private int insertParamsPerStatement;
        private int maxIdentifierLength;
        private boolean identifierLengthInBytes;

        Builder copy() {
            try {
                return (Builder) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        public Builder returning(boolean v) { returning = v; return this; }
        public Builder updateReturning(boolean v) { updateReturning = v; return this; }
        public Builder deleteReturning(boolean v) { deleteReturning = v; return this; }
        public Builder returningPreservesOrder(boolean v) { returningPreservesOrder = v; return this; }
        public Builder multiRowInsert(boolean v) { multiRowInsert = v; return this; }
        public Builder multiRowGeneratedKeys(boolean v) { multiRowGeneratedKeys = v; return this; }
        public Builder fullJoin(boolean v) { fullJoin = v; return this; }
        public Builder rightJoin(boolean v) { rightJoin = v; return this; }
        public Builder tupleIn(boolean v) { tupleIn = v; return this; }
        public Builder anyArray(boolean v) { anyArray = v; return this; }
        public Builder nullsOrdering(boolean v) { nullsOrdering = v; return this; }
        public Builder forUpdate(boolean v) { forUpdate = v; return this; }
        public Builder forShare(boolean v) { forShare = v; return this; }
        public Builder nowait(boolean v) { nowait = v; return this; }
        public Builder skipLocked(boolean v) { skipLocked = v; return this; }
        public Builder savepoints(boolean v) { savepoints = v; return this; }
        public Builder sequences(boolean v) { sequences = v; return this; }
        public Builder orderedInsertSelect(boolean v) { orderedInsertSelect = v; return this; }
        public Builder insertFromArrays(boolean v) { insertFromArrays = v; return this; }
        public Builder beginOnFirstWrite(boolean v) { beginOnFirstWrite = v; return this; }
        public Builder updateFrom(boolean v) { updateFrom = v; return this; }
        public Builder deleteUsing(boolean v) { deleteUsing = v; return this; }
        public Builder alterAddForeignKey(boolean v) { alterAddForeignKey = v; return this; }
        public Builder createIndexIfNotExists(boolean v) { createIndexIfNotExists = v; return this; }
        public Builder transactionalDdl(boolean v) { transactionalDdl = v; return this; }
        public Builder exactNumeric(boolean v) { exactNumeric = v; return this; }
        public Builder timezoneAware(boolean v) { timezoneAware = v; return this; }
        public Builder windowFunctions(boolean v) { windowFunctions = v; return this; }
        public Builder cte(boolean v) { cte = v; return this; }
        public Builder lateral(boolean v) { lateral = v; return this; }
        public Builder filterClause(boolean v) { filterClause = v; return this; }
        public Builder intersectExceptAll(boolean v) { intersectExceptAll = v; return this; }
        public Builder ilike(boolean v) { ilike = v; return this; }
        public Builder isolationLevels(boolean v) { isolationLevels = v; return this; }
        public Builder requiresVarcharLength(boolean v) { requiresVarcharLength = v; return this; }
        public Builder parenthesizedSetMembers(boolean v) { parenthesizedSetMembers = v; return this; }
        public Builder quantifiedComparison(boolean v) { quantifiedComparison = v; return this; }
        public Builder cteBeforeUpdateAndDelete(boolean v) { cteBeforeUpdateAndDelete = v; return this; }
        public Builder lagLeadDefault(boolean v) { lagLeadDefault = v; return this; }
        public Builder groupsFrame(boolean v) { groupsFrame = v; return this; }
        public Builder valuesColumnList(boolean v) { valuesColumnList = v; return this; }
        public Builder limitExpressions(boolean v) { limitExpressions = v; return this; }
        public Builder fetchFirst(boolean v) { fetchFirst = v; return this; }
        public Builder fetchWithTies(boolean v) { fetchWithTies = v; return this; }
        public Builder rangeOffsets(boolean v) { rangeOffsets = v; return this; }
        public Builder intervalRangeOffsets(boolean v) { intervalRangeOffsets = v; return this; }
        public Builder maxBindParams(int v) {
            if (v < 1) throw new IllegalArgumentException("maxBindParams cannot be less than 1, got " + v);
            maxBindParams = v;
            return this;
        }

        public Builder insertParamsPerStatement(int v) {
            if (v < 0) throw new IllegalArgumentException("insertParamsPerStatement cannot be negative, got " + v);
            insertParamsPerStatement = v;
            return this;
        }

        /** See {@link DialectFeatures#maxIdentifierLength()}; 0 means no limit. */
        public Builder maxIdentifierLength(int v, boolean inBytes) {
            if (v < 0) throw new IllegalArgumentException("maxIdentifierLength cannot be negative, got " + v);
            maxIdentifierLength = v;
            identifierLengthInBytes = inBytes;
            return this;
        }

        public DialectFeatures build() { return new DialectFeatures(this); }

        @Override public String toString() {
            return "[returning=" + returning + ", fullJoin=" + fullJoin + ", maxBindParams=" + maxBindParams + ", ...]";
        }
    }
}
