package org.athanor.orm.internal.flush;


import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.UnitOfWork;
import org.athanor.orm.internal.flush.DirtyCheck.Dirty;
import org.athanor.orm.FlushException;
import org.athanor.orm.StaleDataException;

import org.athanor.orm.internal.loading.ToOneLoading;
import org.athanor.orm.internal.mapping.KeyConditions;
import org.athanor.orm.internal.mapping.Mapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.athanor.core.engine.Connection;
import org.athanor.core.error.DatabaseError;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Sql;

/**
 * A session's flushes: each {@link #run} collects pending, changed and deleted objects, and writes them as Core
 * statements in foreign-key order (inserts and updates parents first, deletes children first). Every change to an
 * object's state goes through the unit of work ({@link UnitOfWork}), so a failure
 * can be undone. One per session, made at its first flush: each run starts from a cleared flush context
 * ({@link Persistence#begin}), so nothing of an earlier (or failed) flush reaches the next.
 */
public final class Flusher {

    private final Host s;
    /** The emit step, and the flush context (entity, operation, statement) a failure reports. */
    private final Persistence p;
    private final Inserts rowInserts;


    /** What the flush needs from its session: the unit of work it finalizes into and the connection it emits through. */
    public interface Host {
        UnitOfWork uow();

        /**
         * The session's connection for writes (taken on first use; with a routing engine, the
         * primary's: asking for it moves a session that only read from a replica to the primary).
         */
        Connection connection();

        /** The session's mapper listeners (before/after insert, update, delete). */
        FlushEvents events();

        /** The clock timestamp {@code @Version} values are taken from; null: the system clock in the JVM's default zone. */
        java.time.Clock versionClock();

        /** The UPDATE statements of the session factory's flushes (built once per shape, shared by its sessions). */
        UpdateStatements updates();
    }

    public Flusher(Host s) {
        this.s = s;
        this.p = new Persistence(s);
        this.rowInserts = new Inserts(p, s);
    }

    /**
     * The persistent objects whose attributes differ from their snapshot: the dirty check's walk over the attached
     * objects, made once per flush before the session's reference cascade (which follows only these objects'
     * references), and again only when that cascade attached or changed objects. Pass the result to {@link #run}.
     */
    public static List<InstanceState> changed(UnitOfWork uow) { return DirtyCheck.changed(uow); }

    /** Writes the flush; {@code changed} is {@link #changed(UnitOfWork)} as it stands after the cascades. */
    public void run(List<InstanceState> changed) {
        p.begin();
        try {
            verifyReattached();
        } catch (RuntimeException e) {
            throw failure(e);
        }
        DirtyCheck.Work work = DirtyCheck.collect(s.uow(), changed);
        s.uow().links.settle(); // the collections' histories start again from what the flush writes
        boolean links = Associations.pending(s.uow(), work.deletes());
        if (work.isEmpty() && !links) return;
        List<InstanceState> inserts = work.inserts(), deletes = work.deletes();
        List<Dirty> updates = work.updates();

        Dirty[] byEntity = byEntity(updates);
        // every row of the flush in one plan: runs of one entity, each after the rows it references,
        // cycles broken by post-updates (RowPlan); before any statement, so a cycle that cannot be
        // broken fails with nothing written
        RowPlan.Plan insertPlan, deletePlan;
        try {
            insertPlan = inserts.isEmpty() ? null : RowPlan.inserts(inserts, s.uow());
            deletePlan = deletes.isEmpty() ? null : RowPlan.deletes(deletes, s.uow());
        } catch (RuntimeException e) {
            throw failure(e);
        }

        try {
            p.conn = s.connection();
            p.features = p.conn.dialect().features();
            if (insertPlan != null) {
                for (RowPlan.Run run : insertPlan.runs()) insertRun(run, insertPlan.cuts());
                if (!insertPlan.cuts().isEmpty()) p.writeCuts(insertPlan.cuts(), false);
            }
            for (int from = 0, to; from < byEntity.length; from = to) {
                Mapper info = byEntity[from].state().info;
                to = from + 1;
                while (to < byEntity.length && byEntity[to].state().info == info) to++;
                Dirty[] ups = from == 0 && to == byEntity.length ? byEntity : Arrays.copyOfRange(byEntity, from, to);
                if (s.events().listens(info)) ups = p.beforeUpdate(ups);
                if (ups.length > 0) p.update(info, ups);
            }
            // many-to-many rows: after both ends are inserted, before either end is deleted
            if (links) Associations.write(p, s.uow(), deletes);
            if (deletePlan != null) {
                if (!deletePlan.cuts().isEmpty()) p.writeCuts(deletePlan.cuts(), true);
                for (RowPlan.Run run : deletePlan.runs()) deleteRun(run);
            }
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    private static final Comparator<Dirty> BY_RANK = Comparator.comparingInt(d -> d.state().info.rank());

    /**
     * The changed objects in update order: entities by {@link Mapper#rank} (parents first), the objects of one entity
     * together (in the order the dirty check found them), entities of equal rank (classes sharing a table) in the order
     * their first object was found.
     */
    private static Dirty[] byEntity(List<Dirty> updates) {
        Dirty[] a = updates.toArray(new Dirty[0]);
        Arrays.sort(a, BY_RANK); // stable
        for (int from = 0, to; from < a.length; from = to) {
            int rank = a[from].state().info.rank();
            boolean mixed = false;
            to = from + 1;
            for (; to < a.length && a[to].state().info.rank() == rank; to++) mixed |= a[to].state().info != a[from].state().info;
            if (!mixed) continue;
            // several entities of one rank: each one's objects together, in first-found order
            Dirty[] run = new Dirty[to - from];
            int n = 0;
            for (int k = from; k < to; k++) {
                if (a[k] == null) continue;
                Mapper m = a[k].state().info;
                for (int l = k; l < to; l++)
                    if (a[l] != null && a[l].state().info == m) {
                        run[n++] = a[l];
                        a[l] = null;
                    }
            }
            System.arraycopy(run, 0, a, from, n);
        }
        return a;
    }

    /**
     * One run of the insert plan: its rows ordered by the keys they reference within the table
     * ({@link FlushPlan}, for self-referencing tables), the references the plan cut written NULL (set
     * back on the objects right after), and the rows the table plan deferred linked by an UPDATE.
     */
    @SuppressWarnings("unchecked")
    private void insertRun(RowPlan.Run run, List<RowPlan.Cut> cuts) {
        Mapper info = run.mapper();
        List<InstanceState> rows = run.rows();
        p.deferred = null;
        if (info.selfReferences() != null) {
            RowReferences refs = new RowReferences(info);
            FlushPlan.Sorted<InstanceState> sorted = FlushPlan.sortRows(rows, st -> refs.key(st, false), refs.references(false));
            rows = sorted.rows();
            if (!sorted.deferred().isEmpty()) p.deferred = sorted.deferred();
        }
        if (s.events().listens(info)) for (InstanceState st : rows) p.event(FlushEvents.BEFORE_INSERT, st);
        List<RowPlan.Cut> here = cutsIn(run, cuts);
        for (int i = 0; i < here.size(); i++) info.toOnes[here.get(i).reference()].set(here.get(i).row().obj(), null);
        try {
            rowInserts.insert(info, rows);
        } finally {
            for (int i = 0; i < here.size(); i++) info.toOnes[here.get(i).reference()].set(here.get(i).row().obj(), here.get(i).related());
        }
        if (p.deferred != null) p.writeDeferred(info, p.deferred, false);
        p.deferred = null;
    }

    /** The cuts held by rows of {@code run}. */
    private static List<RowPlan.Cut> cutsIn(RowPlan.Run run, List<RowPlan.Cut> cuts) {
        if (cuts.isEmpty()) return List.of();
        List<RowPlan.Cut> out = new ArrayList<>();
        for (RowPlan.Cut c : cuts) if (c.row().info == run.mapper() && run.rows().contains(c.row())) out.add(c);
        return out;
    }

    /** One run of the delete plan: rows referencing rows of the same table first ({@link FlushPlan}, reversed). */
    private void deleteRun(RowPlan.Run run) {
        Mapper info = run.mapper();
        List<InstanceState> rows = run.rows();
        List<FlushPlan.Deferred<InstanceState>> preDelete = null;
        if (info.selfReferences() != null) {
            RowReferences refs = new RowReferences(info);
            FlushPlan.Sorted<InstanceState> sorted = FlushPlan.sortRows(rows, st -> refs.key(st, true), refs.references(true));
            List<InstanceState> childrenFirst = new ArrayList<>(sorted.rows());
            java.util.Collections.reverse(childrenFirst);
            rows = childrenFirst;
            if (!sorted.deferred().isEmpty()) preDelete = sorted.deferred();
        }
        if (s.events().listens(info)) for (InstanceState st : rows) p.event(FlushEvents.BEFORE_DELETE, st);
        if (preDelete != null) p.writeDeferred(info, preDelete, true);
        p.delete(info, rows);
    }

    /**
     * The error a failed flush throws: the database's error as its own type ({@code catch
     * (IntegrityError e)} works) and a stale version as a StaleDataException, each with the flush
     * context (entity, operation, what was rolled back) before its message and the original as its
     * cause; anything else (a converter or accessor failing) as a {@link FlushException}.
     */
    private RuntimeException failure(RuntimeException e) {
        String what = "flush failed" + (p.entity == null ? "" : " " + p.operation + " " + p.entity.name) + "; "
                + (s.uow().tx.savepoints() > 0 ? "the savepoint was rolled back" : "the transaction was rolled back");
        if (e == p.callbackFailure) return e; // the application's own exception, from its callback
        if (e instanceof DatabaseError d) return d.withContext(what); // its message carries the SQL
        if (e instanceof StaleDataException stale) return new StaleDataException(what + ": " + stale.getMessage(), stale);
        String sql = p.statement == null ? null : p.statement.toString();
        return new FlushException(what + ": " + e + (sql == null ? "" : "\n[SQL: " + sql + "]"), p.entity == null ? null : p.entity.name, sql, e);
    }

    /**
     * Objects re-attached by {@code add} only because their generated id is set ({@link
     * InstanceState#unverified}) may never have had a row (the application chose the id): a SELECT of
     * their ids per entity tells, its ids batched as every key batch is ({@link KeyConditions#batches}:
     * one {@code = ANY(?)} for all where they bind as one array, else {@link ToOneLoading#CHUNK} ids per
     * IN list). Those whose row exists are detached objects, updated as such; the others become pending
     * and are inserted with their id, as SQLAlchemy would.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void verifyReattached() {
        if (!s.uow().mayHoldUnverified) return;
        Map<Mapper, Map<Object, InstanceState>> byEntity = new LinkedHashMap<>();
        s.uow().identityMap.forEach(st -> {
            if (st.unverified && st.status == InstanceState.Status.PERSISTENT)
                byEntity.computeIfAbsent(st.info, k -> new LinkedHashMap<>()).put(st.key().value(0), st);
        });
        if (byEntity.isEmpty()) {
            s.uow().mayHoldUnverified = false; // none left (inserted ones were verified by this scan's predecessors)
            return;
        }
        p.conn = s.connection();
        p.features = p.conn.dialect().features();
        for (Map.Entry<Mapper, Map<Object, InstanceState>> e : byEntity.entrySet()) {
            Mapper info = e.getKey();
            p.entity = info;
            p.operation = "checking the rows of re-attached";
            Column idCol = info.attrs[info.idIdx[0]].column();
            List<Column<?>> idColumns = List.of((Column<?>) idCol);
            List<Object> ids = new ArrayList<>(e.getValue().keySet());
            for (List<Object> batch : KeyConditions.batches(ids, idColumns, p.conn.dialect(), ToOneLoading.CHUNK)) {
                var select = Sql.select(idCol).from(info.table).where(KeyConditions.in(idColumns, batch, p.conn.dialect()));
                p.statement = select;
                for (Object found : p.conn.execute(select, (rs, t) -> t.resultCodecs()[0].read(rs, 1)).all()) {
                    InstanceState st = e.getValue().remove(idCol.type().cast(found));
                    if (st != null) s.uow().verified(st); // its row exists: a detached object
                }
            }
            for (InstanceState st : e.getValue().values()) s.uow().unverifiedIsNew(st);
        }
        p.entity = null;
        p.statement = null;
        s.uow().sortPending();
    }
}
