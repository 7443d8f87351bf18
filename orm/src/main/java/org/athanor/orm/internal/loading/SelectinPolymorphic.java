package org.athanor.orm.internal.loading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.engine.RowReader;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;
import org.athanor.orm.internal.mapping.IdKey;
import org.athanor.orm.internal.mapping.KeyConditions;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.PolymorphicLoad;
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.LoadedRows;

/**
 * The loader of {@code selectinPolymorphic} / {@code withPolymorphic} (SQLAlchemy's strategies of those
 * names, over JOINED inheritance): the query outer-joins only the subclass tables its plan keeps
 * ({@link PolymorphicLoad}); a row of another subclass gives its key and class, and the objects of each such
 * class are then read by one {@code SELECT ... WHERE key = ANY(?)} of that class (IN lists of 500 keys where keys do
 * not bind as one array, {@link KeyConditions#batches}), unless the session already holds them unexpired. The result keeps the query's row order; references and collections
 * are then loaded over the whole result, as for any query.
 */
final class SelectinPolymorphic {
    private SelectinPolymorphic() {}

    static List<Object> list(Loading.Host s, Mapper info, Select<Row> select, List<LoadSpec> options, PolymorphicSpec spec) {
        PolymorphicLoad.check(info, spec.classes(), spec.selectin()); // a relationship's then() option is checked here
        PolymorphicLoad plan = PolymorphicLoad.of(info, spec.classes(), spec.selectin(), select);
        Select<Row> stmt = select.withColumns(plan.select().columns().toArray(Expression<?>[]::new)).withFrom(plan.from(select.from()));
        RowReader<Object[]> values = Loading.values(plan.columnCount());
        List<InstanceState> out = new ArrayList<>(); // the rows' states: references and collections load from them
        LoadedRows load = Loading.statesLoad(s, info);
        Map<Mapper, List<Integer>> pending = new LinkedHashMap<>(); // by the class loading them: positions in out
        List<Object[]> pendingKeys = new ArrayList<>();
        for (Object[] row : s.connection().execute(stmt, values).all()) {
            if (info.hasNullId(row))
                throw new IllegalStateException("a row of " + info.name + " (table " + info.table.name() + ") has a NULL primary key");
            Mapper to = plan.deferredTo(row);
            if (to == null) {
                Loading.hydrate(s, load, plan.rowMapper(row), plan.rowValues(row), null);
                out.add(load.last());
                continue;
            }
            Object[] key = new Object[info.idIdx.length];
            for (int k = 0; k < key.length; k++) key[k] = row[info.idIdx[k]];
            InstanceState st = s.uow().identityMap.get(IdKey.ofIds(info, key));
            if (st != null && !s.isExpired(st)) {
                out.add(st);
                continue;
            }
            pending.computeIfAbsent(to, k -> new ArrayList<>()).add(out.size());
            out.add(null);
            pendingKeys.add(key);
        }
        if (!pending.isEmpty()) load(s, info, out, pending, pendingKeys);
        out.removeIf(o -> o == null); // a row deleted between the two statements
        Loading.relatedOf(s, info, out, options);
        return Loading.objectsOf(out);
    }

    /**
     * One SELECT of each pending class per batch of keys ({@link KeyConditions#batches}: all keys as one array where
     * they bind so, else chunks of 500); each object takes the places of its keys in {@code out}.
     */
    private static void load(Loading.Host s, Mapper info, List<InstanceState> out, Map<Mapper, List<Integer>> pending, List<Object[]> pendingKeys) {
        Map<Integer, Object[]> keyAt = new HashMap<>();
        int n = 0;
        for (int i = 0; i < out.size(); i++) if (out.get(i) == null) keyAt.put(i, pendingKeys.get(n++));
        for (Map.Entry<Mapper, List<Integer>> e : pending.entrySet()) {
            Mapper to = e.getKey();
            Map<List<Object>, List<Integer>> places = new LinkedHashMap<>();
            for (int at : e.getValue()) places.computeIfAbsent(Arrays.asList(keyAt.get(at)), k -> new ArrayList<>()).add(at);
            List<Object> keys = new ArrayList<>(places.size()); // KeyConditions' key values: the id, or the list of a composite id's parts
            for (List<Object> k : places.keySet()) keys.add(k.size() == 1 ? k.get(0) : k);
            List<Expression<?>> idColumns = List.of(to.idColumns());
            org.athanor.core.dialect.Dialect dialect = s.connection().dialect();
            for (List<Object> batch : KeyConditions.batches(keys, idColumns, dialect, ToOneLoading.CHUNK)) {
                Select<Row> select = to.selectAll.where(KeyConditions.in(idColumns, batch, dialect));
                OrmCompiler.Compiled q = OrmCompiler.compile(to.loadTarget, select);
                RowReader<Object[]> values = Loading.values(q.primary());
                LoadedRows load = Loading.statesLoad(s, to);
                for (InstanceState st : s.connection().execute(q.statement(), (rs, t) -> Loading.materialize(s, load, to, values.read(rs, t))).all()) {
                    Object[] id = new Object[to.idIdx.length];
                    for (int k = 0; k < id.length; k++) id[k] = to.get(st.obj(), to.idIdx[k]);
                    List<Integer> at = places.get(Arrays.asList(id));
                    if (at != null) for (int i : at) out.set(i, st);
                }
            }
        }
    }
}
