package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple2;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.DatabaseError;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.routing.ShardSet;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Core's side of horizontal sharding on real, separate databases: one query on every shard with
 * ORDER BY / LIMIT / OFFSET applied across them, COUNT and SUM added up, DML on every shard all or
 * nothing, and a failing shard named in the error. A subclass gives the shards' engines (three
 * PostgreSQL servers, or SQLite files) and closes them.
 */
public abstract class ShardSetSuite {
    /** The shards' engines, by id, in order; the same engines for every test of the class. */
    protected abstract Map<String, Engine> shardEngines();

    static final class Orders extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<String> REGION = column("region", varchar(10), notNull());
        final Column<Integer> TOTAL = column("total", INTEGER);
        Orders(String name) { super(name); }
    }

    record Order(long id, String region, Integer total) {}

    private Orders o;
    private MetaData md;
    private ShardSet shards;
    private final List<Order> everything = new ArrayList<>();

    @BeforeEach
    void seed() {
        o = new Orders(TestDatabases.uniqueName("shard_orders"));
        md = MetaData.of(o);
        ShardSet.Builder b = ShardSet.builder();
        shardEngines().forEach(b::shard);
        shards = b.build();
        int s = 0;
        for (Map.Entry<String, Engine> e : shards.engines().entrySet()) {
            md.createAll(e.getValue());
            List<Order> mine = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                long id = s * 100L + i;
                // totals interleave across shards; one NULL per shard; one total equal on every shard (a tie)
                Integer total = i == 5 ? null : i == 4 ? 50 : (int) ((id * 37) % 97);
                mine.add(new Order(id, e.getKey(), total));
            }
            e.getValue().inTransaction(c -> {
                for (Order r : mine) c.execute(insert(o).set(o.ID, r.id()).set(o.REGION, r.region()).set(o.TOTAL, r.total()));
            });
            everything.addAll(mine);
            s++;
        }
    }

    @AfterEach
    void drop() {
        for (Engine e : shards.engines().values()) md.dropAll(e);
    }

    private static final Comparator<Integer> NULLS_LARGEST = Comparator.nullsLast(Comparator.naturalOrder());

    private List<Long> expectedIds(Comparator<Order> order, int offset, int limit) {
        return everything.stream().sorted(order).skip(offset).limit(limit).map(Order::id).toList();
    }

    private static List<Long> ids(List<Tuple2<Long, Integer>> rows) { return rows.stream().map(Tuple2::_1).toList(); }

    @Test
    void orderByLimitAndOffsetApplyAcrossShards() {
        // DESC: NULLs first (PostgreSQL's default, explicit on every shard), ties by id
        List<Tuple2<Long, Integer>> rows = shards.executeAll(
                select(o.ID, o.TOTAL).from(o).orderBy(o.TOTAL.desc(), o.ID.asc()).limit(5).offset(2));
        Comparator<Order> desc = Comparator.comparing(Order::total, NULLS_LARGEST).reversed().thenComparing(Order::id);
        assertEquals(expectedIds(desc, 2, 5), ids(rows));
        // ASC: NULLs last
        rows = shards.executeAll(select(o.ID, o.TOTAL).from(o).orderBy(o.TOTAL, o.ID.desc()).limit(7));
        Comparator<Order> asc = Comparator.comparing(Order::total, NULLS_LARGEST).thenComparing(Order::id, Comparator.reverseOrder());
        assertEquals(expectedIds(asc, 0, 7), ids(rows));
        assertNull(shards.executeAll(select(o.ID, o.TOTAL).from(o).orderBy(o.TOTAL.asc()).limit(100)).get(everything.size() - 1)._2());
        // NULLS FIRST asked for: on every shard and in the merge
        rows = shards.executeAll(select(o.ID, o.TOTAL).from(o).orderBy(o.TOTAL.asc().nullsFirst(), o.ID.asc()).limit(4));
        Comparator<Order> nullsFirst = Comparator.comparing(Order::total, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
                .thenComparing(Order::id);
        assertEquals(expectedIds(nullsFirst, 0, 4), ids(rows));
    }

    @Test
    void withoutOrderByRowsComeShardAfterShardAndLimitCutsTheWhole() {
        List<Tuple2<Long, String>> rows = shards.executeAll(select(o.ID, o.REGION).from(o).where(o.TOTAL.isNotNull()));
        List<String> regions = rows.stream().map(Tuple2::_2).distinct().toList();
        assertEquals(List.copyOf(shards.ids()), regions, "shard order");
        assertEquals(everything.stream().filter(r -> r.total() != null).count(), rows.size());
        assertEquals(3, shards.executeAll(select(o.ID).from(o).limit(3)).size());
        // with an offset past the first shard's rows
        List<Long> skipped = shards.executeAll(select(o.ID).from(o).orderBy(o.ID).offset(7)).stream().map(t -> t._1()).toList();
        assertEquals(everything.stream().map(Order::id).sorted().skip(7).toList(), skipped);
    }

    @Test
    void countAndSumAreAddedUp() {
        assertEquals(everything.size(), shards.sumAll(select(count()).from(o)));
        long total = everything.stream().filter(r -> r.total() != null).mapToLong(Order::total).sum();
        assertEquals(total, shards.sumAll(select(sum(o.TOTAL)).from(o)));
        // SUM over no rows is NULL on each shard: counts as 0
        assertEquals(0, shards.sumAll(select(sum(o.TOTAL)).from(o).where(o.ID.lt(-1L))));
        String first = shards.ids().iterator().next();
        assertEquals(6, shards.sum(List.of(first), select(count()).from(o)), "only the shards given are asked");
    }

    @Test
    void theRowsAreOnTheShardsTheyWereWrittenTo() {
        for (Map.Entry<String, Engine> e : shards.engines().entrySet()) {
            try (Connection c = e.getValue().connect()) {
                List<String> regions = c.execute(select(o.REGION).from(o)).all().stream().map(t -> t._1()).distinct().toList();
                assertEquals(List.of(e.getKey()), regions, "shard " + e.getKey() + " holds its own rows only");
            }
        }
    }

    @Test
    void dmlRunsOnEveryShardAndAFailingShardRollsAllBack() {
        Map<String, Integer> n = shards.executeAll(update(o).set(o.TOTAL, 1).where(o.TOTAL.isNull()));
        assertEquals(shards.ids().size(), n.size());
        n.values().forEach(v -> assertEquals(1, v));
        assertEquals(0, shards.sumAll(select(count()).from(o).where(o.TOTAL.isNull())));
        // the last shard already has id 1 (the first shard's ids are 0..5: id 1 is on the first shard only)...
        List<String> ids = new ArrayList<>(shards.ids());
        String last = ids.get(ids.size() - 1);
        shards.engine(last).inTransaction(c -> c.execute(insert(o).set(o.ID, 999L).set(o.REGION, last)));
        // ...so inserting 999 everywhere succeeds on the first shards and fails on the last
        IntegrityError e = assertThrows(IntegrityError.class,
                () -> shards.executeAll(insert(o).set(o.ID, 999L).set(o.REGION, "all")));
        assertTrue(e.getMessage().startsWith("shard '" + last + "'"), e.getMessage());
        for (String id : ids.subList(0, ids.size() - 1))
            try (Connection c = shards.engine(id).connect()) {
                assertEquals(0L, c.scalar(select(count()).from(o).where(o.ID.eq(999L))), "shard " + id + " rolled back");
            }
    }

    @Test
    void aFailingShardFailsTheQueryNamingIt() {
        List<String> ids = new ArrayList<>(shards.ids());
        String broken = ids.get(1);
        md.dropAll(shards.engine(broken));
        try {
            DatabaseError e = assertThrows(DatabaseError.class, () -> shards.executeAll(select(o.ID).from(o)));
            assertTrue(e.getMessage().startsWith("shard '" + broken + "'"), e.getMessage());
            assertEquals(6, shards.sum(List.of(ids.get(0)), select(count()).from(o)), "the other shards are unchanged");
        } finally {
            md.createAll(shards.engine(broken)); // for the drop after the test
        }
    }

    @Test
    void mergeNeedsTheOrderByColumnsSelectedAndPlainLimits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> shards.executeAll(select(o.ID).from(o).orderBy(o.TOTAL)));
        assertTrue(e.getMessage().contains("not among the selected columns"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> shards.executeAll(select(o.ID).from(o).limit(bindParam("n", 2L, BIGINT))));
        assertTrue(e.getMessage().contains("LIMIT"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> shards.engine("nope"));
        assertTrue(e.getMessage().contains(shards.ids().toString()), e.getMessage());
    }
}
