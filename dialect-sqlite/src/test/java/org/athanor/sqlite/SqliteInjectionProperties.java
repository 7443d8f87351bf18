package org.athanor.sqlite;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.testing.LiteralSafety;
import org.athanor.core.testing.TestDatabases;

/**
 * The injection property: arbitrary strings through every literal-rendering path (and bound), on a
 * SQLite connection (twice as many tries, since no session setting changes how SQLite reads a
 * literal); the canary table keeps its one row and no case leaves a row behind (see {@link LiteralSafety#checkOne}).
 */
class SqliteInjectionProperties {
    static Engine engine;
    static LiteralSafety.Canary canary;
    static Connection first, second;
    static final AtomicLong ids = new AtomicLong(1);
    static final AtomicLong cases = new AtomicLong();

    @BeforeContainer
    static void setUp() {
        engine = Engine.create("sqlite://"); // one connection: no session setting changes how SQLite reads a literal
        canary = new LiteralSafety.Canary(engine);
        first = engine.connect();
        second = first;
    }

    @AfterContainer
    static void tearDown() {
        try {
            if (first != null) { canary.assertIntact(first); first.close(); }
            System.out.println("SqliteInjectionProperties: " + cases.get() + " literal-safety cases run");
        } finally {
            TestDatabases.dropAndClose(engine, canary == null ? null : canary.metadata);
        }
    }

    @Provide
    Arbitrary<String> strings() { return LiteralSafety.strings(false); }

    @Property(tries = 200)
    void safe(@ForAll("strings") String s) {
        cases.addAndGet(LiteralSafety.checkOne(engine, canary, first, s, ids.getAndAdd(4)));
    }

    @Property(tries = 200)
    void safeAgain(@ForAll("strings") String s) {
        cases.addAndGet(LiteralSafety.checkOne(engine, canary, second, s, ids.getAndAdd(4)));
    }
}
