package org.athanor.orm;

import static org.athanor.core.sql.Sql.deleteFrom;
import static org.athanor.core.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.schema.Column;
import org.athanor.orm.model.Model;
import org.athanor.orm.model.Tag;
import org.athanor.orm.model.User;

/**
 * The in-memory model the stateful property runs beside a real Session: which objects the session
 * should hold and how, and what the database must contain after each commit. Each operation acts on
 * both, then checks that they agree.
 */
final class SessionModel {
    enum Status { PENDING, PERSISTENT, MARKED, DELETED }

    static final class Tracked {
        Status status;
        /** Added since the last commit: a rollback expunges it (transient again, generated id cleared). */
        boolean newInTxn;
        /** Deleted by a bulk delete (not by Session.delete): a rollback does not re-mark it. */
        boolean bulkDeleted;

        Tracked(Status status, boolean newInTxn) {
            this.status = status;
            this.newInTxn = newInTxn;
        }
    }

    private static final Object DELETE = "<deleted>";
    static final Column<Long> USER_ID = Model.col(User.class, "id", Long.class);
    static final Column<String> USER_NAME = Model.col(User.class, "name", String.class);
    static final Column<Integer> USER_AGE = Model.col(User.class, "age", Integer.class);
    static final Column<String> TAG_CODE = Model.col(Tag.class, "code", String.class);
    static final Column<String> TAG_LABEL = Model.col(Tag.class, "label", String.class);
    static final Column<Integer> TAG_WEIGHT = Model.col(Tag.class, "weight", Integer.class);

    final Engine engine;
    final Session session;
    /** The objects the session should hold, in the order they came. */
    final Map<Object, Tracked> tracked = new IdentityHashMap<>();
    final List<Object> order = new ArrayList<>();
    /** Expected committed rows: "U:id" / "T:code" -> values. */
    final Map<String, List<Object>> committed = new TreeMap<>();
    /** Rows written in this transaction by objects expunged after a flush: key -> values or DELETE. */
    final Map<String, Object> txnWrites = new HashMap<>();
    private int tagSeq;
    /** Open savepoints, innermost first. */
    final java.util.ArrayDeque<Level> levels = new java.util.ArrayDeque<>();

    /** What the model knew when a savepoint began. */
    static final class Level {
        final SessionSavepoint savepoint;
        final Map<Object, Status> statusAtStart = new IdentityHashMap<>();
        final Map<String, Object> txnWritesAtStart;
        /** Objects loaded or re-read since the savepoint: expired by its rollback. */
        final java.util.Set<Object> read = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        /** Each object's key and row at the start (just flushed, so its values are its row). */
        final Map<Object, String> keyAtStart = new IdentityHashMap<>();
        final Map<Object, List<Object>> rowAtStart = new IdentityHashMap<>();

        Level(SessionSavepoint savepoint, Map<Object, Tracked> tracked, Map<String, Object> txnWrites) {
            this.savepoint = savepoint;
            tracked.forEach((o, t) -> {
                statusAtStart.put(o, t.status);
                keyAtStart.put(o, key(o));
                rowAtStart.put(o, values(o));
            });
            this.txnWritesAtStart = new HashMap<>(txnWrites);
        }
    }

    private void read(Object o) {
        if (!levels.isEmpty()) levels.peek().read.add(o);
    }

    SessionModel(Engine engine, SessionFactory factory) {
        this.engine = engine;
        TestDb.tx(engine, c -> {
            c.execute(deleteFrom(Model.REGISTRY.table(Tag.class)));
            c.execute(deleteFrom(Model.REGISTRY.table(org.athanor.orm.model.Post.class)));
            c.execute(deleteFrom(Model.REGISTRY.table(User.class)));
        });
        this.session = factory.autoflush(false).openSession();
    }

    // ---- helpers -----------------------------------------------------------------------------------

    static String key(Object o) {
        if (o instanceof User u) return u.getId() == null ? null : "U:" + u.getId();
        return "T:" + ((Tag) o).getCode();
    }

    static List<Object> values(Object o) {
        if (o instanceof User u) return List.of(u.getName(), u.getAge());
        Tag t = (Tag) o;
        return List.of(t.getLabel(), t.getWeight());
    }

    List<Object> with(Status... statuses) {
        List<Object> out = new ArrayList<>();
        for (Object o : order) {
            Tracked t = tracked.get(o);
            if (t != null) for (Status s : statuses) if (t.status == s) out.add(o);
        }
        return out;
    }

    private void track(Object o, Status s, boolean isNew) {
        tracked.put(o, new Tracked(s, isNew));
        order.add(o);
    }

    private void untrack(Object o) {
        tracked.remove(o);
        order.remove(o);
    }

    /** Every row of users and tags, read on another connection (committed data). */
    Map<String, List<Object>> database() {
        Function<Connection, Map<String, List<Object>>> read = c -> {
            Map<String, List<Object>> out = new TreeMap<>();
            for (var r : c.execute(select(USER_ID, USER_NAME, USER_AGE)).all()) out.put("U:" + r._1, List.of(r._2, r._3));
            for (var r : c.execute(select(TAG_CODE, TAG_LABEL, TAG_WEIGHT)).all()) out.put("T:" + r._1, List.of(r._2, r._3));
            return out;
        };
        return engine.fromTransaction(read);
    }

    // ---- operations ----------------------------------------------------------------------------------

    void addUser(String name, int age) {
        User u = new User(name, null, age);
        session.add(u);
        track(u, Status.PENDING, true);
    }

    void addTag(String label, int weight) {
        Tag t = new Tag("t" + (tagSeq++), label, weight);
        session.add(t);
        track(t, Status.PENDING, true);
    }

    void modify(int pick, int value) {
        List<Object> live = with(Status.PENDING, Status.PERSISTENT);
        if (live.isEmpty()) return;
        Object o = live.get(Math.floorMod(pick, live.size()));
        if (o instanceof User u) u.setAge(value);
        else ((Tag) o).setWeight(value);
    }

    void delete(int pick) {
        List<Object> persistent = with(Status.PERSISTENT);
        if (persistent.isEmpty()) return;
        Object o = persistent.get(Math.floorMod(pick, persistent.size()));
        session.delete(o);
        tracked.get(o).status = Status.MARKED;
    }

    void flush() {
        session.flush();
        flushed();
    }

    /** The model's side of a flush. */
    private void flushed() {
        for (Tracked t : tracked.values()) {
            if (t.status == Status.PENDING) t.status = Status.PERSISTENT;
            else if (t.status == Status.MARKED) t.status = Status.DELETED;
        }
        checkStates();
    }

    void expunge(int pick) {
        if (order.isEmpty()) return;
        Object o = order.get(Math.floorMod(pick, order.size()));
        flush(); // so that what the object wrote in this transaction is known to the model
        Tracked t = tracked.get(o);
        if (t.status == Status.DELETED) txnWrites.put(key(o), DELETE);
        else txnWrites.put(key(o), values(o));
        session.expunge(o);
        untrack(o);
    }

    void get(int pick) {
        List<String> keys = new ArrayList<>(committed.keySet());
        if (keys.isEmpty()) return;
        String k = keys.get(Math.floorMod(pick, keys.size()));
        Object found = k.startsWith("U:") ? session.get(User.class, Long.parseLong(k.substring(2))) : session.get(Tag.class, k.substring(2));
        Object holder = null;
        for (Object o : order) if (k.equals(key(o)) && tracked.get(o).status != Status.PENDING) holder = o;
        if (holder != null) {
            Status st = tracked.get(holder).status;
            if (st == Status.MARKED || st == Status.DELETED) assertNull(found, "get of an object deleted in the session: " + k);
            else assertSame(holder, found, "identity map: get returns the session's object for " + k);
            return;
        }
        Object expected = txnWrites.getOrDefault(k, committed.get(k));
        if (expected == DELETE) {
            assertNull(found, k + " was deleted in this transaction");
            return;
        }
        assertEquals(expected, values(found), "a fresh load of " + k + " shows the transaction's data");
        track(found, Status.PERSISTENT, false);
        read(found);
    }

    /** beginNested(): flushes, then opens a savepoint (at most two deep). */
    void beginNested() {
        if (levels.size() >= 2) return;
        SessionSavepoint sp = session.beginNested();
        flushed();
        levels.push(new Level(sp, tracked, txnWrites));
    }

    /** Releases the innermost savepoint (flushing first); its work stays in the transaction. */
    void releaseSavepoint() {
        if (levels.isEmpty()) return;
        Level l = levels.pop();
        l.savepoint.commit();
        flushed();
        if (!levels.isEmpty()) levels.peek().read.addAll(l.read);
    }

    /**
     * Rolls the innermost savepoint back: everything since it began is discarded, flushed or not.
     * Objects added since become transient, deletions since are withdrawn, and objects that were
     * there at the start hold their values of then again.
     */
    void rollbackSavepoint() {
        if (levels.isEmpty()) return;
        Level l = levels.pop();
        l.savepoint.rollback();
        discardSince(l);
    }

    /** What the session must look like after the savepoint of {@code l} was rolled back. */
    private void discardSince(Level l) {
        txnWrites.clear();
        txnWrites.putAll(l.txnWritesAtStart);
        // objects expunged since the savepoint: their rows are back as they were when it began
        for (Map.Entry<Object, Status> e : l.statusAtStart.entrySet())
            if (!tracked.containsKey(e.getKey()))
                txnWrites.put(l.keyAtStart.get(e.getKey()), e.getValue() == Status.DELETED ? DELETE : l.rowAtStart.get(e.getKey()));
        for (Object o : new ArrayList<>(order)) {
            Tracked t = tracked.get(o);
            Status start = l.statusAtStart.get(o);
            if (start == Status.DELETED) continue; // deleted before the savepoint: untouched by its rollback
            if (start == null && t.newInTxn) {
                untrack(o);
                assertEquals(ObjectState.TRANSIENT, session.inspect(o).state(), "added since a rolled-back savepoint");
                if (o instanceof User u) assertNull(u.getId(), "the id its rolled-back insert got is cleared");
                continue;
            }
            t.status = Status.PERSISTENT;
            t.bulkDeleted = false;
            if (start != null && !l.read.contains(o))
                assertEquals(l.rowAtStart.get(o), values(o), "a savepoint's rollback gives back the values at the savepoint: " + key(o));
        }
        // objects read since the savepoint are expired: re-read them as the transaction now sees them
        for (Object o : l.read)
            if (tracked.containsKey(o) && tracked.get(o).status == Status.PERSISTENT) session.refresh(o);
        checkStates();
    }

    /** The rows as this transaction sees them, after a flush. */
    private Map<String, List<Object>> transactionView() {
        Map<String, List<Object>> view = new TreeMap<>(committed);
        for (Map.Entry<String, Object> w : txnWrites.entrySet()) {
            if (w.getValue() == DELETE) view.remove(w.getKey());
            else {
                @SuppressWarnings("unchecked") List<Object> v = (List<Object>) w.getValue();
                view.put(w.getKey(), v);
            }
        }
        for (Object o : order) {
            Tracked t = tracked.get(o);
            if (t.status == Status.DELETED) view.remove(key(o));
            else if (t.status == Status.PERSISTENT) view.put(key(o), values(o));
        }
        return view;
    }

    private Object holderOf(String k) {
        for (Object o : order) if (k.equals(key(o)) && tracked.get(o).status != Status.PENDING) return o;
        return null;
    }

    /** {@code query(Tag).filter(weight between low and 1000).update(weight = weight + 1)}: loaded matches are re-read. */
    void bulkUpdate(int low) {
        flush();
        int from = Math.floorMod(low, 1001);
        List<String> matched = new ArrayList<>();
        Map<String, List<Object>> view = transactionView();
        for (Map.Entry<String, List<Object>> e : view.entrySet()) {
            if (!e.getKey().startsWith("T:")) continue;
            int w = (Integer) e.getValue().get(1);
            if (w >= from && w <= 1000) matched.add(e.getKey());
        }
        int n = session.query(Tag.class).filter(TAG_WEIGHT.between(from, 1000))
                .update(Map.of(TAG_WEIGHT, TAG_WEIGHT.plus(1)));
        assertEquals(matched.size(), n, "bulk update row count");
        for (String k : matched) {
            List<Object> now = List.of(view.get(k).get(0), (Integer) view.get(k).get(1) + 1);
            Object holder = holderOf(k);
            if (holder == null) txnWrites.put(k, now);
            else {
                assertEquals(now, values(holder), "a loaded object matched by a bulk update is re-read: " + k);
                read(holder);
            }
        }
    }

    /** {@code query(Tag).filter(weight between low and 1000).delete()}: loaded matches become DELETED. */
    void bulkDelete(int low) {
        flush();
        int from = Math.floorMod(low, 1001);
        List<String> matched = new ArrayList<>();
        for (Map.Entry<String, List<Object>> e : transactionView().entrySet()) {
            if (!e.getKey().startsWith("T:")) continue;
            int w = (Integer) e.getValue().get(1);
            if (w >= from && w <= 1000) matched.add(e.getKey());
        }
        assertEquals(matched.size(), session.query(Tag.class).filter(TAG_WEIGHT.between(from, 1000)).delete(), "bulk delete row count");
        for (String k : matched) {
            Object holder = holderOf(k);
            if (holder == null) txnWrites.put(k, DELETE);
            else {
                tracked.get(holder).status = Status.DELETED;
                tracked.get(holder).bulkDeleted = true;
            }
        }
        checkStates();
    }

    void commit() {
        while (!levels.isEmpty()) releaseSavepoint();
        session.commit();
        for (Map.Entry<String, Object> w : txnWrites.entrySet()) {
            if (w.getValue() == DELETE) committed.remove(w.getKey());
            else {
                @SuppressWarnings("unchecked") List<Object> v = (List<Object>) w.getValue();
                committed.put(w.getKey(), v);
            }
        }
        txnWrites.clear();
        for (Object o : new ArrayList<>(order)) {
            Tracked t = tracked.get(o);
            if (t.status == Status.MARKED || t.status == Status.DELETED) {
                committed.remove(key(o));
                untrack(o);
                // a generated id tells detached from transient; an assigned one cannot (no registry)
                assertEquals(o instanceof User ? ObjectState.DETACHED : ObjectState.TRANSIENT, session.inspect(o).state());
            } else {
                committed.put(key(o), values(o));
                t.status = Status.PERSISTENT;
                t.newInTxn = false;
                t.bulkDeleted = false;
            }
        }
        assertEquals(committed, database(), "after commit the database equals the model");
        checkStates();
    }

    void rollback() {
        session.rollback();
        afterRollback();
    }

    /** Adds a tag whose code is taken: the flush must fail, roll back, and leave the session usable after rollback(). */
    void failingFlush(int pick) {
        List<String> codes = new ArrayList<>();
        for (String k : committed.keySet()) {
            if (!k.startsWith("T:") || txnWrites.get(k) == DELETE) continue;
            boolean deletedHere = false;
            for (Object o : order) if (k.equals(key(o)) && tracked.get(o).status == Status.DELETED) deletedHere = true;
            if (!deletedHere) codes.add(k.substring(2));
        }
        if (codes.isEmpty()) return;
        Tag dup = new Tag(codes.get(Math.floorMod(pick, codes.size())), "dup", 0);
        session.add(dup);
        IntegrityError e = assertThrows(IntegrityError.class, session::flush, "the database's error, as its own type");
        assertTrue(e.getMessage().contains("inserting Tag"), e.getMessage());
        if (!levels.isEmpty()) {
            // inside a savepoint only the savepoint is rolled back, and the session goes on
            Level l = levels.pop();
            assertTrue(!l.savepoint.isActive(), "the failed flush ended the savepoint");
            assertEquals(ObjectState.TRANSIENT, session.inspect(dup).state());
            discardSince(l);
            return;
        }
        assertThrows(IllegalStateException.class, session::getNew, "the session waits for rollback()");
        session.rollback();
        assertEquals(ObjectState.TRANSIENT, session.inspect(dup).state(), "the rejected object was expunged by the rollback");
        afterRollback();
    }

    /**
     * Issue 14b/g: {@code add(duplicate); commit()} throws IntegrityError, {@code rollback()} recovers:
     * the whole transaction's work is discarded, the rejected object is expunged, and nothing of it is
     * written by the queries and commits that follow.
     */
    void commitDuplicate(int pick) {
        while (!levels.isEmpty()) releaseSavepoint(); // as commit() would: the duplicate then fails the outer transaction
        List<String> codes = new ArrayList<>();
        for (String k : transactionViewAfterFlush().keySet()) if (k.startsWith("T:")) codes.add(k.substring(2));
        if (codes.isEmpty()) return;
        Tag dup = new Tag(codes.get(Math.floorMod(pick, codes.size())), "dup", 0);
        session.add(dup);
        try {
            session.commit();
            throw new AssertionError("a duplicate key must make the commit fail");
        } catch (IntegrityError expected) {
            session.rollback();
        }
        assertEquals(ObjectState.TRANSIENT, session.inspect(dup).state());
        afterRollback();
        long tags = committed.keySet().stream().filter(k -> k.startsWith("T:")).count();
        assertEquals(tags, session.query(Tag.class).count(), "the next query sees the committed rows, and flushes nothing");
    }

    /** The rows as this transaction sees them, flushing first (so that the model's statuses are the session's). */
    private Map<String, List<Object>> transactionViewAfterFlush() {
        flush();
        return transactionView();
    }

    /**
     * The model's side of a rollback (SQLAlchemy's rules): objects added in the transaction are
     * expunged (transient, generated ids cleared), deletions are undone, and every persistent object
     * is expired: it holds no rolled-back value, and the next get() re-reads it from the database.
     */
    private void afterRollback() {
        for (Level l : levels) assertTrue(!l.savepoint.isActive(), "a rollback ends every savepoint");
        levels.clear();
        txnWrites.clear();
        for (Object o : new ArrayList<>(order)) {
            Tracked t = tracked.get(o);
            t.bulkDeleted = false;
            if (t.newInTxn) {
                untrack(o);
                assertEquals(ObjectState.TRANSIENT, session.inspect(o).state(), "added in a rolled-back transaction");
                if (o instanceof User u) assertNull(u.getId(), "its generated id is cleared");
            } else t.status = Status.PERSISTENT;
        }
        checkStates();
        Map<String, List<Object>> db = database();
        assertEquals(committed, db, "a rollback leaves the committed data alone");
        for (Object o : with(Status.PERSISTENT)) {
            assertTrue(!session.isModified(o), "nothing rolled back is written again: " + key(o));
            Object again = o instanceof User u ? session.get(User.class, u.getId()) : session.get(Tag.class, ((Tag) o).getCode());
            assertSame(o, again, "the identity map keeps the object across the rollback: " + key(o));
            assertEquals(db.get(key(o)), values(o), "expired by the rollback, re-read by get(): " + key(o));
        }
    }

    /** The session's view of every object matches the model's. */
    void checkStates() {
        for (Object o : order) {
            Status s = tracked.get(o).status;
            ObjectState expected = switch (s) {
                case PENDING -> ObjectState.PENDING;
                case PERSISTENT, MARKED -> ObjectState.PERSISTENT;
                case DELETED -> ObjectState.DELETED;
            };
            assertEquals(expected, session.inspect(o).state(), "state of " + o.getClass().getSimpleName() + " " + key(o));
        }
        assertEquals(with(Status.PENDING), session.getNew());
        assertEquals(new java.util.HashSet<>(with(Status.MARKED)), new java.util.HashSet<>(session.getDeleted()));
    }

    void close() { session.close(); }

    @Override public String toString() { return "model(tracked=" + tracked.size() + ", committed=" + committed.size() + ")"; }
}
