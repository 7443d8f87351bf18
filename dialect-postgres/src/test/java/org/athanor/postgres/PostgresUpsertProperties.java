package org.athanor.postgres;

import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.ContainerLifecycleContext;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.MetaData;
import org.athanor.core.sql.Insert;
import org.athanor.core.sql.Row;
import org.athanor.core.testing.TestDatabases;
import org.opentest4j.TestAbortedException;

/**
 * Random sequences of ON CONFLICT upserts agree with a map: after every statement the row RETURNING
 * gives back (or not) and, at the end, the whole table. Each try runs in a transaction that is rolled back.
 */
@AddLifecycleHook(PostgresUpsertProperties.NeedsServer.class)
class PostgresUpsertProperties {
    enum Kind { REPLACE, ADD, NOTHING, REPLACE_IF_GREATER }

    record Op(String page, long count, Kind kind) {}

    private static Engine engine;
    private static Hits hits;
    private static MetaData md;

    static synchronized Hits table() {
        if (engine == null) {
            engine = TestDatabases.postgres();
            hits = new Hits(TestDatabases.uniqueName("pg_upsert"));
            md = MetaData.of(hits);
            md.createAll(engine);
        }
        return hits;
    }

    @AfterContainer
    static synchronized void dropTable() {
        if (engine == null) return;
        try {
            md.dropAll(engine);
        } finally {
            engine.close();
            engine = null;
        }
    }

    /** Opens the server before the tries, so that a server that is down skips the class (fails under CI=true). */
    public static final class NeedsServer implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            if (!(context instanceof ContainerLifecycleContext)) return SkipResult.doNotSkip();
            try {
                table();
                return SkipResult.doNotSkip();
            } catch (TestAbortedException e) {
                return SkipResult.skip(e.getMessage());
            }
        }
    }

    @Provide
    Arbitrary<Op> ops() {
        return Combinators.combine(Arbitraries.of("/", "/a", "/b", "/c"), Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L),
                Arbitraries.of(Kind.class)).as(Op::new);
    }

    @Property(tries = 60)
    void upsertsAgreeWithAMap(@ForAll @Size(max = 25) List<@net.jqwik.api.From("ops") Op> ops) {
        Hits h = table();
        Map<String, Long> model = new TreeMap<>();
        try (Connection c = engine.connect()) {
            for (Op op : ops) {
                Insert row = insert(h).set(h.PAGE, op.page()).set(h.COUNT, op.count());
                var target = PostgresInsert.onConflict(row, h.PAGE);
                Insert upsert = switch (op.kind()) {
                    case REPLACE -> target.doUpdateFromExcluded(h.COUNT);
                    case ADD -> target.doUpdate(PostgresInsert.set(h.COUNT, h.COUNT.plus(PostgresInsert.excluded(h.COUNT))));
                    case NOTHING -> target.doNothing();
                    case REPLACE_IF_GREATER -> target.doUpdate(PostgresInsert.set(h.COUNT, PostgresInsert.excluded(h.COUNT)),
                            PostgresInsert.excluded(h.COUNT).gt(h.COUNT));
                };
                Long before = model.get(op.page());
                Long after = before == null ? Long.valueOf(op.count()) : switch (op.kind()) {
                    case REPLACE -> op.count();
                    case ADD -> before + op.count();
                    case NOTHING -> null;
                    case REPLACE_IF_GREATER -> op.count() > before ? op.count() : null;
                };
                Row returned = c.execute(upsert.returning(h.COUNT)).oneOrNull();
                if (after == null) {
                    assertNull(returned, op + " on " + before + " must leave the row alone");
                } else {
                    assertNotNull(returned, op + " on " + before + " must write the row");
                    assertEquals(after, returned.get(h.COUNT), op + " on " + before);
                    model.put(op.page(), after);
                }
            }
            Map<String, Long> table = new TreeMap<>();
            for (var t : c.execute(select(h.PAGE, h.COUNT)).all()) table.put(t._1, t._2);
            assertEquals(model, table);
        } // rolled back: the next try starts from an empty table
    }
}
