package org.athanor.mysql;

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
 * session with NoBackslashEscapes and one with BackslashEscapes; the canary table keeps its one row and no
 * case leaves a row behind (see {@link LiteralSafety#checkOne}).
 */
class MysqlInjectionProperties {
    static Engine engine;
    static LiteralSafety.Canary canary;
    static Connection first, second;
    static final AtomicLong ids = new AtomicLong(1);
    static final AtomicLong cases = new AtomicLong();

    @BeforeContainer
    static void setUp() {
        engine = TestDatabases.mysql();
        canary = new LiteralSafety.Canary(engine);
        first = engine.connect();
        LiteralSafety.session("SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',NO_BACKSLASH_ESCAPES')").accept(first);
        second = engine.connect();
        LiteralSafety.session("SET SESSION sql_mode = REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '')").accept(second);
    }

    @AfterContainer
    static void tearDown() {
        try {
            if (first != null) { canary.assertIntact(first); first.close(); }
            if (second != null) { canary.assertIntact(second); second.close(); }
            System.out.println("MysqlInjectionProperties: " + cases.get() + " literal-safety cases run");
        } finally {
            TestDatabases.dropAndClose(engine, canary == null ? null : canary.metadata);
        }
    }

    @Provide
    Arbitrary<String> strings() { return LiteralSafety.strings(true); }

    @Property(tries = 200)
    void safeWithNoBackslashEscapes(@ForAll("strings") String s) {
        cases.addAndGet(LiteralSafety.checkOne(engine, canary, first, s, ids.getAndAdd(4)));
    }

    @Property(tries = 200)
    void safeWithBackslashEscapes(@ForAll("strings") String s) {
        cases.addAndGet(LiteralSafety.checkOne(engine, canary, second, s, ids.getAndAdd(4)));
    }
}
