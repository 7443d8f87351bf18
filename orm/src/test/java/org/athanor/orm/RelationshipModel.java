package org.athanor.orm;

import static org.athanor.core.sql.Sql.deleteFrom;
import static org.athanor.core.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.orm.model.rel.Club;
import org.athanor.orm.model.rel.Family;
import org.athanor.orm.model.rel.Kid;
import org.athanor.orm.model.rel.Member;
import org.athanor.orm.model.rel.Player;
import org.athanor.orm.model.rel.Team;

/**
 * The in-memory model the relationship stateful property runs beside a real Session: parents with a
 * {@code @OneToMany(mappedBy)} collection of children that point back with a {@code @ManyToOne}, in three
 * mappings ({@link Variant}): cascade ALL + orphanRemoval (Family/Kid), no cascade with a nullable key
 * (Club/Member, a Set), no cascade with a NOT NULL key (Team/Player). Each operation acts on the session
 * and on the model; after every operation the objects' states and references must be the model's, and
 * after a flush or commit the database must hold the model's rows (SQLAlchemy's rules: a child belongs
 * to the parent its reference names at flush time; deleting a parent cascades to exactly those children,
 * or clears their reference, or — with a NOT NULL key — fails and a rollback recovers).
 */
final class RelationshipModel {
    static final Registry REGISTRY = Registry.of(Family.class, Kid.class, Club.class, Member.class, Team.class, Player.class);

    /** One mapping of the parent/child pair, seen through plain functions so that one model serves all three. */
    record Variant(String name, Class<?> parentType, Class<?> childType, boolean cascade, boolean required,
                   Function<String, Object> newParent, Function<String, Object> newChild,
                   Function<Object, Collection<Object>> children, Function<Object, Object> parentOf,
                   BiConsumer<Object, Object> setParent, Function<Object, Long> id) {
        Table parentTable() { return REGISTRY.table(parentType); }
        Table childTable() { return REGISTRY.table(childType); }
        @SuppressWarnings("unchecked") Column<Long> col(Table t, String name) { return (Column<Long>) t.column(name); }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Collection<Object> raw(Collection<?> c) { return (Collection) c; }

    static final List<Variant> VARIANTS = List.of(
            new Variant("Family/Kid (cascade ALL, orphanRemoval)", Family.class, Kid.class, true, false,
                    Family::new, Kid::new, p -> raw(((Family) p).getChildren()), c -> ((Kid) c).getParent(),
                    (c, p) -> ((Kid) c).setParent((Family) p), o -> o instanceof Family f ? f.getId() : ((Kid) o).getId()),
            new Variant("Club/Member (no cascade, nullable key, Set)", Club.class, Member.class, false, false,
                    Club::new, Member::new, p -> raw(((Club) p).getChildren()), c -> ((Member) c).getParent(),
                    (c, p) -> ((Member) c).setParent((Club) p), o -> o instanceof Club f ? f.getId() : ((Member) o).getId()),
            new Variant("Team/Player (no cascade, NOT NULL key)", Team.class, Player.class, false, true,
                    Team::new, Player::new, p -> raw(((Team) p).getChildren()), c -> ((Player) c).getParent(),
                    (c, p) -> ((Player) c).setParent((Team) p), o -> o instanceof Team f ? f.getId() : ((Player) o).getId()));

    enum Status { PENDING, PERSISTENT, MARKED, DELETED }

    static final class Rec {
        final Variant v;
        final Object obj;
        final boolean isParent;
        Status status = Status.PENDING;
        /** Added since the last commit: a rollback makes it transient. */
        boolean newInTxn = true;
        /** Children: the parent the model says the child belongs to now, and at the last commit. */
        Rec parent, committedParent;

        Rec(Variant v, Object obj, boolean isParent) {
            this.v = v;
            this.obj = obj;
            this.isParent = isParent;
        }

        boolean live() { return status == Status.PENDING || status == Status.PERSISTENT; }

        @Override public String toString() {
            return obj.getClass().getSimpleName() + "#" + v.id().apply(obj) + "(" + status + ")";
        }
    }

    final Engine engine;
    final Session session;
    final List<Rec> recs = new ArrayList<>();
    private final Map<Object, Rec> byObj = new IdentityHashMap<>();
    /** A reference was set directly since the last flush: loaded collections catch up only at the next flush. */
    private boolean stale;
    private int seq;

    RelationshipModel(Engine engine, SessionFactory factory) {
        this.engine = engine;
        engine.inTransaction(c -> {
            for (Variant v : VARIANTS) {
                c.execute(deleteFrom(v.childTable()));
                c.execute(deleteFrom(v.parentTable()));
            }
        });
        this.session = factory.autoflush(false).openSession();
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static Variant variant(int pick) { return VARIANTS.get(Math.floorMod(pick, VARIANTS.size())); }

    private Rec track(Variant v, Object o, boolean isParent) {
        Rec r = new Rec(v, o, isParent);
        recs.add(r);
        byObj.put(o, r);
        return r;
    }

    private void untrack(Rec r) {
        recs.remove(r);
        byObj.remove(r.obj);
    }

    private List<Rec> pick(Variant v, boolean parents, java.util.function.Predicate<Rec> p) {
        List<Rec> out = new ArrayList<>();
        for (Rec r : recs) if (r.v == v && r.isParent == parents && p.test(r)) out.add(r);
        return out;
    }

    private static Rec choose(List<Rec> from, int pick) { return from.isEmpty() ? null : from.get(Math.floorMod(pick, from.size())); }

    private List<Rec> childrenOf(Rec parent) {
        List<Rec> out = new ArrayList<>();
        for (Rec r : recs) if (!r.isParent && r.parent == parent && r.live()) out.add(r);
        return out;
    }

    // ---- operations ----------------------------------------------------------------------------------

    /** A new parent, holding {@code kids} new children in its collection before it is added (the add adopts them). */
    void addParent(int v0, int kids) {
        Variant v = variant(v0);
        Object p = v.newParent().apply("p" + seq++);
        List<Object> made = new ArrayList<>();
        for (int i = 0; i < Math.floorMod(kids, 3); i++) {
            Object c = v.newChild().apply("c" + seq++);
            v.children().apply(p).add(c);
            made.add(c);
        }
        session.add(p);
        Rec pr = track(v, p, true);
        for (Object c : made) track(v, c, false).parent = pr;
    }

    /** A new child: added to a live parent's collection, or (nullable key) added alone without a parent. */
    void addChild(int v0, int parentPick, boolean alone) {
        Variant v = variant(v0);
        Object c = v.newChild().apply("c" + seq++);
        if (alone && !v.required()) {
            session.add(c);
            track(v, c, false);
            return;
        }
        flushIfStale(); // (before choosing: a flush that fails rolls back, and the objects added since go)
        Rec p = choose(pick(v, true, Rec::live), parentPick);
        if (p == null) return;
        v.children().apply(p.obj).add(c);
        track(v, c, false).parent = p;
    }

    /** A child without a parent joins a live parent's collection. */
    void link(int v0, int childPick, int parentPick) {
        Variant v = variant(v0);
        flushIfStale();
        Rec c = choose(pick(v, false, r -> r.live() && r.parent == null), childPick);
        Rec p = choose(pick(v, true, Rec::live), parentPick);
        if (c == null || p == null) return;
        v.children().apply(p.obj).add(c.obj);
        c.parent = p;
    }

    /** A child leaves its live parent's collection: its reference is cleared, or with orphanRemoval it is deleted. */
    void unlink(int v0, int childPick) {
        Variant v = variant(v0);
        if (v.required()) return; // the NOT NULL key: covered by deleteParent's failing flush
        flushIfStale();
        Rec c = choose(pick(v, false, r -> r.live() && r.parent != null && r.parent.live()), childPick);
        if (c == null) return;
        assertTrue(v.children().apply(c.parent.obj).remove(c.obj), "the child is in its parent's collection: " + c);
        c.parent = null;
        if (v.cascade()) orphaned(c);
    }

    private void orphaned(Rec c) {
        if (c.status == Status.PENDING) {
            untrack(c);
            assertEquals(ObjectState.TRANSIENT, session.inspect(c.obj).state(), "a pending orphan is expunged: " + c);
        } else c.status = Status.MARKED;
    }

    /**
     * A child with a parent moves to another live parent: {@code mode} 0 adds it to the new parent's
     * collection, 1 sets its reference directly (the collections follow at the next flush), 2 removes it
     * from the old collection and then adds it to the new one (with orphanRemoval it is not an orphan: it
     * has a parent again before the flush).
     */
    void move(int v0, int childPick, int parentPick, int mode) {
        Variant v = variant(v0);
        int how = Math.floorMod(mode, 3);
        if (how != 1) flushIfStale();
        Rec c = choose(pick(v, false, r -> r.live() && r.parent != null), childPick);
        if (c == null) return;
        Rec to = choose(pick(v, true, r -> r.live() && r != c.parent), parentPick);
        if (to == null) return;
        switch (how) {
            case 0 -> v.children().apply(to.obj).add(c.obj);
            case 1 -> {
                v.setParent().accept(c.obj, to.obj);
                stale = true;
            }
            default -> {
                if (!c.parent.live()) return; // the old parent's collection is the deleted one's
                assertTrue(v.children().apply(c.parent.obj).remove(c.obj), "the child is in its parent's collection: " + c);
                v.children().apply(to.obj).add(c.obj);
            }
        }
        c.parent = to;
    }

    /** session.delete of a persistent parent; what happens to its children is decided at the flush. */
    void deleteParent(int v0, int pick) {
        Variant v = variant(v0);
        Rec p = choose(pick(v, true, r -> r.status == Status.PERSISTENT), pick);
        if (p == null) return;
        session.delete(p.obj);
        p.status = Status.MARKED;
    }

    private void flushIfStale() {
        if (stale) flush();
    }

    /** A parent marked for deletion still has children: with a NOT NULL key and no cascade the flush must fail. */
    private boolean flushMustFail() {
        for (Rec r : recs)
            if (r.isParent && r.status == Status.MARKED && r.v.required() && !childrenOf(r).isEmpty()) return true;
        return false;
    }

    void flush() {
        if (flushMustFail()) {
            IntegrityError e = assertThrows(IntegrityError.class, session::flush, "deleting a parent whose children need it");
            assertThrows(IllegalStateException.class, session::getNew, "the session waits for rollback(): " + e.getMessage());
            rollback();
            return;
        }
        session.flush();
        flushed();
        checkStates();
        checkDatabase(true);
    }

    /** The model's side of a successful flush: deletions cascade or clear, pending becomes persistent. */
    private void flushed() {
        for (Rec p : new ArrayList<>(recs)) {
            if (!p.isParent || p.status != Status.MARKED) continue;
            for (Rec c : childrenOf(p)) {
                if (p.v.cascade()) {
                    if (c.status == Status.PENDING) {
                        untrack(c);
                        assertEquals(ObjectState.TRANSIENT, session.inspect(c.obj).state(), "a pending child of a deleted parent is expunged: " + c);
                    } else c.status = Status.MARKED;
                } else c.parent = null;
            }
        }
        for (Rec r : recs) {
            if (r.status == Status.PENDING) r.status = Status.PERSISTENT;
            else if (r.status == Status.MARKED) r.status = Status.DELETED;
        }
        stale = false;
    }

    void commit() {
        if (flushMustFail()) {
            assertThrows(IntegrityError.class, session::commit, "deleting a parent whose children need it");
            rollback();
            return;
        }
        session.commit();
        flushed();
        for (Rec r : new ArrayList<>(recs)) {
            if (r.status == Status.DELETED) {
                untrack(r);
                assertEquals(ObjectState.DETACHED, session.inspect(r.obj).state(), "deleted, then committed: " + r);
            } else {
                r.newInTxn = false;
                r.committedParent = r.parent;
            }
        }
        checkDatabase(false);
        reloadFlushed();
    }

    void rollback() {
        session.rollback();
        for (Rec r : new ArrayList<>(recs)) {
            if (r.newInTxn) {
                untrack(r);
                assertEquals(ObjectState.TRANSIENT, session.inspect(r.obj).state(), "added in a rolled-back transaction: " + r);
                assertNull(r.v.id().apply(r.obj), "its generated id is cleared: " + r);
            } else {
                r.status = Status.PERSISTENT;
                r.parent = r.committedParent;
            }
        }
        stale = false;
        checkStates();
        checkDatabase(false);
        reloadFlushed();
    }

    /**
     * Every parent and child is read again by a query: the identity map hands out the session's own
     * objects, with the references and collections the database has.
     */
    void reload() {
        flush(); // the queries below do not autoflush (autoflush is off): what they return is the flushed state
        reloadFlushed();
    }

    private void reloadFlushed() {
        for (Variant v : VARIANTS) {
            for (Class<?> type : List.of(v.parentType(), v.childType())) {
                List<?> all = session.query(type).all();
                Set<Object> got = Collections.newSetFromMap(new IdentityHashMap<>());
                got.addAll(all);
                Set<Object> expected = Collections.newSetFromMap(new IdentityHashMap<>());
                for (Rec r : recs) if (r.v == v && r.obj.getClass() == type && r.status == Status.PERSISTENT) expected.add(r.obj);
                assertEquals(expected.size(), all.size(), v.name() + ": rows of " + type.getSimpleName());
                assertEquals(expected, got, v.name() + ": a query returns the session's objects for " + type.getSimpleName());
            }
        }
        checkStates();
        checkCollections();
    }

    /** session.refresh of one persistent object (after a flush, so that it discards nothing the model holds). */
    void refresh(int pick) {
        flush();
        List<Rec> persistent = new ArrayList<>();
        for (Rec r : recs) if (r.status == Status.PERSISTENT) persistent.add(r);
        Rec r = choose(persistent, pick);
        if (r == null) return;
        session.refresh(r.obj);
        checkStates();
        if (r.isParent) checkCollection(r);
    }

    // ---- checks --------------------------------------------------------------------------------------

    /** Every tracked object's state, and every child's reference, are the model's. */
    void checkStates() {
        for (Rec r : recs) {
            ObjectState expected = switch (r.status) {
                case PENDING -> ObjectState.PENDING;
                case PERSISTENT, MARKED -> ObjectState.PERSISTENT;
                case DELETED -> ObjectState.DELETED;
            };
            assertEquals(expected, session.inspect(r.obj).state(), "state of " + r);
            if (!r.isParent && r.status != Status.DELETED)
                assertSame(r.parent == null ? null : r.parent.obj, r.v.parentOf().apply(r.obj), "the reference of " + r + " names " + r.parent);
        }
        List<Object> pending = new ArrayList<>();
        for (Rec r : recs) if (r.status == Status.PENDING) pending.add(r.obj);
        Set<Object> got = Collections.newSetFromMap(new IdentityHashMap<>());
        got.addAll(session.getNew());
        Set<Object> want = Collections.newSetFromMap(new IdentityHashMap<>());
        want.addAll(pending);
        assertEquals(want, got, "the session's new objects");
    }

    /** Every live parent's collection holds exactly the live children whose reference names it (loads the unloaded ones). */
    void checkCollections() {
        if (stale) return; // a reference set directly shows in the collections at the next flush (documented)
        for (Rec p : new ArrayList<>(recs)) if (p.isParent && p.live()) checkCollection(p);
    }

    private void checkCollection(Rec p) {
        Set<Object> got = Collections.newSetFromMap(new IdentityHashMap<>());
        Collection<Object> items = p.v.children().apply(p.obj);
        got.addAll(items);
        assertEquals(got.size(), items.size(), "no element twice in " + p + "'s collection");
        Set<Object> want = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Rec c : childrenOf(p)) want.add(c.obj);
        if (!want.equals(got)) throw new AssertionError("the collection of " + p + " holds " + describe(got) + ", the model " + describe(want));
    }

    private String describe(Set<Object> objs) {
        List<String> out = new ArrayList<>();
        for (Object o : objs) out.add(byObj.containsKey(o) ? byObj.get(o).toString() : "untracked " + o.getClass().getSimpleName());
        Collections.sort(out);
        return out.toString();
    }

    /**
     * The database holds the model's rows: after a flush, as this transaction sees them (read through the
     * session's connection); otherwise the committed rows (read on another connection).
     */
    void checkDatabase(boolean inTransaction) {
        Map<String, Long> want = new TreeMap<>();
        for (Rec r : recs) {
            Rec parent = inTransaction ? r.parent : r.committedParent;
            boolean exists = inTransaction ? r.status == Status.PERSISTENT : !r.newInTxn;
            if (!exists) continue;
            Long id = r.v.id().apply(r.obj);
            want.put(r.v.name() + (r.isParent ? " parent " : " child ") + id, r.isParent ? 0L : parent == null ? -1L : r.v.id().apply(parent.obj));
        }
        Function<Connection, Map<String, Long>> read = c -> database(q -> c.execute(q));
        Map<String, Long> got = inTransaction ? database(q -> session.execute(q)) : engine.fromTransaction(read);
        assertEquals(want, got, (inTransaction ? "after a flush" : "the committed rows") + ": database = model (child -> parent id, -1 = NULL)");
    }

    private interface Executor {
        org.athanor.core.engine.Result<org.athanor.core.sql.Row> run(org.athanor.core.sql.Query<org.athanor.core.sql.Row> q);
    }

    private static Map<String, Long> database(Executor ex) {
        Map<String, Long> out = new TreeMap<>();
        for (Variant v : VARIANTS) {
            Table pt = v.parentTable(), ct = v.childTable();
            for (var row : ex.run(select(List.of(v.col(pt, "id")))).all()) out.put(v.name() + " parent " + row.get(0), 0L);
            for (var row : ex.run(select(List.of(v.col(ct, "id"), v.col(ct, "parent_id")))).all()) {
                Object parent = row.get(1);
                out.put(v.name() + " child " + row.get(0), parent == null ? -1L : ((Number) parent).longValue());
            }
        }
        return out;
    }

    void close() { session.close(); }

    @Override public String toString() { return "relationships(tracked=" + recs.size() + ")"; }
}
