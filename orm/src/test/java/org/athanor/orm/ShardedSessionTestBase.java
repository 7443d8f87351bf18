package org.athanor.orm;

import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.routing.ShardKeys;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.model.shard.ShardCustomer;
import org.athanor.orm.model.shard.ShardOrder;
import org.athanor.orm.sharding.CrossShardError;
import org.athanor.orm.sharding.ShardedQuery;
import org.athanor.orm.sharding.ShardedSession;
import org.athanor.orm.sharding.ShardedSessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sharded ORM session on two real databases (shard "a" holds region EU, shard "b" the rest):
 * objects land on the chosen shard (checked by reading each database directly), get and query route
 * by the choosers, merged ordering/limits/counts are right, identity is per shard, a cross-shard
 * relationship is refused, and a failing shard fails the flush naming it and leaves the other
 * unchanged. A subclass gives the two databases (PostgreSQL servers, or SQLite files).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ShardedSessionTestBase {
    static final Registry REGISTRY = Registry.of(ShardCustomer.class, ShardOrder.class);
    static final Column<String> REGION = ClassMapping.column(ShardCustomer.class, "region", String.class);
    static final Column<Integer> SPENT = ClassMapping.column(ShardCustomer.class, "spent", Integer.class);
    static final Column<Long> ID = ClassMapping.column(ShardCustomer.class, "id", Long.class);
    static final Column<String> NAME = ClassMapping.column(ShardCustomer.class, "name", String.class);

    private final Map<String, TestDb> dbs = new LinkedHashMap<>();
    private final Map<String, List<String>> statements = new LinkedHashMap<>();
    ShardedSessionFactory sessions;

    /** Two fresh databases without the ORM tables, for shards "a" and "b". */
    protected abstract List<TestDb> openShards();

    static String shardOfRegion(Object region) { return "EU".equals(region) ? "a" : "b"; }

    @BeforeAll
    void setUp() {
        List<TestDb> two = openShards();
        dbs.put("a", two.get(0));
        dbs.put("b", two.get(1));
        ShardedSessionFactory.Builder b = ShardedSessionFactory.builder(REGISTRY)
                .shardChooser(obj -> shardOfRegion(obj instanceof ShardCustomer c ? c.getRegion() : ((ShardOrder) obj).getRegion()))
                .queryChooser(q -> ShardKeys.pinnedValues(q.criterion(), REGION)
                        .map(regions -> regions.stream().map(ShardedSessionTestBase::shardOfRegion).distinct().toList())
                        .orElse(List.of("a", "b")));
        dbs.forEach((id, db) -> {
            REGISTRY.metadata().createAll(db.engine());
            List<String> seen = new CopyOnWriteArrayList<>();
            db.engine().addStatementListener(seen::add);
            statements.put(id, seen);
            b.shard(id, db.engine());
        });
        sessions = b.build();
    }

    @AfterAll
    void tearDown() { dbs.values().forEach(TestDb::close); }

    @BeforeEach
    void empty() {
        for (TestDb db : dbs.values())
            db.engine().inTransaction(c -> {
                c.execute(deleteFrom(REGISTRY.table(ShardOrder.class)));
                c.execute(deleteFrom(REGISTRY.table(ShardCustomer.class)));
            });
        statements.values().forEach(List::clear);
    }

    Engine engine(String shard) { return dbs.get(shard).engine(); }

    /** The customer names stored in shard {@code shard}, read from its database directly. */
    List<String> namesIn(String shard) {
        Table t = REGISTRY.table(ShardCustomer.class);
        try (Connection c = engine(shard).connect()) {
            return c.execute(select(NAME).from(t).orderBy(NAME)).all().stream().map(r -> r._1()).toList();
        }
    }

    record Seed(String name, String region, Integer spent) {}

    static final List<Seed> SEEDS = List.of(new Seed("ann", "EU", 50), new Seed("bob", "US", 70), new Seed("cid", "EU", 20),
            new Seed("dee", "APAC", null), new Seed("eve", "EU", 70), new Seed("fay", "US", 10), new Seed("gus", "EU", null),
            new Seed("hal", "US", 35));

    void seed() {
        try (ShardedSession s = sessions.openSession()) {
            for (Seed x : SEEDS) s.add(new ShardCustomer(x.name(), x.region(), x.spent()));
            s.commit();
        }
    }

    @Test
    void objectsLandOnTheChosenShardWithTheirRelatedObjects() {
        try (ShardedSession s = sessions.openSession()) {
            ShardCustomer ann = new ShardCustomer("ann", "EU", 1);
            ann.getOrders().add(new ShardOrder("tea", "EU", null)); // collected: goes with ann
            ShardCustomer bob = new ShardCustomer("bob", "US", 2);
            s.add(ann);
            s.add(bob);
            s.add(new ShardOrder("pen", "US", bob));
            assertEquals("a", s.shardOf(ann));
            assertEquals("b", s.shardOf(bob));
            assertEquals("a", s.shardOf(ann.getOrders().get(0)));
            s.commit();
        }
        assertEquals(List.of("ann"), namesIn("a"));
        assertEquals(List.of("bob"), namesIn("b"));
        Table orders = REGISTRY.table(ShardOrder.class);
        for (String shard : List.of("a", "b"))
            try (Connection c = engine(shard).connect()) {
                assertEquals(1L, c.scalar(select(count()).from(orders)), "one order on shard " + shard);
            }
    }

    @Test
    void equalIdsOnTwoShardsAreTwoObjects() {
        try (ShardedSession s = sessions.openSession()) {
            ShardCustomer eu = new ShardCustomer("eu-first", "EU", 1);
            ShardCustomer us = new ShardCustomer("us-first", "US", 1);
            s.add(eu);
            s.add(us);
            s.commit();
            // each database numbered its own rows; make the ids collide on purpose
            long id = eu.getId();
            engine("b").inTransaction(c -> c.execute(update(REGISTRY.table(ShardCustomer.class)).set(ID, id).where(ID.eq(us.getId()))));
        }
        long id;
        try (Connection c = engine("a").connect()) {
            id = c.scalar(select(ID).from(REGISTRY.table(ShardCustomer.class)));
        }
        try (ShardedSession s = sessions.openSession()) {
            ShardCustomer onA = s.get(ShardCustomer.class, id, "a");
            ShardCustomer onB = s.get(ShardCustomer.class, id, "b");
            assertNotSame(onA, onB);
            assertEquals("eu-first", onA.getName());
            assertEquals("us-first", onB.getName());
            assertEquals("a", s.shardOf(onA));
            assertEquals("b", s.shardOf(onB));
            assertSame(onA, s.get(ShardCustomer.class, id), "the id chooser's first shard with the row (default: all, in order)");
            assertSame(onB, s.get(ShardCustomer.class, id, "b"), "the identity map of shard b");
        }
    }

    @Test
    void getAndQueryRouteByTheChoosers() {
        seed();
        try (ShardedSession s = sessions.openSession()) {
            statements.values().forEach(List::clear);
            ShardedQuery<ShardCustomer> eu = s.query(ShardCustomer.class).filter(REGION.eq("EU"));
            assertEquals(List.of("a"), eu.shards());
            assertEquals(List.of("ann", "cid", "eve", "gus"), eu.orderBy(NAME).all().stream().map(ShardCustomer::getName).toList());
            assertTrue(statements.get("b").isEmpty(), "shard b was not asked: " + statements.get("b"));
            assertEquals(List.of("b"), s.query(ShardCustomer.class).filter(REGION.in("US", "APAC")).shards());
            assertEquals(List.of("a", "b"), s.query(ShardCustomer.class).filter(SPENT.gt(10)).shards());
            ShardCustomer bob = s.query(ShardCustomer.class).filter(REGION.eq("US"), NAME.eq("bob")).first();
            assertEquals("b", s.shardOf(bob));
            assertSame(bob, s.get(ShardCustomer.class, bob.getId(), "b"), "one object per (entity, id, shard)");
        }
    }

    @Test
    void mergedOrderingLimitOffsetAndCountAreRight() {
        seed();
        Comparator<Seed> bySpentDesc = Comparator.comparing(Seed::spent, Comparator.nullsLast(Comparator.<Integer>naturalOrder())).reversed()
                .thenComparing(Seed::name);
        try (ShardedSession s = sessions.openSession()) {
            List<String> got = s.query(ShardCustomer.class).orderBy(SPENT.desc(), NAME).offset(1).limit(4).all().stream()
                    .map(ShardCustomer::getName).toList();
            assertEquals(SEEDS.stream().sorted(bySpentDesc).skip(1).limit(4).map(Seed::name).toList(), got);
            List<String> asc = s.query(ShardCustomer.class).orderBy(SPENT, NAME.desc()).all().stream().map(ShardCustomer::getName).toList();
            List<Seed> sorted = new ArrayList<>(SEEDS);
            sorted.sort(Comparator.comparing(Seed::spent, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
                    .thenComparing(Seed::name, Comparator.reverseOrder()));
            assertEquals(sorted.stream().map(Seed::name).toList(), asc, "NULLs last ascending, across shards");
            assertEquals(SEEDS.size(), s.query(ShardCustomer.class).count());
            assertEquals(4, s.query(ShardCustomer.class).filter(REGION.eq("EU")).count());
            assertEquals(5, s.query(ShardCustomer.class).filter(SPENT.isNotNull()).limit(5).count());
            assertEquals(2, s.query(ShardCustomer.class).offset(6).count());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.query(ShardCustomer.class).orderBy(REGISTRY.table(ShardOrder.class).columns().get(0)).all());
            assertTrue(e.getMessage().contains("is not a column of ShardCustomer"), e.getMessage());
        }
    }

    @Test
    void aCrossShardRelationshipIsAClearError() {
        seed();
        try (ShardedSession s = sessions.openSession()) {
            ShardCustomer ann = s.query(ShardCustomer.class).filter(REGION.eq("EU"), NAME.eq("ann")).first();
            // an order chosen for shard b referring to a customer of shard a: refused at add, nothing added
            ShardOrder wrong = new ShardOrder("ink", "US", ann);
            CrossShardError e = assertThrows(CrossShardError.class, () -> s.add(wrong));
            assertTrue(e.getMessage().contains("shard 'b'") && e.getMessage().contains("shard 'a'")
                    && e.getMessage().contains("ShardOrder.customer"), e.getMessage());
            assertNull(s.shardOf(wrong));
            // a reference changed after loading is refused at flush, before any SQL
            ShardOrder pen = new ShardOrder("pen", "US", s.query(ShardCustomer.class).filter(REGION.eq("US"), NAME.eq("bob")).first());
            s.add(pen);
            s.commit();
            ShardOrder loaded = s.get(ShardOrder.class, pen.getId(), "b");
            loaded.setCustomer(ann);
            statements.values().forEach(List::clear);
            assertThrows(CrossShardError.class, s::flush);
            assertThrows(CrossShardError.class, () -> s.query(ShardOrder.class).all(), "nor autoflushed by a query");
            assertTrue(statements.get("b").stream().noneMatch(q -> q.startsWith("UPDATE")), statements.get("b").toString());
            s.rollback();
        }
    }

    @Test
    void aFailingShardFailsTheFlushNamingItAndLeavesTheOtherUnchanged() {
        seed();
        List<String> beforeA = namesIn("a");
        List<String> beforeB = namesIn("b");
        try (ShardedSession s = sessions.openSession()) {
            s.add(new ShardCustomer("new-eu", "EU", 5));       // shard a: fine
            ShardCustomer broken = new ShardCustomer("new-us", "US", 5);
            s.add(broken);
            broken.setName(null);                              // shard b: NOT NULL refuses it
            IntegrityError e = assertThrows(IntegrityError.class, s::commit);
            assertTrue(e.getMessage().startsWith("shard 'b'"), e.getMessage());
        }
        assertEquals(beforeA, namesIn("a"), "shard a rolled back");
        assertEquals(beforeB, namesIn("b"));
    }

    @Test
    void choosersAreCheckedAndTheMessagesSayWhatWasExpected() {
        ShardedSessionFactory bad = ShardedSessionFactory.builder(REGISTRY).shard("a", engine("a")).shardChooser(obj -> "z").build();
        try (ShardedSession s = bad.openSession()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.add(new ShardCustomer("x", "EU", 1)));
            assertTrue(e.getMessage().contains("'z'") && e.getMessage().contains("[a]"), e.getMessage());
        }
        org.athanor.core.error.ConfigurationError e = assertThrows(org.athanor.core.error.ConfigurationError.class,
                () -> ShardedSessionFactory.builder(REGISTRY).shard("a", engine("a")).build());
        assertTrue(e.getMessage().contains("shardChooser"), e.getMessage());
    }
}
