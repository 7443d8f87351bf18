package org.athanor.core.dialect;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.athanor.core.compile.CompiledStatement;
import org.athanor.core.compile.DialectFeatures;
import org.athanor.core.compile.DialectSpelling;
import org.athanor.core.sql.StatementTemplate;
import org.athanor.core.internal.compile.KeyCollector;
import org.athanor.core.sql.KeyBuilder;
import org.athanor.core.compile.SqlCompiler;
import org.athanor.core.error.*;
import org.athanor.core.sql.SqlNode;
import org.athanor.core.sql.Statement;
import org.athanor.core.type.ConvertedType;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;
import org.athanor.core.type.ValueCodec;

/**
 * A database's SQL spelling and behaviour: its compiler, DDL compiler, type names, codecs,
 * literal escaping, error translation and {@link DialectFeatures}. Compilation is a pure function.
 *
 * <pre>{@code
 * CompiledStatement c = dialect.compile(select(USERS.NAME).where(USERS.AGE.gt(30)));
 * }</pre>
 */
public abstract class Dialect implements DialectSpelling {
    /** Words quoted whenever used as identifiers (a common core; dialects add their own). */
    protected static final Set<String> COMMON_RESERVED = Set.of(
            "all", "alter", "and", "any", "as", "asc", "between", "both", "by", "case", "cast", "check", "column",
            "constraint", "create", "cross", "current_date", "current_time", "current_timestamp", "current_user",
            "default", "delete", "desc", "distinct", "drop", "else", "end", "except", "exists", "false", "fetch", "for",
            "foreign", "from", "full", "grant", "group", "having", "in", "index", "inner", "insert", "intersect", "into",
            "is", "join", "key", "lateral", "leading", "left", "like", "limit", "natural", "not", "null", "offset", "on",
            "or", "order", "outer", "over", "partition", "primary", "range", "references", "right", "rows", "select",
            "set", "some", "table", "then", "to", "trailing", "true", "union", "unique", "update", "user", "using",
            "values", "when", "where", "window", "with");

    private final DialectFeatures features;
    private final Map<SqlType<?>, ValueCodec<?>> codecs = new ConcurrentHashMap<>();

    protected Dialect(DialectFeatures features) { this.features = features; }

    /** The database's name, for messages ("SQLite", "PostgreSQL", "MySQL/MariaDB"). */
    public abstract String name();

    public final DialectFeatures features() { return features; }

    /** The same dialect with other features (e.g. RETURNING switched off). */
    public abstract Dialect withFeatures(DialectFeatures features);

    /**
     * The dialect adjusted to a live server (MariaDB's RETURNING, the server version). Called once
     * per Engine with its first connection; the default returns this.
     */
    public Dialect forServer(java.sql.Connection connection) throws SQLException { return this; }

    /**
     * Session set-up for a connection (MySQL/MariaDB's connection collation, SQLite's REGEXP functions),
     * run by the dialect {@link #forServer} returned: at the first checkout of each physical connection
     * of a pool the Engine created, and at the first checkout of each physical connection a DataSource
     * given to {@code Engine.of} lends (found by unwrapping the pool's proxy; where that is not possible,
     * at every checkout), so it must be idempotent.
     */
    public void onConnect(java.sql.Connection connection) throws SQLException {}

    // ---- compiling -----------------------------------------------------------------------------------

    protected SqlCompiler newCompiler(boolean literalBinds) { return new SqlCompiler(this, literalBinds); }

    public CompiledStatement compile(Statement statement) { return compile(statement, false); }

    /** With {@code literalBinds}, values are rendered into the SQL (escaped) instead of bound: for logs and scripts. */
    public CompiledStatement compile(Statement statement, boolean literalBinds) {
        java.util.Objects.requireNonNull(statement, "statement");
        KeyCollector key = KeyCollector.of(statement);
        StatementTemplate t = newCompiler(literalBinds).compile(statement, key);
        if (!literalBinds && !fitsBindLimit(t)) t = compileOverBindLimit(statement, key);
        return new CompiledStatement(t, key.params());
    }

    /** True when the template's placeholders stay within {@link DialectFeatures#maxBindParams()}. */
    public boolean fitsBindLimit(StatementTemplate t) { return t.slotCount() <= features.maxBindParams(); }

    /**
     * Recompiles a statement whose bound values exceed the database's bind-parameter limit, with each
     * expanding IN list bound as one parameter (an array on PostgreSQL, JSON on SQLite; see
     * {@link SqlCompiler#boundList}); user values are never rendered into the SQL. The result adds
     * parameters to {@code key}: it must never be cached. Still over the limit (many plain parameters)
     * is an error naming both numbers.
     */
    public StatementTemplate compileOverBindLimit(SqlNode statement, KeyBuilder key) {
        StatementTemplate t = newCompiler(false).expandingListsAsOneParameter().compile(statement, key);
        if (!fitsBindLimit(t))
            throw new CompileError("the statement needs " + t.slotCount() + " bind parameters but " + name() + " accepts at most "
                    + features.maxBindParams() + "; split it (Connection.insertMany and executeMany chunk rows for you)");
        return t;
    }

    /** Compiles the statement walked into {@code key}; the Engine calls this on a cache miss. */
    public StatementTemplate compileTemplate(SqlNode statement, KeyBuilder key) {
        return newCompiler(false).compile(statement, key);
    }

    /** Renders any node, for toString() and messages. */
    public String render(SqlNode node) { return newCompiler(false).render(node); }

    public DdlCompiler ddl() { return new DdlCompiler(this); }

    // ---- identifiers -------------------------------------------------------------------------------------

    protected char identifierQuote() { return '"'; }

    protected Set<String> reservedWords() { return COMMON_RESERVED; }

    /**
     * Identifiers rendered lately, by the identity of the name (a table's and a column's names are
     * the same String every time they are rendered): a direct-mapped cache of immutable pairs, so a
     * racing thread sees a whole entry or another one, and a miss only costs the check below.
     */
    private final Quoted[] quoted = new Quoted[512];

    private record Quoted(String name, String spelled) {}

    /** The identifier, quoted when it is reserved, not all lower case, or has characters beyond [a-z0-9_]. */
    public String quoteIdentifier(String name) {
        int slot = System.identityHashCode(name) & (quoted.length - 1);
        Quoted q = quoted[slot];
        if (q != null && q.name == name) return q.spelled;
        String spelled = spell(name);
        quoted[slot] = new Quoted(name, spelled);
        return spelled;
    }

    private String spell(String name) {
        checkIdentifierLength(name);
        if (!needsQuoting(name)) return name;
        char q = identifierQuote();
        StringBuilder b = new StringBuilder(name.length() + 2).append(q);
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == q) b.append(q);
            b.append(ch);
        }
        return b.append(q).toString();
    }

    /** Refuses a name longer than {@link DialectFeatures#maxIdentifierLength()}, which the database would cut short. */
    private void checkIdentifierLength(String name) {
        int max = features.maxIdentifierLength();
        if (max == 0 || name.length() <= max / (features.identifierLengthInBytes() ? 3 : 1)) return;
        int length = features.identifierLengthInBytes() ? name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length : name.codePointCount(0, name.length());
        if (length > max)
            throw new CompileError("identifier \"" + name + "\" is " + length + (features.identifierLengthInBytes() ? " bytes" : " characters")
                    + " long, over " + name() + "'s limit of " + max + (features.identifierLengthInBytes() ? " bytes (UTF-8)" : " characters")
                    + (features.identifierLengthInBytes() ? ", which " + name() + " would silently truncate" : "")
                    + ": give the table, column, index, constraint or alias a shorter name");
    }

    protected boolean needsQuoting(String name) {
        if (name.isEmpty()) return true;
        char first = name.charAt(0);
        if (!(first >= 'a' && first <= 'z') && first != '_') return true;
        for (int i = 1; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) return true;
        }
        return reservedWords().contains(name);
    }

    // ---- types -----------------------------------------------------------------------------------------

    /** The DDL spelling of a type. */
    public String typeName(SqlType<?> type) {
        if (type instanceof ConvertedType<?, ?> c) return typeName(c.base());
        return switch (type.kind()) {
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case BOOLEAN -> "BOOLEAN";
            case VARCHAR -> {
                if (type.length() > 0) yield "VARCHAR(" + type.length() + ")";
                if (features.requiresVarcharLength())
                    throw new CompileError(name() + " needs a length for VARCHAR columns: use varchar(n) or TEXT");
                yield "VARCHAR";
            }
            case TEXT -> "TEXT";
            case NUMERIC -> type.precision() > 0 ? "NUMERIC(" + type.precision() + ", " + type.scale() + ")" : "NUMERIC";
            case REAL -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMP_TZ -> "TIMESTAMP WITH TIME ZONE";
            case UUID -> "UUID";
            case BLOB -> "BLOB";
            case JSON -> "JSON";
            case ENUM -> "VARCHAR(" + ((SqlTypes.EnumType<?>) type).maxLength() + ")";
            case NULL, OTHER -> throw new CompileError("type " + type + " has no DDL spelling in " + name());
        };
    }

    /**
     * The element type name {@code java.sql.Connection#createArrayOf} takes for an array of
     * {@code type}'s values, when such values can be bound as array elements just as they are
     * (see {@link DialectFeatures#insertFromArrays()}); null otherwise, and by default.
     */
    public String arrayElementName(SqlType<?> type) { return null; }

    /**
     * The dialect's own way of learning the generated values of a bulk insert of this shape
     * ({@link KeyStrategy}: SQLite's consecutive rowids, PostgreSQL's column arrays), or null, the
     * default, for core's choice by the {@link DialectFeatures} (RETURNING, RETURNING sorted, JDBC
     * generated keys, sentinel matching). Asked once per planned insert; the strategy returned is
     * used for that insert only, by one thread.
     */
    public KeyStrategy keyStrategy(BulkInsertShape shape) { return null; }

    /** The spelling of a type in CAST; the DDL name unless the database wants another. */
    public String castTypeName(SqlType<?> type) { return typeName(type); }

    /** The codec this dialect's driver needs for {@code type} (memoized per type). */
    @SuppressWarnings("unchecked")
    public final <T> ValueCodec<T> codec(SqlType<T> type) {
        ValueCodec<?> c = codecs.get(type);
        if (c == null) {
            c = type instanceof ConvertedType<T, ?> ct ? wrap(ct) : baseCodec(type);
            codecs.put(type, c);
        }
        return (ValueCodec<T>) c;
    }

    private <T, B> ValueCodec<T> wrap(ConvertedType<T, B> ct) { return ct.wrap(codec(ct.base())); }

    /** Override to replace the portable codec of some types (SQLite's dates as text, PostgreSQL's JSONB). */
    protected <T> ValueCodec<T> baseCodec(SqlType<T> type) { return type; }

    // ---- literals --------------------------------------------------------------------------------------

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);
    private static final DateTimeFormatter TSTZ = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx", Locale.ROOT);

    /** A value as SQL literal text, escaped for this database. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public String renderLiteral(Object value, SqlType<?> type) {
        if (value == null) return "NULL";
        if (type instanceof ConvertedType ct) return renderLiteral(ct.toDb(value), ct.base());
        if (value instanceof Boolean b) return booleanLiteral(b);
        if (value instanceof Double d && (d.isNaN() || d.isInfinite()) || value instanceof Float f && (f.isNaN() || f.isInfinite()))
            throw new CompileError("cannot render " + value + " as a SQL literal in " + name() + "; bind it as a parameter");
        if (value instanceof java.math.BigDecimal d) return d.toPlainString();
        if (value instanceof Number n) return n.toString();
        if (value instanceof String s) return stringLiteral(s);
        if (value instanceof Enum<?> e) return stringLiteral(e.name());
        if (value instanceof byte[] b) return binaryLiteral(b);
        if (value instanceof LocalDateTime t) return stringLiteral(TS.format(t));
        if (value instanceof OffsetDateTime t) return stringLiteral(TSTZ.format(t));
        if (value instanceof LocalDate || value instanceof LocalTime || value instanceof java.util.UUID)
            return stringLiteral(value.toString());
        throw new CompileError("cannot render a " + value.getClass().getName() + " as a SQL literal in " + name());
    }

    protected String booleanLiteral(boolean b) { return b ? "TRUE" : "FALSE"; }

    /** A quoted string with quotes doubled; MySQL also escapes backslashes. */
    protected String stringLiteral(String s) {
        if (s.indexOf('\0') >= 0)
            throw new CompileError("a string with a NUL character cannot be rendered as a literal in " + name() + "; bind it");
        return "'" + s.replace("'", "''") + "'";
    }

    protected String binaryLiteral(byte[] b) { return "X'" + HexFormat.of().formatHex(b) + "'"; }

    // ---- streaming results ---------------------------------------------------------------------------------

    /** Rows fetched per round trip when streaming. */
    public static final int STREAM_FETCH_SIZE = 1000;

    /**
     * Sets up a statement whose rows are to be streamed ({@code Connection.stream}). The default asks
     * the driver for {@link #STREAM_FETCH_SIZE} rows per round trip, which makes pgjdbc use a cursor
     * (Athanor's connections never autocommit); a driver that streams otherwise overrides this.
     */
    public void configureStreaming(java.sql.Connection connection, java.sql.PreparedStatement statement) throws SQLException {
        if (connection.getAutoCommit())
            throw new ConfigurationError("streaming needs a transaction: the connection is in autocommit mode");
        statement.setFetchSize(STREAM_FETCH_SIZE);
    }

    // ---- executing ---------------------------------------------------------------------------------------

    /**
     * Called before each statement runs on {@code connection} (the physical one), for a driver whose
     * idea of the session must be kept in step with the server's (Connector/J escapes client-side
     * bound values by the sql_mode it believes in). The default does nothing.
     */
    public void beforeExecute(java.sql.Connection connection) throws SQLException {}

    /**
     * Whether an Engine that owns its pool keeps prepared statements per pooled connection across
     * checkouts (up to 32, by SQL text) — true, the default — or prepares them at each checkout and
     * leaves caching to the driver, whose cache settings the {@link DialectProvider} sets. Measured per
     * database (docs/benchmarks.md, issue 13): on SQLite, PostgreSQL and MySQL/MariaDB the engine's
     * own statements beat the drivers' caches.
     */
    public boolean keepsPreparedStatements() { return true; }

    // ---- timeouts ----------------------------------------------------------------------------------------

    /**
     * Limits how long the next execution of {@code statement} may run, in milliseconds (positive).
     * The default is JDBC's query timeout, in whole seconds rounded up, which pgjdbc and Connector/J
     * enforce by cancelling the statement; a driver whose query timeout means something else
     * (sqlite-jdbc: how long to wait for a lock) overrides this. Past it, {@link #translate} gives a
     * {@link StatementTimeoutError}.
     */
    public void armStatementTimeout(java.sql.Connection connection, java.sql.Statement statement, int millis) throws SQLException {
        statement.setQueryTimeout((millis + 999) / 1000);
    }

    /** Undoes {@link #armStatementTimeout} after the execution (statements are reused). */
    public void disarmStatementTimeout(java.sql.Connection connection, java.sql.Statement statement) throws SQLException {
        statement.setQueryTimeout(0);
    }

    /**
     * The driver properties that make the driver give up on a server that does not answer within
     * {@code timeout} ({@code EngineOptions.socketTimeout}); empty where there is no socket (SQLite).
     */
    public Map<String, String> socketTimeoutProperties(java.time.Duration timeout) { return Map.of(); }

    // ---- schema inspection ---------------------------------------------------------------------------------

    /** The schema {@link org.athanor.core.inspect.Inspector} looks tables up in: the connection's current one. */
    public String inspectionSchema(java.sql.Connection c) throws SQLException { return c.getSchema(); }

    /** The catalog tables are looked up in: the connection's current one. */
    public String inspectionCatalog(java.sql.Connection c) throws SQLException { return c.getCatalog(); }

    /**
     * The computed (generated) columns of a table, by column name, for inspection: JDBC metadata does
     * not carry the generation expression. Empty by default.
     */
    public java.util.Map<String, org.athanor.core.inspect.ComputedColumn> computedColumns(java.sql.Connection c, String schema, String table)
            throws SQLException {
        return java.util.Map.of();
    }

    /**
     * Column → full declared type text, where the driver's metadata loses part of it (SQLite's
     * driver reports NUMERIC(10,2) as NUMERIC with a size of 12); empty when the metadata is enough.
     */
    public java.util.Map<String, String> declaredColumnTypes(java.sql.Connection c, String schema, String table) throws SQLException {
        return java.util.Map.of();
    }

    /** Tables the database keeps for itself (SQLite's sqlite_sequence), left out of table lists. */
    public boolean isInternalTable(String name) { return false; }

    /**
     * Sequences in {@code schema} (null: the connection's) that the JDBC driver lists among the tables,
     * left out of table lists: Connector/J reports MariaDB's sequences with TABLE_TYPE "TABLE". Empty
     * where the driver tells them apart.
     */
    public java.util.Set<String> sequencesListedAsTables(java.sql.Connection c, String schema) throws SQLException {
        return java.util.Set.of();
    }

    /**
     * The SqlType for a column the database describes by {@code typeName} and JDBC type code, with
     * its size (length or precision) and decimal digits. Dialects refine this for their own names;
     * a type without counterpart is {@link SqlTypes#ANY}, read as the driver gives it.
     */
    public SqlType<?> typeFromDatabase(String typeName, int jdbcType, int size, int digits) {
        String n = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        switch (jdbcType) {
            case java.sql.Types.BIT, java.sql.Types.BOOLEAN: return SqlTypes.BOOLEAN;
            case java.sql.Types.TINYINT, java.sql.Types.SMALLINT: return SqlTypes.SMALLINT;
            case java.sql.Types.INTEGER: return SqlTypes.INTEGER;
            case java.sql.Types.BIGINT: return SqlTypes.BIGINT;
            case java.sql.Types.REAL: return SqlTypes.REAL;
            case java.sql.Types.FLOAT, java.sql.Types.DOUBLE: return SqlTypes.DOUBLE;
            case java.sql.Types.NUMERIC, java.sql.Types.DECIMAL:
                return size > 0 && size <= 1000 ? SqlTypes.numeric(size, Math.max(0, digits)) : SqlTypes.NUMERIC;
            case java.sql.Types.CHAR, java.sql.Types.VARCHAR, java.sql.Types.NCHAR, java.sql.Types.NVARCHAR:
                return size > 0 && size < 65536 ? SqlTypes.varchar(size) : SqlTypes.TEXT;
            case java.sql.Types.LONGVARCHAR, java.sql.Types.LONGNVARCHAR, java.sql.Types.CLOB, java.sql.Types.NCLOB:
                return SqlTypes.TEXT;
            case java.sql.Types.DATE: return SqlTypes.DATE;
            case java.sql.Types.TIME: return SqlTypes.TIME;
            case java.sql.Types.TIMESTAMP: return n.contains("tz") || n.contains("time zone") ? SqlTypes.TIMESTAMPTZ : SqlTypes.TIMESTAMP;
            case java.sql.Types.TIMESTAMP_WITH_TIMEZONE: return SqlTypes.TIMESTAMPTZ;
            case java.sql.Types.BINARY, java.sql.Types.VARBINARY, java.sql.Types.LONGVARBINARY, java.sql.Types.BLOB: return SqlTypes.BLOB;
            default:
                if (n.equals("uuid")) return SqlTypes.UUID;
                if (n.equals("json") || n.equals("jsonb")) return SqlTypes.JSON;
                return SqlTypes.ANY;
        }
    }

    /** Whether a unique index over exactly the primary key's columns is the key's own index (left out of indexes()). */
    public boolean isPrimaryKeyIndex(String indexName, org.athanor.core.inspect.PrimaryKeyInfo pk) { return true; }

    /**
     * The UNIQUE constraints of a table, given its unique indexes. By default every unique index
     * counts (MySQL's view: a unique key is both); dialects that tell them apart override.
     */
    public java.util.List<org.athanor.core.inspect.UniqueConstraintInfo> uniqueConstraints(
            java.sql.Connection c, String schema, String table, java.util.List<org.athanor.core.inspect.IndexInfo> uniqueIndexes)
            throws SQLException {
        java.util.List<org.athanor.core.inspect.UniqueConstraintInfo> out = new java.util.ArrayList<>();
        for (var i : uniqueIndexes) out.add(new org.athanor.core.inspect.UniqueConstraintInfo(i.name(), i.columns()));
        return out;
    }

    // ---- errors ------------------------------------------------------------------------------------------

    /**
     * True when the error means the connection is unusable and must leave the pool: SQLSTATE class
     * 08, JDBC's connection-exception types, or an I/O failure anywhere in the causes (Connector/J
     * wraps "java.io.IOException: Socket is closed." in a plain SQLException, with no SQLSTATE, when
     * the server kills the session mid-read). A connection whose I/O failed is not trusted again.
     */
    public boolean isDisconnect(SQLException e) {
        String s = e.getSQLState();
        if (s != null && s.startsWith("08")) return true;
        if (e instanceof java.sql.SQLNonTransientConnectionException || e instanceof java.sql.SQLRecoverableException) return true;
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause())
            if (t instanceof java.io.IOException) return true; // SocketException, EOFException, "Socket is closed", ...
        return false;
    }

    /** Wraps a driver exception in the {@link DatabaseError} family, keyed by SQLSTATE. */
    public DatabaseError translate(SQLException e, String sql) {
        String msg = "(" + name() + ") " + e.getMessage();
        if (isDisconnect(e)) return new DisconnectionError(msg, sql, e);
        if (e instanceof java.sql.SQLTimeoutException) return new StatementTimeoutError(msg, sql, e);
        String state = e.getSQLState();
        String cls = state == null || state.length() < 2 ? "" : state.substring(0, 2);
        return switch (cls) {
            case "23" -> new IntegrityError(msg, sql, e);
            case "22" -> new DataError(msg, sql, e);
            case "40" -> new TransactionConflictError(msg, sql, e);
            case "42" -> new ProgrammingError(msg, sql, e);
            case "0A" -> new NotSupportedError(msg, sql, e);
            case "XX" -> new org.athanor.core.error.InternalDatabaseError(msg, sql, e);
            case "53", "54", "55", "57", "58", "HY" -> new OperationalError(msg, sql, e);
            default -> new DatabaseError(msg, sql, e);
        };
    }

    @Override public String toString() { return name() + " dialect"; }
}
