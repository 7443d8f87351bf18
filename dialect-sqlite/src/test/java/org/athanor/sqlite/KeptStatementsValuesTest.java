package org.athanor.sqlite;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.MetaData;
import org.junit.jupiter.api.Test;

/**
 * Every statement a checkout kept lets go of the values it bound last when the checkout ends, however the
 * statements were interleaved (the connection tracks them in a short list, each once, pruned of closed ones
 * past 64): a large value bound by any of them is collectable afterwards.
 */
class KeptStatementsValuesTest {
    @Test
    void everyKeptStatementOfACheckoutLetsGoOfItsValues() throws InterruptedException {
        try (Engine engine = Engine.create("sqlite://")) {
            MetaData.of(USERS).createAll(engine);
            List<WeakReference<String>> values = bindLargeValues(engine);
            for (int i = 0; i < 100 && values.stream().anyMatch(v -> v.get() != null); i++) {
                System.gc();
                Thread.sleep(10);
            }
            for (int k = 0; k < values.size(); k++)
                assertTrue(values.get(k).get() == null, "the value of statement shape " + k + " is no longer held by its kept statement");
            try (Connection c = engine.connect()) { // and the kept statements bind anew
                assertEquals(0, c.execute(select(USERS.ID).where(USERS.NAME.eq("x"))).all().size());
                assertEquals(0, c.execute(select(USERS.AGE).where(USERS.NAME.eq("y"))).all().size());
            }
        }
    }

    /** Three statement shapes, interleaved, each binding its own large value in one checkout; no frame keeps the values. */
    private static List<WeakReference<String>> bindLargeValues(Engine engine) {
        List<WeakReference<String>> refs = new ArrayList<>();
        try (Connection c = engine.connect()) {
            String a = "a".repeat(1 << 20), b = "b".repeat(1 << 20), d = "d".repeat(1 << 20);
            for (int round = 0; round < 2; round++) {
                assertEquals(0, c.execute(select(USERS.ID).where(USERS.NAME.eq(a))).all().size());
                assertEquals(0, c.execute(select(USERS.AGE).where(USERS.NAME.eq(b))).all().size());
                assertEquals(0, c.execute(select(USERS.ID).where(USERS.NAME.eq(a))).all().size());
                c.execute(update(USERS).set(USERS.EMAIL, d).where(USERS.ID.eq(-1L)));
            }
            refs.add(new WeakReference<>(a));
            refs.add(new WeakReference<>(b));
            refs.add(new WeakReference<>(d));
        }
        return refs;
    }
}
