package org.athanor.orm.internal.flush;


import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.UnitOfWork;
import org.athanor.orm.internal.flush.DirtyCheck.Dirty;
import org.athanor.orm.StaleDataException;

import org.athanor.orm.internal.mapping.Mapper;

import jakarta.persistence.GenerationType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
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
    private static final int SEQUENCE_BATCH = 50;

    private final Flusher.Host s;
    Connection conn;
    DialectFeatures features;
    /** What is being written, for the error message. */
    Mapper entity;
    String operation;
    SqlNode statement;

    /** References the current table's inserts write NULL first (cycles of rows), set by {@link #writeDeferred}. */
    List<FlushPlan.Deferred<InstanceState>> deferred;

    Persistence(Flusher.Host s) { this.s = s; }

    /** The exception a callback threw during this flush: propagated as it is, not wrapped. */
    RuntimeException callbackFailure;

    /** Calls the object's callbacks for {@code event}, if its entity declares any. */
    private void fire(int event, InstanceState st) {
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
    List<Dirty> beforeUpdate(List<Dirty> ups) {
        List<Dirty> out = new ArrayList<>(ups.size());
        for (Dirty d : ups) {
            InstanceState st = d.state();
            event(FlushEvents.BEFORE_UPDATE, st);
            Object[] values = st.info.read(st.obj());
            DirtyCheck.checkKeyUnchanged(st, values);
            int[] changed = st.changedAttributes(values);
            if (changed != null) out.add(new Dirty(st, changed, values));
        }
        return out;
    }

    // ---- INSERT ------------------------------------------------------------------------------------

    /** Inserts the objects' rows: into the base table, then (JOINED inheritance) each subclass table, parents first. */
    void insert(Mapper info, List<InstanceState> list) {
        insertBaseRows(info, list);
        for (int t = 1; t < info.tables().size(); t++) {
            Table table = info.tables().get(t);
            List<Attribute> cols = JoinedTables.columns(info, table, false);
            Column<?>[] columns = JoinedTables.keyThenColumns(table, cols);
            statement = Sql.insert(table).columns(columns);
            conn.insertRows(Sql.insert(table), columns, JoinedTables.rows(info, list, cols));
        }
    }

    private void insertBaseRows(Mapper info, List<InstanceState> list) {
        entity = info;
        operation = "inserting";
        statement = null;
        if (info.toOnes.length > 0) {
            checkReferencesAssigned(info, list);
            if (info.mapsIds) MapsIds.fill(s.uow(), info, list);
        }
        if (info.versionIdx >= 0)
            for (InstanceState st : list) {
                Object v = info.get(st.obj(), info.versionIdx), seeded = Versions.seed(v, info.attrs[info.versionIdx].javaType());
                if (seeded != v) s.uow().writeAttribute(st, info.versionIdx, seeded);
            }
        Attribute gen = info.generatedId;
        if (gen != null && gen.generation() == GenerationType.SEQUENCE) assignFromSequence(info, gen, list);
        if (!info.identityGenerated()) {
            insertKnown(info, list);
            return;
        }
        List<Attribute> cols = insertColumns(info, true);
        // keys in row order: one insert, planned once, takes the objects a statement's worth at a time
        RowsInsert ordered = orderedInsert(info, cols, list.size());
        int chunk = ordered == null ? Integer.MAX_VALUE : ordered.rowsPerStatement();
        expectInserted(list.size());
        // runs of objects in add order (as SQLAlchemy groups them): ids unset, which the database
        // assigns, and ids set, inserted with them. An unset run is written a statement's worth at a
        // time: each object's values are read (its snapshot to be), bound, and its key assigned while
        // the chunk's objects are still in the CPU's caches
        List<InstanceState> run = new ArrayList<>(Math.min(chunk, list.size()));
        List<Object[]> values = new ArrayList<>(Math.min(chunk, list.size()));
        List<InstanceState> known = new ArrayList<>();
        for (InstanceState st : list) {
            Object[] v = info.read(st.obj());
            if (gen.isUnsetId(v[gen.index()])) {
                if (!known.isEmpty()) {
                    insertKnown(info, known);
                    known.clear();
                }
                run.add(st);
                values.add(v);
                if (run.size() == chunk) insertRun(info, cols, ordered, run, values);
            } else {
                if (!run.isEmpty()) insertRun(info, cols, ordered, run, values);
                known.add(st);
            }
        }
        if (!run.isEmpty()) insertGenerated(info, cols, ordered, run, values);
        if (!known.isEmpty()) insertKnown(info, known);
    }

    /**
     * Inserts rows of an entity with a {@code @ManyToOne} to itself (Employee.manager) where new rows
     * reference new rows whose key the database generates: the rows go in levels (a row after the rows
     * it references), each level one {@link #insert}, so each row is written with its referenced row's
     * key. A cycle of new rows (a manages b, b manages a) is broken as SQLAlchemy's post_update does: the
     * reference of the row where the cycle closes is written NULL, and set by an UPDATE once both rows
     * exist; a cycle through a NOT NULL reference is an error naming the rows. Rows referencing nothing
     * new are inserted as usual (one level).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void insertSelfReferencing(Mapper info, List<InstanceState> list) {
        Map<Object, InstanceState> pending = new java.util.IdentityHashMap<>();
        for (InstanceState st : list) pending.put(st.obj(), st);
        // parents[i][k]: the row of this list that row i's self-reference k points at, when its key is not assigned yet
        boolean any = false;
        for (InstanceState st : list)
            for (int k = 0; k < info.toOnes.length && !any; k++)
                if (info.toOneTarget(k) == info && pending.containsKey(info.toOnes[k].get(st.obj()))
                        && info.referencedKey(st.obj(), k) == Mapper.UNASSIGNED_KEY) any = true;
        if (!any) {
            insert(info, list);
            return;
        }
        Map<InstanceState, Integer> depth = new java.util.IdentityHashMap<>();
        Map<InstanceState, Boolean> visiting = new java.util.IdentityHashMap<>();
        List<Object[]> cuts = new ArrayList<>(); // {state, k, referenced object}
        for (InstanceState st : list) depthOf(info, st, pending, depth, visiting, cuts);
        List<List<InstanceState>> levels = new ArrayList<>();
        for (InstanceState st : list) {
            int d = depth.get(st);
            while (levels.size() <= d) levels.add(new ArrayList<>());
            levels.get(d).add(st);
        }
        for (Object[] c : cuts) info.toOnes[(Integer) c[1]].set(((InstanceState) c[0]).obj(), null);
        boolean restored = false;
        try {
            for (List<InstanceState> level : levels) if (!level.isEmpty()) insert(info, level);
            for (Object[] c : cuts) info.toOnes[(Integer) c[1]].set(((InstanceState) c[0]).obj(), c[2]);
            restored = true;
            entity = info;
            operation = "post-updating the references that close a cycle of new rows of";
            for (Object[] c : cuts) {
                InstanceState st = (InstanceState) c[0];
                int k = (Integer) c[1];
                Object key = info.referencedKey(st.obj(), k);
                Update u = Mapper.setValue(Sql.update(info.table), (Column) info.toOnes[k].column(), key).where(info.pkEquals(st.key()));
                statement = u;
                if (conn.execute(u) != 1)
                    throw new StaleDataException("post-update of " + st.key() + "." + info.toOnes[k].name() + " matched no row");
                st.snapshot[info.plain + k] = key;
            }
        } finally {
            if (!restored) for (Object[] c : cuts) info.toOnes[(Integer) c[1]].set(((InstanceState) c[0]).obj(), c[2]);
        }
    }

    /** The level of {@code st}: 0 when it references no new row of the list, else one more than the deepest one it references. */
    private static int depthOf(Mapper info, InstanceState st, Map<Object, InstanceState> pending, Map<InstanceState, Integer> depth,
                               Map<InstanceState, Boolean> visiting, List<Object[]> cuts) {
        Integer known = depth.get(st);
        if (known != null) return known;
        visiting.put(st, Boolean.TRUE);
        int d = 0;
        for (int k = 0; k < info.toOnes.length; k++) {
            if (info.toOneTarget(k) != info) continue;
            Object related = info.toOnes[k].get(st.obj());
            InstanceState p = related == null ? null : pending.get(related);
            if (p == null || p == st && info.referencedKey(st.obj(), k) != Mapper.UNASSIGNED_KEY) continue;
            if (info.referencedKey(st.obj(), k) != Mapper.UNASSIGNED_KEY) continue;
            if (p == st || visiting.containsKey(p)) {
                // the cycle closes here: this reference is written NULL and set by an UPDATE after the inserts
                if (!info.toOnes[k].optional() || !info.toOnes[k].column().isNullable())
                    throw new IllegalStateException(info.name + "." + info.toOnes[k].name() + ": new " + info.name + " objects "
                            + "reference each other in a cycle through this NOT NULL reference, so no row can be inserted first; "
                            + "make the reference optional (it is then inserted NULL and set by an UPDATE), or flush one object "
                            + "before setting the reference that closes the cycle");
                cuts.add(new Object[] {st, k, related});
                continue;
            }
            d = Math.max(d, depthOf(info, p, pending, depth, visiting, cuts) + 1);
        }
        visiting.remove(st);
        depth.put(st, d);
        return d;
    }

    /**
     * Referenced tables are inserted first, so a key still unassigned here belongs to a row of a
     * table that references this one back (references within one table are inserted in levels
     * by {@link #insertSelfReferencing}): that needs a post-update across tables, not supported yet.
     */
    private static void checkReferencesAssigned(Mapper info, List<InstanceState> list) {
        for (InstanceState st : list)
            for (int k = 0; k < info.toOnes.length; k++)
                if (info.referencedKey(st.obj(), k) == Mapper.UNASSIGNED_KEY)
                    throw new IllegalStateException(info.name + "." + info.toOnes[k].name() + " references a new "
                            + info.toOneTarget(k).name + " whose generated key is assigned later in the same flush "
                            + "(a cycle through other tables: post-update across tables is not supported yet); flush() after "
                            + "adding the referenced object, then set the reference");
    }

    /** Inserts a run of objects with unset generated ids and empties it for the next. */
    private void insertRun(Mapper info, List<Attribute> cols, RowsInsert ordered, List<InstanceState> run, List<Object[]> values) {
        insertGenerated(info, cols, ordered, run, values);
        run.clear();
        values.clear();
    }

    /**
     * The insert of {@code cols} returning the generated id (in row order: Core's key strategy),
     * planned once, when there is a column to insert; else null. Sets
     * {@link #statement} for the error message.
     */
    private RowsInsert orderedInsert(Mapper info, List<Attribute> cols, int rows) {
        Column<Object> idCol = info.generatedId.column();
        if (cols.isEmpty()) return null;
        Column<?>[] columns = columnsOf(cols);
        statement = Sql.insert(info.table).columns(columns);
        return conn.rowsInsert(Sql.insert(info.table), columns, positionsOf(cols), idCol);
    }

    /** Runs {@code ins} on {@code rows}: one key per row, in row order, or an error naming the table. */
    private static Object[] keysOf(RowsInsert ins, Mapper info, List<Object[]> rows) {
        Object[] keys = ins.keys(rows);
        if (keys.length != rows.size())
            throw new IllegalStateException("INSERT into " + info.table.name() + " returned " + keys.length + " keys for "
                    + rows.size() + " rows");
        return keys;
    }

    /** Makes room, in the level's undo list and the identity map's log, for {@code n} inserted objects. */
    private void expectInserted(int n) {
        s.uow().level().expectTouched(n);
        s.uow().identityMap.expectAppended(n);
    }


    /** The columns an INSERT writes: insertable attributes, without the generated id when the database assigns it. */
    private static List<Attribute> insertColumns(Mapper info, boolean withoutGeneratedId) {
        List<Attribute> cols = new ArrayList<>();
        for (Attribute a : info.attrs) {
            if (!a.insertable() || a.column().table() != info.table) continue; // JOINED: subclass tables follow
            if (withoutGeneratedId && a == info.generatedId) continue;
            cols.add(a);
        }
        return cols;
    }

    /** The values of {@code cols} for each object, in order: the rows of an {@link Connection#insertRows}. */
    private static List<Object[]> rowsOf(Mapper info, List<InstanceState> states, List<Attribute> cols) {
        int n = cols.size();
        int[] idx = positionsOf(cols);
        Object[][] rows = new Object[states.size()][];
        for (int r = 0; r < rows.length; r++) {
            Object obj = states.get(r).obj();
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) row[i] = info.get(obj, idx[i]);
            rows[r] = row;
        }
        return Arrays.asList(rows);
    }

    /** Where each column's value sits in an object's attribute values (its snapshot). */
    private static int[] positionsOf(List<Attribute> cols) {
        int[] positions = new int[cols.size()];
        for (int i = 0; i < positions.length; i++) positions[i] = cols.get(i).index();
        return positions;
    }

    private static Column<?>[] columnsOf(List<Attribute> cols) {
        Column<?>[] columns = new Column<?>[cols.size()];
        for (int i = 0; i < columns.length; i++) columns[i] = cols.get(i).column();
        return columns;
    }

    private void insertKnown(Mapper info, List<InstanceState> list) {
        List<Attribute> cols = insertColumns(info, false);
        if (deferred != null) {
            // rows of a cycle: the reference cut by the plan is written NULL now and set by writeDeferred
            List<Object[]> rows = rowsOf(info, list, cols);
            Map<InstanceState, Integer> at = new HashMap<>();
            for (int r = 0; r < list.size(); r++) at.put(list.get(r), r);
            for (FlushPlan.Deferred<InstanceState> d : deferred) {
                Integer r = at.get(d.row());
                if (r == null) continue;
                for (int a : info.selfReferences().local[d.reference()]) {
                    int p = cols.indexOf(info.attrs[a]);
                    if (p >= 0) rows.get(r)[p] = null; // a column the INSERT does not write needs no cut
                }
            }
            statement = Sql.insert(info.table).columns(columnsOf(cols));
            conn.insertRows(Sql.insert(info.table), columnsOf(cols), rows);
            for (InstanceState st : list) inserted(st);
            return;
        }
        if (cols.isEmpty()) {
            for (InstanceState st : list) {
                Insert ins = Sql.insert(info.table).defaultValues();
                statement = ins;
                conn.execute(ins);
                inserted(st);
            }
            return;
        }
        statement = Sql.insert(info.table).columns(columnsOf(cols));
        conn.insertRows(Sql.insert(info.table), columnsOf(cols), rowsOf(info, list, cols));
        for (InstanceState st : list) inserted(st);
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
                u = Mapper.setValue(u, (Column) info.attrs[a].column(), toNull ? null : info.get(st.obj(), a));
            u = u.where(info.pkEquals(st.key()));
            statement = u;
            if (conn.execute(u) != 1)
                throw new StaleDataException("UPDATE of " + st.key() + " to " + (toNull ? "clear" : "set") + " its reference"
                        + " matched no row (deleted by another transaction?)");
        }
    }

    /**
     * Inserts objects whose id the database generates and assigns the ids, through one Core plan
     * whose key strategy returns the keys in row order on every database (RETURNING order, sorted
     * identity keys, JDBC generated keys, sentinel matching, or one row per statement).
     * {@code ordered}: the insert planned by {@link #insert} (else null). {@code read}: each object's
     * attribute values, read for this flush (they become the snapshots).
     */
    private void insertGenerated(Mapper info, List<Attribute> cols, RowsInsert ordered, List<InstanceState> list,
                                 List<Object[]> read) {
        Column<Object> idCol = info.generatedId.column();
        if (cols.isEmpty()) {
            for (InstanceState st : list) {
                Insert ins = Sql.insert(info.table).defaultValues();
                statement = ins;
                List<Object> keys = conn.insertReturningKeys(ins, idCol);
                if (keys.size() != 1)
                    throw new IllegalStateException("INSERT into " + info.table.name() + " returned " + keys.size() + " keys for one row");
                assignKey(st, keys.get(0));
            }
            return;
        }
        Column<?>[] columns = columnsOf(cols);
        statement = Sql.insert(info.table).columns(columns);
        // one plan, which returns the key column in row order on every database (Core's key strategy:
        // RETURNING order, sorted identity keys, generated keys, sentinel matching or a row per statement);
        // each object's values, read once, are bound as the insert's rows (by position) and kept as its snapshot
        RowsInsert ins = ordered != null ? ordered : orderedInsert(info, cols, list.size());
        assignKeysInOrder(info, list, read, keysOf(ins, info, read));
    }

    /**
     * Gives each object of an insert its key ({@code keys} in row order) and makes it persistent, with
     * the values read for the insert, the id now among them, as its snapshot. Assigning the key
     * touched the object in the current level already, so {@link #persistent} follows directly.
     */
    private void assignKeysInOrder(Mapper info, List<InstanceState> list, List<Object[]> read, Object[] keys) {
        int idIndex = info.generatedId.index();
        for (int i = 0; i < keys.length; i++) {
            InstanceState st = list.get(i);
            Object[] snapshot = read.get(i);
            snapshot[idIndex] = assignKeyOnly(st, keys[i]);
            persistent(st, snapshot);
        }
    }

    private void assignKey(InstanceState st, Object key) {
        assignKeyOnly(st, key);
        inserted(st);
    }

    /** Sets the generated id the database returned on the object (undoably); returns it as the attribute's type. */
    private Object assignKeyOnly(InstanceState st, Object key) {
        if (key == null) throw new IllegalStateException("the database returned no generated key for " + st.info.name);
        Object id = convertKey(key, st.info.generatedId.javaType());
        s.uow().assignGeneratedId(st, id);
        return id;
    }

    /** Makes a just-inserted object persistent. */
    private void inserted(InstanceState st) { inserted(st, st.info.read(st.obj())); }

    /** {@link #inserted(InstanceState)} with the object's values already read ({@code values} becomes its snapshot). */
    private void inserted(InstanceState st, Object[] values) {
        s.uow().inserted(st, values, false);
        fire(Callbacks.POST_PERSIST, st);
        if (s.events().listens(st.info)) event(FlushEvents.AFTER_INSERT, st);
    }

    /** {@link #inserted(InstanceState, Object[])} for an object whose generated id was just assigned (so already touched). */
    private void persistent(InstanceState st, Object[] values) {
        s.uow().inserted(st, values, true);
        fire(Callbacks.POST_PERSIST, st);
        if (s.events().listens(st.info)) event(FlushEvents.AFTER_INSERT, st);
    }

    private void assignFromSequence(Mapper info, Attribute gen, List<InstanceState> list) {
        List<InstanceState> need = new ArrayList<>();
        for (InstanceState st : list) if (info.idUnset(st.obj())) need.add(st);
        org.athanor.core.schema.Sequence seq = gen.sequence();
        if (seq == null)
            throw new IllegalStateException(info.name + "." + gen.name() + " uses SEQUENCE generation but names no sequence");
        for (int from = 0; from < need.size(); from += SEQUENCE_BATCH) {
            List<InstanceState> chunk = need.subList(from, Math.min(need.size(), from + SEQUENCE_BATCH));
            List<Expression<?>> calls = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) calls.add(Sql.nextValue(seq)); // the dialect spells it
            var select = Sql.select(calls);
            statement = select;
            Row r = conn.execute(select).one();
            for (int i = 0; i < chunk.size(); i++)
                s.uow().writeAttribute(chunk.get(i), gen.index(), convertKey(r.get(i), gen.javaType()));
        }
    }

    static Object convertKey(Object key, Class<?> type) {
        if (key.getClass() == type || type.isInstance(key)) return key;
        if (key instanceof Number n && isNumeric(type)) return integral(n.longValue(), type);
        throw new IllegalStateException("generated key " + key + " (" + key.getClass().getName() + ") does not fit " + type.getName());
    }

    private static boolean isNumeric(Class<?> c) { return Mapper.isIntegral(c); }

    static Object integral(long v, Class<?> type) {
        if (type == Long.class) return v;
        if (type == Integer.class) return Math.toIntExact(v);
        if (type == Short.class) {
            if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) throw new ArithmeticException("value " + v + " overflows a short");
            return (short) v;
        }
        throw new IllegalArgumentException("not an integer type: " + type.getName());
    }

    // ---- UPDATE ------------------------------------------------------------------------------------

    @SuppressWarnings({"unchecked", "rawtypes"})
    void update(Mapper info, List<Dirty> list) {
        entity = info;
        operation = "updating";
        // the dirty check ran before this flush's inserts: a reference to an object inserted since
        // was read as unassigned, and has its key now
        if (info.toOnes.length > 0)
            for (Dirty d : list)
                for (int k = 0; k < info.toOnes.length; k++) d.values()[info.plain + k] = info.referencedKey(d.state().obj(), k);
        if (info.versionIdx >= 0) {
            for (Dirty d : list) updateVersioned(info, d);
            return;
        }
        // batch objects with the same changed-column set into one executemany
        Map<String, List<Dirty>> groups = new TreeMap<>();
        for (Dirty d : list) groups.computeIfAbsent(Arrays.toString(d.changed()), k -> new ArrayList<>()).add(d);
        for (List<Dirty> group : groups.values())
            // JOINED inheritance: one UPDATE per table holding changed columns (one table otherwise)
            for (Table table : info.tables()) {
                int[] changed = JoinedTables.in(info, table, group.get(0).changed());
                if (changed.length > 0) updateGroup(info, table, group, changed);
            }
        for (List<Dirty> group : groups.values()) for (Dirty d : group) updated(d, -1, null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void updateGroup(Mapper info, Table table, List<Dirty> group, int[] changed) {
        Update u = Sql.update(table);
        for (int i : changed) {
            Column c = info.attrs[i].column();
            u = Mapper.setExpression(u, c, Sql.bindParam("v" + i, c.type()));
        }
        Column<?>[] keys = JoinedTables.keyColumns(info, table);
        for (int k = 0; k < keys.length; k++) {
            Column c = keys[k];
            u = u.where(c.eq((Expression) Sql.bindParam("k" + k, c.type())));
        }
        List<Map<String, Object>> params = new ArrayList<>(group.size());
        for (Dirty d : group) {
            Map<String, Object> p = new HashMap<>();
            for (int i : changed) p.put("v" + i, d.values()[i]);
            for (int k = 0; k < info.idIdx.length; k++) p.put("k" + k, d.state().key().value(k));
            params.add(p);
        }
        statement = u;
        long n = executeRows(u, params);
        if (n >= 0 && n != group.size()) {
            List<Object> ids = group.stream().limit(10).map(d -> (Object) d.state().key()).toList();
            throw new StaleDataException("UPDATE of " + info.name + " expected to match " + group.size() + " row(s) but matched " + n
                    + " (rows deleted by another transaction?); objects: " + ids + (group.size() > 10 ? " ..." : ""));
        }
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
        Object next = Versions.next(expected, info.attrs[vi].javaType());
        Update u = Sql.update(info.table);
        for (int i : JoinedTables.in(info, info.table, d.changed())) u = Mapper.setValue(u, info.attrs[i].column(), d.values()[i]);
        Column vc = info.attrs[vi].column();
        u = Mapper.setValue(u, vc, next).where(info.pkEquals(st.key()), vc.eq(expected));
        statement = u;
        int n = conn.execute(u);
        if (n != 1)
            throw new StaleDataException("UPDATE of " + st.key() + " matched no row with version " + expected
                    + ": another transaction changed or deleted it");
        // JOINED inheritance: the subclass tables' changed columns, the version checked in the base row above
        for (int t = 1; t < info.tables().size(); t++) {
            int[] changed = JoinedTables.in(info, info.tables().get(t), d.changed());
            if (changed.length > 0) updateGroup(info, info.tables().get(t), List.of(d), changed);
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
                Delete del = Sql.deleteFrom(info.table).where(info.pkEquals(st.key()), vc.eq(expected));
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
