package org.athanor.orm.internal.loading;

import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.LoadedRows;

import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.IdKey;
import org.athanor.orm.internal.mapping.RowLayout;
import org.athanor.orm.internal.mapping.KeyConditions;
import org.athanor.core.sql.Expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.engine.Connection;
import org.athanor.orm.internal.uow.UnitOfWork;
import java.util.stream.Stream;
import org.athanor.core.engine.Result;
import org.athanor.core.engine.RowReader;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;
import org.athanor.core.type.ValueCodec;

/**
 * Hydration: turns rows of an entity's SELECT into objects through the identity map. The statement and
 * where the entity's columns sit in its rows come from the ORM compile stage ({@link OrmCompiler});
 * columns are read by index with the compiled statement's codecs, in attribute order. Every entity load
 * (a query, a relationship's, a refresh, a joined node, a polymorphic load's) takes one route from a row's
 * values to the session's object, {@link #hydrate}, within a load context ({@link LoadedRows}).
 */
public final class Loading {
    private Loading() {}

    /**
     * What loading needs of the session (as {@code Flusher.Host} for the flush): its unit of work and
     * connection, object states, autoflush, and the public add/delete/expunge a collection's changes
     * cause. One per session: collections compare it to tell their own session's.
     */
    public interface Host {
        UnitOfWork uow();

        /** The session's connection (taken from the engine on first use). */
        Connection connection();

        /** The session's state of {@code entity}, null when the session does not hold it. */
        InstanceState stateOf(Object entity);

        boolean isExpired(InstanceState st);

        /** Flushes when the session's autoflush is on (before a load reads the database). */
        void autoflushIfEnabled();

        boolean isClosed();

        void add(Object entity);

        void delete(Object entity);

        void expunge(Object entity);

        /** A collection operation took {@code element} out of a collection: the next flush re-checks its references. */
        void relinked(Object element);

        /**
         * A collection operation added {@code collection} an element (or its owner was attached again): the next
         * flush checks that collection's elements (their references, their being in the session).
         */
        void touched(CollectionState collection);

        /**
         * Makes {@code origin} what the statements that follow are counted under in the session's
         * statement report (e.g. {@code "lazy load Writer.articles"}); returns the one it replaces, to be
         * put back when the nested work ends.
         */
        String origin(String origin);

        /**
         * A lazy load of {@code relation} ({@code "Writer.articles"}) is about to run: counted, and checked
         * against the factory's lazy-load limit before any statement ({@code avoid}: the option that avoids it).
         */
        void lazyLoad(String relation, String avoid);
    }

    /** Reads a row's attribute values (the select's first {@code n} columns are the entity's, in order). */
    static RowReader<Object[]> values(int n) {
        return (rs, t) -> {
            ValueCodec<Object>[] c = t.resultCodecs();
            Object[] v = new Object[n];
            for (int i = 0; i < n; i++) v[i] = c[i].read(rs, i + 1);
            return v;
        };
    }

    /** Reads an entity's attribute values from where the compiled statement put them. */
    static RowReader<Object[]> values(OrmCompiler.EntityColumns cols) {
        int n = cols.target().columnCount(), from = cols.offset();
        int[] shared = cols.target().sharedWith();
        if (shared != null) return sharedValues(shared, from);
        if (from == 0) return values(n);
        return (rs, t) -> {
            ValueCodec<Object>[] c = t.resultCodecs();
            Object[] v = new Object[n];
            for (int i = 0; i < n; i++) v[i] = c[from + i].read(rs, from + i + 1);
            return v;
        };
    }

    /** {@link #values(OrmCompiler.EntityColumns)} when attributes share a column: each column read once, then copied. */
    private static RowReader<Object[]> sharedValues(int[] shared, int from) {
        return (rs, t) -> {
            ValueCodec<Object>[] c = t.resultCodecs();
            Object[] v = new Object[shared.length];
            int col = from;
            for (int i = 0; i < v.length; i++)
                if (shared[i] < 0) {
                    v[i] = c[col].read(rs, col + 1);
                    col++;
                }
            for (int i = 0; i < v.length; i++)
                if (shared[i] >= 0) v[i] = v[shared[i]];
            return v;
        };
    }

    /**
     * Reads a row of {@code declared}'s load statement and gives the session's object for it: the row's class
     * (its discriminator, for a hierarchy) is found first, then only that class's columns are read, into an
     * array in its attribute order ({@link org.athanor.orm.internal.mapping.RowLayout}), which {@link #hydrate} turns
     * into the object. {@code refs}: binds the references of each row's object ({@link ToOneLoading#atRow}; null: all
     * left to {@link ToOneLoading#resolve}).
     */
    static RowReader<Object> objects(Loading.Host s, Mapper declared, OrmCompiler.EntityColumns cols, LoadedRows load, ToOneLoading.AtRow refs) {
        int from = cols.offset(), dpos = declared.discriminatorPos();
        return (rs, t) -> {
            ValueCodec<Object>[] c = t.resultCodecs();
            Object d = dpos < 0 ? null : c[from + dpos].read(rs, from + dpos + 1);
            RowLayout layout = declared.rowLayout(d);
            Object[] v = layout.read(rs, c, from, d);
            if (layout.nullId(v)) throw nullKey(declared);
            return hydrate(s, load, layout.mapper, v, refs);
        };
    }

    /**
     * The one route from a row's values ({@code v}, attribute order of its class {@code info}) to the session's
     * object, for every entity load. When the session cannot hold the row's object ({@link LoadedRows#appends}: nothing
     * of its hierarchy is held, or only this load's rows of a statement giving each key once, or its id is outside
     * those held), the object is new and enters the identity map without a lookup: appended, its state made now, or
     * when first needed if the load {@linkplain LoadedRows#defers defers} it. Otherwise the identity map is asked:
     * the held object is returned (re-read from the row when expired, keeping attributes changed since, or discarding
     * them on a refresh), or a new one is put in. The state is then given its references ({@code refs}) and noted in
     * the load ({@link LoadedRows#row}).
     */
    static Object hydrate(Loading.Host s, LoadedRows load, Mapper info, Object[] v, ToOneLoading.AtRow refs) {
        InstanceState st;
        if (load.appends(info, v)) {
            Object obj = info.newInstance();
            info.setAll(obj, v);
            // no state now for a row that needs none after it: no relationships, or references all bound at the row
            boolean boundHere = refs != null && load.defersBound();
            if (load.defers() || boundHere && refs.bindNew(info, obj, v)) {
                s.uow().loadedRow(load, info, obj, v);
                return obj;
            }
            st = s.uow().appendLoaded(load, info, obj, v);
            if (boundHere) { // bound what it could above: the rest is resolved after the rows
                load.row(st);
                return obj;
            }
        } else {
            IdKey key = IdKey.ofRow(info, v);
            st = s.uow().identityMap.get(key);
            if (st == null) {
                Object obj = info.newInstance();
                info.setAll(obj, v);
                st = s.uow().attachLoaded(info, obj, key, v);
            } else if (load.refresh() || s.isExpired(st)) apply(s, st, v, !load.refresh());
        }
        if (refs != null) refs.bind(st);
        load.row(st);
        return st.obj;
    }

    /**
     * {@link #hydrate} of a row of {@code declared}'s statement (the select's values, as {@link Mapper#rowValues}
     * orders them), its references bound by {@code refs} (null: none at the row): the session's object.
     */
    static Object materialize(Loading.Host s, LoadedRows load, Mapper declared, Object[] row, ToOneLoading.AtRow refs) {
        if (declared.hasNullId(row)) throw nullKey(declared);
        return hydrate(s, load, declared.rowMapper(row), declared.rowValues(row), refs);
    }

    /** {@link #materialize(Loading.Host, LoadedRows, Mapper, Object[], ToOneLoading.AtRow)} in a {@link #statesLoad}: the row's state. */
    static InstanceState materialize(Loading.Host s, LoadedRows load, Mapper declared, Object[] row) {
        materialize(s, load, declared, row, null);
        return load.last();
    }

    /**
     * Begins a load of {@code info}'s rows that hands out their states as they are read ({@link #materialize}), such
     * as a polymorphic select-in's: its statement may give a key more than once. It never defers states, so it need not
     * be ended.
     */
    static LoadedRows statesLoad(Loading.Host s, Mapper info) { return s.uow().beginLoad(info, 0); }

    /**
     * Runs an entity select and returns the session's objects for its rows, in row order ({@link #hydrate}). A row
     * whose class has references or collections gets its state at once (its references are bound at the row, its
     * collections installed after the rows); the others' states are made when first needed.
     */
    public static List<Object> list(Loading.Host s, Mapper info, Select<Row> select) { return list(s, info, select, List.of()); }

    /** {@link #list(Loading.Host, Mapper, Select)} with loader options for the result's relationships. */
    public static List<Object> list(Loading.Host s, Mapper info, Select<Row> select, List<LoadSpec> options) {
        return list(s, info, select, options, null);
    }

    /** {@link #list(Loading.Host, Mapper, Select, List)} with a polymorphic load option (null: none). */
    public static List<Object> list(Loading.Host s, Mapper info, Select<Row> select, List<LoadSpec> options, PolymorphicSpec polymorphic) {
        return list(s, info, select, options, polymorphic, null);
    }

    /**
     * {@link #list(Loading.Host, Mapper, Select, List, PolymorphicSpec)} for a one-to-many load: {@code elements} (null:
     * none) is given each row's state as its references are bound (see {@link CollectionLoading.ElementRows}).
     */
    static List<Object> list(Loading.Host s, Mapper info, Select<Row> select, List<LoadSpec> options, PolymorphicSpec polymorphic,
                             CollectionLoading.ElementRows elements) {
        if (polymorphic != null) {
            if (JoinedLoading.any(options))
                throw new IllegalArgumentException(polymorphic + " cannot be combined with joinedLoad or containsEager yet; use "
                        + "selectinLoad for the relationships, or leave " + polymorphic + " out");
            return SelectinPolymorphic.list(s, info, select, options, polymorphic);
        }
        if (!options.isEmpty() && JoinedLoading.any(options)) return JoinedLoading.list(s, info, select, options);
        OrmCompiler.Compiled q = OrmCompiler.compile(info.loadTarget, select);
        boolean related = info.rowsLoadRelated();
        Connection c = s.connection(); // first: beginning the transaction must not date the rows
        LoadedRows load = s.uow().beginLoad(info, (q.distinctKeys() ? LoadedRows.DISTINCT : 0)
                | LoadedRows.rowStates(info), rowsAtMost(select));
        ToOneLoading.AtRow refs = ToOneLoading.atRow(s, info);
        if (refs != null) refs.elements = elements;
        List<Object> objects;
        try {
            Result<Object> rows = c.execute(q.statement(), objects(s, info, q.primary(), load, refs));
            // a collection load's elements go into their owners' collections as their rows are read: listed are only
            // those that could not (none of the rows, usually: no list of every element is built)
            objects = elements == null ? rows.all() : elements.unplaced(rows);
        } finally {
            s.uow().loadEnded(load);
        }
        // the rows' states are kept beside the objects: resolving references and installing collections needs them,
        // and asking the session for each object's state would index every attached object by identity
        if (related) relatedOf(s, info, load.takeStates(), options, refs == null || refs.anyLeft);
        return objects;
    }

    /**
     * At most how many rows {@code select} gives: its LIMIT when that is a value (a page: {@code Query.limit}); 0 when
     * not known (no LIMIT, or an expression), or past an int.
     */
    static int rowsAtMost(Select<?> select) {
        return select.limit() instanceof org.athanor.core.sql.Param<?> p && p.value() instanceof Number n
                && n.longValue() > 0 && n.longValue() <= Integer.MAX_VALUE ? n.intValue() : 0;
    }

    /** The objects of {@code states}, in order (a list of the kind a result's rows come in). */
    static List<Object> objectsOf(List<InstanceState> states) {
        List<Object> out = new ArrayList<>(states.size());
        for (InstanceState st : states) out.add(st.obj);
        return out;
    }

    /** The references and collections of {@code out}: for a polymorphic result, each class's over its objects. */
    static void relatedOf(Loading.Host s, Mapper info, List<InstanceState> out, List<LoadSpec> options) {
        relatedOf(s, info, out, options, true);
    }

    /** {@code refsLeft}: false when the rows' references were all bound as they were read (ToOneLoading.AtRow). */
    static void relatedOf(Loading.Host s, Mapper info, List<InstanceState> out, List<LoadSpec> options, boolean refsLeft) {
        if (!info.rowsLoadRelated()) return; // no class of the rows has any: nothing to group them by class for
        if (info.layoutCount() > 1) {
            Map<Mapper, List<InstanceState>> byClass = new LinkedHashMap<>();
            for (InstanceState st : out) byClass.computeIfAbsent(st.info, k -> new ArrayList<>()).add(st);
            for (Map.Entry<Mapper, List<InstanceState>> e : byClass.entrySet()) relationships(s, e.getKey(), e.getValue(), options, refsLeft);
        } else relationships(s, info, out, options, refsLeft);
    }

    private static void relationships(Loading.Host s, Mapper info, List<InstanceState> out, List<LoadSpec> options, boolean refsLeft) {
        if (info.loadsRelated() && refsLeft) ToOneLoading.resolve(s, info, out, options);
        if (info.toManys.length > 0) {
            installCollections(s, info, out);
            if (!options.isEmpty()) CollectionLoading.apply(s, info, out, options);
        }
    }

    /**
     * Runs an entity select whose last {@code extra} columns are more values (Query.allWith): each row becomes
     * {session's object, value...}; the objects' relationships are then loaded as for {@link #list}.
     */
    public static List<Object[]> rowsWith(Loading.Host s, Mapper info, Select<Row> select, int extra, List<LoadSpec> options) {
        for (LoadSpec o : options)
            if (o.strategy.inStatement())
                throw new IllegalArgumentException(o + " cannot be combined with extra columns (allWith): its rows are not one "
                        + "per object; use selectinLoad, or all()");
        OrmCompiler.Compiled q = OrmCompiler.compile(info.loadTarget, select);
        Connection c = s.connection();
        LoadedRows load = s.uow().beginLoad(info, q.distinctKeys() ? LoadedRows.DISTINCT : 0);
        RowReader<Object> objects = objects(s, info, q.primary(), load, ToOneLoading.atRow(s, info));
        int from = select.columns().size() - extra;
        List<InstanceState> states = new ArrayList<>();
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Object[]> rows = c.execute(q.statement(), (rs, t) -> {
            Object[] row = new Object[extra + 1];
            Object obj = objects.read(rs, t);
            if (seen.add(obj)) states.add(load.last());
            row[0] = obj;
            ValueCodec<Object>[] v = t.resultCodecs();
            for (int i = 0; i < extra; i++) row[i + 1] = v[from + i].read(rs, from + i + 1);
            return row;
        }).all();
        relatedOf(s, info, states, options);
        return rows;
    }

    private static IllegalStateException nullKey(Mapper info) {
        return new IllegalStateException("a row of " + info.name + " (table " + info.table.name() + ") has a NULL primary key");
    }

    /**
     * The same, lazily; closing the stream closes the cursor. The rows are read a chunk of {@link ToOneLoading#CHUNK}
     * at a time: each chunk's references are resolved and its collections installed together before its first object
     * is handed out (one {@code SELECT ... IN} per reference and chunk for targets the session does not hold).
     */
    public static Stream<Object> stream(Loading.Host s, Mapper info, Select<Row> select) {
        OrmCompiler.Compiled q = OrmCompiler.compile(info.loadTarget, select);
        boolean related = info.rowsLoadRelated();
        Connection c = s.connection();
        LoadedRows load = s.uow().beginLoad(info, (q.distinctKeys() ? LoadedRows.DISTINCT : 0)
                | LoadedRows.rowStates(info));
        ToOneLoading.AtRow refs = ToOneLoading.atRow(s, info);
        Result<Object> r = c.execute(q.statement(), objects(s, info, q.primary(), load, refs));
        return java.util.stream.StreamSupport.stream(new StreamChunks(s, info, load, refs, r.iterator()), false).onClose(() -> {
            r.close();
            s.uow().loadEnded(load);
        });
    }

    /**
     * Gives the newly loaded (or re-read) objects of one result unloaded collections sharing that result
     * as their batch: the first access to one loads it for all (CollectionLoading).
     */
    static void installCollections(Loading.Host s, Mapper info, List<InstanceState> result) {
        List<InstanceState> group = null;
        for (InstanceState st : result) {
            if (!st.attached || !st.collectionsPending) continue;
            st.collectionsPending = false;
            if (group == null) group = result.size() == 1 ? List.of(st) : List.copyOf(result);
            for (int m = 0; m < info.toManys.length; m++) CollectionState.install(s, st.obj(), info, m, group, null).ownerState = st;
        }
    }

    /**
     * Loads an unloaded proxy ({@link InstanceState#ghost}) through its loader, with the rest of its group,
     * as a call of one of its methods would.
     */
    public static void fill(InstanceState st) {
        if (!st.ghost) return;
        Object p = st.obj();
        ((org.athanor.orm.mapping.EntityProxy) p).athanor$loader().load(p);
    }

    /**
     * Re-reads a persistent object's row through the one route ({@link #hydrate}); false when the row is gone (or
     * now belongs to another object of the session). Its unflushed changes are discarded unless {@code keepChanges}
     * (then only an expired object is re-read).
     */
    public static boolean reload(Loading.Host s, InstanceState st, boolean keepChanges) {
        Mapper info = st.info;
        List<InstanceState> read = reread(s, info, KeyConditions.byKey(info, st.key()), keepChanges);
        if (read.isEmpty() || read.get(0) != st) return false;
        related(s, info, read);
        return true;
    }

    /**
     * Re-reads the rows of persistent objects of one class, as {@link #reload} each
     * (unflushed changes discarded), with one {@code SELECT ... WHERE id IN (...)} per {@link ToOneLoading#CHUNK}
     * bound values (a composite key: row values, as {@link KeyConditions#in}); their re-read collections share this load as their batch. Returns the states whose row is gone.
     */
    public static List<InstanceState> reloadAll(Loading.Host s, Mapper info, List<InstanceState> states) {
        Map<IdKey, InstanceState> byKey = new java.util.HashMap<>();
        List<Object> ids = new ArrayList<>();
        for (InstanceState st : states) if (byKey.put(st.key(), st) == null) ids.add(KeyConditions.of(st.key()));
        List<Expression<?>> id = List.of(info.idColumns());
        org.athanor.core.dialect.Dialect dialect = s.connection().dialect();
        List<InstanceState> read = new ArrayList<>();
        for (List<Object> batch : KeyConditions.batches(ids, id, dialect, ToOneLoading.CHUNK)) { // one = ANY(?) where keys bind as an array
            Select<Row> select = info.selectAll.where(KeyConditions.in(id, batch, dialect));
            for (InstanceState st : reread(s, info, select, false))
                if (byKey.get(st.key()) == st) {
                    byKey.remove(st.key());
                    read.add(st);
                }
        }
        related(s, info, read);
        return new ArrayList<>(byKey.values());
    }

    /** The states of {@code select}'s rows, read through {@link #hydrate}: held objects re-read (a refresh unless {@code keepChanges}). */
    private static List<InstanceState> reread(Loading.Host s, Mapper info, Select<Row> select, boolean keepChanges) {
        OrmCompiler.Compiled q = OrmCompiler.compile(info.loadTarget, select);
        Connection c = s.connection();
        LoadedRows load = s.uow().beginLoad(info, LoadedRows.DISTINCT | LoadedRows.KEEP_STATES | (keepChanges ? 0 : LoadedRows.REFRESH));
        c.execute(q.statement(), objects(s, info, q.primary(), load, null)).all();
        return load.takeStates();
    }

    /** The references and collections of re-read states still to be given them. */
    private static void related(Loading.Host s, Mapper info, List<InstanceState> read) {
        List<InstanceState> refs = new ArrayList<>(), collections = new ArrayList<>();
        for (InstanceState st : read) {
            if (st.refsPending) refs.add(st);
            if (st.collectionsPending) collections.add(st);
        }
        if (!refs.isEmpty()) ToOneLoading.resolve(s, info, refs);
        if (!collections.isEmpty()) installCollections(s, info, collections);
    }

    /**
     * Takes a row's values as the new snapshot. Attributes the user changed since the last snapshot
     * keep their value when {@code keepChanges}; the rest are overwritten. Not undone by a rollback:
     * the level remembers the object as read, and a rollback expires it instead.
     */
    static void apply(Loading.Host s, InstanceState st, Object[] v, boolean keepChanges) {
        Mapper info = st.info;
        if (!keepChanges) CollectionChanges.discard(s, st); // its collections' unflushed changes go with its attributes'
        s.uow().reloaded(st, v, keepChanges);
        if (info.callbacks != null) info.callbacks.fire(org.athanor.orm.mapping.Callbacks.POST_LOAD, st.obj());
    }
}
