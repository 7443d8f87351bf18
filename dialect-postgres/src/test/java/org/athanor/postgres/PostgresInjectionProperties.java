package org.athanor.postgres;

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
 * session with StandardConformingStringsOff and one with StandardConformingStringsOn; the canary table keeps its one row and no
 * case leaves a row behind (see {@link LiteralSafety#checkOne}).
 */
class PostgresInjectionProperties {
    static Engine engine;
    static LiteralSafety.Canary canary;
    static Connection first, second;
    static final AtomicLong ids = new AtomicLong(1);
    static final AtomicLong cases = new AtomicLong();

    @BeforeContainer
    static void setUp() {
        engine = TestDatabases.postgres();
        canary = new LiteralSafety.Canary(engine);
        first = engine.connect();
        LiteralSafety.session("SET standard_conforming_strings = off").accept(first);
        second = engine.connect();
        LiteralSafety.session("SET standard_conforming_strings = on").accept(second);
    }

    @AfterContainer
    static void tearDown() {
        try {
            if (first != null) { canary.assertIntact(first); first.close(); }
            if (second != null) { canary.assertIntact(second); second.close(); }
            System.out.println("PostgresInjectionProperties: " + cases.get() + " literal-safety cases run");
        } finally {
            TestDatabases.dropAndClose(engine, canary == null ? null : canary.metadata);
        }
    }

    @Provide
    Arbitrary<String> strings() { return LiteralSafety.strings(false); }

    @Property(tries = 200)
    void safeWithStandardConformingStringsOff(@ForAll("strings") String s) {
        cases.addAndGet(LiteralSafety.checkOne(engine, canary, first, s, ids.getAndAdd(4)));
    }

    @Property(tries = 200)
    void safeWithStandardConformingStringsOn(@ForAll("strings") String s) {
        cases.addAndGet(LiteralSafety.checkOne(engine, canary, second, s, ids.getAndAdd(4)));
    }
}
