package org.athanor.core.engine;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.athanor.core.internal.compile.CompiledTemplate;
import org.athanor.core.sql.Query;
import org.athanor.core.error.MultipleResultsException;
import org.athanor.core.error.NoResultException;
import org.athanor.core.error.ResourceClosedError;

/**
 * The rows of an executed query, read lazily from the open cursor. Close it (try-with-resources)
 * unless a terminal method ({@link #all}, {@link #one}, {@link #first}, {@link #scalar}) has
 * already done so.
 *
 * <pre>{@code
 * try (Result<Tuple2<String, Integer>> r = conn.execute(select(USERS.NAME, USERS.AGE))) {
 *     for (var row : r) System.out.println(row._1 + " " + row._2);
 * }
 * }</pre>
 */
public final class Result<R> implements AutoCloseable, Iterable<R> {
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rs;
    private final CompiledTemplate template;
    private final RowReader<R> reader;
    private boolean closed;
    private boolean advanced;
    private boolean hasNext;
    private boolean released;

    Result(Connection connection, PreparedStatement statement, ResultSet rs, CompiledTemplate template, RowReader<R> reader) {
        this.connection = connection;
        this.statement = statement;
        this.rs = rs;
        this.template = template;
        this.reader = reader;
        if (rs == null) closed = true;
        else connection.openResults++;
    }

    /**
     * Refuses a new read of a result already consumed (by {@link #all}, {@link #one}, ... or by
     * iterating to the end) or closed: a second {@code all()} would otherwise quietly return no rows.
     */
    private void checkUnconsumed(String method) {
        if (released) throw new ResourceClosedError(method + " on a result that was already consumed or closed (a result is read once: "
                + "all(), first(), one(), oneOrNull(), scalar() and reading to the end close it; keep the rows, or execute again)"
                + " for: " + template.sql());
    }

    /** Column names of the result. */
    public List<String> columns() { return template.resultNames(); }

    /**
     * Moves the cursor to the next row unless {@link #hasNext} already holds the answer. The cursor
     * may have been closed under this result (the connection's close(), or its engine's from another
     * thread, which is why {@code usable()} reads a volatile): checked once per row, just before
     * {@code rs.next()}, since SQLite's driver reports "no more rows" for a closed cursor and
     * PostgreSQL's still hands out the rows it buffered. A row already fetched is read by
     * {@link #take} without a check; its read failing on a closed cursor says so in {@link #take}.
     */
    private boolean advance() {
        if (closed) return false;
        if (!advanced) {
            if (!connection.usable()) throw connection.closedError();
            try {
                hasNext = rs.next();
            } catch (SQLException e) {
                close();
                throw connection.translate(e, template.sql());
            }
            advanced = true;
            if (!hasNext) close();
        }
        return hasNext;
    }

    private R take() {
        if (!advance()) throw new NoSuchElementException("no more rows");
        advanced = false;
        try {
            return reader.read(rs, template);
        } catch (SQLException e) {
            // closed between hasNext() and next(): the same refusal advance() gives, not the driver's error
            if (!connection.usable()) throw connection.closedError();
            close();
            throw connection.translate(e, template.sql());
        }
    }

    @Override
    public Iterator<R> iterator() {
        checkUnconsumed("iterator()");
        return new Iterator<>() {
            @Override public boolean hasNext() { return advance(); }
            @Override public R next() { return take(); }
        };
    }

    /** Every remaining row; closes the result. */
    public List<R> all() {
        checkUnconsumed("all()");
        List<R> out = new ArrayList<>();
        try {
            while (advance()) out.add(take());
        } finally {
            close();
        }
        return out;
    }

    /** The first row or null; closes the result. */
    public R first() {
        checkUnconsumed("first()");
        try {
            return advance() ? take() : null;
        } finally {
            close();
        }
    }

    /** Exactly one row: none raises {@link NoResultException}, several {@link MultipleResultsException}. */
    public R one() {
        checkUnconsumed("one()");
        try {
            if (!advance()) throw new NoResultException("one() found no row for: " + template.sql());
            R r = take();
            if (advance()) throw new MultipleResultsException("one() found more than one row for: " + template.sql());
            return r;
        } finally {
            close();
        }
    }

    /** One row or null; several raise {@link MultipleResultsException}. */
    public R oneOrNull() {
        checkUnconsumed("oneOrNull()");
        try {
            if (!advance()) return null;
            R r = take();
            if (advance()) throw new MultipleResultsException("oneOrNull() found more than one row for: " + template.sql());
            return r;
        } finally {
            close();
        }
    }

    /**
     * The first column of the first row, or null when there is no row; closes the result. Typed
     * {@code Object}, since a result's row type does not say the first column's type: for a typed
     * value use {@link Connection#scalar(Query)} ({@code Long n = conn.scalar(select(count()).from(USERS))})
     * or {@link #scalar(Class)}.
     */
    public Object scalar() {
        checkUnconsumed("scalar()");
        try {
            if (!advance()) return null;
            advanced = false;
            // text() queries have no typed result columns: take the value as the driver gives it
            return template.resultCount() == 0 ? rs.getObject(1) : template.resultCodecs()[0].read(rs, 1);
        } catch (SQLException e) {
            throw connection.translate(e, template.sql());
        } finally {
            close();
        }
    }

    /**
     * {@link #scalar()} as {@code type}: the value itself when it is one; a number converted to
     * another numeric type when that loses nothing ({@code scalar(Integer.class)} of a {@code count(*)}
     * that the database gives as a Long); otherwise a {@link ClassCastException} naming the value's
     * type and {@code type}.
     * <pre>{@code
     * int n = conn.execute(text("SELECT count(*) FROM users")).scalar(Integer.class);
     * }</pre>
     */
    public <T> T scalar(Class<T> type) {
        java.util.Objects.requireNonNull(type, "type");
        return ScalarConversion.convert(scalar(), type, template.sql());
    }

    /** The rows as a lazy stream; closing the stream closes the result. */
    public Stream<R> stream() {
        checkUnconsumed("stream()");
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    /** The rows in lists of at most {@code size}, read lazily: memory holds one partition at a time. */
    public Stream<List<R>> partitions(int size) {
        if (size < 1) throw new IllegalArgumentException("partition size must be at least 1, got " + size);
        checkUnconsumed("partitions()");
        Iterator<List<R>> it = new Iterator<>() {
            @Override public boolean hasNext() { return advance(); }
            @Override public List<R> next() {
                List<R> chunk = new ArrayList<>(Math.min(size, 1024));
                while (chunk.size() < size && advance()) chunk.add(take());
                if (chunk.isEmpty()) throw new NoSuchElementException();
                return chunk;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false).onClose(this::close);
    }

    @Override
    public void close() {
        if (released) return;
        released = true;
        closed = true;
        if (rs != null) connection.openResults--;
        try {
            if (rs != null) rs.close();
        } catch (SQLException e) {
            connection.abandon(statement);
            throw connection.translate(e, template.sql());
        }
        // the connection keeps the statement for the next execution of the same SQL
        connection.release(template.sql(), statement);
    }
}
