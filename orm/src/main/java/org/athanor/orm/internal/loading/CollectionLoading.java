package org.athanor.orm.internal.loading;

import org.athanor.orm.DetachedInstanceError;
import org.athanor.orm.internal.uow.InstanceState;

import org.athanor.orm.internal.mapping.KeyConditions;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.Values;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.OrderItem;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;
import org.athanor.orm.mapping.ToMany;
import org.athanor.orm.mapping.ToOne;

/**
 * The lazy, batched load of {@code @OneToMany} collections: the first access to an unloaded collection
 * loads that collection for every object of the same query result that is still in the session and
 * has it unloaded, with one {@code SELECT ... WHERE fk IN (...)} per {@link ToOneLoading#CHUNK} owners (one
 * {@code WHERE fk = ANY(?)} for all of them where the keys bind as one array, {@link KeyConditions#batches}),
 * ordered by {@code @OrderBy} then the elements' key. The elements' reference back to their owner is
 * found in the identity map (the owners are there), so it costs no further statement.
 */
final class CollectionLoading {
    private CollectionLoading() {}

    /** Applies a query's options to the collections of its result (after they are installed). */
    static void apply(Loading.Host s, Mapper info, List<InstanceState> result, List<LoadSpec> options) {
        for (LoadSpec o : options) {
            if (!o.relationship.isCollection()) continue;
            int m = 0;
            while (!info.toManys[m].name().equals(o.relationship.name())) m++;
            List<CollectionState> unloaded = new ArrayList<>();
            for (InstanceState owner : result) {
                CollectionState cs = CollectionState.stateOf(s, owner.obj(), info, m);
                if (cs == null) continue;
                if (cs.items == null) unloaded.add(cs);
                if (cs.items == null || o.strategy == LoadSpec.Strategy.SELECTIN) {
                    cs.elementOptions = o.children;
                    cs.elementPolymorphic = o.polymorphic;
                }
                switch (o.strategy) {
                    case RAISE -> cs.raise = cs.items == null;
                    case NOLOAD -> { if (cs.items == null) cs.items = new ArrayList<>(); }
                    default -> { }
                }
            }
            if (o.strategy == LoadSpec.Strategy.SELECTIN && !unloaded.isEmpty()) {
                CollectionState first = unloaded.get(0);
                first.group = List.copyOf(result); // every unloaded one of this result, loaded now
                load(first, false);
            }
        }
    }

    /** The first access to an unloaded collection. */
    static void load(CollectionState cs) { load(cs, true); }

    /**
     * {@code autoflush}: false when a query's selectinLoad runs this inside its own load, where objects
     * of the result still wait for their references (a flush then would see them as changed).
     */
    static void load(CollectionState cs, boolean autoflush) {
        Loading.Host s = cs.session;
        if (cs.raise)
            throw new IllegalStateException(cs.describe() + " is not loaded: the query that loaded it said "
                    + "raiseLoad(" + cs.info.type.getSimpleName() + "_." + cs.relation().name() + "); load it with "
                    + "options(selectinLoad(" + cs.info.type.getSimpleName() + "_." + cs.relation().name() + ")), or "
                    + "query without the raise option");
        InstanceState ownerState = s.isClosed() ? null : cs.ownerState != null && cs.ownerState.attached ? cs.ownerState : s.stateOf(cs.owner);
        if (ownerState == null || ownerState.status == InstanceState.Status.PENDING && cs.items == null)
            throw new DetachedInstanceError(cs.info.name + "." + cs.relation().name() + " of " + cs.owner
                    + " is not loaded, and the object's session is " + (s.isClosed() ? "closed" : "no longer holding it")
                    + ": there is nothing to load it with. Access the collection while the session is open (e.g. "
                    + "getX().size()), or get the object again from an open session");
        String relation = cs.info.name + "." + cs.relation().name();
        if (autoflush) {
            // a lazy load: counted (and checked against the factory's limit) before any statement runs
            s.lazyLoad(relation, "selectinLoad(" + cs.info.type.getSimpleName() + "_." + cs.relation().name() + ")");
            s.autoflushIfEnabled(); // as a query would: the select sees the session's pending changes
        }
        if (cs.items != null) return; // the autoflush may have loaded it
        String prev = s.origin((autoflush ? "lazy load " : "selectin load ") + relation);
        try {
            loadGroup(s, cs, ownerState);
        } finally {
            s.origin(prev);
        }
    }

    /**
     * The flush's load of the unloaded collections {@code unloaded} (one relationship, owners being deleted, all
     * persistent): one select per chunk of owners, counted under {@code load Owner.relation}. Not a lazy load: no
     * autoflush (the flush runs it), no lazy-load limit, and a {@code raiseLoad} option does not apply (it guards
     * the application's access, not the session's own cascade).
     */
    static void loadForFlush(List<CollectionState> unloaded) {
        CollectionState first = unloaded.get(0);
        Loading.Host s = first.session;
        List<InstanceState> group = new ArrayList<>(unloaded.size());
        for (CollectionState c : unloaded) group.add(s.stateOf(c.owner));
        first.group = group;
        String prev = s.origin("load " + first.info.name + "." + first.relation().name());
        try {
            loadGroup(s, first, group.get(0));
        } finally {
            s.origin(prev);
        }
    }

    private static void loadGroup(Loading.Host s, CollectionState cs, InstanceState ownerState) {
        Mapper owner = cs.info, element = cs.elementInfo(); // element: null for an element collection (values)
        int m = cs.m, k = owner.toManyBackRef(m);
        // the owners to load for: this one first, then the rest of its result still unloaded in this session
        Map<Object, CollectionState> byOwner = new IdentityHashMap<>();
        List<Object> ids = new ArrayList<>();
        List<CollectionState> inOrder = new ArrayList<>(); // byOwner's values in the order of ids
        byOwner.put(cs.owner, cs);
        ids.add(KeyConditions.of(ownerState.key()));
        inOrder.add(cs);
        if (cs.group != null)
            for (InstanceState st : cs.group) {
                Object o = st.obj();
                if (o == cs.owner) continue;
                // a state no longer attached: its object left the session (or came back as another state) since the load
                CollectionState other = CollectionState.stateOf(s, o, owner, m);
                if (!st.attached || st.status != InstanceState.Status.PERSISTENT || other == null || other.items != null
                        || byOwner.containsKey(o)) continue;
                byOwner.put(o, other);
                ids.add(KeyConditions.of(st.key()));
                inOrder.add(other);
            }
        // the lists are in place while the elements load (a load nested in it sees these collections loaded, and does
        // not start another); a load that fails partway (the SELECT, a row, a callback) leaves every one of them
        // unloaded again, so the next access retries instead of finding a collection empty or half filled
        for (CollectionState c : byOwner.values()) c.items = new ArrayList<>();
        try {
            if (cs.relation().isElementCollection()) ElementValues.load(s, cs, byOwner, ids);
            else if (cs.relation().isManyToMany()) loadManyToMany(s, cs, byOwner, ids);
            else loadOneToMany(s, cs, byOwner, ids, inOrder);
        } catch (RuntimeException | Error e) {
            for (CollectionState c : byOwner.values()) c.items = null;
            if (!cs.relation().isElementCollection()) settleElements(s, cs.elementInfo(), e); // values have no references
            throw e;
        }
    }

    /**
     * After a failed element load: the elements read before the failure are attached with their references still to be
     * set from their rows' keys ({@link InstanceState#refsPending}); a flush would take the unset references for changes
     * and write NULL keys. They are resolved now (the owners are in the identity map); any the session cannot resolve
     * (the failure may have ended the transaction) leave the session, to be read again by the next load.
     */
    private static void settleElements(Loading.Host s, Mapper element, Throwable failure) {
        List<InstanceState> pending = new ArrayList<>();
        s.uow().forEachAttached(st -> {
            if (st.refsPending && element.type.isAssignableFrom(st.info.type)) pending.add(st);
        });
        if (pending.isEmpty()) return;
        java.util.Map<Mapper, List<InstanceState>> byClass = new java.util.LinkedHashMap<>();
        for (InstanceState st : pending) byClass.computeIfAbsent(st.info, x -> new ArrayList<>()).add(st);
        for (Map.Entry<Mapper, List<InstanceState>> e : byClass.entrySet()) {
            try {
                ToOneLoading.resolve(s, e.getKey(), e.getValue());
            } catch (RuntimeException | Error again) {
                failure.addSuppressed(again);
                for (InstanceState st : e.getValue()) if (st.attached && !referencesMatchRow(st)) s.expunge(st.obj());
            }
        }
    }

    private static void loadOneToMany(Loading.Host s, CollectionState cs, Map<Object, CollectionState> byOwner, List<Object> ids,
                                      List<CollectionState> inOrder) {
        Mapper element = cs.elementInfo();
        int k = cs.info.toManyBackRef(cs.m);
        Map<Object, CollectionState> byId = new HashMap<>(2 * ids.size());
        for (int i = 0; i < ids.size(); i++) byId.put(ids.get(i), inOrder.get(i));
        List<Column<Object>> fk = element.toOnes[k].columns();
        org.athanor.core.dialect.Dialect dialect = s.connection().dialect();
        for (List<Object> chunk : KeyConditions.batches(ids, fk, dialect, ToOneLoading.CHUNK)) {
            Select<Row> select = element.selectAll.where(KeyConditions.in(fk, chunk, dialect)).orderBy(orderBy(element, cs.relation()));
            ElementRows rows = new ElementRows(element, k, byOwner, byId);
            // the rows not put in place as they were read (all of them when the load does not bind references at its
            // rows: a polymorphic or joined element load), in row order after those that were
            for (Object e : Loading.list(s, element, select, cs.elementOptions, cs.elementPolymorphic, rows)) rows.add(e);
        }
    }

    /**
     * A one-to-many load's elements on their way into their owners' collections: each element goes into the collection
     * of the owner its reference holds (an element whose reference was changed in memory since, not flushed, goes
     * where it points now), in row order. The load's rows are given here as their references are bound
     * ({@link ToOneLoading.AtRow}), while each element is fresh in cache, instead of by a second pass over the result;
     * from the first row whose reference is not bound yet (its target not held, another class of a polymorphic result)
     * on, the rest are put in place after the load, in order ({@link #unplaced}). Each element comes in one
     * row of one chunk (its key is unique, its foreign key names one owner), so it is added once, without a
     * {@code contains()} check; rows of one owner mostly follow each other, so the last owner's collection is reused
     * without a lookup.
     */
    static final class ElementRows {
        private final ToOne backRef;
        /** The index of the elements' reference to their owner among their class's references. */
        final int back;
        private final Map<Object, CollectionState> byOwner;
        /** The owners' collections by the owners' keys, as the elements' references hold them ({@link KeyConditions#of}). */
        private final Map<Object, CollectionState> byId;
        private Object lastOwner;
        private CollectionState target;
        private boolean stopped;

        ElementRows(Mapper element, int back, Map<Object, CollectionState> byOwner, Map<Object, CollectionState> byId) {
            this.backRef = element.toOnes[back];
            this.back = back;
            this.byOwner = byOwner;
            this.byId = byId;
        }

        /**
         * The owner with key {@code id} (a new row's reference to its owner) among those this load is for, without asking
         * the identity map (which would index every owner by key for it); null when none is (the row is left to
         * {@link ToOneLoading#resolve}). Its collection is the one the row's element goes into next.
         */
        Object owner(Object id) {
            CollectionState c = byId.get(id);
            if (c == null) return null;
            lastOwner = c.owner;
            target = c;
            return c.owner;
        }

        /**
         * Reads the rest of {@code rows} (the load's result; each row comes to {@link #row} as it is read) and returns
         * the objects not put in place, in row order: those from the first row that could not be on.
         */
        List<Object> unplaced(org.athanor.core.engine.Result<Object> rows) {
            List<Object> rest = new ArrayList<>(0);
            try (rows) {
                for (Object e : rows) if (stopped) rest.add(e);
            }
            return rest;
        }

        /** The load's next row: its object, and whether its references are still to be resolved. */
        void row(Object e, boolean refsPending) {
            if (stopped) return;
            if (refsPending) stopped = true;
            else add(e);
        }

        /** The load's next row, whose references were all bound at the row: its object and the owner it was given. */
        void placed(Object e, Object owner) {
            if (!stopped) put(e, owner);
        }

        void add(Object e) { put(e, backRef.get(e)); }

        private void put(Object e, Object owner) {
            if (owner != lastOwner || target == null) {
                lastOwner = owner;
                target = byOwner.get(owner);
            }
            if (target != null) target.items.add(e);
        }
    }

    /**
     * A many-to-many's elements: one {@code SELECT <element columns>, <secondary>.<owner key> FROM element JOIN
     * secondary ON ... WHERE <secondary>.<owner key> IN (...)} per chunk of owners (a composite owner key: its columns
     * as a row value, or OR-ed column pairs, as {@link KeyConditions#in}); an element of several owners comes once per
     * owner and is one object (the identity map).
     */
    private static void loadManyToMany(Loading.Host s, CollectionState cs, Map<Object, CollectionState> byOwner, List<Object> ids) {
        Mapper element = cs.elementInfo();
        org.athanor.orm.mapping.Secondary sec = cs.info.toManySecondary(cs.m);
        List<Column<Object>> locals = sec.locals();
        int width = locals.size();
        Map<Object, CollectionState> byKey = new java.util.HashMap<>();
        for (CollectionState c : byOwner.values()) byKey.put(KeyConditions.of(s.stateOf(c.owner).key()), c);
        // a @OneToMany @JoinColumn: the owner's key is a column of the element's own rows, read beside them
        Select<Row> joined = sec.inElementTable() ? element.selectAll
                : element.selectAll.join(sec.table(), KeyConditions.join(sec.remotes(), List.of(element.idColumns())));
        List<org.athanor.core.sql.Expression<?>> columns = new ArrayList<>(joined.columns());
        columns.addAll(locals);
        joined = joined.withColumns(columns.toArray(org.athanor.core.sql.Expression<?>[]::new)).orderBy(orderBy(element, cs.relation()));
        org.athanor.core.dialect.Dialect dialect = s.connection().dialect();
        for (List<Object> chunk : KeyConditions.batches(ids, locals, dialect, ToOneLoading.CHUNK)) {
            Select<Row> select = joined.where(KeyConditions.in(locals, chunk, dialect));
            // joinedLoad options below: the element's statement joins further, its owner-key columns kept last; an
            // element then comes in several rows per owner, all of its rows together (ordered by its key before the joins')
            List<Object[]> rows = JoinedLoading.any(cs.elementOptions) ? JoinedLoading.rowsWith(s, element, select, width, cs.elementOptions)
                    : Loading.rowsWith(s, element, select, width, cs.elementOptions);
            for (Object[] row : rows) {
                CollectionState target = byKey.get(width == 1 ? row[1] : java.util.Arrays.asList(java.util.Arrays.copyOfRange(row, 1, 1 + width)));
                if (target != null && (target.items.isEmpty() || target.items.get(target.items.size() - 1) != row[0])) target.items.add(row[0]);
            }
        }
    }

    /** Whether every reference of {@code st} holds the object its row's key names (the snapshot's). */
    private static boolean referencesMatchRow(InstanceState st) {
        Mapper info = st.info;
        if (st.snapshot == null) return true;
        for (int k = 0; k < info.toOnes.length; k++)
            if (!Values.same(info.referencedKey(st.obj(), k), info.refKey(st.snapshot, k))) return false;
        return true;
    }

    static OrderItem[] orderBy(Mapper element, ToMany rel) {
        List<OrderItem> out = new ArrayList<>();
        java.util.Set<String> ordered = new java.util.HashSet<>();
        for (String o : rel.orderBy()) {
            boolean desc = o.endsWith(" DESC");
            String name = desc ? o.substring(0, o.length() - 5) : o;
            for (int i = 0; i < element.plain; i++)
                if (element.attrs[i].name().equals(name) && ordered.add(name))
                    out.add(desc ? element.attrs[i].column().desc() : element.attrs[i].column().asc());
        }
        // the key last, so loads are repeatable; not again when @OrderBy already names it
        for (int i : element.idIdx) if (ordered.add(element.attrs[i].name())) out.add(element.attrs[i].column().asc());
        return out.toArray(OrderItem[]::new);
    }
}
