package org.athanor.core.dialect;

/**
 * How a bulk insert learns what the database generated for its rows (SPI). One way per strategy:
 * core has RETURNING, RETURNING sorted (rows inserted in order, keys from an increasing sequence),
 * JDBC generated keys, sentinel matching and none; a dialect adds its own through
 * {@link Dialect#keyStrategy(BulkInsertShape)} (SQLite's consecutive rowids, PostgreSQL's column arrays).
 *
 * <p>A strategy is chosen once per planned insert ({@code Connection.rowsInsert}, {@code insertRows},
 * the ORM's flush) and asked to insert one statement's worth of rows at a time; it is used by one
 * thread and may keep state across chunks. One that keeps none says so ({@link #reusable}): the
 * Engine then keeps it with the insert's plan and serves every later insert of the same shape, on
 * any thread, without asking the dialect again. It sends the rows through the {@link BulkChunk} it is
 * given, which runs every statement through the connection's one execution path (listeners, echo,
 * timeouts, error translation), and returns values through it in row order.
 *
 * <pre>{@code
 * final class ReturningKeys implements KeyStrategy {
 *     public void insert(BulkChunk chunk) { chunk.insertReturning(false); }
 * }
 * }</pre>
 */
public interface KeyStrategy {
    /**
     * The rows one statement holds, given {@code planned}: as many as the bind-parameter limit and the
     * dialect's preferred statement size allow for a multi-row VALUES. Asked once per plan.
     */
    default int rowsPerStatement(int planned) { return planned; }

    /**
     * Whether the plan's INSERT keeps the rows in order ({@link org.athanor.core.sql.Insert#inRowOrder()}):
     * for a strategy that sorts the keys a sequence handed out. Asked once per plan.
     */
    default boolean insertsInRowOrder() { return false; }

    /**
     * Whether this strategy keeps no state (its fields are final and it changes nothing of its own while inserting),
     * so that one instance may serve any number of inserts of its shape at once, on any threads. False by default: a
     * strategy that learns across its chunks (SQLite's rowids) is chosen anew for each insert.
     */
    default boolean reusable() { return false; }

    /** Inserts the chunk's rows (at most {@link #rowsPerStatement}) and adds what they returned to it, in row order. */
    void insert(BulkChunk chunk);

    /** A short name for messages and tests ("RETURNING", "generated keys", ...). */
    String name();
}
