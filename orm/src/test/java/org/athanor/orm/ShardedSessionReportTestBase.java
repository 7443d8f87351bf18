package org.athanor.orm;

import static org.athanor.core.sql.Sql.deleteFrom;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.athanor.core.error.ConfigurationError;
import org.athanor.orm.model.shard.ShardCustomer;
import org.athanor.orm.model.shard.ShardOrder;
import org.athanor.orm.sharding.ShardedSession;
import org.athanor.orm.sharding.ShardedSessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A sharded session takes a Session's statement report and lazy-load limit options
 * ({@code ShardedSessionFactory.Builder.sessionOptions}): each shard's session counts its statements by origin and
 * applies the limit to its own lazy loads. Two databases per run (shard "a" holds region EU, "b" the rest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ShardedSessionReportTestBase {
    static final Registry REGISTRY = ShardedSessionTestBase.REGISTRY;
    private List<TestDb> dbs;
    private ShardedSessionFactory reporting, limited;

    /** Two fresh databases without the ORM tables, for shards "a" and "b". */
    protected abstract List<TestDb> openShards();

    private ShardedSessionFactory factory(java.util.function.UnaryOperator<SessionFactory> options) {
        return ShardedSessionFactory.builder(REGISTRY).shard("a", dbs.get(0).engine()).shard("b", dbs.get(1).engine())
                .shardChooser(o -> "EU".equals(o instanceof ShardCustomer c ? c.getRegion() : ((ShardOrder) o).getRegion()) ? "a" : "b")
                .sessionOptions(options).build();
    }

    @BeforeAll
    void setUp() {
        dbs = openShards();
        for (TestDb db : dbs) REGISTRY.metadata().createAll(db.engine());
        reporting = factory(SessionFactory::withStatementReport);
        limited = factory(f -> f.raiseLazyLoadsOver(0));
    }

    @AfterAll
    void tearDown() { if (dbs != null) dbs.forEach(TestDb::close); }

    @BeforeEach
    void seed() {
        for (TestDb db : dbs)
            db.engine().inTransaction(c -> {
                c.execute(deleteFrom(REGISTRY.table(ShardOrder.class)));
                c.execute(deleteFrom(REGISTRY.table(ShardCustomer.class)));
            });
        try (ShardedSession s = reporting.openSession()) {
            for (String[] x : new String[][] {{"ann", "EU"}, {"cid", "EU"}, {"bob", "US"}}) {
                ShardCustomer c = new ShardCustomer(x[0], x[1], 1);
                c.getOrders().add(new ShardOrder("tea", x[1], c));
                s.add(c);
            }
            s.commit();
        }
    }

    @Test
    void eachShardsSessionReportsItsStatementsByOrigin() {
        try (ShardedSession s = reporting.openSession()) {
            List<ShardCustomer> all = s.query(ShardCustomer.class).all();
            assertEquals(3, all.size());
            for (ShardCustomer c : all) assertEquals(1, c.getOrders().size(), c.getName());
            Map<String, StatementReport> reports = s.statementReports();
            assertEquals(List.of("a", "b"), List.copyOf(reports.keySet()));
            for (Map.Entry<String, StatementReport> r : reports.entrySet()) {
                assertEquals(1, r.getValue().count("query ShardCustomer"), r.getKey() + ": " + r.getValue());
                assertEquals(1, r.getValue().count("lazy load ShardCustomer.orders"), r.getKey() + ": one batched load for its customers: " + r.getValue());
                assertEquals(Map.of("ShardCustomer.orders", 1), r.getValue().lazyLoads());
            }
            s.resetStatementReports();
            assertEquals(0, s.statementReports().get("a").total());
        }
    }

    @Test
    void theLazyLoadLimitAppliesToEachShardsSession() {
        try (ShardedSession s = limited.openSession()) {
            ShardCustomer bob = s.query(ShardCustomer.class).filter(ShardedSessionTestBase.NAME.eq("bob")).one();
            LazyLoadLimitError e = assertThrows(LazyLoadLimitError.class, () -> bob.getOrders().size());
            assertTrue(e.getMessage().contains("ShardCustomer.orders"), e.getMessage());
        }
    }

    @Test
    void sessionOptionsMustKeepTheShardsEngine() {
        ConfigurationError e = assertThrows(ConfigurationError.class,
                () -> factory(f -> SessionFactory.of(dbs.get(1).engine(), REGISTRY)));
        assertTrue(e.getMessage().contains("shard 'a'") && e.getMessage().contains("f -> f.withStatementReport()"), e.getMessage());
    }
}
