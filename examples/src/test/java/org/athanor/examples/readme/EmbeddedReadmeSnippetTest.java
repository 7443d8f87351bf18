package org.athanor.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.athanor.core.engine.Engine;
import org.athanor.orm.Registry;
import org.athanor.orm.Session;
import org.athanor.orm.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's embedded-values snippet: Shopper with two
 * Locations, the second renamed by @AttributeOverride, queried through Shopper_.home.city.
 */
class EmbeddedReadmeSnippetTest {
    @TempDir Path dir;

    @Test
    void embeddedSnippetRuns() {
        try (Engine engine = Engine.create("sqlite:///" + dir.resolve("embedded.db"))) {
            Registry registry = Registry.of(Shopper.class);
            registry.metadata().createAll(engine);
            SessionFactory sessions = SessionFactory.of(engine, registry);
            try (Session session = sessions.openSession()) {
                session.add(new Shopper("ann", new Location("1 Rue A", "Paris"), new Location("9 Main St", "Lyon")));
                session.add(new Shopper("bob", new Location("2 Rue B", "Nice"), null));
                session.commit();
            }
            try (Session session = sessions.openSession()) {
                List<Shopper> inParis = session.query(Shopper.class).filter(Shopper_.home.city.eq("Paris")).all();
                inParis.get(0).getHome().setCity("Lille");                   // flushed: UPDATE shopper SET city = ?
                session.commit();
            }
            try (Session session = sessions.openSession()) {
                List<Shopper> all = session.query(Shopper.class).orderBy(Shopper_.name.asc()).all();
                assertEquals("Lille", all.get(0).getHome().getCity());
                assertEquals("Lyon", all.get(0).getWork().getCity());
                assertNull(all.get(1).getWork(), "no work address: its columns are NULL, and it loads as null");
            }
        }
    }
}
