package org.athanor.mysql;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.sql.KeyBuilder;
import org.athanor.core.sql.RenderContext;
import org.athanor.core.sql.SqlNode;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Extension;
import org.athanor.core.sql.Insert;
import org.athanor.core.type.SqlType;

/**
 * MySQL's upsert: {@code INSERT ... ON DUPLICATE KEY UPDATE col = expr, ...}, attached to a Core
 * INSERT. {@link #inserted(Column)} is the value the INSERT tried to write into a column
 * (SQLAlchemy's {@code stmt.inserted.col}).
 *
 * <pre>{@code
 * import static org.athanor.mysql.OnDuplicateKeyUpdate.inserted;
 *
 * Insert upsert = OnDuplicateKeyUpdate.of(insert(COUNTERS).set(COUNTERS.NAME, "hits").set(COUNTERS.N, 1))
 *         .set(COUNTERS.N, COUNTERS.N.plus(inserted(COUNTERS.N)))
 *         .apply();
 * // INSERT INTO `counters` (`name`, `n`) VALUES (?, ?) ON DUPLICATE KEY UPDATE `n` = `counters`.`n` + VALUES(`n`)
 * }</pre>
 *
 * The inserted value renders as {@code VALUES(col)}: MariaDB knows only that form, and MySQL 8.0.20+
 * still executes it (with a deprecation warning) although it prefers a row alias
 * ({@code VALUES (...) AS new}), which MariaDB rejects. One spelling thus serves both servers.
 * Compiling this clause for another dialect raises a CompileError naming it.
 */
public final class OnDuplicateKeyUpdate implements Extension {
    /** One {@code column = value} of the clause. */
    public record Assignment(Column<?> column, Expression<?> value) {}

    private final Insert insert;
    private final List<Assignment> assignments;

    private OnDuplicateKeyUpdate(Insert insert, List<Assignment> assignments) {
        this.insert = insert;
        this.assignments = assignments;
    }

    /** Starts the clause for {@code insert}; add assignments with {@link #set}, finish with {@link #apply()}. */
    public static OnDuplicateKeyUpdate of(Insert insert) { return new OnDuplicateKeyUpdate(insert, List.of()); }

    /** Sets {@code column} to a bound value when the row already exists. */
    public <T> OnDuplicateKeyUpdate set(Column<T> column, T value) { return set(column, column.bind(value)); }

    /** Sets {@code column} to an expression (other columns, {@link #inserted}) when the row already exists. */
    public <T> OnDuplicateKeyUpdate set(Column<T> column, Expression<? extends T> value) {
        if (column.table() != insert.table())
            throw new IllegalArgumentException("ON DUPLICATE KEY UPDATE: column " + column + " does not belong to table "
                    + insert.table().name() + " the INSERT writes");
        List<Assignment> a = new ArrayList<>(assignments);
        a.removeIf(x -> x.column() == column);
        a.add(new Assignment(column, value));
        return new OnDuplicateKeyUpdate(insert, List.copyOf(a));
    }

    /** Sets each column to the value the INSERT tried to write (a plain "insert or replace these columns"). */
    public OnDuplicateKeyUpdate setInserted(Column<?>... columns) {
        OnDuplicateKeyUpdate u = this;
        for (Column<?> c : columns) u = u.setInsertedOne(c);
        return u;
    }

    private <T> OnDuplicateKeyUpdate setInsertedOne(Column<T> c) { return set(c, inserted(c)); }

    public List<Assignment> assignments() { return assignments; }

    /** The INSERT with this clause attached. */
    public Insert apply() {
        if (assignments.isEmpty())
            throw new IllegalStateException("ON DUPLICATE KEY UPDATE on " + insert.table().name()
                    + " needs at least one set(column, value)");
        return insert.withOnConflict(this);
    }

    /** The value the INSERT tried to write into {@code column}: {@code VALUES(col)}. */
    public static <T> Expression<T> inserted(Column<T> column) { return new Inserted<>(column); }

    @Override public String constructName() { return "INSERT ... ON DUPLICATE KEY UPDATE"; }

    /** The SET values name the INSERT's own table, never a FROM item. */
    @Override public List<? extends SqlNode> fromExpressions() { return List.of(); }

    @Override
    public void render(RenderContext compiler) {
        if (!(compiler instanceof MysqlCompiler m)) throw compiler.unsupported(constructName());
        m.onDuplicateKeyUpdate(assignments);
    }

    @Override
    public void key(KeyBuilder k) {
        k.add(OnDuplicateKeyUpdate.class);
        k.add(assignments.size());
        for (Assignment a : assignments) {
            k.add(a.column());
            a.value().key(k);
        }
    }

    /** {@code VALUES(col)} inside ON DUPLICATE KEY UPDATE. */
    static final class Inserted<T> implements Expression<T>, Extension {
        private final Column<T> column;

        Inserted(Column<T> column) { this.column = column; }

        @Override public SqlType<T> type() { return column.type(); }

        @Override public String constructName() { return "VALUES(column) of ON DUPLICATE KEY UPDATE"; }

        /** {@code VALUES(col)} names the row the INSERT proposed, not a table of the statement. */
        @Override public List<? extends SqlNode> fromExpressions() { return List.of(); }

        @Override
        public void render(RenderContext compiler) {
            if (!(compiler instanceof MysqlCompiler m)) throw compiler.unsupported(constructName());
            m.insertedValue(column);
        }

        @Override
        public void key(KeyBuilder k) {
            k.add(Inserted.class);
            k.add(column);
        }
    }
}
