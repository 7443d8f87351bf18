package org.athanor.core.internal.bulk;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.compile.DialectFeatures;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Insert;
import org.athanor.core.sql.Param;
import org.athanor.core.type.ValueCodec;

/**
 * {@code Connection.insertMany}: rows given as column → value maps, sent as multi-row INSERTs sized
 * under the bind-parameter limit. The statement of a full chunk (and one for the last, shorter
 * chunk) is compiled once through the Engine's cache and kept prepared; each chunk's values are bound
 * straight from the maps.
 */
public final class InsertMany {
    private InsertMany() {}

    /** Inserts {@code rows} through {@code base}; returns the number of rows inserted. */
    public static long run(Executor x, Insert base, List<? extends Map<? extends Column<?>, ?>> rows) {
        java.util.Objects.requireNonNull(base, "insert");
        java.util.Objects.requireNonNull(rows, "rows");
        if (rows.isEmpty()) return 0;
        DialectFeatures features = x.dialect().features();
        InsertPlan plan = InsertPlan.of(base, rows.get(0), features);
        if (plan == null) {
            // the statement path: values go through Insert nodes, chunked as conservatively as before
            int width = Math.max(1, rows.get(0).size() + base.table().columns().size());
            int maxRows = features.supportsMultiRowInsert() ? Math.max(1, Math.min(1000, features.maxBindParams() / width)) : 1;
            long total = 0;
            for (int from = 0; from < rows.size(); from += maxRows)
                total += x.execute(base.values(rows.subList(from, Math.min(rows.size(), from + maxRows))));
            return total;
        }
        int per = plan.rowsPerStatement();
        SlotBinder full = null;
        ValueCodec<Object>[] direct = null; // full's codecs when its chunks can be bound from the maps in one pass
        long total = 0;
        for (int from = 0; from < rows.size(); from += per) {
            int to = Math.min(rows.size(), from + per);
            if (to - from == per && direct != null) {
                long n = execute(x, full, fromMaps(plan, direct, rows, from, to), true);
                if (n >= 0) {
                    total += n;
                    continue;
                }
            }
            Object[][] values = plan.values(rows, from, to);
            if (values == null) {
                total += x.execute(plan.statement(rows.subList(from, to))); // a row holds an expression
                continue;
            }
            SlotBinder binder;
            boolean cached = true;
            if (to - from == per && full != null) binder = full;
            else {
                // a plain insert's binder is kept by the Engine per shape, as the bulk engine's are
                // (Chunk): a repeated insertMany neither builds nor keys its placeholder statement again
                Binders.Shape shape = Binders.Shape.plain(base, plan.given(), to - from);
                binder = shape == null ? null : x.binders().get(shape);
                if (binder == null) {
                    Map<Param<?>, SlotBinder.Source> sources = new IdentityHashMap<>();
                    Compiled p = x.compile(plan.template(to - from, sources));
                    binder = new SlotBinder(p.template(), p.params(), sources::get, false);
                    cached = p.cached();
                    if (shape != null) x.binders().put(shape, binder);
                }
                if (to - from == per) {
                    full = binder;
                    direct = plan.directCodecs(binder, null);
                }
            }
            total += execute(x, binder, aligned(binder, values), cached);
        }
        return total;
    }

    private static long execute(Executor x, SlotBinder binder, Executor.Binding binding, boolean cached) {
        return x.run(binder.template().sql(), null, cached, binding, PreparedStatement::executeUpdate);
    }

    private static Executor.Binding aligned(SlotBinder binder, Object[][] values) {
        return new Executor.Binding() {
            @Override public boolean bind(PreparedStatement ps) throws SQLException {
                binder.bind(ps, values, 0);
                return true;
            }

            @Override public List<Object> shown() { return binder.values(values, 0); }
        };
    }

    /** Rows {@code from}..{@code to} of the maps, bound in one pass (see {@link InsertPlan#bindMaps}). */
    private static Executor.Binding fromMaps(InsertPlan plan, ValueCodec<Object>[] codecs, List<? extends Map<? extends Column<?>, ?>> rows,
                                             int from, int to) {
        return new Executor.Binding() {
            @Override public boolean bind(PreparedStatement ps) throws SQLException { return plan.bindMaps(ps, codecs, rows, from, to); }

            @Override public List<Object> shown() { return plan.shownMaps(rows, from, to); }
        };
    }
}
