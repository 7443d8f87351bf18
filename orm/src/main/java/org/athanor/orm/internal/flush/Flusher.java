package org.athanor.orm.internal.flush;


import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.UnitOfWork;
import org.athanor.orm.internal.flush.DirtyCheck.Dirty;
import org.athanor.orm.FlushException;
import org.athanor.orm.StaleDataException;

import org.athanor.orm.internal.mapping.Mapper;

import java.util.ArrayList;
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
 * One flush: collects pending, changed and deleted objects, and writes them as Core statements in
 * foreign-key order (inserts and updates parents first, deletes children first). Every change to an
 * object's state goes through the unit of work ({@link UnitOfWork}), so a failure
 * can be undone.
 */
public final class Flusher {

    private final Host s;
    /** The emit step, and the flush context (entity, operation, statement) a failure reports. */
    private final Persistence p;
    private final Inserts rowInserts;
    private final InsertLevels levels;


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
    }

    public Flusher(Host s) {
        this.s = s;
        this.p = new Persistence(s);
        this.rowInserts = new Inserts(p, s);
        this.levels = new InsertLevels(p, rowInserts);
    }

    public void run() {
        try {
            verifyReattached();
        } catch (RuntimeException e) {
            throw failure(e);
        }
        DirtyCheck.Work work = DirtyCheck.collect(s.uow());
        if (work.isEmpty()) return;
        List<InstanceState> inserts = work.inserts(), deletes = work.deletes();
        List<Dirty> updates = work.updates();

        Map<Mapper, List<InstanceState>> insertsBy = new LinkedHashMap<>();
        Mapper onlyOne = s.uow().pending.onlyEntity();
        if (onlyOne != null && !inserts.isEmpty()) insertsBy.put(onlyOne, inserts); // the usual flush: no regrouping
        else for (InstanceState st : inserts) insertsBy.computeIfAbsent(st.info, k -> new ArrayList<>()).add(st);
        Map<Mapper, List<Dirty>> updatesBy = new LinkedHashMap<>();
        for (Dirty d : updates) updatesBy.computeIfAbsent(d.state().info, k -> new ArrayList<>()).add(d);
        Map<Mapper, List<InstanceState>> deletesBy = new LinkedHashMap<>();
        for (InstanceState st : deletes) deletesBy.computeIfAbsent(st.info, k -> new ArrayList<>()).add(st);
        Set<Mapper> all = new HashSet<>(insertsBy.keySet());
        all.addAll(updatesBy.keySet());
        all.addAll(deletesBy.keySet());
        List<Mapper> order = new ArrayList<>(all);
        order.sort(Comparator.comparingInt(i -> i.rank()));
        // rows of a table that references itself: each after the rows it references (FlushPlan)
        Map<Mapper, List<FlushPlan.Deferred<InstanceState>>> postInsert = null, preDelete = null;
        try {
            for (Mapper info : order) {
                if (info.selfReferences() == null) continue;
                RowReferences refs = new RowReferences(info);
                List<InstanceState> ins = insertsBy.get(info);
                if (ins != null) {
                    FlushPlan.Sorted<InstanceState> sorted = FlushPlan.sortRows(ins, st -> refs.key(st, false), refs.references(false));
                    insertsBy.put(info, sorted.rows());
                    if (!sorted.deferred().isEmpty()) (postInsert = postInsert == null ? new HashMap<>() : postInsert).put(info, sorted.deferred());
                }
                List<InstanceState> del = deletesBy.get(info);
                if (del != null) {
                    FlushPlan.Sorted<InstanceState> sorted = FlushPlan.sortRows(del, st -> refs.key(st, true), refs.references(true));
                    List<InstanceState> childrenFirst = new ArrayList<>(sorted.rows());
                    java.util.Collections.reverse(childrenFirst);
                    deletesBy.put(info, childrenFirst);
                    if (!sorted.deferred().isEmpty()) (preDelete = preDelete == null ? new HashMap<>() : preDelete).put(info, sorted.deferred());
                }
            }
        } catch (RuntimeException e) {
            throw failure(e);
        }

        try {
            p.conn = s.connection();
            p.features = p.conn.dialect().features();
            for (Mapper info : order) {
                List<InstanceState> ins = insertsBy.get(info);
                if (ins != null) {
                    if (s.events().listens(info)) for (InstanceState st : ins) p.event(FlushEvents.BEFORE_INSERT, st);
                    p.deferred = postInsert == null ? null : postInsert.get(info);
                    if (info.selfToOne()) levels.insertSelfReferencing(info, ins);
                    else rowInserts.insert(info, ins);
                    if (p.deferred != null) p.writeDeferred(info, p.deferred, false);
                    p.deferred = null;
                }
                List<Dirty> ups = updatesBy.get(info);
                if (ups != null && s.events().listens(info)) ups = p.beforeUpdate(ups);
                if (ups != null && !ups.isEmpty()) p.update(info, ups);
            }
            for (int i = order.size() - 1; i >= 0; i--) {
                List<InstanceState> del = deletesBy.get(order.get(i));
                if (del == null) continue;
                if (s.events().listens(order.get(i))) for (InstanceState st : del) p.event(FlushEvents.BEFORE_DELETE, st);
                if (preDelete != null && preDelete.containsKey(order.get(i))) p.writeDeferred(order.get(i), preDelete.get(order.get(i)), true);
                p.delete(order.get(i), del);
            }
        } catch (RuntimeException e) {
            throw failure(e);
        }
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
     * InstanceState#unverified}) may never have had a row (the application chose the id): one SELECT
     * of their ids per entity tells. Those whose row exists are detached objects, updated as such;
     * the others become pending and are inserted with their id, as SQLAlchemy would.
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
            List<Object> ids = new ArrayList<>(e.getValue().keySet());
            int per = Math.max(1, p.features.maxBindParams() - 10);
            for (int from = 0; from < ids.size(); from += per) {
                var select = Sql.select(idCol).from(info.table).where(idCol.in(ids.subList(from, Math.min(ids.size(), from + per))));
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
