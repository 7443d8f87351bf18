package org.athanor.orm;

import org.athanor.orm.internal.loading.CollectionChanges;
import org.athanor.orm.internal.loading.Loading;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.SessionTx;
import org.athanor.orm.internal.uow.UnitOfWork;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
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
 * planned row by row across tables (each table still one statement unless a reference needs another
 * first). Rows referencing each other in a cycle, across tables or within one, are written as
 * SQLAlchemy's post_update does: one nullable reference of the cycle inserted NULL, then set by an
 * UPDATE (for deletes, set to NULL first); a cycle of NOT NULL references fails the flush before any
 * statement, naming its objects and columns. With autoflush (the default) queries and {@code get}
 * misses flush first, so they see your changes. A flush that fails rolls the transaction back,
 * discards its work in the session as {@link #rollback()} does, and throws the database's error as
 * its own type ({@code IntegrityError}, {@code DataError}, ...; a lost {@code @Version} race as
 * {@link StaleDataException}), its message starting with the flush context ("flush failed
 * inserting User; the transaction was rolled back: ...") and the original error as its cause. Call
 * {@link #rollback()} before using the session again. (Inside a savepoint, only the savepoint is
 * rolled back: see below.)
 * <pre>{@code
 * try {
 *     session.commit();
 * } catch (IntegrityError duplicate) {
 *     session.rollback();               // the rejected object is expunged: nothing re-sends it
 * }
 * }</pre>
 *
 * <h2>Rollback (SQLAlchemy's rules)</h2>
 * {@link #rollback()} discards the transaction's work in the database and in the session, so that
 * nothing rolled back is ever written again:
 * <ul>
 * <li>objects that became persistent in the transaction (inserted by its flushes), and objects
 *     still pending, are expunged: transient again, with the generated ids (and versions) the
 *     session gave them cleared. Add them again to retry;
 * <li>objects deleted in the transaction, flushed or only marked, are persistent again;
 * <li>every persistent object is expired, and its attributes are put back to the database's values
 *     as the session knew them before the transaction (unflushed changes are dropped too); the next
 *     {@code get}, query or {@link #refresh} of it re-reads its row. (Without bytecode enhancement a
 *     field read cannot trigger the reload, hence the reset: a reference you kept never shows a
 *     rolled-back value, and a flush never finds one to write.)
 * </ul>
 * {@link #close()} without commit rolls back the same way before detaching everything.
 *
 * <h2>Transaction blocks and savepoints</h2>
 * {@link #begin()} and {@link SessionFactory#begin()} give a {@link SessionTransaction} for
 * try-with-resources; {@link SessionFactory#inTransaction} runs a lambda in a new session and commits.
 * {@link #beginNested()} opens a savepoint ({@link SessionSavepoint}, which describes what its
 * rollback restores).
 *
 * <h2>Sessions do not know about each other</h2>
 * There is no process-wide registry of sessions: {@link #add} does not check whether another open
 * session holds the object (Hibernate does not either), and {@link #inspect} answers for this
 * session only. Give an object to one session at a time; move it with {@link #expunge} and
 * {@link #add}, or copy it with {@link #merge}.
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
    final SessionFactory factory;
    private final Engine engine;
    private final Registry registry;
    final boolean autoflush;

    /** The objects this session holds and their states: the only code that changes them. */
    final UnitOfWork uow = new UnitOfWork(SessionHosts.unitOfWork(this));

    /** The factory's session listeners (empty: none). */
    final SessionListener[] listeners;
    /** The relationship cascades (save-update along references and collections, delete along collections). */
    final Cascades cascades;

    /** What loading (internal.loading) reaches of this session; one per session, collections compare it. */
    final Loading.Host loadHost = SessionHosts.load(this);

    /** add, delete and merge: how objects enter the session. */
    final Attaching attaching = new Attaching(this);

    /** The transaction: connection, owning thread, failed-flush state; commit, rollback, savepoints. */
    final SessionTx tx;
    /** The flush: its listeners, the reference cascade, the Flusher, a failure's rollback; the autoflush rule. */
    final SessionFlush flushes;
    /** The statement report: origin of the running statements, counts, lazy loads. */
    final SessionStatements report;

    Session(SessionFactory factory, org.athanor.core.routing.RoutingEngine router, Registry registry, boolean autoflush, boolean expireOnCommit) {
        this.factory = factory;
        this.engine = router.primary();
        this.registry = registry;
        this.autoflush = autoflush;
        this.listeners = factory.listeners.session;
        this.cascades = new Cascades(this);
        this.report = new SessionStatements(factory);
        this.tx = new SessionTx(SessionHosts.transaction(this, router), expireOnCommit);
        this.flushes = new SessionFlush(this, tx);
    }

    public SessionFactory factory() { return factory; }
    public Engine engine() { return engine; }
    public Registry registry() { return registry; }

    // ---- guards, statement report, routing (SessionTx, SessionStatements) --------------------------------

    /** Checked on entry to every public method: open, this thread's, and not waiting for rollback(). */
    void enter() { tx.enter(); }

    /**
     * What this session sent to the database so far, by origin, and its lazy loads per relationship
     * (see {@link StatementReport}); also readable after close(). Statement counts need a factory made
     * with {@link SessionFactory#withStatementReport()}.
     */
    public StatementReport statementReport() {
        return report.report();
    }

    /** Starts the statement report (and lazy-load counts) of this session from zero. */
    public void resetStatementReport() {
        report.reset();
    }

    /**
     * Reads of this transaction go to the primary from now on (read-your-writes after an earlier
     * commit, with a router that has replicas); the transaction's end resets it. Nothing changes for
     * a session over a plain Engine.
     */
    public void readFromPrimary() {
        enter();
        tx.usePrimary();
    }

    /** Whether this transaction is on the primary (it wrote, or {@link #readFromPrimary()} asked). */
    public boolean isOnPrimary() {
        return tx.isOnPrimary();
    }

    // ---- adding, deleting, expunging -----------------------------------------------------------------

    /**
     * Makes a transient object pending (inserted at the next flush); re-attaches a detached one as
     * persistent (its columns are all written at the next flush, since the session cannot know which
     * changed); un-marks an object marked by {@link #delete}. Adding an object already pending or
     * persistent here does nothing. An object of an entity with a generated id counts as detached
     * when its id is set (see {@link #inspect}); the next flush checks with one SELECT per
     * entity that its row exists, and inserts it with its id when it does not (an id you chose).
     * An object of an entity whose id the application assigns is always taken as new (inserted):
     * bring detached ones back with {@link #merge}. Whether another open session holds the object
     * is not checked (sessions keep no registry of each other): give an object to one session.
     */
    public void add(Object entity) {
        enter();
        Objects.requireNonNull(entity, "entity");
        attaching.addInternal(entity);
    }

    /** {@link #add} for each object, in order (which is also the INSERT order within a table). */
    public void addAll(Collection<?> entities) {
        enter();
        Objects.requireNonNull(entities, "entities");
        uow.expectNew(entities.size());
        for (Object e : entities) attaching.addInternal(e);
    }

    /**
     * Marks a persistent object for deletion: its DELETE runs at the next flush (it is then
     * {@link ObjectState#DELETED}, and DETACHED after commit). A detached object is re-attached
     * first. Deleting a pending object is an error: use {@link #expunge} to drop it.
     */
    public void delete(Object entity) {
        enter();
        attaching.delete(entity);
    }

    /** Removes one object from the session: pending objects become transient, others detached. */
    public void expunge(Object entity) {
        enter();
        Objects.requireNonNull(entity, "entity");
        InstanceState s = stateOf(entity);
        if (s == null) throw new IllegalArgumentException(describeObject(entity) + " is not in this session");
        for (InstanceState x : ObjectCascades.toExpunge(this, s)) if (x.attached) detach(x); // cascade = DETACH
    }

    /** Removes every object from the session (see {@link #expunge}). */
    public void expungeAll() {
        enter();
        uow.detachEverything(false);
    }

    /** Removes {@code s} from the session (see {@link UnitOfWork#detach}). */
    void detach(InstanceState s) {
        cascades.leaving(s);
        uow.detach(s);
    }

    /** The state of {@code entity} in this session, or null. */
    InstanceState stateOf(Object entity) { return uow.stateOf(entity); }

    // ---- reading ----------------------------------------------------------------------------------

    /**
     * The object with primary key {@code id}, or null when there is no such row. The identity map is
     * consulted first: a persistent, unexpired object is returned without any SQL. An object marked
     * for deletion gives null. Composite keys take an {@code @IdClass} / {@code @EmbeddedId} instance.
     */
    public <E> E get(Class<E> entityClass, Object id) {
        enter();
        Objects.requireNonNull(entityClass, "entityClass");
        Objects.requireNonNull(id, "id");
        Mapper info = registry.info(entityClass);
        return IdentityGet.get(this, entityClass, info, info.keyFromId(id));
    }

    /** A query for {@code entityClass}: {@code session.query(User.class).filterBy("name", "Alice").all()}. */
    public <E> Query<E> query(Class<E> entityClass) {
        enter();
        Objects.requireNonNull(entityClass, "entityClass");
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
        Objects.requireNonNull(query, "query");
        report.origin("execute");
        flushes.autoflush();
        return (org.athanor.core.routing.RoutingEngine.writes(query) ? tx.writeConnection() : tx.connection()).execute(query);
    }

    /**
     * Runs a Core INSERT, UPDATE or DELETE in this session's transaction (after an autoflush) and
     * returns its row count. Objects already loaded are not updated: use {@link Query#update} and
     * {@link Query#delete} for bulk changes the session keeps track of, or {@link #refresh}.
     */
    public int execute(Dml statement) {
        enter();
        Objects.requireNonNull(statement, "statement");
        report.origin("execute");
        flushes.autoflush();
        return tx.writeConnection().execute(statement);
    }

    /**
     * Re-reads a persistent object's row, overwriting all of its attributes and discarding unflushed
     * changes. Throws when the row no longer exists.
     */
    public void refresh(Object entity) {
        enter();
        Objects.requireNonNull(entity, "entity");
        InstanceState s = stateOf(entity);
        if (s == null || s.status != InstanceState.Status.PERSISTENT)
            throw new IllegalStateException(describeObject(entity) + " is " + (s == null ? "not in this session" : s.status)
                    + "; refresh() needs a persistent object of this session");
        report.origin("refresh " + s.info.name);
        ObjectCascades.refresh(this, s); // the row, then what cascade = REFRESH reaches
    }

    /**
     * Copies the state of {@code entity} (detached or transient) onto the session's object for the
     * same row, loading it if needed, and returns the session's object; with no such row, a new
     * pending copy is added and returned. {@code entity} itself is not attached. An object already in
     * this session is returned as is.
     */
    public <E> E merge(E entity) {
        enter();
        return attaching.merge(entity);
    }

    // ---- views -------------------------------------------------------------------------------------

    /** Pending objects, in the order they were added. */
    public List<Object> getNew() {
        enter();
        List<Object> out = new ArrayList<>(uow.pending.size());
        for (InstanceState s : uow.pending.toArray()) out.add(s.obj());
        return Collections.unmodifiableList(out);
    }

    /**
     * Persistent objects (not marked for deletion) whose attributes differ from their snapshot, or whose collections
     * changed since the last flush (added to, removed from, replaced; see {@link #isModified}).
     */
    public List<Object> getDirty() {
        enter();
        return Collections.unmodifiableList(CollectionChanges.dirty(loadHost));
    }

    /** Objects marked by {@link #delete} whose DELETE has not been flushed yet. */
    public List<Object> getDeleted() {
        enter();
        List<Object> out = new ArrayList<>(uow.marked.size());
        for (InstanceState s : uow.marked) out.add(s.obj());
        return Collections.unmodifiableList(out);
    }

    /**
     * True when the object is pending, marked for deletion, or has changes not flushed yet: an attribute (a reference
     * included), or a collection added to, removed from or replaced, on either side (SQLAlchemy's
     * {@code session.is_modified}, which counts relationship changes).
     */
    public boolean isModified(Object entity) {
        enter();
        Objects.requireNonNull(entity, "entity");
        InstanceState s = stateOf(entity);
        if (s == null) throw new IllegalArgumentException(describeObject(entity) + " is not in this session");
        return CollectionChanges.isModified(loadHost, s);
    }

    /**
     * Every object this session holds: pending, persistent (loaded or flushed) and deleted, in no
     * particular order (SQLAlchemy's iteration over a session). A copy: changing the session later
     * does not change it.
     */
    public List<Object> getAll() {
        enter();
        List<Object> out = new ArrayList<>();
        uow.forEachAttached(s -> out.add(s.obj()));
        return Collections.unmodifiableList(out);
    }

    /** True when {@code entity} is pending, persistent or deleted in this session. */
    public boolean contains(Object entity) {
        enter();
        Objects.requireNonNull(entity, "entity");
        return stateOf(entity) != null;
    }

    // ---- flush, commit, rollback ---------------------------------------------------------------------

    /** Writes pending work to the database (see the class comment). Does nothing, and runs no SQL, when there is none. */
    public void flush() {
        enter();
        flushes.run();
    }

    /** Flushes, commits, and ends the transaction (expiring persistent objects when expireOnCommit is on). */
    public void commit() { tx.commit(); }

    /**
     * Rolls the transaction back and puts the session in step with the database again (see the class
     * comment). Also the way out after a failed flush.
     */
    public void rollback() { tx.rollback(); }

    /**
     * Begins a transaction block for try-with-resources ({@code with session.begin():}): commit it as
     * the block's last statement; closing it without commit() or rollback() rolls back and throws (see
     * {@link SessionTransaction}).
     * The session must not be in a transaction already: a session begins one implicitly on first use,
     * so call begin() before working with the session, or after commit()/rollback().
     *
     * <pre>{@code
     * try (SessionTransaction tx = session.begin()) {
     *     session.add(user);
     *     tx.commit();
     * }
     * }</pre>
     */
    public SessionTransaction begin() {
        tx.checkCanBegin();
        return new SessionTransaction(this, false);
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
    public SessionSavepoint beginNested() { return new SessionSavepoint(this, tx.beginNested()); }

    /**
     * Rolls back anything uncommitted (objects inserted by it are transient again, their generated ids
     * cleared), returns the connection, detaches every object. Idempotent.
     */
    @Override
    public void close() { tx.close(); }

    public boolean isClosed() { return tx.isClosed(); }

    // ---- internals used by loading and flushing -----------------------------------------------------

    boolean isExpired(InstanceState s) { return uow.isExpired(s); }

    /**
     * The state of {@code entity} as this session sees it (SQLAlchemy's {@code inspect()}): PENDING,
     * PERSISTENT or DELETED when this session holds it, with its identity once it has a row.
     * An object this session does not hold is DETACHED when its generated id is set (only the database
     * or a flush gives such ids, Hibernate's rule) and TRANSIENT otherwise. Sessions keep no registry
     * of each other, so an object held by another open session is reported as this session would
     * treat it on {@link #add}; for entities whose id the application assigns, a detached object cannot
     * be told from a new one by its fields, and is reported TRANSIENT (add() would insert it: copy such
     * objects in with {@link #merge}).
     *
     * <pre>{@code
     * session.add(user);
     * assert session.inspect(user).state() == ObjectState.PENDING;
     * }</pre>
     */
    public InstanceInfo inspect(Object entity) {
        tx.enterAllowFailed();
        return InstanceInfo.of(this, entity);
    }

    static String describe(InstanceState s) { return s.key() != null ? s.key().toString() : s.info.name + " object (pending)"; }

    static String describeObject(Object o) { return o == null ? "null" : o.getClass().getSimpleName() + " object"; }
}
