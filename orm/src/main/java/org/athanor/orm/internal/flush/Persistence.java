package org.athanor.orm.internal.flush;


import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.UnitOfWork;
import org.athanor.orm.internal.flush.DirtyCheck.Dirty;
import org.athanor.orm.StaleDataException;

import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.Values;

import jakarta.persistence.GenerationType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.athanor.core.compile.DialectFeatures;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.RowsInsert;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Delete;
import org.athanor.core.sql.Dml;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Insert;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Sql;
import org.athanor.core.sql.SqlNode;
import org.athanor.core.sql.Update;
import org.athanor.orm.mapping.Attribute;
import org.athanor.orm.mapping.Callbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emit step of a flush (SQLAlchemy's persistence.py): the INSERTs, UPDATEs and DELETEs of one
 * table's rows as Core statements, each row's state changed through the unit of work; and the flush
 * context (entity, operation, statement) the {@link Flusher} reports a failure with. Methods moved
 * from Flusher unchanged.
 *
 * <p>Was part of: one flush: collects pending, changed and deleted objects, and writes them as Core statements in
 * foreign-key order (inserts and updates parents first, deletes children first). Every change to an
 * object's state goes through the unit of work ({@link UnitOfWork}), so a failure
 * can be undone.
 */
final class Persistence {
    private static final Logger LOG = LoggerFactory.getLogger("org.athanor.orm");

    final Flusher.Host s;
    Connection conn;
    DialectFeatures features;
    /** What is being written, for the error message. */
    Mapper entity;
    String operation;
    SqlNode statement;

    /** References the current table's inserts write NULL first (cycles of rows), set by {@link #writeDeferred}. */
    List<FlushPlan.Deferred<InstanceState>> deferred;

    Persistence(Flusher.Host s) { this.s = s; }

    /** Clears the flush context at the start of each flush (the session's one Flusher runs all of its flushes). */
    void begin() {
        conn = null;
        features = null;
        entity = null;
        operation = null;
        statement = null;
        deferred = null;
        callbackFailure = null;
    }

    /** The exception a callback threw during this flush: propagated as it is, not wrapped. */
    RuntimeException callbackFailure;

    /** Calls the object's callbacks for {@code event}, if its entity declares any. */
    void fire(int event, InstanceState st) {
        Callbacks cb = st.info.callbacks;
        if (cb == null) return;
        try {
            cb.fire(event, st.obj());
        } catch (RuntimeException e) {
            callbackFailure = e;
            throw e;
        }
    }

    /** Calls the object's mapper listeners for {@code event}; what they throw propagates unwrapped. */
    void event(int event, InstanceState st) {
        try {
            s.events().fire(event, st.info, st.obj());
        } catch (RuntimeException e) {
            callbackFailure = e;
            throw e;
        }
    }

    /**
     * Calls before_update for each dirty object, then reads the objects again: what the listeners
     * changed is written, and an object they made clean again is not updated.
     */
    Dirty[] beforeUpdate(Dirty[] ups) {
        List<Dirty> out = new ArrayList<>(ups.length);
        for (Dirty d : ups) {
            InstanceState st = d.state();
            event(FlushEvents.BEFORE_UPDATE, st);
            Object[] values = st.info.read(st.obj());
            DirtyCheck.checkKeyUnchanged(st, values);
            int[] changed = st.changedAttributes(values);
            if (changed != null) out.add(new Dirty(st, changed, values));
        }
        return out.toArray(new Dirty[0]);
    }

    /**
     * Writes the references the flush plan cut to break cycles of rows: after the inserts, each is set
     * to the object's value (its snapshot already holds it); before the deletes, each is set to NULL so
     * that the rows can go in any order.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void writeDeferred(Mapper info, List<FlushPlan.Deferred<InstanceState>> cut, boolean toNull) {
        entity = info;
        operation = toNull ? "unlinking rows of a reference cycle of" : "linking rows of a reference cycle of";
        for (FlushPlan.Deferred<InstanceState> d : cut) {
            InstanceState st = d.row();
            Update u = Sql.update(info.table);
            for (int a : info.selfReferences().local[d.reference()])
                u = Values.setValue(u, (Column) info.attrs[a].column(), toNull ? null : info.get(st.obj(), a));
            u = u.where(org.athanor.orm.internal.mapping.KeyConditions.pkEquals(info, st.key()));
            statement = u;
            if (conn.execute(u) != 1)
                throw new StaleDataException("UPDATE of " + st.key() + " to " + (toNull ? "clear" : "set") + " its reference"
                        + " matched no row (deleted by another transaction?)");
        }
    }

    /**
     * Writes the references the row plan cut to break a cycle across rows ({@link RowPlan.Cut},
     * SQLAlchemy's post_update): after the inserts each is set to its related object's key, now
     * assigned (and the snapshot with it); before the deletes each is set to NULL, so that the rows can
     * go in any order.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void writeCuts(List<RowPlan.Cut> cuts, boolean toNull) {
        for (RowPlan.Cut c : cuts) {
            InstanceState st = c.row();
            Mapper info = st.info;
            int k = c.reference();
            entity = info;
            operation = toNull ? "unlinking (post-update before deleting) a cycle of rows of"
                    : "linking (post-update after inserting) a cycle of rows of";
            List<Column<Object>> cols = info.toOnes[k].columns();
            Object key = toNull ? null : info.referencedKey(st.obj(), k);
            Object[] parts = new Object[info.attrs.length];
            info.putRefKey(parts, k, key);
            Update u = Sql.update(cols.get(0).table());
            for (int j = 0; j < cols.size(); j++) u = Values.setValue(u, cols.get(j), parts[info.keySlot(k) + j]);
            Column<?>[] keys = JoinedTables.keyColumns(info, cols.get(0).table());
            for (int i = 0; i < keys.length; i++) u = u.where(((Column) keys[i]).eq(st.key().value(i)));
            statement = u;
            if (conn.execute(u) != 1)
                throw new StaleDataException("post-update of " + st.key() + "." + info.toOnes[k].name() + " matched no row"
                        + " (deleted by another transaction?)");
            if (!toNull && st.snapshot != null) info.putRefKey(st.snapshot, k, key);
        }
    }

    // ---- UPDATE ------------------------------------------------------------------------------------

    /** Updates {@code sorted}, changed objects of {@code info}: an array of the flush's own, sorted here. */
    void update(Mapper info, Dirty[] sorted) {
        entity = info;
        operation = "updating";
        // the dirty check ran before this flush's inserts: a reference to an object inserted since
        // was read as unassigned, and has its key now
        if (info.toOnes.length > 0)
            for (Dirty d : sorted)
                for (int k = 0; k < info.toOnes.length; k++) info.putRefKey(d.values(), k, info.referencedKey(d.state().obj(), k));
        if (info.versionIdx >= 0) {
            for (Dirty d : sorted) updateVersioned(info, d);
            return;
        }
        // batch objects with the same changed-column set into one executemany: sorted by that set, each run is a batch
        Arrays.sort(sorted, BY_CHANGED);
        List<Table> tables = info.tables();
        for (int from = 0, to; from < sorted.length; from = to) {
            int[] set = sorted[from].changed();
            to = from + 1;
            while (to < sorted.length && Arrays.equals(sorted[to].changed(), set)) to++;
            // JOINED inheritance: one UPDATE per table holding changed columns (one table otherwise)
            for (int t = 0; t < tables.size(); t++) {
                Table table = tables.get(t);
                int[] changed = JoinedTables.in(info, table, set);
                if (changed.length > 0) updateGroup(info, table, sorted, from, to, changed);
            }
        }
        for (Dirty d : sorted) updated(d, -1, null);
    }

    private static final java.util.Comparator<Dirty> BY_CHANGED = (a, b) -> Arrays.compare(a.changed(), b.changed());

    /** One UPDATE of attributes {@code changed} in {@code table} for the objects {@code group[from..to)}, executemany for several. */
    private void updateGroup(Mapper info, Table table, Dirty[] group, int from, int to, int[] changed) {
        UpdateStatements.Built b = s.updates().of(info, table, changed);
        Update u = b.statement();
        String[] names = b.names();
        int keys = b.keyNames().length;
        List<Map<String, Object>> params;
        if (to - from == 1) params = List.of(rowValues(group[from], names, changed, keys)); // most flushes: one row, no list grown
        else {
            params = new ArrayList<>(to - from);
            for (int r = from; r < to; r++) params.add(rowValues(group[r], names, changed, keys));
        }
        statement = u;
        long n = executeRows(u, params);
        if (n >= 0 && n != to - from) {
            List<Object> ids = Arrays.stream(group, from, to).limit(10).map(d -> (Object) d.state().key()).toList();
            throw new StaleDataException("UPDATE of " + info.name + " expected to match " + (to - from) + " row(s) but matched " + n
                    + " (rows deleted by another transaction?); objects: " + ids + (to - from > 10 ? " ..." : ""));
        }
    }

    /** Row {@code d}'s parameters of an UPDATE of {@code changed}: the changed values, then its {@code keys} key values. */
    private static NamedValues rowValues(Dirty d, String[] names, int[] changed, int keys) {
        Object[] values = new Object[names.length];
        for (int n = 0; n < changed.length; n++) values[n] = d.values()[changed[n]];
        for (int k = 0; k < keys; k++) values[changed.length + k] = d.state().key().value(k);
        return new NamedValues(names, values);
    }

    /**
     * Runs {@code dml} once per parameter set: one set is one plain statement (executeUpdate, which
     * also reports its exact row count), several are one executemany (JDBC batch). The same emit
     * code either way; only the JDBC call differs by row count.
     */
    private long executeRows(Dml dml, List<Map<String, Object>> params) {
        return params.size() == 1 ? conn.execute(dml, params.get(0)) : conn.executeMany(dml, params);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void updateVersioned(Mapper info, Dirty d) {
        InstanceState st = d.state();
        int vi = info.versionIdx;
        Object expected = st.snapshot != null ? st.snapshot[vi] : d.values()[vi];
        Object next = Versions.next(expected, info.attrs[vi].javaType(), s.versionClock());
        Update u = Sql.update(info.table);
        for (int i : JoinedTables.in(info, info.table, d.changed())) u = Values.setValue(u, info.attrs[i].column(), d.values()[i]);
        Column vc = info.attrs[vi].column();
        u = Values.setValue(u, vc, next).where(org.athanor.orm.internal.mapping.KeyConditions.pkEquals(info, st.key()), vc.eq(expected));
        statement = u;
        int n = conn.execute(u);
        if (n != 1)
            throw new StaleDataException("UPDATE of " + st.key() + " matched no row with version " + expected
                    + ": another transaction changed or deleted it");
        // JOINED inheritance: the subclass tables' changed columns, the version checked in the base row above
        for (int t = 1; t < info.tables().size(); t++) {
            int[] changed = JoinedTables.in(info, info.tables().get(t), d.changed());
            if (changed.length > 0) updateGroup(info, info.tables().get(t), new Dirty[] {d}, 0, 1, changed);
        }
        s.uow().writeAttribute(st, vi, next);
        updated(d, vi, next);
    }

    private void updated(Dirty d, int versionIdx, Object version) {
        s.uow().updated(d.state(), d.changed(), d.values(), versionIdx, version);
        fire(Callbacks.POST_UPDATE, d.state());
        if (s.events().listens(d.state().info)) event(FlushEvents.AFTER_UPDATE, d.state());
    }

    // ---- DELETE ------------------------------------------------------------------------------------

    @SuppressWarnings({"unchecked", "rawtypes"})
    void delete(Mapper info, List<InstanceState> list) {
        entity = info;
        operation = "deleting";
        // JOINED inheritance: the subclass tables' rows first (their keys reference the base row), deepest first
        for (int t = info.tables().size() - 1; t > 0; t--) {
            Table table = info.tables().get(t);
            Delete del = Sql.deleteFrom(table);
            Column<?>[] keys = JoinedTables.keyColumns(info, table);
            for (int k = 0; k < keys.length; k++) del = del.where(((Column) keys[k]).eq((Expression) Sql.bindParam("k" + k, keys[k].type())));
            statement = del;
            executeRows(del, JoinedTables.keyParams(list));
        }
        if (info.versionIdx >= 0) {
            int vi = info.versionIdx;
            for (InstanceState st : list) {
                Object expected = st.snapshot != null ? st.snapshot[vi] : info.get(st.obj(), vi);
                Column vc = info.attrs[vi].column();
                Delete del = Sql.deleteFrom(info.table).where(org.athanor.orm.internal.mapping.KeyConditions.pkEquals(info, st.key()), vc.eq(expected));
                statement = del;
                if (conn.execute(del) != 1)
                    throw new StaleDataException("DELETE of " + st.key() + " matched no row with version " + expected
                            + ": another transaction changed or deleted it");
                deleted(st);
            }
            return;
        }
        Delete del = Sql.deleteFrom(info.table);
        for (int k = 0; k < info.idIdx.length; k++) {
            Column c = info.attrs[info.idIdx[k]].column();
            del = del.where(c.eq((Expression) Sql.bindParam("k" + k, c.type())));
        }
        List<Map<String, Object>> params = new ArrayList<>(list.size());
        for (InstanceState st : list) {
            Map<String, Object> p = new HashMap<>();
            for (int k = 0; k < info.idIdx.length; k++) p.put("k" + k, st.key().value(k));
            params.add(p);
        }
        statement = del;
        long n = executeRows(del, params);
        if (n >= 0 && n != list.size())
            LOG.warn("DELETE of {} expected to delete {} row(s) but matched {}: rows already deleted by another transaction",
                    info.name, list.size(), n);
        for (InstanceState st : list) deleted(st);
    }

    private void deleted(InstanceState st) {
        s.uow().deleted(st, false);
        fire(Callbacks.POST_REMOVE, st);
        if (s.events().listens(st.info)) event(FlushEvents.AFTER_DELETE, st);
    }
}
