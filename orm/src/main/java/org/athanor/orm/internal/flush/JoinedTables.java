package org.athanor.orm.internal.flush;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.mapping.Attribute;

/**
 * The flush's view of an entity whose rows span several tables (JOINED inheritance, {@link Mapper#tables()}):
 * which attributes live in which table and the key columns each table is written by. For an entity with
 * one table every attribute is in it, so the flush runs the same code for both.
 */
final class JoinedTables {
    private JoinedTables() {}

    /** The (insertable, when {@code all} is false) attributes whose column is in {@code table}. */
    static List<Attribute> columns(Mapper info, Table table, boolean all) {
        List<Attribute> out = new ArrayList<>();
        for (Attribute a : info.attrs) if (a.column().table() == table && (all || a.insertable())) out.add(a);
        return out;
    }

    /** The positions among {@code changed} (attribute positions) whose column is in {@code table}. */
    static int[] in(Mapper info, Table table, int[] changed) {
        if (info.tables().size() == 1) return changed;
        int n = 0;
        int[] out = new int[changed.length];
        for (int i : changed) if (info.attrs[i].column().table() == table) out[n++] = i;
        return java.util.Arrays.copyOf(out, n);
    }

    /** The columns holding the key in {@code table}: the id attributes' in the base table, the primary key in a subclass table. */
    static Column<?>[] keyColumns(Mapper info, Table table) {
        if (table == info.table) {
            Column<?>[] out = new Column<?>[info.idIdx.length];
            for (int k = 0; k < out.length; k++) out[k] = info.attrs[info.idIdx[k]].column();
            return out;
        }
        return table.primaryKeyColumns().toArray(Column<?>[]::new);
    }

    /** A subclass table's INSERT columns: its key columns, then {@code cols}. */
    static Column<?>[] keyThenColumns(Table table, List<Attribute> cols) {
        List<Column<?>> out = new ArrayList<>(table.primaryKeyColumns());
        for (Attribute a : cols) out.add(a.column());
        return out.toArray(Column<?>[]::new);
    }

    /** Each object's key values, then its values of {@code cols}: a subclass table's rows (the keys are assigned by now). */
    static List<Object[]> rows(Mapper info, List<InstanceState> states, List<Attribute> cols) {
        int keys = info.idIdx.length;
        List<Object[]> rows = new ArrayList<>(states.size());
        for (InstanceState st : states) {
            Object[] row = new Object[keys + cols.size()];
            for (int k = 0; k < keys; k++) row[k] = info.get(st.obj(), info.idIdx[k]);
            for (int i = 0; i < cols.size(); i++) row[keys + i] = info.get(st.obj(), cols.get(i).index());
            rows.add(row);
        }
        return rows;
    }

    /** The key parameters {@code k0..} of each object, for a DELETE by key. */
    static List<Map<String, Object>> keyParams(List<InstanceState> states) {
        List<Map<String, Object>> out = new ArrayList<>(states.size());
        for (InstanceState st : states) {
            Map<String, Object> p = new HashMap<>();
            for (int k = 0; k < st.key().size(); k++) p.put("k" + k, st.key().value(k));
            out.add(p);
        }
        return out;
    }
}
