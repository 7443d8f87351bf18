package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.core.error.PoolTimeoutError;
import org.athanor.orm.model.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Misuse of a Session (issue 17): a null argument is named instead of surfacing as a bare
 * NullPointerException deep inside, and a Session dropped without close() gives its pooled connection
 * back, rolled back, once it is garbage-collected (the Core Connection it holds is watched by a phantom
 * reference of its Engine's, see UnclosedConnections), so a forgotten Session cannot starve the pool for ever.
 */
class SessionMisuseTest {
    private static void named(Executable call, String argument) {
        NullPointerException e = assertThrows(NullPointerException.class, call);
        assertEquals(argument, e.getMessage(), "the null argument is named");
    }

    @Test
    void publicEntryPointsNameTheirNullArgument(@TempDir Path dir) {
        try (Engine engine = Engine.create("sqlite:///" + dir.resolve("nulls.db"))) {
            Registry registry = Registry.of(User.class);
            registry.metadata().createAll(engine);
            try (Session s = SessionFactory.of(engine, registry).openSession()) {
                named(() -> s.query(null), "entityClass");
                named(() -> s.get(null, 1L), "entityClass");
                named(() -> s.get(User.class, null), "id");
                named(() -> s.add(null), "entity");
                named(() -> s.addAll(null), "entities");
                named(() -> s.expunge(null), "entity");
                named(() -> s.refresh(null), "entity");
                named(() -> s.isModified(null), "entity");
                named(() -> s.contains(null), "entity");
                named(() -> s.execute((org.athanor.core.sql.Select<?>) null), "query");
                named(() -> s.execute((org.athanor.core.sql.Dml) null), "statement");
                assertEquals(0, s.query(User.class).count(), "the session is still usable");
            }
        }
    }

    /** Opens a Session that holds the pool's only connection (an insert flushed, not committed) and forgets it. */
    private static void leak(SessionFactory sessions) {
        Session s = sessions.openSession();
        s.add(new User("leaked", "leaked@x", 1));
        s.flush();
    }

    @Test
    void aSessionLeftUnclosedGivesItsConnectionBackRolledBackWhenCollected(@TempDir Path dir) throws Exception {
        EngineOptions options = EngineOptions.defaults().poolSize(1).connectionTimeout(Duration.ofMillis(500));
        try (Engine engine = Engine.create("sqlite:///" + dir.resolve("leak.db"), options)) {
            Registry registry = Registry.of(User.class);
            registry.metadata().createAll(engine);
            SessionFactory sessions = SessionFactory.of(engine, registry);
            leak(sessions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                System.gc();
                try (Session s = sessions.openSession()) {
                    List<User> users = s.query(User.class).all();
                    assertTrue(users.isEmpty(), "the leaked session's insert was rolled back, not committed: " + users);
                    break;
                } catch (PoolTimeoutError e) {
                    if (System.nanoTime() > deadline) throw e;
                }
            }
        }
    }
}
