package org.athanor.mysql;

import java.sql.SQLException;
import java.util.Set;
import org.athanor.core.compile.SqlCompiler;
import org.athanor.core.dialect.DdlCompiler;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.compile.DialectFeatures;
import org.athanor.core.error.CompileError;
import org.athanor.core.error.DataError;
import org.athanor.core.error.DatabaseError;
import org.athanor.core.error.DisconnectionError;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.error.OperationalError;
import org.athanor.core.error.TransactionConflictError;
import org.athanor.core.type.ConvertedType;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.ValueCodec;

/**
 * MySQL 8 and MariaDB 10.5+ through MySQL Connector/J.
 *
 * <pre>{@code
 * try (Engine engine = Engine.create("mysql://app:secret@db.local:3306/shop")) { ... }
 * }</pre>
 *
 * <h2>Server detection</h2>
 * Until it has seen a server the dialect assumes MySQL 8: no RETURNING, generated keys through
 * {@code getGeneratedKeys} (one per row, in row order, also for multi-row INSERT). On the Engine's
 * first connection {@link #forServer} reads the server version; MariaDB 10.5 and later
 * (Connector/J reports it as {@code 5.5.5-10.x.y-MariaDB}) gets {@code INSERT ... RETURNING} and
 * {@code DELETE ... RETURNING} (MariaDB has no {@code UPDATE ... RETURNING}) and INTERSECT/EXCEPT ALL.
 * MariaDB 10.3 and later gets sequences: {@code CREATE/DROP SEQUENCE} in createAll/dropAll and
 * {@code NEXT VALUE FOR s} for {@code Sql.nextValue}. MySQL 8 has none; there they are refused with
 * an error that says to use an AUTO_INCREMENT column instead ({@link #noSequences}).
 * A dialect whose features were chosen by hand ({@link #withFeatures}) keeps them: that is how
 * MySQL 8's path is exercised on MariaDB, and what the URL switch {@code ?athanor_returning=false}
 * does.
 *
 * <h2>Types</h2>
 * BOOLEAN is {@code TINYINT(1)} (read back as Boolean); TIMESTAMP is {@code DATETIME(6)} and TIME
 * is {@code TIME(6)}, keeping microseconds; TIMESTAMP WITH TIME ZONE is {@code DATETIME(6)} holding
 * the instant in UTC, read back as an OffsetDateTime at UTC (the instant is kept, the offset is
 * not: MySQL has no type that stores one); UUID is {@code CHAR(36)}; TEXT is {@code LONGTEXT} and
 * bytes are {@code LONGBLOB}, so neither refuses values over 64 KB as TEXT/BLOB would;
 * REAL is stored as {@code DOUBLE} (MariaDB sends FLOAT values to the client rounded to six
 * significant digits; every float fits a double exactly and is narrowed back on reading);
 * NUMERIC(p,s) is {@code DECIMAL(p,s)} and a NUMERIC without precision {@code DECIMAL(65,30)}
 * (MySQL's bare DECIMAL would be DECIMAL(10,0) and drop every fraction); JSON is {@code JSON}
 * (MariaDB's JSON is LONGTEXT with a validity check and keeps the text as written; MySQL 8 stores
 * a binary form and returns it normalized: whitespace and key order may change); enums are
 * native {@code ENUM('A','B')} columns; VARCHAR must declare a length.
 *
 * <h2>Literals</h2>
 * Strings are rendered so that they read the same whether or not a session has
 * {@code NO_BACKSLASH_ESCAPES} (see {@link #stringLiteral}): the Engine's sessions do not have it
 * (see {@link MysqlDialectProvider}), but an application or a pool's init SQL may switch it on any
 * one connection, and a literal must not change meaning with it.
 *
 * <h2>Errors</h2>
 * Mapped by vendor code first, SQLSTATE second: 1062 duplicate key, 1451/1452 foreign key,
 * 1048/1364 NOT NULL and 3819 (MySQL)/4025 (MariaDB) CHECK are IntegrityError; 1213 deadlock and
 * 1205 lock wait timeout are TransactionConflictError; a lost or killed connection (2006, 2013,
 * 1927, SQLSTATE 08xxx, CommunicationsException) is DisconnectionError, and the Engine drops that
 * connection from its pool.
 */
public final class MysqlDialect extends Dialect {
    /** MySQL 8's capabilities: what every supported server has. */
    public static final DialectFeatures FEATURES = DialectFeatures.builder()
            .returning(false).updateReturning(false).deleteReturning(false).returningPreservesOrder(true)
            .multiRowInsert(true).multiRowGeneratedKeys(true)
            .fullJoin(false).rightJoin(true).tupleIn(true).nullsOrdering(true)
            .forUpdate(true).forShare(true).nowait(true).skipLocked(true).savepoints(true).sequences(false)
            .updateFrom(true).deleteUsing(true).alterAddForeignKey(true).createIndexIfNotExists(false)
            .transactionalDdl(false).exactNumeric(true).timezoneAware(true).windowFunctions(true).cte(true)
            .lateral(false).filterClause(false).intersectExceptAll(false).ilike(false).isolationLevels(true)
            .requiresVarcharLength(true).parenthesizedSetMembers(true).quantifiedComparison(true).cteBeforeUpdateAndDelete(true).lagLeadDefault(true)
            // MySQL and MariaDB refuse names over 64 characters themselves; checking first gives the same message everywhere
            .maxIdentifierLength(64, false)
            .limitExpressions(false).intervalRangeOffsets(true).maxBindParams(65535).build();

    /** The dialect before any server was seen; {@link #forServer} refines it. */
    public static final MysqlDialect INSTANCE = new MysqlDialect(FEATURES, null, false);

    private final ServerVersion server;
    private final boolean pinned;

    private MysqlDialect(DialectFeatures features, ServerVersion server, boolean pinned) {
        super(features);
        this.server = server;
        this.pinned = pinned;
    }

    /** "MariaDB" or "MySQL" once the server is known, "MySQL/MariaDB" before. */
    @Override public String name() { return server == null ? "MySQL/MariaDB" : server.product(); }

    /** The server seen by {@link #forServer}, or null. */
    public ServerVersion server() { return server; }

    /** This dialect with exactly these features; server detection will not change them. */
    @Override public Dialect withFeatures(DialectFeatures features) {
        return new MysqlDialect(features, server, true);
    }

    @Override
    public Dialect forServer(java.sql.Connection connection) throws SQLException {
        // sql_mode is not read: it can differ per connection, and literals do not depend on it (see stringLiteral)
        return adaptTo(ServerVersion.parse(connection.getMetaData().getDatabaseProductVersion()));
    }

    /** Kept for callers written when literals followed sql_mode; the flag no longer matters. */
    MysqlDialect adaptTo(ServerVersion v, boolean noBackslashEscapes) { return adaptTo(v); }

    /** This dialect for a known server. */
    MysqlDialect adaptTo(ServerVersion v) {
        DialectFeatures f = features();
        if (!pinned) {
            boolean mariaReturning = v.mariaDb() && v.atLeast(10, 5);
            f = f.toBuilder().returning(mariaReturning).deleteReturning(mariaReturning).updateReturning(false)
                    .intersectExceptAll(v.mariaDb() ? v.atLeast(10, 5) : v.atLeast(8, 0, 31))
                    .cteBeforeUpdateAndDelete(!v.mariaDb()).lagLeadDefault(!v.mariaDb())
                    // MySQL 8 has RANGE frames over temporal ORDER BY with INTERVAL offsets; MariaDB's RANGE offsets are numeric only
                    .intervalRangeOffsets(!v.mariaDb())
                    // OFFSET ... ROWS FETCH FIRST ... ROWS ONLY | WITH TIES: MariaDB 10.6+, never MySQL
                    .fetchFirst(v.mariaDb() && v.atLeast(10, 6)).fetchWithTies(v.mariaDb() && v.atLeast(10, 6))
                    // CREATE/DROP SEQUENCE and NEXT VALUE FOR: MariaDB 10.3+, never MySQL
                    .sequences(v.mariaDb() && v.atLeast(10, 3)).build();
        }
        return new MysqlDialect(f, v, pinned);
    }

    /**
     * The error for a sequence {@code what} on a server without sequences (MySQL 8, or before the server
     * is known): it names the database and says what to use instead.
     */
    CompileError noSequences(String what) {
        return new CompileError(name() + " has no sequences, so there is no " + what + " (MariaDB has sequences from 10.3, "
                + "MySQL none): use an AUTO_INCREMENT column there (autoincrement() in Core, GenerationType.IDENTITY in the ORM)");
    }

    /** Whether share locks must be spelled {@code LOCK IN SHARE MODE} (MariaDB has no FOR SHARE). */
    boolean lockInShareMode() { return server != null && server.mariaDb(); }

    /**
     * The binary collation of new tables. utf8mb4_bin is PAD SPACE, so 'a' = 'a ' and the two collide
     * in a unique index; the NO PAD binary collations (MariaDB 10.2+, MySQL 8.0+) compare trailing
     * spaces like PostgreSQL and SQLite. Before a server is known: utf8mb4_bin, which every server has.
     */
    String binaryCollation() {
        if (server == null) return "utf8mb4_bin";
        if (server.mariaDb()) return server.atLeast(10, 2) ? "utf8mb4_nopad_bin" : "utf8mb4_bin";
        return server.atLeast(8, 0) ? "utf8mb4_0900_bin" : "utf8mb4_bin";
    }

    /**
     * Sets the session's {@code collation_connection} to {@link #binaryCollation()}. String literals
     * and parameters (which Connector/J sends as literals) take the connection collation, by default
     * utf8mb4_general_ci: case- and trailing-space-insensitive, so {@code 'a' = 'A'}, {@code 'a ' = 'a'}
     * and a UNION of 'a' and 'A' kept one row, though the columns Athanor creates are binary and
     * PostgreSQL and SQLite compare exactly. A session variable of this connection only: never a
     * server or database setting (the servers are shared).
     */
    @Override
    public void onConnect(java.sql.Connection connection) throws SQLException {
        try (java.sql.Statement st = connection.createStatement()) {
            st.execute("SET collation_connection = '" + binaryCollation() + "'");
        }
    }

    /** Whether ALTER TABLE ... ADD CONSTRAINT IF NOT EXISTS exists (MariaDB; not MySQL 8). */
    boolean alterConstraintIfNotExists() { return server != null && server.mariaDb(); }

    @Override protected SqlCompiler newCompiler(boolean literalBinds) { return new MysqlCompiler(this, literalBinds); }

    @Override public DdlCompiler ddl() { return new MysqlDdlCompiler(this); }

    // ---- identifiers ---------------------------------------------------------------------------

    @Override protected char identifierQuote() { return '`'; }

    private static final Set<String> RESERVED = MysqlReservedWords.with(COMMON_RESERVED);

    @Override protected Set<String> reservedWords() { return RESERVED; }

    // ---- types ---------------------------------------------------------------------------------

    @Override
    public String typeName(SqlType<?> type) {
        if (type instanceof ConvertedType<?, ?> c) return typeName(c.base());
        return switch (type.kind()) {
            case INTEGER -> "INT";
            case BOOLEAN -> "TINYINT(1)";
            case TEXT -> "LONGTEXT";
            case NUMERIC -> type.precision() > 0
                    ? "DECIMAL(" + type.precision() + ", " + type.scale() + ")" : "DECIMAL(65, 30)";
            // MariaDB's text protocol sends FLOAT columns rounded to 6 significant digits (16777216f
            // comes back as 16777200); a float is stored exactly in a DOUBLE and narrowed on reading
            case REAL, DOUBLE -> "DOUBLE";
            case TIME -> "TIME(6)";
            case TIMESTAMP, TIMESTAMP_TZ -> "DATETIME(6)";
            case UUID -> "CHAR(36)";
            case BLOB -> "LONGBLOB";
            default -> super.typeName(type);
        };
    }

    /** CAST accepts only a few type names in MySQL and MariaDB (SIGNED, CHAR, DECIMAL, ...). */
    @Override
    public String castTypeName(SqlType<?> type) {
        if (type instanceof ConvertedType<?, ?> c) return castTypeName(c.base());
        return switch (type.kind()) {
            case SMALLINT, INTEGER, BIGINT, BOOLEAN -> "SIGNED";
            case VARCHAR -> type.length() > 0 ? "CHAR(" + type.length() + ")" : "CHAR";
            case TEXT, JSON, ENUM -> "CHAR";
            case UUID -> "CHAR(36)";
            case NUMERIC -> typeName(type);
            case REAL, DOUBLE -> "DOUBLE"; // narrowed to float on reading, see typeName
            case DATE -> "DATE";
            case TIME -> "TIME(6)";
            case TIMESTAMP, TIMESTAMP_TZ -> "DATETIME(6)";
            case BLOB -> "BINARY";
            case NULL, OTHER -> throw new CompileError("type " + type + " cannot be the target of CAST in " + name());
        };
    }

    @Override
    protected <T> ValueCodec<T> baseCodec(SqlType<T> type) {
        ValueCodec<T> c = MysqlCodecs.forType(type);
        return c != null ? c : type;
    }

    // ---- literals ------------------------------------------------------------------------------

    /** TIMESTAMP WITH TIME ZONE columns hold UTC wall time: an OffsetDateTime literal is converted to it. */
    @Override
    public String renderLiteral(Object value, SqlType<?> type) {
        if (value instanceof java.time.OffsetDateTime t)
            return stringLiteral(MysqlCodecs.DATETIME.format(t.withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime()));
        return super.renderLiteral(value, type);
    }

    /**
     * A string literal that reads the same whether or not the session has NO_BACKSLASH_ESCAPES
     * (the app or a pool's init SQL may switch it on any connection, after this dialect was made):
     * a string without backslashes or NUL is {@code '..'} with quotes doubled, which both modes read
     * alike; any other is the hex of its UTF-8 bytes with a character set introducer,
     * {@code _utf8mb4 X'..'}, a character string (not binary) that no mode escapes.
     */
    @Override
    protected String stringLiteral(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' || ch == '\0')
                return "_utf8mb4 X'" + java.util.HexFormat.of().formatHex(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "'";
        }
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * A COMMENT takes only a plain quoted string (no introducer, no hex), so no spelling of a
     * backslash reads the same in both modes there. Quotes are doubled and backslashes escaped: exact
     * in the Engine's sessions (no NO_BACKSLASH_ESCAPES), and under that mode the backslashes come out
     * doubled but the string still ends where it should — never an injection either way.
     */
    String commentLiteral(String s) {
        if (s.indexOf('\0') >= 0) throw new CompileError("a comment with a NUL character cannot be written in " + name() + " DDL: " + s.replace("\0", "\\0"));
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    // ---- errors --------------------------------------------------------------------------------

    /**
     * Lost connections: Connector/J's CommunicationsException (SQLSTATE 08S01), any 08 SQLSTATE, an
     * I/O failure among the causes (a kill while streaming: "Socket is closed"),
     * "server has gone away" (2006), "lost connection during query" (2013), a killed connection
     * (MariaDB 1927, MySQL 1053 server shutdown) and a closed connection (Connector/J's 08003).
     */
    @Override
    public boolean isDisconnect(SQLException e) {
        // core's check covers a connection killed mid-stream: "java.io.IOException: Socket is closed." with no SQLSTATE
        if (super.isDisconnect(e)) return true;
        return switch (e.getErrorCode()) {
            case 2006, 2013, 2055, 1927, 1053, 4031 -> true;
            default -> e instanceof com.mysql.cj.jdbc.exceptions.CommunicationsException;
        };
    }

    /** Vendor codes first (many MySQL errors carry only SQLSTATE HY000), then SQLSTATE. */
    @Override
    public DatabaseError translate(SQLException e, String sql) {
        String msg = "(" + name() + " " + e.getErrorCode() + ") " + e.getMessage();
        if (isDisconnect(e)) return new DisconnectionError(msg, sql, e);
        return switch (e.getErrorCode()) {
            // duplicate key, FK parent/child, NOT NULL, no default for a NOT NULL column, CHECK
            case 1062, 1586, 1451, 1452, 1216, 1217, 1048, 1364, 3819, 4025 -> new IntegrityError(msg, sql, e);
            case 1213, 1205 -> new TransactionConflictError(msg, sql, e);     // deadlock, lock wait timeout
            // MariaDB's max_statement_time, MySQL's max_execution_time (Connector/J's own timeout is an SQLTimeoutException)
            case 1969, 3024 -> new org.athanor.core.error.StatementTimeoutError(msg, sql, e);
            case 1406, 1264, 1265, 1366, 1292, 1365, 3140, 4038 -> new DataError(msg, sql, e); // too long, range, truncated, bad value, JSON
            case 3572, 1040, 1203, 1226 -> new OperationalError(msg, sql, e); // NOWAIT, too many connections
            default -> super.translate(e, sql);
        };
    }

    /** The server's status bit for NO_BACKSLASH_ESCAPES, sent with every OK packet (SERVER_STATUS_NO_BACKSLASH_ESCAPES). */
    private static final int STATUS_NO_BACKSLASH_ESCAPES = 512;

    /**
     * Keeps Connector/J's escaping in step with the session. With client-side prepared statements
     * (our default) the driver writes bound strings into the SQL, escaping them by the sql_mode it
     * read when the connection opened; if the session has since switched NO_BACKSLASH_ESCAPES (the
     * application, a pool's init SQL), its backslash escapes mean something else to the server and
     * {@code \' OR 1=1 -- } would end its string early. The server reports the mode's current state
     * in the status flags of every reply, which the driver keeps: when they disagree with what the
     * driver believes, the driver's copy of sql_mode is corrected before the statement runs. No
     * round trip; a few field reads per statement.
     */
    @Override
    public void beforeExecute(java.sql.Connection connection) throws SQLException {
        if (!connection.isWrapperFor(com.mysql.cj.MysqlConnection.class)) return; // another driver: its own business
        com.mysql.cj.protocol.ServerSession s = connection.unwrap(com.mysql.cj.MysqlConnection.class).getSession().getServerSession();
        boolean server = (s.getStatusFlags() & STATUS_NO_BACKSLASH_ESCAPES) != 0;
        if (server == s.isNoBackslashEscapesSet()) return;
        java.util.Map<String, String> vars = s.getServerVariables();
        String mode = vars.getOrDefault("sql_mode", "");
        if (server) vars.put("sql_mode", mode.isEmpty() ? "NO_BACKSLASH_ESCAPES" : mode + ",NO_BACKSLASH_ESCAPES");
        else vars.put("sql_mode", mode.replace("NO_BACKSLASH_ESCAPES", "").replace(",,", ",").replaceAll("^,|,$", ""));
    }

    /** Connector/J's socketTimeout is in milliseconds. */
    @Override
    public java.util.Map<String, String> socketTimeoutProperties(java.time.Duration timeout) {
        return java.util.Map.of("socketTimeout", Long.toString(Math.max(1, timeout.toMillis())));
    }

    /**
     * Connector/J streams a forward-only, read-only result row by row when its fetch size is
     * Integer.MIN_VALUE; any other size without useCursorFetch reads the whole result into memory.
     */
    @Override
    public void configureStreaming(java.sql.Connection connection, java.sql.PreparedStatement statement) throws SQLException {
        statement.setFetchSize(Integer.MIN_VALUE);
    }

    /** MariaDB's sequences, which Connector/J lists as tables: information_schema says SEQUENCE. None where the server has no sequences. */
    @Override
    public java.util.Set<String> sequencesListedAsTables(java.sql.Connection c, String schema) throws SQLException {
        if (!features().supportsSequences()) return java.util.Set.of();
        java.util.Set<String> out = new java.util.HashSet<>();
        try (var st = c.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_TYPE = 'SEQUENCE'")) {
            st.setString(1, schema);
            try (var rs = st.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

        /** Generated columns, from information_schema: EXTRA says STORED GENERATED or VIRTUAL GENERATED (MySQL 8, MariaDB 10.2+). */
    @Override
    public java.util.Map<String, org.athanor.core.inspect.ComputedColumn> computedColumns(java.sql.Connection c, String schema, String table)
            throws SQLException {
        java.util.Map<String, org.athanor.core.inspect.ComputedColumn> out = new java.util.HashMap<>();
        try (var st = c.prepareStatement("SELECT COLUMN_NAME, GENERATION_EXPRESSION, EXTRA FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? "
                + "AND (EXTRA LIKE '%STORED GENERATED%' OR EXTRA LIKE '%VIRTUAL GENERATED%')")) {
            st.setString(1, schema);
            st.setString(2, table);
            try (var rs = st.executeQuery()) {
                while (rs.next())
                    out.put(rs.getString(1), new org.athanor.core.inspect.ComputedColumn(rs.getString(2), rs.getString(3).toUpperCase(java.util.Locale.ROOT).contains("STORED")));
            }
        }
        return out;
    }
}
