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
 * The INSERT part of a flush's emit step (SQLAlchemy's persistence.py, _emit_insert_statements): one
 * entity's new rows as Core inserts, keys assigned by RETURNING, a sequence or Core's key strategy, and
 * each object made persistent through the unit of work. The flush context (connection, entity,
 * statement for the error message) is the {@link Persistence}'s. Moved out of Persistence unchanged.
 */
final class Inserts {
    private static final int SEQUENCE_BATCH = 50;

    private final Persistence p;
    private final Flusher.Host s;
    /** The owner key columns of {@code @OneToMany @JoinColumn} collections the current table's INSERT carries; null: none. */
    private KeyColumnLinks.Carried carried;

    Inserts(Persistence p, Flusher.Host s) {
        this.p = p;
        this.s = s;
    }

    /** Inserts the objects' rows: into the base table, then (JOINED inheritance) each subclass table, parents first. */
    void insert(Mapper info, List<InstanceState> list) {
        insertBaseRows(info, list);
        for (int t = 1; t < info.tables().size(); t++) {
            Table table = info.tables().get(t);
            List<Attribute> cols = JoinedTables.columns(info, table, false);
            Column<?>[] columns = JoinedTables.keyThenColumns(table, cols);
            p.statement = Sql.insert(table).columns(columns);
            p.conn.insertRows(Sql.insert(table), columns, JoinedTables.rows(info, list, cols));
        }
    }

    private void insertBaseRows(Mapper info, List<InstanceState> list) {
        p.entity = info;
        p.operation = "inserting";
        p.statement = null;
        if (info.toOnes.length > 0) {
            checkReferencesAssigned(info, list);
            if (info.mapsIds) MapsIds.fill(s.uow(), info, list);
        }
        if (info.versionIdx >= 0)
            for (InstanceState st : list) {
                Object v = info.get(st.obj(), info.versionIdx), seeded = Versions.seed(v, info.attrs[info.versionIdx].javaType(), s.versionClock());
                if (seeded != v) s.uow().writeAttribute(st, info.versionIdx, seeded);
            }
        Attribute gen = info.generatedId;
        if (gen != null && gen.generation() == GenerationType.SEQUENCE) assignFromSequence(info, gen, list);
        InsertShape shape = s.updates().insertShape(info);
        // a row with only a generated key is inserted with DEFAULT VALUES: its collection key is then set by an UPDATE
        carried = shape.cols().isEmpty() ? null : KeyColumnLinks.carried(s.uow(), info, list);
        if (!info.identityGenerated()) {
            insertKnown(info, list);
            return;
        }
        List<Attribute> cols = shape.cols();
        // keys in row order: one insert, planned once, takes the objects a statement's worth at a time
        RowsInsert ordered = orderedInsert(info, shape);
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
                if (run.size() == chunk) insertRun(info, shape, ordered, run, values);
            } else {
                if (!run.isEmpty()) insertRun(info, shape, ordered, run, values);
                known.add(st);
            }
        }
        if (!run.isEmpty()) insertGenerated(info, shape, ordered, run, values);
        if (!known.isEmpty()) insertKnown(info, known);
    }

    /**
     * The row plan ({@link RowPlan}) inserts every referenced new row of the flush before the rows
     * referencing it, or writes the reference NULL and sets it after (a cycle): a key still unassigned
     * here belongs to an object this flush does not insert (not added to the session).
     */
    private static void checkReferencesAssigned(Mapper info, List<InstanceState> list) {
        for (InstanceState st : list)
            for (int k = 0; k < info.toOnes.length; k++)
                if (info.referencedKey(st.obj(), k) == Mapper.UNASSIGNED_KEY)
                    throw new IllegalStateException(info.name + "." + info.toOnes[k].name() + " references a new "
                            + info.toOneTarget(k).name + " object whose generated key is not assigned and which this flush does"
                            + " not insert (it is not in the session); add it to the session, or flush it first");
    }

    /** Inserts a run of objects with unset generated ids and empties it for the next. */
    private void insertRun(Mapper info, InsertShape shape, RowsInsert ordered, List<InstanceState> run, List<Object[]> values) {
        insertGenerated(info, shape, ordered, run, values);
        run.clear();
        values.clear();
    }

    /**
     * The insert of {@code cols} returning the generated id (in row order: Core's key strategy),
     * planned once, when there is a column to insert; else null. Sets
     * {@link Persistence#statement} for the error message.
     */
    private RowsInsert orderedInsert(Mapper info, InsertShape shape) {
        Column<Object> idCol = info.generatedId.column();
        if (shape.cols().isEmpty()) return null;
        p.statement = statementOf(info, shape);
        Column<?>[] columns = withCarried(shape.columns());
        int[] positions = carried == null ? shape.positions() : carried.positions(shape.positions(), info.attrs.length);
        return p.conn.rowsInsert(shape.base(), columns, positions, idCol);
    }

    /** The shape's statement with the carried key columns, if any (the statement a failure names). */
    private Insert statementOf(Mapper info, InsertShape shape) {
        return carried == null ? shape.statement() : Sql.insert(info.table).columns(withCarried(shape.columns()));
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
        if (p.deferred != null) {
            // rows of a cycle: the reference cut by the plan is written NULL now and set by writeDeferred
            List<Object[]> rows = withCarried(list, rowsOf(info, list, cols));
            Map<InstanceState, Integer> at = new HashMap<>();
            for (int r = 0; r < list.size(); r++) at.put(list.get(r), r);
            for (FlushPlan.Deferred<InstanceState> d : p.deferred) {
                Integer r = at.get(d.row());
                if (r == null) continue;
                for (int a : info.selfReferences().local[d.reference()]) {
                    int col = cols.indexOf(info.attrs[a]);
                    if (col >= 0) rows.get(r)[col] = null; // a column the INSERT does not write needs no cut
                }
            }
            p.statement = Sql.insert(info.table).columns(withCarried(columnsOf(cols)));
            p.conn.insertRows(Sql.insert(info.table), withCarried(columnsOf(cols)), rows);
            for (InstanceState st : list) inserted(st);
            return;
        }
        if (cols.isEmpty()) {
            for (InstanceState st : list) {
                Insert ins = Sql.insert(info.table).defaultValues();
                p.statement = ins;
                p.conn.execute(ins);
                inserted(st);
            }
            return;
        }
        p.statement = Sql.insert(info.table).columns(withCarried(columnsOf(cols)));
        p.conn.insertRows(Sql.insert(info.table), withCarried(columnsOf(cols)), withCarried(list, rowsOf(info, list, cols)));
        for (InstanceState st : list) inserted(st);
    }

    private Column<?>[] withCarried(Column<?>[] columns) { return carried == null ? columns : carried.after(columns); }

    private List<Object[]> withCarried(List<InstanceState> states, List<Object[]> rows) {
        return carried == null ? rows : carried.extend(states, rows);
    }

    /**
     * Inserts objects whose id the database generates and assigns the ids, through one Core plan
     * whose key strategy returns the keys in row order on every database (RETURNING order, sorted
     * identity keys, JDBC generated keys, sentinel matching, or one row per statement).
     * {@code ordered}: the insert planned by {@link #insert} (else null). {@code read}: each object's
     * attribute values, read for this flush (they become the snapshots).
     */
    private void insertGenerated(Mapper info, InsertShape shape, RowsInsert ordered, List<InstanceState> list,
                                 List<Object[]> read) {
        Column<Object> idCol = info.generatedId.column();
        if (shape.cols().isEmpty()) {
            for (InstanceState st : list) {
                Insert ins = Sql.insert(info.table).defaultValues();
                p.statement = ins;
                List<Object> keys = p.conn.insertReturningKeys(ins, idCol);
                if (keys.size() != 1)
                    throw new IllegalStateException("INSERT into " + info.table.name() + " returned " + keys.size() + " keys for one row");
                assignKey(st, keys.get(0));
            }
            return;
        }
        p.statement = statementOf(info, shape);
        // one plan, which returns the key column in row order on every database (Core's key strategy:
        // RETURNING order, sorted identity keys, generated keys, sentinel matching or a row per statement);
        // each object's values, read once, are bound as the insert's rows (by position) and kept as its snapshot
        RowsInsert ins = ordered != null ? ordered : orderedInsert(info, shape);
        assignKeysInOrder(info, list, read, keysOf(ins, info, carried == null ? read : carried.extend(list, read)));
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
        p.fire(Callbacks.POST_PERSIST, st);
        if (s.events().listens(st.info)) p.event(FlushEvents.AFTER_INSERT, st);
    }

    /** {@link #inserted(InstanceState, Object[])} for an object whose generated id was just assigned (so already touched). */
    private void persistent(InstanceState st, Object[] values) {
        s.uow().inserted(st, values, true);
        p.fire(Callbacks.POST_PERSIST, st);
        if (s.events().listens(st.info)) p.event(FlushEvents.AFTER_INSERT, st);
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
            p.statement = select;
            Row r = p.conn.execute(select).one();
            for (int i = 0; i < chunk.size(); i++)
                s.uow().writeAttribute(chunk.get(i), gen.index(), convertKey(r.get(i), gen.javaType()));
        }
    }

    static Object convertKey(Object key, Class<?> type) {
        if (key.getClass() == type || type.isInstance(key)) return key;
        if (key instanceof Number n && Values.isIntegral(type)) return integral(n.longValue(), type);
        throw new IllegalStateException("generated key " + key + " (" + key.getClass().getName() + ") does not fit " + type.getName());
    }

    static Object integral(long v, Class<?> type) {
        if (type == Long.class) return v;
        if (type == Integer.class) return Math.toIntExact(v);
        if (type == Short.class) {
            if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) throw new ArithmeticException("value " + v + " overflows a short");
            return (short) v;
        }
        throw new IllegalArgumentException("not an integer type: " + type.getName());
    }

}
