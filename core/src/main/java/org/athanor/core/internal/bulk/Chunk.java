package org.athanor.core.internal.bulk;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.internal.compile.CompiledTemplate;
import org.athanor.core.dialect.BulkChunk;
import org.athanor.core.dialect.BulkInsertShape;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Insert;
import org.athanor.core.sql.Param;
import org.athanor.core.type.ValueCodec;

/**
 * Rows {@code from} to {@code to} of one run of a {@link BulkInsert}: the statements a key strategy
 * sends them as. Each form (plain VALUES, VALUES ... RETURNING, VALUES for generated keys, column
 * arrays) binds a full statement straight from the caller's rows once its binder is known, any other
 * through value arrays aligned with the statement, and a chunk holding an expression through a
 * statement built from nodes.
 */
final class Chunk implements BulkChunk {
    static final int PLAIN = 0, RETURNING = 1, KEYS = 2, FORMS = 3;
    /** The {@code form} of the column-array statement's {@link Binders.Shape}. */
    static final int ARRAYS = 3;

    private final BulkInsert ins;
    private final List<Object[]> rows;
    private final int from, to;
    private final Collected out;

    Chunk(BulkInsert ins, List<Object[]> rows, int from, int to, Collected out) {
        this.ins = ins;
        this.rows = rows;
        this.from = from;
        this.to = to;
        this.out = out;
    }

    @Override public BulkInsertShape shape() { return ins.shape; }

    @Override public int size() { return to - from; }

    @Override
    public Object value(int row, int column) {
        Object[] r = rows.get(from + row);
        return r[ins.positions == null ? column : ins.positions[column]];
    }

    @Override
    public BulkChunk slice(int a, int b) {
        if (a < 0 || b > size() || a >= b) throw new IndexOutOfBoundsException("rows " + a + ".." + b + " of a chunk of " + size());
        return new Chunk(ins, rows, from + a, from + b, out);
    }

    @Override public int insert() { return send(PLAIN, ins.returning, out); }

    @Override
    public void insertReturning(boolean sorted) {
        int first = out.size();
        send(RETURNING, ins.returning, out);
        if (sorted) out.sortFrom(first);
    }

    @Override
    public List<Object[]> insertReturningWith(int... extra) {
        Column<?>[] cols = Arrays.copyOf(ins.returning, ins.returning.length + extra.length);
        for (int i = 0; i < extra.length; i++) cols[ins.returning.length + i] = ins.columns[extra[i]];
        Collected into = new Collected(size(), false);
        send(RETURNING, cols, into);
        return into.rows;
    }

    @Override public void insertGeneratedKeys() { send(KEYS, ins.returning, out); }

    @Override
    public void addKey(long key) {
        out.one(ins.returning[0].type().javaType() == Integer.class ? (Object) Math.toIntExact(key) : (Object) key);
    }

    @Override public void addValue(Object value) { out.one(value); }


    @Override public boolean inTransaction() { return ins.x.inTransaction(); }

    @Override public RuntimeException translate(SQLException e, String what) { return ins.x.translate(e, what); }

    @Override
    public long[] queryLongs(String sql, int columns) {
        long[] values = new long[columns];
        ins.x.run(sql, null, true, Executor.Binding.NONE, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("no row from " + sql);
                for (int i = 0; i < columns; i++) values[i] = rs.getLong(i + 1);
            }
            return -1;
        });
        return values;
    }

    @Override
    public Object[] queryRow(String sql, int columns, Object... parameters) {
        Object[][] row = new Object[1][];
        ins.x.run(sql, null, true, new Executor.Binding() {
            @Override public boolean bind(PreparedStatement ps) throws SQLException {
                for (int i = 0; i < parameters.length; i++) ps.setObject(i + 1, parameters[i]);
                return true;
            }

            @Override public List<Object> shown() { return Arrays.asList(parameters); }
        }, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    row[0] = new Object[columns];
                    for (int i = 0; i < columns; i++) row[0][i] = rs.getObject(i + 1);
                }
            }
            return -1;
        });
        return row[0];
    }

    /**
     * Sends the rows as one statement of {@code form} returning {@code returning} into {@code into};
     * returns the rows inserted (PLAIN) or returned.
     */
    private int send(int form, Column<?>[] returning, Collected into) {
        int n = size();
        // the insert's own statement: binder and codecs kept with its plan (on the Engine, for a plain base), by size
        boolean own = returning == ins.returning;
        InsertForm.Kept kept = own ? ins.form.kept(form, n, ins.per) : null;
        if (kept != null && kept.direct() != null) {
            long r = execute(kept.binder(), direct(kept.direct()), true, form, returning, into);
            if (r >= 0) return (int) r;
        }
        Object[][] values = ins.plan.arrayValues(rows, from, to, ins.positions);
        if (values == null) return statements(form, returning, into); // a row holds an expression
        SlotBinder binder = kept == null ? null : kept.binder();
        boolean cached = true;
        if (binder == null) {
            // a plain INSERT's SQL depends only on its shape: its binder is kept on the Engine
            Binders.Shape shape = ins.keyedByShape()
                    ? new Binders.Shape(ins.base.table(), ins.columns, form == RETURNING ? returning : Binders.NONE, n, form, ins.bound) : null;
            binder = shape == null ? null : ins.x.binders().get(shape);
            if (binder == null) {
                Map<Param<?>, SlotBinder.Source> sources = new IdentityHashMap<>();
                Insert template = ins.plan.template(n, sources, ins.bound);
                Compiled p = ins.x.compile(form == RETURNING ? template.returning(returning) : template);
                binder = new SlotBinder(p.template(), p.params(), sources::get, false);
                cached = p.cached();
                if (shape != null) ins.x.binders().put(shape, binder);
            }
            if (own) ins.form.keep(form, ins.per, new InsertForm.Kept(n, binder, ins.plan.directCodecs(binder, ins.positions)));
        }
        return (int) execute(binder, aligned(binder, values), cached, form, returning, into);
    }

    /** Runs one statement through the connection's choke point; -1 when {@code binding} declined (nothing ran). */
    private long execute(SlotBinder binder, Executor.Binding binding, boolean cached, int form, Column<?>[] returning, Collected into) {
        CompiledTemplate t = binder.template();
        String sql = t.sql();
        return ins.x.run(sql, form == KEYS ? returning[0].name() : null, cached, binding, ps -> switch (form) {
            case PLAIN -> ps.executeUpdate();
            case RETURNING -> {
                int first = into.size();
                // execute(), not executeQuery(): MariaDB's driver refuses executeQuery for INSERT ... RETURNING
                try (ResultSet rs = ps.execute() ? ps.getResultSet() : null) {
                    if (rs == null) throw new IllegalStateException("INSERT ... RETURNING gave no result set: " + sql);
                    readRows(rs, t.resultCodecs(), into);
                }
                yield into.size() - first;
            }
            default -> {
                int first = into.size();
                ps.executeUpdate();
                @SuppressWarnings("unchecked") ValueCodec<Object> codec = (ValueCodec<Object>) ins.x.dialect().codec(returning[0].type());
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    while (rs.next()) into.one(codec.read(rs, 1));
                }
                yield into.size() - first;
            }
        });
    }

    /** The rows as statements built from nodes: for rows holding expressions. */
    private int statements(int form, Column<?>[] returning, Collected into) {
        List<Object[]> chunk = ins.positions == null ? rows.subList(from, to) : InsertPlan.aligned(rows.subList(from, to), ins.positions);
        Insert stmt = ins.base.columns(ins.columns).valuesMany(chunk);
        switch (form) {
            case PLAIN:
                return ins.x.execute(stmt);
            case RETURNING: {
                List<Object[]> back = ins.x.returning(stmt.returning(returning));
                for (Object[] row : back) into.add(row);
                return back.size();
            }
            default: {
                List<?> keys = StatementKeys.generated(ins.x, stmt, returning[0]);
                for (Object k : keys) into.one(k);
                return keys.size();
            }
        }
    }

    @Override
    public boolean insertColumnArrays(String[] elementTypes, boolean sorted) {
        if (elementTypes.length != ins.columns.length)
            throw new IllegalArgumentException(elementTypes.length + " element types for " + ins.columns.length + " columns");
        Object[][] arrays = ins.plan.columnArrays(rows, from, to, ins.positions);
        if (arrays == null) return false;
        CompiledTemplate t = ins.form.arrays();
        boolean cached = true;
        Column<?>[] returning = ins.returning;
        if (t == null) {
            // the SQL depends on the table, the columns and what is returned, not on the number of rows
            Binders.Shape shape = new Binders.Shape(ins.base.table(), ins.columns, returning, 0, ARRAYS, null);
            SlotBinder kept = ins.keyedByShape() ? ins.x.binders().get(shape) : null;
            if (kept != null) t = kept.template();
            else {
                Insert template = ins.base.columns(ins.columns).values(new Object[ins.columns.length]).columnArrays();
                Compiled p = ins.x.compile(returning.length == 0 ? template : template.returning(returning));
                t = p.template();
                cached = p.cached();
                if (t.slotCount() != ins.columns.length)
                    throw new IllegalStateException("an INSERT of column arrays has " + t.slotCount() + " parameters for "
                            + ins.columns.length + " columns: " + t.sql());
                if (ins.keyedByShape()) ins.x.binders().put(shape, new SlotBinder(t, p.params(), param -> null, false));
            }
            ins.form.arrays(t);
        }
        CompiledTemplate template = t;
        int first = out.size();
        ins.x.run(t.sql(), null, cached, new Executor.Binding() {
            @Override
            public boolean bind(PreparedStatement ps) throws SQLException {
                java.sql.Connection on = ps.getConnection();
                for (int k = 0; k < arrays.length; k++) {
                    // the arrays bypass the codecs' bind: their check (text: no lone surrogate, no NUL where refused)
                    if (arrays[k] instanceof String[] texts) checkTexts(texts, ins.columns[k]);
                    ps.setArray(k + 1, on.createArrayOf(elementTypes[k], arrays[k]));
                }
                return true;
            }

            @Override
            public List<Object> shown() {
                List<Object> shown = new ArrayList<>(arrays.length);
                for (Object[] a : arrays) shown.add(Arrays.asList(a));
                return shown;
            }
        }, ps -> {
            if (returning.length == 0) return ps.executeUpdate();
            try (ResultSet rs = ps.execute() ? ps.getResultSet() : null) {
                if (rs == null) throw new IllegalStateException("INSERT ... RETURNING gave no result set: " + template.sql());
                readRows(rs, template.resultCodecs(), out);
            }
            return out.size() - first;
        });
        if (sorted) out.sortFrom(first);
        return true;
    }

    /** Refuses text in a column array as the column's codec would on bind ({@link ValueCodec#check}: a DataError). */
    @SuppressWarnings("unchecked")
    private void checkTexts(String[] texts, Column<?> column) throws SQLException {
        ValueCodec<String> codec = (ValueCodec<String>) ins.x.dialect().codec(column.type());
        for (int r = 0; r < texts.length; r++) {
            String s = texts[r];
            if (s == null) continue;
            try {
                codec.check(s);
            } catch (SQLException e) {
                throw new SQLException("row " + r + " of the batch, column " + column.name() + ": " + e.getMessage(), e.getSQLState(), e);
            }
        }
    }

    /** Appends the rows of a RETURNING result: single values when one column, else arrays. */
    static void readRows(ResultSet rs, ValueCodec<Object>[] codecs, Collected into) throws SQLException {
        if (codecs.length == 1) while (rs.next()) into.one(codecs[0].read(rs, 1));
        else while (rs.next()) {
            Object[] row = new Object[codecs.length];
            for (int i = 0; i < row.length; i++) row[i] = codecs[i].read(rs, i + 1);
            into.add(row);
        }
    }

    /** Rows aligned as {@code binder} reads them (see {@link InsertPlan#arrayValues}). */
    private static Executor.Binding aligned(SlotBinder binder, Object[][] values) {
        return new Executor.Binding() {
            @Override public boolean bind(PreparedStatement ps) throws SQLException {
                binder.bind(ps, values, 0);
                return true;
            }

            @Override public List<Object> shown() { return binder.values(values, 0); }
        };
    }

    /** This chunk's rows bound straight from the caller's arrays (see {@link InsertPlan#bindRows}). */
    private Executor.Binding direct(ValueCodec<Object>[] codecs) {
        return new Executor.Binding() {
            @Override public boolean bind(PreparedStatement ps) throws SQLException {
                return ins.plan.bindRows(ps, codecs, rows, from, to, ins.positions);
            }

            @Override public List<Object> shown() { return ins.plan.shown(rows, from, to, ins.positions); }
        };
    }
}
