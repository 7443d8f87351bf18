package org.athanor.orm.internal.loading;

import org.athanor.orm.internal.uow.InstanceState;

import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.Values;
import org.athanor.orm.internal.mapping.KeyConditions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.schema.Column;
import org.athanor.orm.mapping.ToOne;

/**
 * Turns the reference keys of loaded objects into the referenced objects ({@code @ManyToOne}, JPA's
 * EAGER default) for a whole result at once: keys already in the identity map are taken from it, the
 * others are read with one {@code SELECT ... WHERE id IN (...)} per reference and chunk of
 * {@link #CHUNK} keys (one {@code WHERE id = ANY(?)} for all of them where the keys bind as one array) — never one per row. A {@code fetch = LAZY} reference gets unloaded proxies for
 * those instead, one {@link ProxyGroup} per reference and result. Referenced objects that themselves hold references are
 * resolved the same way, a level at a time.
 */
public final class ToOneLoading {
    private ToOneLoading() {}

    /**
     * Keys per IN list: under every supported database's bind limit (SQLite's 999 in old builds,
     * PostgreSQL's 32767, MariaDB's 65535) with room for the statement's other parameters. Keys bound as one
     * array (PostgreSQL's {@code = ANY(?)}) are not chunked: {@link KeyConditions#batches}.
     */
    public static final int CHUNK = 500;

    /**
     * Binds the references of a result's objects at their rows, as the rows are read: a reference whose target the
     * identity map already holds is set there, while the object is fresh in cache, instead of by a second pass over the
     * result. {@link #resolve} still runs after the rows for whatever is left (targets not held yet, {@code fetch = LAZY}
     * proxies, inverse one-to-ones, other classes of a polymorphic result); a state whose references are all bound here
     * is no longer {@link InstanceState#refsPending}. Rows that name the same target in a run (a collection's elements,
     * ordered by their owner) cost one lookup: the last target is kept per reference. Null when {@code info} has no
     * references.
     */
    static AtRow atRow(Loading.Host s, Mapper info) { return info.toOnes.length == 0 ? null : new AtRow(s, info); }

    /** See {@link #atRow}; one per result (per joined node), not thread-safe, as the Session. */
    static final class AtRow {
        private final Loading.Host s;
        private final Mapper info;
        private final Object[] lastId, last;
        /** Whether some row's object was left for {@link #resolve} (false: resolving the result has nothing to do). */
        boolean anyLeft;

        private AtRow(Loading.Host s, Mapper info) {
            this.s = s;
            this.info = info;
            lastId = new Object[info.toOnes.length];
            last = new Object[info.toOnes.length];
        }

        /** The collections a one-to-many load fills as its elements' rows are read (null: none; see {@link CollectionLoading}). */
        CollectionLoading.ElementRows elements;

        /**
         * Binds {@code st}'s references (just materialized from its row) that the identity map can give, as resolveAll
         * would; then hands the row to {@link #elements} when a collection load reads it.
         */
        void bind(InstanceState st) {
            if (st.refsPending && bindRefs(st.info, st.obj(), st.snapshot, false)) st.refsPending = false;
            if (elements != null) elements.row(st.obj(), st.refsPending);
        }

        /**
         * {@link #bind} for a new row that has no state yet ({@code snapshot}: its values): whether every reference was
         * bound, so that the row needs no state for them ({@link org.athanor.orm.internal.uow.LoadedRows#DEFER_BOUND}).
         * A collection load's element goes to the owner just bound, without reading the reference back.
         */
        boolean bindNew(Mapper rowInfo, Object obj, Object[] snapshot) {
            boolean all = bindRefs(rowInfo, obj, snapshot, true);
            if (elements != null) {
                if (all) elements.placed(obj, last[elements.back]);
                else elements.row(obj, true);
            }
            return all;
        }

        /**
         * Binds what the identity map can give of {@code obj}'s references (read from {@code snap}); whether all are.
         * {@code fresh}: {@code obj} was just made for its row, so the row's references are set whatever its
         * constructor put there (a held object keeps a reference that already names the row's key). Each reference
         * bound (or null) is left in {@link #last}.
         */
        private boolean bindRefs(Mapper rowInfo, Object obj, Object[] snap, boolean fresh) {
            if (rowInfo != info) { // another class of a polymorphic result: resolved with its class
                anyLeft = true;
                return false;
            }
            boolean all = info.inverseOnes.length == 0;
            for (int k = 0; k < lastId.length; k++) {
                ToOne ref = info.toOnes[k];
                Object id = info.refKey(snap, k);
                if (!fresh) {
                    Object current = ref.get(obj);
                    if (Values.same(current == null ? null : info.referencedKeyOf(k, current), id)) continue; // already holds it
                }
                if (id == null) {
                    ref.set(obj, null);
                    lastId[k] = last[k] = null;
                    continue;
                }
                Object target;
                if (last[k] != null && id.equals(lastId[k])) target = last[k]; // the identity map's own equality (IdKey)
                else {
                    // a collection load's new element names one of the owners it is loaded for (by the WHERE)
                    if (fresh && elements != null && k == elements.back) target = elements.owner(id);
                    else {
                        InstanceState t = s.uow().identityMap.get(info.targetKey(k, id));
                        target = t == null ? null : t.obj();
                    }
                    if (target == null) {
                        all = false; // loaded (or proxied) with the rest of the result by resolve
                        continue;
                    }
                    lastId[k] = id;
                    last[k] = target;
                }
                ref.set(obj, target);
            }
            if (!all) anyLeft = true;
            return all;
        }
    }

    static void resolve(Loading.Host s, Mapper info, List<InstanceState> states) { resolve(s, info, states, List.of()); }

    /** {@link #resolve(Loading.Host, Mapper, List)}; the referenced objects it loads get the {@code then()} options of {@code options}. */
    static void resolve(Loading.Host s, Mapper info, List<InstanceState> states, List<LoadSpec> options) {
        List<InstanceState> todo = new ArrayList<>(states.size()); // most loads resolve every row: no regrowth
        for (InstanceState st : states) if (st.attached && st.refsPending) todo.add(st);
        if (todo.isEmpty()) return;
        // the flags stay set while this runs: a load nested in it (an option's then(), a collection's
        // elements) that meets these objects again resolves them from the identity map right away
        try {
            resolveAll(s, info, todo, options);
        } finally {
            for (InstanceState st : todo) st.refsPending = false;
        }
    }

    private static void resolveAll(Loading.Host s, Mapper info, List<InstanceState> todo, List<LoadSpec> options) {
        for (int k = 0; k < info.toOnes.length; k++) {
            ToOne ref = info.toOnes[k];
            Mapper target = info.toOneTarget(k);
            Map<Object, List<InstanceState>> missing = new LinkedHashMap<>();
            // the last key found: rows ordered by their reference (a collection's elements) name the same object in a run
            Object lastId = null;
            InstanceState last = null;
            ProxyGroup proxies = null; // fetch = LAZY: the result's proxies for this reference, loaded together on first use
            boolean proxied = ref.lazy() && !LoadOptions.selectin(options, ref.name()); // selectinLoad: loaded now, as EAGER
            for (InstanceState st : todo) {
                Object id = info.refKey(st.snapshot, k);
                if (Values.same(info.referencedKey(st.obj(), k), id)) continue; // already holds it
                if (id == null) {
                    ref.set(st.obj(), null);
                    continue;
                }
                InstanceState t = last != null && Values.same(id, lastId) ? last : s.uow().identityMap.get(info.targetKey(k, id));
                if (t != null) {
                    ref.set(st.obj(), t.obj());
                    lastId = id;
                    last = t;
                } else if (proxied) {
                    if (proxies == null) proxies = ProxyGroup.of(s, info, k);
                    ref.set(st.obj(), proxies.proxy(id, st.key().value(0)));
                } else missing.computeIfAbsent(id, x -> new ArrayList<>()).add(st);
            }
            if (missing.isEmpty()) continue;
            List<Object> ids = new ArrayList<>(missing.keySet());
            List<org.athanor.core.sql.Expression<?>> idColumns = List.of(target.idColumns());
            org.athanor.core.dialect.Dialect dialect = s.connection().dialect();
            String prev = s.origin("load " + info.name + "." + ref.name());
            try {
                for (List<Object> chunk : KeyConditions.batches(ids, idColumns, dialect, CHUNK)) {
                    Loading.list(s, target, target.selectAll.where(KeyConditions.in(idColumns, chunk, dialect)), LoadOptions.childrenOf(options, ref.name()),
                            LoadOptions.polymorphicOf(options, ref.name()));
                }
            } finally {
                s.origin(prev);
            }
            for (Map.Entry<Object, List<InstanceState>> e : missing.entrySet()) {
                InstanceState t = s.uow().identityMap.get(info.targetKey(k, e.getKey()));
                if (t == null)
                    throw new IllegalStateException(info.name + "." + ref.name() + " of " + e.getValue().get(0).key()
                            + " references " + target.name + " " + e.getKey() + ", which has no row");
                for (InstanceState st : e.getValue()) ref.set(st.obj(), t.obj());
            }
        }
        for (int j = 0; j < info.inverseOnes.length; j++) resolveInverse(s, info, j, todo, options);
    }

    /**
     * Inverse one-to-one {@code j} of the objects in {@code todo}: one {@code SELECT ... WHERE fk IN (...)} per
     * {@link #CHUNK} objects; the related objects' references back find these objects in the identity map.
     * An object with no related row gets null.
     */
    private static void resolveInverse(Loading.Host s, Mapper info, int j, List<InstanceState> todo, List<LoadSpec> options) {
        org.athanor.orm.mapping.InverseOne one = info.inverseOnes[j];
        for (LoadSpec o : options)
            if (o.strategy.inStatement() && o.relationship.name().equals(one.name())) return; // the query's own statement read it (JoinedLoading)
        Mapper target = info.inverseOneTarget(j);
        ToOne back = target.toOnes[info.inverseOneBackRef(j)];
        List<Object> ids = new ArrayList<>();
        for (InstanceState st : todo) {
            one.set(st.obj(), null);
            ids.add(KeyConditions.of(st.key()));
        }
        List<Column<Object>> fk = back.columns();
        org.athanor.core.dialect.Dialect dialect = s.connection().dialect();
        for (List<Object> chunk : KeyConditions.batches(ids, fk, dialect, CHUNK)) {
            for (Object e : Loading.list(s, target, target.selectAll.where(KeyConditions.in(fk, chunk, dialect)), LoadOptions.childrenOf(options, one.name()))) {
                Object owner = back.get(e);
                if (owner != null && info.type.isInstance(owner)) one.set(owner, e);
            }
        }
    }
}
