package org.athanor.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.athanor.core.engine.Engine;
import org.athanor.orm.Registry;
import org.athanor.orm.Session;
import org.athanor.orm.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unidirectional {@code @OneToMany @JoinColumn} snippet proposed in docs/unidir-readme-section.md (Album, Track). */
class UnidirReadmeSnippetTest {
    @TempDir Path dir;

    @Test
    void joinColumnSnippetRuns() {
        try (Engine engine = Engine.create("sqlite:///" + dir.resolve("unidir.db"))) {
            Registry registry = Registry.of(Album.class, Track.class);
            registry.metadata().createAll(engine);
            SessionFactory sessions = SessionFactory.of(engine, registry);
            List<String> statements = new CopyOnWriteArrayList<>();
            engine.addStatementListener(statements::add);
            Long id;
            try (Session session = sessions.openSession()) {
                Album album = new Album("Kind of Blue");
                album.getTracks().add(new Track("So What"));
                album.getTracks().add(new Track("Blue in Green"));
                session.add(album);
                session.commit();              // INSERT the album, then one INSERT of both tracks carrying album_id
                id = album.getId();
            }
            assertEquals(2, statements.stream().filter(s -> s.startsWith("INSERT")).count(), statements.toString());
            assertEquals(0, statements.stream().filter(s -> s.startsWith("UPDATE")).count(), statements.toString());
            try (Session session = sessions.openSession()) {
                Album album = session.get(Album.class, id);
                assertEquals(List.of("Blue in Green", "So What"), album.getTracks().stream().map(Track::getTitle).toList());
            }
        }
    }
}
