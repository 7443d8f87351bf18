package org.athanor.core.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.athanor.core.internal.compile.CompiledTemplate;
import org.athanor.core.internal.bulk.SlotBinder;
import org.athanor.core.sql.Dml;

/**
 * executemany ({@link Connection#executeMany}): one template run once per parameter set as JDBC
 * batches of 1,000 sets, each set's named values bound straight into the placeholders; one execution
 * event for the whole run (its first sets shown), the statement timeout bounding each batch.
 */
final class ExecuteMany {
    private ExecuteMany() {}

    static long run(Connection conn, Engine engine, java.sql.Connection jdbc, Dml template, Iterable<? extends Map<String, ?>> parameterSets) {
        java.util.Objects.requireNonNull(template, "template");
        java.util.Objects.requireNonNull(parameterSets, "parameterSets");
        java.util.Iterator<? extends Map<String, ?>> it = parameterSets.iterator();
        if (!it.hasNext()) return 0;
        Prepared p = engine.prepare(template);
        CompiledTemplate t = p.template();
        // each parameter set becomes one row of values, one field per distinct name
        List<String> names = new ArrayList<>();
        SlotBinder binder = new SlotBinder(t, p.params(), param -> {
            if (param.name() == null) return null;
            int f = names.indexOf(param.name());
            if (f < 0) {
                f = names.size();
                names.add(param.name());
            }
            return new SlotBinder.Source(0, f);
        }, true);
        Object[][] row = new Object[1][names.size()];
        ExecutionEvent ev = null;
        int batch = 0;
        long total = 0;
        boolean unknown = false;
        long sets = 0;
        try (PreparedStatement ps = jdbc.prepareStatement(t.sql())) {
            conn.writing();
            // one execution for the whole run: echo logs it when it ended, with the number of sets
            ev = engine.started(conn, t.sql(), new ArrayList<>(EchoLog.SETS_SHOWN), p.cached(), false, true);
            // the timeout bounds each executeBatch (JDBC's query timeout); on SQLite, the whole run
            int timeout = conn.armTimeout(ps);
            try {
            while (it.hasNext()) {
                Map<String, ?> set = it.next();
                sets++;
                for (int f = 0; f < row[0].length; f++) {
                    String name = names.get(f);
                    Object v = set.get(name);
                    if (v == null && !set.containsKey(name)) throw new IllegalArgumentException("executeMany: parameter set " + set.keySet()
                            + " has no value for :" + name + " in " + t.sql());
                    row[0][f] = v;
                }
                binder.bind(ps, row, 0);
                if (ev != null) ev.addSet(java.util.Arrays.asList(row[0].clone()), EchoLog.SETS_SHOWN);
                ps.addBatch();
                if (++batch == 1000) {
                    for (int c : ps.executeBatch()) { if (c >= 0) total += c; else unknown = true; }
                    batch = 0;
                }
            }
            if (batch > 0) for (int c : ps.executeBatch()) { if (c >= 0) total += c; else unknown = true; }
            } finally {
                conn.disarmTimeout(ps, timeout);
            }
            engine.finished(ev, unknown ? -1 : total, null);
            return unknown ? -1 : total;
        } catch (SQLException e) {
            throw conn.executions().failed(ev, conn.translate(e, t.sql()));
        } catch (RuntimeException e) {
            throw conn.executions().failed(ev, e);
        }
    }
}
