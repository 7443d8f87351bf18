package org.athanor.orm;

import org.athanor.orm.internal.loading.Loading;

import org.athanor.orm.internal.mapping.Mapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.Tuple3;
import org.athanor.core.error.MultipleResultsException;
import org.athanor.core.error.NoResultException;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.FromItem;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;
import org.athanor.core.sql.Sql;
import org.athanor.core.sql.SqlNode;
import org.athanor.orm.mapping.Attribute;
import org.athanor.orm.mapping.MappingException;

/**
 * A query for entities of one class, built from Core expressions over the mapped columns
 * (SQLAlchemy's {@code session.query(User)} / {@code select(User)}). Immutable: each method
 * returns a new query. Queries run in the session's transaction, after an autoflush, and return
 * the session's objects (one per row, from the identity map when already loaded).
 *
 * <pre>{@code
 * List<User> adults = session.query(User.class)
 *         .filter(User_.age.ge(18), or(User_.name.startsWith("A"), User_.email.isNull()))
 *         .orderBy(User_.age.desc())
 *         .limit(10)
 *         .all();
 * User alice = session.query(User.class).filterBy("name", "Alice").one();
 * long n = session.query(User.class).filter(User_.age.gt(30)).count();
 * }</pre>
 */
public final class Query<E> {
    private final Session session;
    private final Mapper info;
    private final Select<Row> select;
    private final boolean simple;
    /** Loader options for relationships ({@link #options}); empty for most queries. */
    private final List<LoadOption> options;

    Query(Session session, Mapper info, Select<Row> select) {
        this(session, info, select == null ? info.selectAll : select, true, List.of());
    }

    private Query(Session session, Mapper info, Select<Row> select, boolean simple, List<LoadOption> options) {
        this.session = session;
        this.info = info;
        this.select = select;
        this.simple = simple;
        this.options = options;
    }

    private Query<E> with(Select<Row> s, boolean stillSimple) { return new Query<>(session, info, s, simple && stillSimple, options); }

    /**
     * How this query loads relationships of the objects it returns ({@link Loaders}):
     * {@code options(selectinLoad(Writer_.articles).then(raiseLoad(Article_.comments)), noLoad(Writer_.edited))}.
     * Options apply to the objects this query loads; objects already in the session keep their
     * collections (as SQLAlchemy without populate_existing), except that selectinLoad loads any of the
     * result's collections still unloaded.
     */
    public Query<E> options(LoadOption... more) {
        List<LoadOption> all = new java.util.ArrayList<>(options);
        for (LoadOption o : more) {
            if (o.polymorphic != null) {
                org.athanor.orm.internal.mapping.PolymorphicLoad.check(info, o.polymorphic.classes(), o.polymorphic.selectin());
                for (LoadOption x : all)
                    if (x.polymorphic != null)
                        throw new IllegalArgumentException("options(" + o + "): the query already has " + x + "; give one "
                                + "polymorphic load option");
                all.add(o);
                continue;
            }
            checkPolymorphic(o);
            if (o.relationship.owner() != info.type)
                throw new IllegalArgumentException("options(" + o + "): " + o.relationship + " is not a relationship of "
                        + info.name + "; reach it through .then() from one of " + info.name + "'s relationships");
            all.add(o);
        }
        return new Query<>(session, info, select, simple, List.copyOf(all));
    }

    /** A {@code then(selectinPolymorphic(...))} below {@code o} must name subclasses of the related class: refused here, before any load. */
    private void checkPolymorphic(LoadOption o) {
        if (o.elementPolymorphic != null)
            org.athanor.orm.internal.mapping.PolymorphicLoad.check(session.registry().info(o.relationship.target()),
                    o.elementPolymorphic.polymorphic.classes(), o.elementPolymorphic.polymorphic.selectin());
        for (LoadOption c : o.children) checkPolymorphic(c);
    }

    /** The Core SELECT this query runs (the entity's columns, in attribute order, then its clauses). */
    public Select<Row> statement() { return select; }

    // ---- building ----------------------------------------------------------------------------------

    /** Adds WHERE conditions (ANDed): {@code filter(User_.age.gt(30), User_.name.startsWith("A"))}. */
    @SafeVarargs
    public final Query<E> filter(Expression<Boolean>... conditions) {
        if (org.athanor.orm.internal.mapping.ConcreteCriteria.isUnion(info)) { // TABLE_PER_CLASS: subclass columns through the union
            Expression<Boolean>[] adapted = conditions.clone();
            for (int i = 0; i < adapted.length; i++)
                adapted[i] = org.athanor.orm.internal.mapping.ConcreteCriteria.adapt(info, session.registry().infos(), adapted[i]);
            conditions = adapted;
        }
        return with(select.where(conditions), true);
    }

    /** The 2.0-style name of {@link #filter}. */
    @SafeVarargs
    public final Query<E> where(Expression<Boolean>... conditions) { return filter(conditions); }

    /**
     * {@code attribute = value} by Java field name ({@code IS NULL} for a null value). An unknown name
     * raises a {@link MappingException} listing the mapped attributes.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Query<E> filterBy(String attribute, Object value) {
        for (int k = 0; k < info.toOnes.length; k++)
            if (info.toOnes[k].name().equals(attribute)) {
                // a reference compares its key columns with the given object's key (IS NULL for null)
                List<Column<Object>> cs = info.toOnes[k].columns();
                if (value == null) return filter(Sql.and(cs.stream().map(x -> (Expression<Boolean>) x.isNull()).toList()));
                Mapper t = info.toOneTarget(k);
                if (!t.type.isInstance(value))
                    throw new IllegalArgumentException("filterBy(\"" + attribute + "\", " + value + "): " + info.name + "."
                            + attribute + " references " + t.name + ", not " + value.getClass().getName());
                Object id = info.referencedKeyOf(k, value);
                if (id == Mapper.UNASSIGNED_KEY)
                    throw new IllegalArgumentException("filterBy(\"" + attribute + "\", " + value + "): the " + t.name
                            + " has no id yet; flush() first");
                return filter(org.athanor.orm.internal.mapping.KeyConditions.eq(cs, id));
            }
        Attribute a = info.mapping.attribute(attribute);
        Column c = a.column();
        if (value != null && !a.javaType().isInstance(value)) {
            try {
                value = c.type().cast(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("filterBy(\"" + attribute + "\", " + value + "): " + info.name + "." + attribute
                        + " holds " + a.javaType().getName() + ", not " + value.getClass().getName(), e);
            }
        }
        return filter(c.eq(value));
    }

    /** {@link #filterBy(String, Object)} for several attributes, ANDed. */
    public Query<E> filterBy(Map<String, ?> attributeValues) {
        Query<E> q = this;
        for (Map.Entry<String, ?> e : attributeValues.entrySet()) q = q.filterBy(e.getKey(), e.getValue());
        return q;
    }

    /** ORDER BY: columns (ascending) or {@code column.desc()} / {@code asc()}. */
    public Query<E> orderBy(SqlNode... items) { return with(select.orderBy(items), false); }

    public Query<E> limit(long n) { return with(select.limit(n), false); }

    public Query<E> offset(long n) { return with(select.offset(n), false); }

    public Query<E> distinct() { return with(select.distinct(), false); }

    /** INNER JOIN another table (ON from the single foreign key), to filter by its columns. */
    public Query<E> join(FromItem target) { return with(select.join(target), false); }

    public Query<E> join(FromItem target, Expression<Boolean> on) { return with(select.join(target, on), false); }

    /** INNER JOIN the related entity's table, ON from the relationship: {@code join(Writer_.articles)}. */
    public Query<E> join(Relationship<?, ?> r) {
        if (r.isElementCollection()) // the collection table: filter by r.values()
            return join(r.secondary().table(), r.secondaryJoinCondition());
        if (r.isManyToMany()) // through the secondary table: two joins, as SQLAlchemy's join(User.roles)
            return join(r.secondary().table(), r.secondaryJoinCondition()).join(r.targetTable(), r.targetJoinCondition());
        return join(r.targetTable(), r.joinCondition());
    }

    /** LEFT OUTER JOIN the related entity's table, ON from the relationship (a many-to-many: through its secondary table). */
    public Query<E> outerJoin(Relationship<?, ?> r) {
        if (r.isElementCollection()) return leftJoin(r.secondary().table(), r.secondaryJoinCondition());
        if (r.isManyToMany())
            return leftJoin(r.secondary().table(), r.secondaryJoinCondition()).leftJoin(r.targetTable(), r.targetJoinCondition());
        return leftJoin(r.targetTable(), r.joinCondition());
    }

    /**
     * INNER JOIN {@code alias}, an alias of the related entity's table, ON from the relationship starting at
     * the owner's table (SQLAlchemy's {@code join(aliased(User), Post.author)}): a relationship of the entity to
     * itself, or one table reached twice, e.g. employees whose manager is Ann:
     * <pre>{@code
     * Table mgr = Employee_.TABLE.as("mgr");
     * query(Employee.class).join(Employee_.manager, mgr).filter(mgr.corresponding(Employee_.name).eq("Ann")).all();
     * }</pre>
     * A many-to-many joins an alias of its secondary table first, named {@code <alias>_<secondary table>}
     * ({@link Relationship#secondaryTableFor}), so students taking both art and math are
     * {@code join(Student_.courses, c1).join(Student_.courses, c2).filter(c1.corresponding(Course_.title).eq("art"), ...)}.
     */
    public Query<E> join(Relationship<?, ?> r, org.athanor.core.schema.Table alias) {
        if (r.isManyToMany()) {
            org.athanor.core.schema.Table s = r.secondaryTableFor(alias);
            return join(s, r.secondaryJoinCondition(r.ownerTable(), s)).join(alias, r.targetJoinCondition(s, alias));
        }
        return join(alias, r.joinCondition(r.ownerTable(), alias));
    }

    /** LEFT OUTER JOIN {@code alias} of the related entity's table, ON from the relationship (see {@link #join(Relationship, org.athanor.core.schema.Table)}). */
    public Query<E> outerJoin(Relationship<?, ?> r, org.athanor.core.schema.Table alias) {
        if (r.isManyToMany()) {
            org.athanor.core.schema.Table s = r.secondaryTableFor(alias);
            return leftJoin(s, r.secondaryJoinCondition(r.ownerTable(), s)).leftJoin(alias, r.targetJoinCondition(s, alias));
        }
        return leftJoin(alias, r.joinCondition(r.ownerTable(), alias));
    }

    /**
     * The objects in {@code parent}'s collection {@code r}, by their key column (no need to load the
     * collection): {@code query(Article.class).withParent(writer, Writer_.articles)}.
     */
    public <P> Query<E> withParent(P parent, Relationship<P, E> r) {
        if (!r.isCollection() || r.target() != info.type)
            throw new IllegalArgumentException("withParent(" + r + "): needs a collection of " + info.name);
        Mapper owner = session.registry().info(r.owner());
        if (parent != null && !owner.type.isInstance(parent))
            throw new IllegalArgumentException("withParent(" + parent + ", " + r + "): the parent must be a " + owner.name
                    + ", not a " + parent.getClass().getName());
        if (r.isManyToMany()) return filter(ManyToManyQueries.withParent(r, owner, info, parent));
        org.athanor.orm.mapping.ToMany collection = owner.mapping.toMany(r.name());
        if (collection.joinColumnOneToMany()) return filter(ManyToManyQueries.withParentKey(r, owner, parent));
        return filterBy(collection.mappedBy(), parent);
    }

    public Query<E> leftJoin(FromItem target, Expression<Boolean> on) { return with(select.leftJoin(target, on), false); }

    /** GROUP BY, for {@link #allWith} aggregates: group by the entity's columns (e.g. its id and the others). */
    public Query<E> groupBy(Expression<?>... exprs) { return with(select.groupBy(exprs), false); }

    /** HAVING, after {@link #groupBy}. */
    @SafeVarargs
    public final Query<E> having(Expression<Boolean>... conditions) { return with(select.having(conditions), false); }

    // ---- running -----------------------------------------------------------------------------------

    private void begin() {
        session.enter();
        session.report.origin(info.queryOrigin);
        session.flushes.autoflush();
    }

    /** The query's selectinPolymorphic / withPolymorphic option, or null. */
    private org.athanor.orm.internal.loading.PolymorphicSpec polymorphic() {
        for (LoadOption o : options) if (o.polymorphic != null) return o.polymorphic;
        return null;
    }

    /** Refuses a polymorphic load option where the objects are not read as one list. */
    private void refusePolymorphic(String where) {
        if (polymorphic() != null)
            throw new IllegalArgumentException(polymorphic() + " with " + where + ": its second SELECTs run over a whole "
                    + "result; use all(), first() or one()");
    }

    /** Every matching object, in row order. */
    @SuppressWarnings("unchecked")
    public List<E> all() {
        begin();
        return (List<E>) Loading.list(session.loadHost, info, select, LoadOption.specs(options), polymorphic());
    }

    /** The first matching object (LIMIT 1), or null. */
    @SuppressWarnings("unchecked")
    public E first() {
        begin();
        List<Object> l = Loading.list(session.loadHost, info, select.limit(1), LoadOption.specs(options), polymorphic());
        return l.isEmpty() ? null : (E) l.get(0);
    }

    /** Exactly one object: none raises {@link NoResultException}, more {@link MultipleResultsException}. */
    public E one() {
        E e = oneOrNull();
        if (e == null) throw new NoResultException("one() found no " + info.name + " for: " + select);
        return e;
    }

    /** One object or null; several raise {@link MultipleResultsException}. */
    @SuppressWarnings("unchecked")
    public E oneOrNull() {
        begin();
        List<Object> l = Loading.list(session.loadHost, info, select.limit(2), LoadOption.specs(options), polymorphic());
        if (l.size() > 1) throw new MultipleResultsException("expected one " + info.name + " but found several for: " + select);
        return l.isEmpty() ? null : (E) l.get(0);
    }

    /** The number of matching rows: {@code SELECT count(*) FROM (<this query>)}. */
    public long count() {
        begin();
        Select<Row> inner = select.withColumns(info.idColumns());
        Long n = session.tx.connection().execute(Sql.select(Sql.count()).from(inner.subquery("q"))).one()._1;
        return n == null ? 0 : n;
    }

    /** Whether any row matches (reads at most one key). */
    public boolean exists() {
        begin();
        Select<Row> probe = select.withColumns(info.idColumns()[0]).limit(1);
        return session.tx.connection().execute(probe).first() != null;
    }

    /**
     * The matching objects, read from the open cursor a chunk of 500 rows ahead of the consumer (each chunk's
     * references and collections are loaded in one batch, not one SELECT per row); close the stream
     * (try-with-resources).
     */
    @SuppressWarnings("unchecked")
    public Stream<E> stream() {
        refusePolymorphic("stream()");
        begin();
        return (Stream<E>) Loading.stream(session.loadHost, info, select);
    }

    /**
     * The objects with one more column per row, as typed tuples (SQLAlchemy's {@code select(User, func.count(Post.id))}):
     * <pre>{@code
     * List<Tuple2<Writer, Long>> counts = session.query(Writer.class).outerJoin(Writer_.articles)
     *         .groupBy(Writer_.id, Writer_.name).orderBy(Writer_.name.asc()).allWith(Sql.count(Article_.id));
     * }</pre>
     * One tuple per row (an object appears once per row that carries it); the objects are the session's, their
     * references and collections loaded as for {@link #all()} (batched over the result). {@code joinedLoad} and
     * {@code containsEager} options are refused here (their rows are not one per object).
     */
    @SuppressWarnings("unchecked")
    public <A> List<Tuple2<E, A>> allWith(Expression<A> a) {
        List<Object[]> rows = rowsWith(a);
        List<Tuple2<E, A>> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) out.add(Tuple.of((E) r[0], (A) r[1]));
        return out;
    }

    /** {@link #allWith(Expression)} with two columns. */
    @SuppressWarnings("unchecked")
    public <A, B> List<Tuple3<E, A, B>> allWith(Expression<A> a, Expression<B> b) {
        List<Object[]> rows = rowsWith(a, b);
        List<Tuple3<E, A, B>> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) out.add(Tuple.of((E) r[0], (A) r[1], (B) r[2]));
        return out;
    }

    private List<Object[]> rowsWith(Expression<?>... extra) {
        refusePolymorphic("allWith()");
        begin();
        List<Expression<?>> cols = new ArrayList<>(select.columns());
        cols.addAll(List.of(extra));
        return Loading.rowsWith(session.loadHost, info, select.withColumns(cols.toArray(Expression<?>[]::new)), extra.length, LoadOption.specs(options));
    }

    /** {@code session.get(entityClass, id)}: the identity map first. */
    @SuppressWarnings("unchecked")
    public E get(Object id) { return (E) session.get(info.type, id); }

    /**
     * Read-only projections into a record whose component names are attribute names:
     * {@code record NameAge(String name, Integer age) {}} then
     * {@code session.query(User.class).filter(...).project(NameAge.class)}. Only the record's columns
     * are selected; the records are not tracked by the session.
     */
    public <R extends Record> List<R> project(Class<R> recordType) {
        RecordProjection<R> p = new RecordProjection<>(info, recordType);
        begin();
        return session.tx.connection().execute(select.withColumns(p.columns), p.reader).all();
    }

    // ---- bulk --------------------------------------------------------------------------------------

    /**
     * Bulk UPDATE of the matching rows in one statement: {@code query.update(Map.of(User_.age, 0))};
     * values may be Core expressions ({@code User_.age.plus(1)}). Returns the row count.
     *
     * <p>Objects already loaded (the rule): the session flushes first (whatever autoflush says), then
     * selects the primary keys the criterion matches among objects it has loaded (skipped when none of
     * this entity are loaded), runs the UPDATE, and re-reads those objects from the database, so they
     * show the new values. Objects not loaded are not affected. A rollback undoes it like a flush.
     * Only filters are allowed (no order, limit, offset, distinct or join).
     */
    public int update(Map<? extends Column<?>, ?> values) {
        return BulkStatements.begin(session, info, select, simple, "update").update(values);
    }

    /**
     * Bulk DELETE of the matching rows in one statement; returns the row count. Objects already
     * loaded (the rule): after a flush, the loaded objects the criterion matches (found by selecting
     * their primary keys first) become {@link ObjectState#DELETED}, then DETACHED at commit, as if
     * deleted through the session; a rollback makes them persistent again (not marked for deletion).
     * Only filters are allowed.
     */
    public int delete() {
        return BulkStatements.begin(session, info, select, simple, "delete").delete();
    }
}
