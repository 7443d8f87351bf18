package org.athanor.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.Result;
import org.athanor.core.sql.Dml;

/**
 * A unit of work: the objects you load and add, one Java object per database row (the identity
 * map), and the transaction their changes go into (SQLAlchemy's {@code Session}).
 *
 * <pre>{@code
 * try (Session session = sessions.openSession()) {
 *     session.add(new User("Alice", 31));
 *     User bob = session.query(User.class).filterBy("name", "Bob").one();
 *     bob.setAge(42);                        // found by dirty checking at the next flush
 *     session.commit();                      // INSERT users ...; UPDATE users SET age = ? WHERE id = ?
 * }
 * }</pre>
 *
 * <h2>Transactions and connections</h2>
 * The session takes one Core {@link Connection} from the engine on first use and keeps it until
 * {@link #commit()}, {@link #rollback()} or {@link #close()}; the next use begins a new transaction.
 * {@link #beginNested()} opens a savepoint.
 *
 * <h2>Flushing</h2>
 * {@link #flush()} sends pending work as Core statements: INSERTs of added objects (one multi-row
 * statement per table, ids returned and assigned), UPDATEs of the columns whose values differ from the
 * snapshot taken at load or last flush (statements with the same column set batched), DELETEs of
 * deleted objects; parents are inserted before children and children deleted before parents,
 * following the mapped tables' foreign keys. With autoflush (the default) queries and {@code get}
 * misses flush first, so they see your changes. A flush that fails rolls the transaction back, puts
 * every object back as it was before the transaction's flushes (pending objects pending without the
 * ids the flush assigned, changed objects still changed) and throws {@link FlushException}; call
 * {@link #rollback()} before using the session again. (Inside a savepoint, only the savepoint is
 * rolled back: see below.)
 *
 * <h2>Rollback</h2>
 * {@link #rollback()} undoes what the transaction's flushes did, not what you asked for: objects
 * inserted in it are pending again, objects deleted in it are persistent and still marked for
 * deletion, changed objects keep their changes (their snapshots go back to the database's values);
 * an object added and then deleted within the transaction becomes transient. Objects loaded or
 * re-read in the transaction may hold data the rollback discarded, so they are expired (see below):
 * attributes you have not changed since they were read take the database's values when the session
 * next hands them out.
 *
 * <h2>Savepoints</h2>
 * {@link #beginNested()} flushes, then opens a savepoint. Rolling the savepoint back (or a flush
 * that fails while it is open) discards everything since it began, as SQLAlchemy's nested rollback
 * does: the database goes back to the savepoint, objects added since are transient again (their
 * generated ids cleared), deletions asked for since are withdrawn, and attributes changed since take
 * their values at the savepoint back. The outer transaction goes on; a failed flush inside a
 * savepoint does not need {@link #rollback()}:
 * <pre>{@code
 * for (User u : incoming) {
 *     try (SessionSavepoint sp = session.beginNested()) {
 *         session.add(u);
 *         sp.commit();                  // flushes: a duplicate key fails here
 *     } catch (FlushException duplicate) {
 *         // u is transient again; the users before it are still in the transaction
 *     }
 * }
 * session.commit();
 * }</pre>
 *
 * <h2>Expire on commit: what we chose, and why</h2>
 * Entities are plain classes with field access, so the session cannot intercept a field read to
 * reload it (SQLAlchemy's lazy reload of expired attributes needs instrumented attributes, which
 * in Java means bytecode enhancement, which Athanor avoids). Instead, with {@code expireOnCommit}
 * (the default), commit marks every persistent object <em>expired</em>; the object keeps its field
 * values, and the next time this session hands it out — from {@link #get}, a query, or
 * {@link #refresh} — it is re-read from the database first: attributes you have not changed since
 * take the database's values, attributes you changed keep yours (and stay dirty). So a {@code get}
 * of an expired object runs one SELECT; an object you only keep a reference to is not re-read until
 * you ask the session for it again or call {@code refresh}.
 *
 * <h2>Costs to know</h2>
 * Without bytecode enhancement the session cannot see a field being set, so finding changed objects
 * compares every persistent object with its snapshot: each flush (and so each autoflush before a
 * query or a {@code get} miss) is linear in the number of objects the session holds. For long
 * read-mostly sessions over many objects, turn autoflush off or {@link #expunge} what you are done with.
 *
 * <h2>Threads</h2>
 * A session is for one thread at a time. The first thread to use it owns it until the transaction
 * ends (commit, rollback, close); another thread calling it meanwhile gets an
 * {@link IllegalStateException} naming both threads. After the transaction ends the session may be
 * handed to another thread. (The check is cheap and not a memory barrier: hand sessions over safely.)
 */
public final class Session implements AutoCloseable {
    private final SessionFactory factory;
    private final Engine engine;
    private final Registry registry;
    final boolean autoflush;
    private final boolean expireOnCommit;

    /** Attached objects by identity (see {@link AttachedObjects}). */
    private final AttachedObjects attached = new AttachedObjects();
    /** Persistent objects by primary key. */
    final StateTable identityMap = new StateTable();
    final PendingList pending = new PendingList();
    final LinkedHashSet<InstanceState> marked = new LinkedHashSet<>();
    /** Transaction levels: the outer transaction, then one per open savepoint. */
    final List<TxLevel> levels = new ArrayList<>(2);
    private long addSeq;
    /** Moves on when a transaction level begins and at commit; loads stamp objects with it. */
    long epoch = 1;
    private long expiredBefore;
    /** Whether a state may still be {@link InstanceState#unverified} (cleared by a flush that finds none). */
    boolean mayHoldUnverified;
    /** Whether {@link Tracking} lists this session as open (from the first object attached until close). */
    private boolean registered;

    private Class<?> lastAddedType;
    private EntityInfo lastAddedInfo;

    private Connection connection;
    private volatile Thread owner;
    private boolean closed;
    boolean flushing;
    private RuntimeException failure;

    Session(SessionFactory factory, Engine engine, Registry registry, boolean autoflush, boolean expireOnCommit) {
        this.factory = factory;
        this.engine = engine;
        this.registry = registry;
        this.autoflush = autoflush;
        this.expireOnCommit = expireOnCommit;
        levels.add(newLevel(null));
    }

    private TxLevel newLevel(org.athanor.core.engine.NestedTransaction savepoint) { return new TxLevel(savepoint, ++epoch); }

    public SessionFactory factory() { return factory; }
    public Engine engine() { return engine; }
    public Registry registry() { return registry; }

    // ---- guards --------------------------------------------------------------------------------------

    /**
     * Checked on entry to every public method: open, this thread's, and not waiting for rollback().
     * A batch added by {@link #addAll} and not attached yet is attached here, so every method but
     * flush and commit sees the session as addAll left it.
     */
    void enter() {
        enterKeepingBatch();
        if (batch != null) attachBatch(0);
    }

    /** {@link #enter()} for flush and commit, which insert an unattached batch directly (see {@link Flusher}). */
    private void enterKeepingBatch() {
        enterAllowFailed();
        if (failure != null)
            throw new IllegalStateException("this session's transaction was rolled back because a flush failed ("
                    + failure.getMessage() + "); call rollback() before using the session again", failure);
    }

    private void enterAllowFailed() {
        if (closed) throw new IllegalStateException("this session is closed; open a new one with SessionFactory.openSession()");
        Thread t = Thread.currentThread();
        Thread o = owner;
        if (o == null) owner = t;
        else if (o != t)
            throw new IllegalStateException("session used from thread '" + t.getName() + "' while thread '" + o.getName()
                    + "' is using it; a Session is for one thread at a time (give each thread its own, or hand it over"
                    + " after commit/rollback)");
    }

    /** The session's connection, taken from the engine on first use in a transaction. */
    Connection connection() {
        if (connection == null) connection = engine.connect();
        return connection;
    }

    boolean inTransaction() { return connection != null; }

    TxLevel level() { return levels.get(levels.size() - 1); }

    // ---- adding, deleting, expunging -----------------------------------------------------------------

    /**
     * Makes a transient object pending (inserted at the next flush); re-attaches a detached one as
     * persistent (its columns are all written at the next flush, since the session cannot know which
     * changed); un-marks an object marked by {@link #delete}. Adding an object already pending or
     * persistent here does nothing. An object of an entity with a generated id counts as detached
     * when its id is set (see {@link Athanor#inspect}); the next flush checks with one SELECT per
     * entity that its row exists, and inserts it with its id when it does not (an id you chose).
     */
    public void add(Object entity) {
        enter();
        addInternal(entity);
    }

    /** {@link #add} for each object, in order (which is also the INSERT order within a table). */
    public void addAll(Collection<?> entities) {
        enter();
        if (attached.count() == 0 && entities.size() > 1 && entities.size() <= 1 << 28) addAllToEmpty(entities.toArray());
        else for (Object e : entities) addInternal(e);
    }

    /**
     * {@link #addAll} into a session holding no object: the same outcome, without building the
     * by-object index. No object of the batch can be attached already except an earlier element,
     * so repeats are found with a table of this batch alone, and the states go to the index's log
     * ({@link AttachedObjects}), hashed into it only if something later asks by object. When the
     * objects are all new ones of one entity whose ids the database generates (the bulk insert),
     * they are not given states here at all: they are kept as the session's {@link #batch}, which
     * the next use of the session attaches ({@link #enter()}) or a flush inserts directly.
     */
    private void addAllToEmpty(Object[] entities) {
        int n = entities.length;
        // open addressing on the identity hash, at most half full
        int bits = 32 - Integer.numberOfLeadingZeros(2 * n - 1);
        Object[] seen = new Object[1 << bits];
        int mask = seen.length - 1, shift = 32 - bits;
        // new objects of one entity whose ids the database generates, in a session no other open
        // session can share objects with: kept as a batch (entities[0..kept)) and given states only
        // when the session is next used, or by the flush that inserts them
        boolean asBatch = Tracking.openCount() <= (registered ? 1 : 0);
        if (!asBatch) expectNew(n);
        EntityInfo info = null;
        int kept = 0;
        for (Object e : entities) {
            if (e == null) {
                if (asBatch) keepBatch(entities, kept, info); // the objects before it stay added, as with add()
                throw new IllegalArgumentException("add(null): give an entity object");
            }
            int i = (System.identityHashCode(e) * 0x9E3779B9) >>> shift;
            boolean repeat = false;
            for (Object c; (c = seen[i]) != null; i = (i + 1) & mask)
                if (c == e) { repeat = true; break; }
            if (repeat) continue; // added earlier in this call: adding it again does nothing
            seen[i] = e;
            if (asBatch) {
                if (info == null) {
                    info = registry.info(e.getClass());
                    asBatch = info.insertWritesOnlyTheId();
                } else asBatch = e.getClass() == info.type;
                asBatch &= info.idUnset(e);
                if (asBatch) {
                    entities[kept++] = e;
                    continue;
                }
                // not all alike after all: those kept so far are added one by one, in order, and so is the rest
                expectNew(n);
                for (int k = 0; k < kept; k++) addNew(entities[k], false);
            }
            addNew(e, false);
        }
        if (asBatch) keepBatch(entities, kept, info);
    }

    /**
     * An addAll into an empty session not attached yet (see {@link #addAllToEmpty}): its objects
     * ({@code batch[0..batchSize)}, repeats removed, in order), all new objects of {@link #batchInfo},
     * and the add sequence number of the first. Null when there is none.
     */
    Object[] batch;
    int batchSize;
    EntityInfo batchInfo;
    private long batchSeq;

    private void keepBatch(Object[] objects, int n, EntityInfo info) {
        if (n == 0) return;
        batch = objects;
        batchSize = n;
        batchInfo = info;
        batchSeq = addSeq;
        addSeq += n;
        register();
    }

    /** A state for object {@code i} of the batch, as {@link #addNew} would have made it (not attached, not pending yet). */
    InstanceState batchState(int i) {
        InstanceState s = new InstanceState(batch[i], batchInfo);
        s.addedSeq = batchSeq + i;
        return s;
    }

    /** Makes room for {@code n} more attached objects (a batch's flush). */
    void expectAttached(int n) { attached.expectLog(n); }

    /** Attaches a state made by the flush that inserted a batch object (see {@link Flusher}). */
    void attachInserted(InstanceState s) { attach(s, s.obj, false); }

    /**
     * Gives the batch's objects from {@code from} on their pending states, as {@link #addAll} would
     * have (those before it were inserted by a flush, which made their states), and ends the batch.
     */
    void attachBatch(int from) {
        int n = batchSize;
        expectNew(n - from);
        for (int i = from; i < n; i++) attachPending(batchState(i), false);
        endBatch();
    }

    /** Forgets the batch: its objects are attached (or, at close, transient again). */
    void endBatch() {
        batch = null;
        batchSize = 0;
        batchInfo = null;
    }

    private InstanceState addInternal(Object entity) {
        if (entity == null) throw new IllegalArgumentException("add(null): give an entity object");
        InstanceState s = stateOf(entity);
        if (s != null) {
            if (s.status == InstanceState.Status.DELETED)
                throw new IllegalStateException(describe(s) + " was deleted by a flush in this transaction; commit or roll back"
                        + " before adding it again");
            if (s.marked) { s.marked = false; marked.remove(s); }
            return s;
        }
        return addNew(entity, true);
    }

    /** Attaches an object this session does not hold: pending, or persistent when it is detached. */
    private InstanceState addNew(Object entity, boolean index) {
        Class<?> type = entity.getClass();
        EntityInfo info;
        if (type == lastAddedType) info = lastAddedInfo; // addAll of one class: one registry lookup
        else {
            info = registry.info(type);
            lastAddedType = type;
            lastAddedInfo = info;
        }
        checkNotInOtherSession(entity);
        InstanceState s = new InstanceState(entity, info);
        s.addedSeq = addSeq++;
        IdKey key = info.keyOfObject(entity);
        if (key != null && info.isDetachedOutsideSessions(entity)) {
            InstanceState other = identityMap.get(key);
            if (other != null)
                throw new IllegalStateException("cannot add detached " + key + ": this session already holds another object for"
                        + " that row; use merge() to copy its state onto the session's object");
            s.status = InstanceState.Status.PERSISTENT;
            s.setKey(key);
            s.unverified = !info.tracksDetached;
            mayHoldUnverified |= s.unverified;
            s.snapshot = null; // unknown: every updatable column is written at the next flush
            s.loadedEpoch = epoch;
            identityMap.put(s);
            if (info.tracksDetached) Tracking.attached(entity);
            attach(s, entity, index);
        } else attachPending(s, index);
        return s;
    }

    private void checkNotInOtherSession(Object entity) {
        if (Tracking.openCount() <= (registered ? 1 : 0)) return; // no other session holds objects
        for (Session other : Tracking.openSessions()) {
            if (other == this) continue;
            InstanceInfo i = other.inspectIfOwned(entity);
            if (i != null)
                throw new IllegalStateException(entity.getClass().getSimpleName() + " object is already " + i.state()
                        + " in another open session; expunge it there first, or use merge() to copy it into this one");
        }
    }

    /**
     * Marks a persistent object for deletion: its DELETE runs at the next flush (it is then
     * {@link ObjectState#DELETED}, and DETACHED after commit). A detached object is re-attached
     * first. Deleting a pending object is an error: use {@link #expunge} to drop it.
     */
    public void delete(Object entity) {
        enter();
        if (entity == null) throw new IllegalArgumentException("delete(null): give an entity object");
        InstanceState s = stateOf(entity);
        if (s == null) {
            if (!registry.info(entity.getClass()).isDetachedOutsideSessions(entity))
                throw new IllegalStateException(entity.getClass().getSimpleName() + " object is transient (never saved); there is"
                        + " nothing to delete");
            s = addInternal(entity);
        }
        switch (s.status) {
            case PENDING -> throw new IllegalStateException(describe(s) + " is pending (not inserted yet); use expunge() to drop it");
            case DELETED -> { /* already deleted in this transaction */ }
            case PERSISTENT -> { if (!s.marked) { s.marked = true; marked.add(s); } }
        }
    }

    /** Removes one object from the session: pending objects become transient, others detached. */
    public void expunge(Object entity) {
        enter();
        InstanceState s = stateOf(entity);
        if (s == null) throw new IllegalArgumentException(describeObject(entity) + " is not in this session");
        detach(s);
    }

    /** Removes every object from the session (see {@link #expunge}). */
    public void expungeAll() {
        enter();
        detachEverything(false);
    }

    /**
     * Empties the session at once: objects that had a row become DETACHED (recorded in one batch),
     * pending ones transient. The same as detaching or making transient each object in turn.
     */
    private void detachEverything(boolean closing) {
        if (attached.count() == 0) return;
        attached.releaseAll(closing);
        identityMap.clear();
        pending.clear();
        marked.clear();
    }

    /** Removes {@code s} from every structure; an object that had a row becomes DETACHED. */
    void detach(InstanceState s) {
        makeTransient(s);
        if (s.status != InstanceState.Status.PENDING && s.info.tracksDetached) Tracking.detached(s.obj);
    }

    /** Removes {@code s} as if it had never been saved (its INSERT was rolled back). */
    void makeTransient(InstanceState s) {
        attached.unattach(s);
        pending.remove(s);
        marked.remove(s);
        identityMap.remove(s);
    }

    // ---- the attached objects ------------------------------------------------------------------------

    /** The state of {@code entity} in this session, or null. */
    InstanceState stateOf(Object entity) { return attached.get(entity); }

    /** How many objects are attached (pending, persistent, deleted). */
    int attachedCount() { return attached.count(); }

    /** Every attached state (pending, persistent, deleted), without building any index. */
    void forEachAttached(java.util.function.Consumer<InstanceState> action) { attached.forEach(action); }

    /** Attaches a state; {@code index} false defers hashing the object (a load: nobody asks about most rows). */
    private void attach(InstanceState s, Object obj, boolean index) {
        register();
        attached.attach(s, obj, index);
    }

    /** Lists this session with {@link Tracking} as holding objects, once. */
    private void register() {
        if (registered) return;
        Tracking.opened(this);
        registered = true;
    }

    /** Makes {@code s} pending and attaches it: a new object, as {@link #add} leaves it. */
    private void attachPending(InstanceState s, boolean index) {
        s.status = InstanceState.Status.PENDING;
        pending.add(s);
        attach(s, s.obj, index);
    }

    /** Makes room for {@code n} more pending, attached objects (a large addAll). */
    private void expectNew(int n) {
        attached.expectLog(n);
        pending.expect(n);
    }

    // ---- reading ----------------------------------------------------------------------------------

    /**
     * The object with primary key {@code id}, or null when there is no such row. The identity map is
     * consulted first: a persistent, unexpired object is returned without any SQL. An object marked
     * for deletion gives null. Composite keys take an {@code @IdClass} / {@code @EmbeddedId} instance.
     */
    public <E> E get(Class<E> entityClass, Object id) {
        enter();
        EntityInfo info = registry.info(entityClass);
        IdKey key = info.keyFromId(id);
        InstanceState s = identityMap.isEmpty() ? null : identityMap.get(key);
        if (s != null) {
            if (s.marked) return null;
            if (!isExpired(s)) return entityClass.cast(s.obj());
        } else {
            autoflushIfEnabled();
            s = identityMap.get(key); // the flush may have inserted it
            if (s != null && !isExpired(s)) return entityClass.cast(s.obj());
        }
        List<Object> found = Loading.list(this, info, info.selectAll.where(info.pkEquals(key)));
        if (found.isEmpty()) {
            if (s != null) detach(s); // an expired object whose row is gone
            return null;
        }
        return entityClass.cast(found.get(0));
    }

    /** A query for {@code entityClass}: {@code session.query(User.class).filterBy("name", "Alice").all()}. */
    public <E> Query<E> query(Class<E> entityClass) {
        enter();
        return new Query<>(this, registry.info(entityClass), null);
    }

    /**
     * The 2.0-style spelling of {@link #query}: {@code session.select(User.class).where(User_.age.gt(30)).all()}.
     */
    public <E> Query<E> select(Class<E> entityClass) { return query(entityClass); }

    /**
     * Runs a Core query in this session's transaction (after an autoflush) and returns its rows as
     * Core gives them: {@code session.execute(select(User_.name, User_.age)).all()} gives
     * {@code Tuple2<String, Integer>}s. Close the result, or use a terminal method.
     */
    public <R> Result<R> execute(org.athanor.core.sql.Query<R> query) {
        enter();
        autoflushIfEnabled();
        return connection().execute(query);
    }

    /**
     * Runs a Core INSERT, UPDATE or DELETE in this session's transaction (after an autoflush) and
     * returns its row count. Objects already loaded are not updated: use {@link Query#update} and
     * {@link Query#delete} for bulk changes the session keeps track of, or {@link #refresh}.
     */
    public int execute(Dml statement) {
        enter();
        autoflushIfEnabled();
        return connection().execute(statement);
    }

    /**
     * Re-reads a persistent object's row, overwriting all of its attributes and discarding unflushed
     * changes. Throws when the row no longer exists.
     */
    public void refresh(Object entity) {
        enter();
        InstanceState s = stateOf(entity);
        if (s == null || s.status != InstanceState.Status.PERSISTENT)
            throw new IllegalStateException(describeObject(entity) + " is " + (s == null ? "not in this session" : s.status)
                    + "; refresh() needs a persistent object of this session");
        if (!Loading.reload(this, s, false))
            throw new IllegalStateException("refresh(): the row of " + s.key() + " no longer exists");
    }

    /**
     * Copies the state of {@code entity} (detached or transient) onto the session's object for the
     * same row, loading it if needed, and returns the session's object; with no such row, a new
     * pending copy is added and returned. {@code entity} itself is not attached. An object already in
     * this session is returned as is.
     */
    public <E> E merge(E entity) {
        enter();
        if (entity == null) throw new IllegalArgumentException("merge(null): give an entity object");
        if (stateOf(entity) != null) return entity;
        EntityInfo info = registry.info(entity.getClass());
        IdKey key = info.keyOfObject(entity);
        Object target = null;
        if (key != null) {
            InstanceState s = identityMap.get(key);
            if (s != null && !isExpired(s)) target = s.obj();
            else {
                autoflushIfEnabled();
                List<Object> found = Loading.list(this, info, info.selectAll.where(info.pkEquals(key)));
                if (!found.isEmpty()) target = found.get(0);
            }
        }
        Object[] values = info.read(entity);
        if (target == null) {
            Object copy = info.mapping.newInstance();
            for (int i = 0; i < values.length; i++) info.set(copy, i, values[i]);
            addInternal(copy);
            @SuppressWarnings("unchecked") E e = (E) copy;
            return e;
        }
        for (int i = 0; i < values.length; i++) {
            boolean isId = false;
            for (int k : info.idIdx) isId |= k == i;
            if (!isId) info.set(target, i, values[i]);
        }
        @SuppressWarnings("unchecked") E e = (E) target;
        return e;
    }

    // ---- views -------------------------------------------------------------------------------------

    /** Pending objects, in the order they were added. */
    public List<Object> getNew() {
        enter();
        List<Object> out = new ArrayList<>(pending.size());
        for (InstanceState s : pending.toArray()) out.add(s.obj());
        return Collections.unmodifiableList(out);
    }

    /** Persistent objects (not marked for deletion) whose attributes differ from their snapshot. */
    public List<Object> getDirty() {
        enter();
        List<Object> out = new ArrayList<>();
        for (InstanceState s : identityMap.toArray())
            if (!s.marked && Flusher.changedAttributes(s, s.info.read(s.obj())) != null) out.add(s.obj());
        return Collections.unmodifiableList(out);
    }

    /** Objects marked by {@link #delete} whose DELETE has not been flushed yet. */
    public List<Object> getDeleted() {
        enter();
        List<Object> out = new ArrayList<>(marked.size());
        for (InstanceState s : marked) out.add(s.obj());
        return Collections.unmodifiableList(out);
    }

    /** True when the next flush would write something for this object (pending, marked, or changed). */
    public boolean isModified(Object entity) {
        enter();
        InstanceState s = stateOf(entity);
        if (s == null) throw new IllegalArgumentException(describeObject(entity) + " is not in this session");
        if (s.status == InstanceState.Status.PENDING || s.marked) return true;
        if (s.status == InstanceState.Status.DELETED) return false;
        return Flusher.changedAttributes(s, s.info.read(s.obj())) != null;
    }

    /** True when {@code entity} is pending, persistent or deleted in this session. */
    public boolean contains(Object entity) {
        enter();
        return stateOf(entity) != null;
    }

    // ---- flush, commit, rollback ---------------------------------------------------------------------

    /** Writes pending work to the database (see the class comment). Does nothing, and runs no SQL, when there is none. */
    public void flush() {
        enterKeepingBatch();
        flushInternal();
    }

    void flushInternal() {
        if (flushing) throw new IllegalStateException("flush() called while a flush is running");
        flushing = true;
        try {
            new Flusher(this).run();
        } catch (FlushException e) {
            if (levels.size() > 1) failedInSavepoint(e);
            else failed(e);
            throw e;
        } finally {
            flushing = false;
        }
    }

    void autoflushIfEnabled() {
        // with no attached object there is nothing a flush could write: skip building a Flusher
        if (autoflush && !flushing && attached.count() != 0) flushInternal();
    }

    /**
     * A flush that failed inside a savepoint rolls back to it (see {@link SessionSavepoint#rollback()}):
     * the outer transaction goes on. Only when the savepoint cannot be rolled back (a lost connection)
     * is the whole transaction rolled back, as outside a savepoint.
     */
    private void failedInSavepoint(FlushException e) {
        TxLevel l = level();
        try {
            l.savepoint.rollback();
        } catch (RuntimeException lost) {
            e.addSuppressed(lost);
            failed(e);
            return;
        }
        levels.remove(levels.size() - 1);
        restore(l);
        discardUnflushed();
    }

    /** A failed flush: roll the transaction back and restore objects; the session waits for rollback(). */
    private void failed(FlushException e) {
        rollbackDatabase();
        restoreAll();
        failure = e;
    }

    /** Flushes, commits, and ends the transaction (expiring persistent objects when expireOnCommit is on). */
    public void commit() {
        enterKeepingBatch();
        if (levels.size() > 1)
            throw new IllegalStateException("commit() with " + (levels.size() - 1) + " savepoint(s) open; commit or roll back"
                    + " the savepoint from beginNested() first");
        flushInternal();
        if (connection != null) {
            try {
                connection.commit();
            } catch (RuntimeException e) {
                rollbackDatabase();
                restoreAll();
                releaseOwner();
                throw e;
            }
            connection.close();
            connection = null;
        }
        // objects deleted by the transaction's flushes are among the objects it changed
        TxLevel outer = levels.get(0);
        if (outer.deletes)
            for (InstanceState s : outer.touched())
                if (s.attached && s.status == InstanceState.Status.DELETED) detach(s);
        outer.forget();
        levels.clear();
        if (expireOnCommit) expiredBefore = ++epoch;
        levels.add(newLevel(null));
        releaseOwner();
    }

    /**
     * Rolls the transaction back and puts the session in step with the database again (see the class
     * comment). Also the way out after a failed flush.
     */
    public void rollback() {
        enterAllowFailed();
        if (failure == null) {
            rollbackDatabase();
            restoreAll();
        }
        failure = null;
        releaseOwner();
    }

    /**
     * Opens a savepoint (flushing first). Roll it back to undo only what was flushed since;
     * commit it to keep that work in the outer transaction.
     *
     * <pre>{@code
     * try (SessionSavepoint sp = session.beginNested()) {
     *     session.add(risky);
     *     sp.commit();            // or sp.rollback(); closing without commit rolls back
     * }
     * }</pre>
     */
    public SessionSavepoint beginNested() {
        enter();
        flushInternal();
        TxLevel l = newLevel(connection().beginNested());
        levels.add(l);
        return new SessionSavepoint(this, l);
    }

    void releaseSavepoint(TxLevel l) {
        enter();
        requireInnermost(l);
        flushInternal();
        l.savepoint.commit();
        levels.remove(levels.size() - 1);
        level().absorb(l);
    }

    void rollbackSavepoint(TxLevel l) {
        enter();
        requireInnermost(l);
        try {
            l.savepoint.rollback();
        } catch (RuntimeException e) {
            rollbackDatabase();
            restoreAll();
            throw e;
        }
        levels.remove(levels.size() - 1);
        restore(l);
        discardUnflushed();
    }

    /**
     * After a savepoint's rollback, drops the session work done since it began (SQLAlchemy's nested
     * rollback): {@link #beginNested()} flushed everything before the savepoint, so every pending
     * object and every deletion not yet flushed dates from after it. Pending objects become
     * transient, deletions are withdrawn, and attributes changed since go back to their values at
     * the savepoint (the snapshots, which {@link #restore} put back).
     */
    private void discardUnflushed() {
        for (InstanceState s : pending.toArray()) makeTransient(s);
        for (InstanceState s : marked) s.marked = false;
        marked.clear();
        identityMap.forEach(s -> {
            if (s.snapshot == null) return;
            for (int i = 0; i < s.snapshot.length; i++) {
                Object was = s.snapshot[i];
                if (!EntityInfo.same(s.info.get(s.obj(), i), was)) s.info.set(s.obj(), i, was instanceof byte[] b ? b.clone() : was);
            }
        });
    }

    private void requireInnermost(TxLevel l) {
        if (!levels.contains(l)) throw new IllegalStateException("this savepoint has already ended");
        if (level() != l) throw new IllegalStateException("a savepoint opened later is still open; end it first");
    }

    /** Rolls back and releases the connection; a broken connection is only released. */
    private void rollbackDatabase() {
        Connection c = connection;
        connection = null;
        if (c == null) return;
        try {
            c.rollback();
        } catch (RuntimeException ignored) {
            // the connection is lost or broken: the database discards the transaction either way
        } finally {
            c.close();
        }
    }

    /** Undoes every level, innermost first, and starts a fresh outer level. */
    private void restoreAll() {
        for (int i = levels.size() - 1; i >= 0; i--) restore(levels.get(i));
        levels.clear();
        levels.add(newLevel(null));
    }

    /** Puts the objects a level touched back as they were before it (see the class comment on rollback). */
    private void restore(TxLevel l) {
        InstanceState[] touched = l.touched();
        // take the identities the level gave out of the map first: keys come back below
        for (InstanceState s : touched) if (s.attached && s.memento != null && s.memento.level == l) identityMap.remove(s);
        boolean reorder = false;
        for (InstanceState s : touched) {
            TxLevel.Memento m = s.memento;
            if (m == null || m.level != l) continue;
            s.memento = m.prev;
            if (!s.attached) continue; // expunged since
            boolean deleteIntent = s.status == InstanceState.Status.DELETED && !s.bulkDeleted || s.marked;
            boolean readInLevel = s.loadedEpoch >= l.startEpoch;
            s.bulkDeleted = false;
            if (m.sharedInsert) {
                // inserted with a generated id: the id the session wrote is the one the key holds
                int i = s.info.generatedId.index();
                if (s.key() != null && EntityInfo.same(s.info.get(s.obj(), i), s.key().value(0))) s.info.set(s.obj(), i, s.info.unsetIdValue());
            } else m.forEachWritten((i, before, after) -> {
                if (EntityInfo.same(s.info.get(s.obj(), i), after)) s.info.set(s.obj(), i, before);
            });
            s.snapshot = m.snapshot;
            s.setKey(m.key);
            s.loadedEpoch = readInLevel ? -1 : m.loadedEpoch;
            marked.remove(s);
            s.marked = false;
            if (m.status == InstanceState.Status.PENDING) {
                if (deleteIntent) makeTransient(s);
                else {
                    s.status = InstanceState.Status.PENDING;
                    pending.add(s);
                    reorder = true;
                }
            } else if (m.status == InstanceState.Status.DELETED) {
                s.status = InstanceState.Status.DELETED;
            } else {
                s.status = InstanceState.Status.PERSISTENT;
                if (deleteIntent) { s.marked = true; marked.add(s); }
                identityMap.put(s);
            }
        }
        // objects read in the level may hold data the rollback discarded: they are expired, so they are
        // re-read when next handed out (attributes changed since the read keep the user's values)
        long start = l.startEpoch;
        identityMap.forEach(s -> { if (s.loadedEpoch >= start) s.loadedEpoch = -1; });
        if (reorder) pending.sort((a, b) -> Long.compare(a.addedSeq, b.addedSeq));
    }

    private void releaseOwner() { owner = null; }

    /** Rolls back anything uncommitted, returns the connection, detaches every object. Idempotent. */
    @Override
    public void close() {
        if (closed) return;
        Thread o = owner;
        if (o != null && o != Thread.currentThread())
            throw new IllegalStateException("session closed from thread '" + Thread.currentThread().getName() + "' while thread '"
                    + o.getName() + "' is using it; a Session is for one thread at a time");
        rollbackDatabase();
        endBatch(); // never attached: its objects are simply transient again
        detachEverything(true);
        closed = true;
        owner = null;
        if (registered) Tracking.closed(this);
    }

    public boolean isClosed() { return closed; }

    // ---- internals used by loading and flushing -----------------------------------------------------

    boolean isExpired(InstanceState s) { return s.loadedEpoch < expiredBefore; }

    /** Records what {@code s} was before this level changes it. */
    TxLevel.Memento touch(InstanceState s) { return level().touch(s); }

    /** Sets an attribute on behalf of the session (an id, a version, a refreshed value), undoably. */
    void writeAttribute(InstanceState s, int i, Object value) {
        touch(s).wrote(i, s.info.get(s.obj(), i), value);
        s.info.set(s.obj(), i, value);
    }

    /**
     * Registers a freshly loaded object. {@code values} becomes its snapshot: the caller hands over an
     * array nobody else holds (byte arrays in it are replaced by copies, as the object keeps the originals).
     * {@code keyIsNew}: the caller guarantees no persistent object of the session has this key.
     * {@code key} may be null when the row's id values are known not to be: it is made on first use.
     */
    InstanceState attachLoaded(EntityInfo info, Object obj, IdKey key, Object[] values, boolean keyIsNew) {
        InstanceState s = new InstanceState(obj, info);
        s.status = InstanceState.Status.PERSISTENT;
        s.snapshot = info.ownSnapshot(values);
        if (key == null) s.keyFromSnapshot(); // made when first needed (most loaded rows never need it)
        else s.setKey(key);
        s.loadedEpoch = epoch;
        if (keyIsNew) identityMap.append(s);
        else identityMap.put(s);
        attach(s, obj, false);
        return s;
    }

    /** For {@link Athanor#inspect}: this session's view of {@code entity}, or null when it does not hold it or another thread owns it. */
    InstanceInfo inspectIfOwned(Object entity) {
        Thread o = owner;
        if (closed || (o != null && o != Thread.currentThread())) return null;
        if (batch != null) attachBatch(0);
        InstanceState s = stateOf(entity);
        if (s == null) return null;
        ObjectState st = switch (s.status) {
            case PENDING -> ObjectState.PENDING;
            case PERSISTENT -> ObjectState.PERSISTENT;
            case DELETED -> ObjectState.DELETED;
        };
        return new InstanceInfo(st, this, s.key() == null ? null : s.key().asList());
    }

    static String describe(InstanceState s) { return s.key() != null ? s.key().toString() : s.info.name + " object (pending)"; }

    static String describeObject(Object o) { return o == null ? "null" : o.getClass().getSimpleName() + " object"; }
}
