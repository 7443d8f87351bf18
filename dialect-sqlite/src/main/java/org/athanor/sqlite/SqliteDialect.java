package org.athanor.sqlite;

import java.sql.SQLException;
import org.athanor.core.compile.SqlCompiler;
import org.athanor.core.dialect.DdlCompiler;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.dialect.DialectFeatures;
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
            .maxBindParams(32766).build();

    public static final SqliteDialect INSTANCE = new SqliteDialect(FEATURES);

    public SqliteDialect(DialectFeatures features) { super(features); }

    @Override public String name() { return "SQLite"; }

    @Override public Dialect withFeatures(DialectFeatures features) { return new SqliteDialect(features); }

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
            default -> super.translate(e, sql);
        };
    }
}
