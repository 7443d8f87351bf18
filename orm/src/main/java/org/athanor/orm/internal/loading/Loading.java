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
 * columns are read by index with the compiled statement's codecs, in attribute order.
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
     * array in its attribute order ({@link org.athanor.orm.internal.mapping.RowLayout}). {@code refs}: binds the
     * references of each row's object ({@link ToOneLoading#atRow}; null: all left to {@link ToOneLoading#resolve}).
     */
    static RowReader<InstanceState> entities(Loading.Host s, Mapper declared, OrmCompiler.EntityColumns cols, ToOneLoading.AtRow refs) {
        int from = cols.offset(), dpos = declared.discriminatorPos();
        return (rs, t) -> {
            ValueCodec<Object>[] c = t.resultCodecs();
            Object d = dpos < 0 ? null : c[from + dpos].read(rs, from + dpos + 1);
            RowLayout layout = declared.rowLayout(d);
            Object[] v = layout.read(rs, c, from, d);
            if (layout.mapper.hasNullId(v)) throw nullKey(declared);
            InstanceState st = materializeAs(s, layout.mapper, v);
            if (refs != null) refs.bind(st);
            return st;
        };
    }

    /**
     * {@link #entities} for a load none of whose rows can meet an object of the session (see {@link #list}): each
     * row is a new object, registered with {@code rows} without an identity-map lookup; its state is made when
     * first needed ({@link LoadedRows}).
     */
    private static RowReader<Object> newObjects(Loading.Host s, Mapper declared, OrmCompiler.EntityColumns cols, LoadedRows rows) {
        int from = cols.offset(), dpos = declared.discriminatorPos();
        UnitOfWork uow = s.uow();
        return (rs, t) -> {
            ValueCodec<Object>[] c = t.resultCodecs();
            Object d = dpos < 0 ? null : c[from + dpos].read(rs, from + dpos + 1);
            RowLayout layout = declared.rowLayout(d);
            Object[] v = layout.read(rs, c, from, d);
            Mapper info = layout.mapper;
            if (info.hasNullId(v)) throw nullKey(declared);
            Object obj = info.mapping.newInstance();
            info.setAll(obj, v);
            uow.loadedRow(rows, info, obj, v);
            return obj;
        };
    }

    /**
     * Runs an entity select and returns the session's objects for its rows, in row order. When the
     * session holds no persistent object and the select reads only the entity's table (so no row
     * repeats a primary key), no row can meet an object already in the identity map: each becomes
     * a new object without a lookup, its state made when first needed ({@link LoadedRows}).
     */
    public static List<Object> list(Loading.Host s, Mapper info, Select<Row> select) { return list(s, info, select, List.of()); }

    /** {@link #list(Loading.Host, Mapper, Select)} with loader options for the result's relationships. */
    public static List<Object> list(Loading.Host s, Mapper info, Select<Row> select, List<LoadSpec> options) {
        return list(s, info, select, options, null);
    }

    /** {@link #list(Loading.Host, Mapper, Select, List)} with a polymorphic load option (null: none). */
    public static List<Object> list(Loading.Host s, Mapper info, Select<Row> select, List<LoadSpec> options, PolymorphicSpec polymorphic) {
        if (polymorphic != null) {
            if (JoinedLoading.any(options))
                throw new IllegalArgumentException(polymorphic + " cannot be combined with joinedLoad or containsEager yet; use "
                        + "selectinLoad for the relationships, or leave " + polymorphic + " out");
            return SelectinPolymorphic.list(s, info, select, options, polymorphic);
        }
        if (!options.isEmpty() && JoinedLoading.any(options)) return JoinedLoading.list(s, info, select, options);
        OrmCompiler.Compiled q = OrmCompiler.compile(info.loadTarget, select);
        if (q.distinctKeys() && s.uow().identityMap.isEmpty()) {
            // a fresh load's identity map holds only this result's rows: its references are left to ToOneLoading.resolve
            Connection c = s.connection(); // first: beginning the transaction must not date the rows
            LoadedRows rows = s.uow().freshLoad();
            List<Object> objects;
            try {
                objects = c.execute(q.statement(), newObjects(s, info, q.primary(), rows)).all();
            } finally {
                s.uow().loadEnded(rows);
            }
            if (info.rowsLoadRelated()) relatedOf(s, info, s.uow().statesOf(rows), options);
            return objects;
        }
        ToOneLoading.AtRow refs = ToOneLoading.atRow(s, info);
        RowReader<InstanceState> entities = entities(s, info, q.primary(), refs);
        if (!info.rowsLoadRelated()) // nothing to resolve or install: the rows' objects are the result
            return s.connection().execute(q.statement(), (rs, t) -> entities.read(rs, t).obj).all();
        // the rows' states are kept beside the objects: resolving references and installing collections needs them,
        // and asking the session for each object's state would index every attached object by identity
        List<InstanceState> states = s.connection().execute(q.statement(), entities).all();
        relatedOf(s, info, states, options, refs == null || refs.anyLeft);
        return objectsOf(states);
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
    private static void relatedOf(Loading.Host s, Mapper info, List<InstanceState> out, List<LoadSpec> options, boolean refsLeft) {
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
        RowReader<InstanceState> entities = entities(s, info, q.primary(), ToOneLoading.atRow(s, info));
        int from = select.columns().size() - extra;
        List<InstanceState> states = new ArrayList<>();
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Object[]> rows = s.connection().execute(q.statement(), (rs, t) -> {
            Object[] row = new Object[extra + 1];
            InstanceState st = entities.read(rs, t);
            if (seen.add(st.obj())) states.add(st);
            row[0] = st.obj();
            ValueCodec<Object>[] c = t.resultCodecs();
            for (int i = 0; i < extra; i++) row[i + 1] = c[from + i].read(rs, from + i + 1);
            return row;
        }).all();
        relatedOf(s, info, states, options);
        return rows;
    }

    private static IllegalStateException nullKey(Mapper info) {
        return new IllegalStateException("a row of " + info.name + " (table " + info.table.name() + ") has a NULL primary key");
    }

    /** The same, lazily; closing the stream closes the cursor. */
    public static Stream<Object> stream(Loading.Host s, Mapper info, Select<Row> select) {
        OrmCompiler.Compiled q = OrmCompiler.compile(info.loadTarget, select);
        Result<InstanceState> r = s.connection().execute(q.statement(), entities(s, info, q.primary(), ToOneLoading.atRow(s, info)));
        if (!info.rowsLoadRelated()) return r.stream().map(InstanceState::obj);
        // a stream has no whole result to batch over: each object's references are resolved as it is
        // handed out (found in the identity map, else one SELECT per row); use list() to batch them
        return r.stream().peek(st -> {
            Mapper m = st.info;
            if (m.loadsRelated()) ToOneLoading.resolve(s, m, List.of(st));
            if (m.toManys.length > 0) installCollections(s, m, List.of(st));
        }).map(InstanceState::obj);
    }

    /**
     * The session's object for a row: the one already in the identity map (re-read from the row when
     * expired, keeping attributes changed since), or a new persistent object.
     */
    static InstanceState materialize(Loading.Host s, Mapper declared, Object[] row) {
        if (declared.hasNullId(row))
            throw nullKey(declared);
        return materializeAs(s, declared.rowMapper(row), declared.rowValues(row));
    }

    /** {@link #materialize} of values already in the attribute order of their class {@code info}. */
    static InstanceState materializeAs(Loading.Host s, Mapper info, Object[] v) {
        IdKey key = info.keyOf(v);
        InstanceState st = s.uow().identityMap.isEmpty() ? null : s.uow().identityMap.get(key);
        if (st != null) {
            if (s.isExpired(st)) apply(s, st, v, true);
            return st;
        }
        Object obj = info.mapping.newInstance();
        info.setAll(obj, v);
        return s.uow().attachLoaded(info, obj, key, v);
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

    /** Re-reads a persistent object's row; false when the row is gone. */
    public static boolean reload(Loading.Host s, InstanceState st, boolean keepChanges) {
        Mapper info = st.info;
        OrmCompiler.Compiled q = OrmCompiler.compile(info.loadTarget, info.selectAll.where(info.pkEquals(st.key())));
        Object[] row = s.connection().execute(q.statement(), values(q.primary())).first();
        if (row == null) return false;
        Object[] v = info.rowValues(row);
        apply(s, st, v, keepChanges);
        if (st.refsPending) ToOneLoading.resolve(s, info, List.of(st));
        if (st.collectionsPending) installCollections(s, info, List.of(st));
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
        int perChunk = KeyConditions.keysPerChunk(ToOneLoading.CHUNK, id.size());
        org.athanor.core.dialect.Dialect dialect = s.connection().dialect();
        List<InstanceState> read = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += perChunk) {
            OrmCompiler.Compiled q = OrmCompiler.compile(info.loadTarget,
                    info.selectAll.where(KeyConditions.in(id, ids.subList(from, Math.min(ids.size(), from + perChunk)), dialect)));
            for (Object[] row : s.connection().execute(q.statement(), values(q.primary())).all()) {
                Object[] v = info.rowValues(row);
                InstanceState st = byKey.remove(info.keyOf(v));
                if (st == null) continue;
                apply(s, st, v, false);
                read.add(st);
            }
        }
        List<InstanceState> refs = new ArrayList<>(), collections = new ArrayList<>();
        for (InstanceState st : read) {
            if (st.refsPending) refs.add(st);
            if (st.collectionsPending) collections.add(st);
        }
        if (!refs.isEmpty()) ToOneLoading.resolve(s, info, refs);
        if (!collections.isEmpty()) installCollections(s, info, collections);
        return new ArrayList<>(byKey.values());
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
