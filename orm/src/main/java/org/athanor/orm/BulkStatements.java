package org.athanor.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;
import org.athanor.core.sql.Sql;
import org.athanor.core.sql.Update;
import org.athanor.orm.internal.loading.Loading;
import org.athanor.orm.internal.mapping.IdKey;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.Values;
import org.athanor.orm.internal.uow.InstanceState;

/**
 * The bulk statements of a {@link Query}: {@link Query#update} and {@link Query#delete} run one UPDATE
 * or DELETE over the query's criterion and bring the session's loaded objects in step with it (the
 * keys they match selected first, as SQLAlchemy's {@code synchronize_session="fetch"}). The public
 * methods and their documentation are Query's. Moved out of Query unchanged.
 */
final class BulkStatements {
    private final Session session;
    private final Mapper info;
    private final Select<Row> select;

    private BulkStatements(Session session, Mapper info, Select<Row> select) {
        this.session = session;
        this.info = info;
        this.select = select;
    }

    /**
     * Bulk statement {@code op} over {@code info}'s rows with {@code select}'s criterion: checks the session
     * (as every public method does), refuses a query that does more than filter, and makes the query the
     * origin of the statements that follow.
     */
    static BulkStatements begin(Session session, Mapper info, Select<Row> select, boolean simple, String op) {
        session.enter();
        requireSimple(info, simple, op);
        session.report.origin(info.queryOrigin);
        return new BulkStatements(session, info, select);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    int update(Map<? extends Column<?>, ?> values) {
        if (values.isEmpty()) throw new IllegalArgumentException("update() needs at least one column = value");
        session.flushes.run();
        List<InstanceState> matched = loadedMatches();
        Update u = Sql.update(info.table);
        for (Map.Entry<? extends Column<?>, ?> e : values.entrySet()) {
            Column c = e.getKey();
            if (c.table() != info.table)
                throw new IllegalArgumentException("update(): column " + c + " is not a column of " + info.name + " (table " + info.table.name() + ")");
            u = e.getValue() instanceof Expression<?> x ? Values.setExpression(u, c, x) : Values.setValue(u, c, e.getValue());
        }
        if (select.where() != null) u = u.where(select.where());
        int n = session.tx.writeConnection().execute(u);
        for (InstanceState st : matched)
            if (!Loading.reload(session.loadHost, st, false)) session.detach(st);
        return n;
    }

    int delete() {
        session.flushes.run();
        List<InstanceState> matched = loadedMatches();
        var d = Sql.deleteFrom(info.table);
        if (select.where() != null) d = d.where(select.where());
        int n = session.tx.writeConnection().execute(d);
        for (InstanceState st : matched) {
            session.uow.deleted(st, true);
        }
        return n;
    }

    private static void requireSimple(Mapper info, boolean simple, String op) {
        if (info.inheritance != null && (info.inheritance.strategy() == jakarta.persistence.InheritanceType.JOINED
                || info.inheritance.strategy() == jakarta.persistence.InheritanceType.TABLE_PER_CLASS
                && (info.layoutCount() > 1 || info.isAbstract())))
            throw new IllegalStateException(op + "() on " + info.name + ": its hierarchy's rows span several tables (JOINED, or "
                    + "TABLE_PER_CLASS with subclasses), which one bulk statement cannot change; change or delete the objects through the session");
        if (!simple)
            throw new IllegalStateException(op + "() works on filtered queries only; this query has order, limit, offset, distinct or joins");
    }

    /** Loaded persistent objects of this entity whose rows the criterion matches now. */
    private List<InstanceState> loadedMatches() {
        boolean any = false;
        for (InstanceState st : session.uow.identityMap.toArray()) if (info.type.isAssignableFrom(st.info.type)) { any = true; break; }
        List<InstanceState> out = new ArrayList<>();
        if (!any) return out;
        Select<Row> keys = select.withColumns(info.idColumns());
        int k = info.idIdx.length;
        for (Row r : session.tx.connection().execute(keys).all()) {
            Object[] v = new Object[k];
            for (int i = 0; i < k; i++) v[i] = r.get(i);
            InstanceState st = session.uow.identityMap.get(IdKey.ofIds(info, v));
            if (st != null) out.add(st);
        }
        return out;
    }
}
