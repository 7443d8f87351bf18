package org.athanor.orm;

import static org.athanor.core.sql.Sql.select;
import static org.athanor.orm.Loaders.selectinLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.athanor.core.sql.Sql;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.Secondary;
import org.athanor.orm.model.m2mc.Playlist;
import org.athanor.orm.model.m2mc.Playlist_;
import org.athanor.orm.model.m2mc.Song;
import org.athanor.orm.model.m2mc.Song_;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The many-to-many cascades other than PERSIST: Playlist.songs has cascade = ALL (MERGE, REFRESH, DETACH,
 * REMOVE), Song.samples MERGE/REFRESH/DETACH, Song.playlists none. Each follows loaded collections only,
 * each object once; REMOVE deletes the elements (Hibernate's and SQLAlchemy's rule).
 */
public abstract class ManyToManyCascadeTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Playlist.class, Song.class);
    static final Secondary ON_LIST = ClassMapping.of(Playlist.class).toMany("songs").secondary();

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Override
    void deleteRows(org.athanor.core.engine.Connection c) {
        c.execute(Sql.deleteFrom(ClassMapping.of(Song.class).toMany("samples").secondary().table()));
        super.deleteRows(c);
    }

    Map<String, Long> ids = new HashMap<>();

    /** rock: a, b; mix: b, c; a samples c. */
    @BeforeEach
    void fill() {
        try (Session s = sessions.openSession()) {
            Song a = new Song("a"), b = new Song("b"), c = new Song("c");
            Playlist rock = new Playlist("rock"), mix = new Playlist("mix");
            rock.getSongs().addAll(List.of(a, b));
            mix.getSongs().addAll(List.of(b, c));
            a.getSamples().add(c);
            s.addAll(List.of(rock, mix));
            s.commit();
            ids = new HashMap<>(Map.of("rock", rock.getId(), "mix", mix.getId(), "a", a.getId(), "b", b.getId(), "c", c.getId()));
        }
        statements.clear();
    }

    /** The committed Playlist.songs rows as "playlist:song" names (names looked up by id; unknown ids as numbers). */
    TreeSet<String> links() {
        Map<Long, String> names = new HashMap<>();
        ids.forEach((k, v) -> names.put(v, k));
        TreeSet<String> out = new TreeSet<>();
        TestDb.tx(engine, c -> {
            for (var r : c.execute(select(ON_LIST.local(), ON_LIST.remote()).from(ON_LIST.table())).all())
                out.add(names.getOrDefault(((Number) r._1).longValue(), "?") + ":" + names.getOrDefault(((Number) r._2).longValue(), "?"));
        });
        return out;
    }

    List<String> songTitles() {
        return engine.fromTransaction(c -> c.execute(select(Song_.title).from(Song_.TABLE).orderBy(Song_.title.asc())).all()
                .stream().map(r -> r._1).toList());
    }

    static List<String> titles(Collection<Song> songs) { return songs.stream().map(Song::getTitle).toList(); }

    @Test
    void mergeCascadesAlongTheLoadedCollection() {
        Playlist detached;
        Song c;
        try (Session s = sessions.openSession()) {
            detached = s.get(Playlist.class, ids.get("rock"));
            assertEquals(List.of("a", "b"), titles(detached.getSongs()));
            c = s.get(Song.class, ids.get("c"));
        }
        detached.setName("rock 2");
        Song a = detached.getSongs().get(0);
        a.setTitle("a2");
        detached.getSongs().remove(1); // b
        detached.getSongs().add(new Song("d"));
        detached.getSongs().add(c); // from the other session
        statements.clear();
        try (Session s = sessions.openSession()) {
            Playlist rock = s.merge(detached);
            assertNotSame(detached, rock);
            assertEquals("rock 2", rock.getName());
            assertEquals(List.of("a2", "c", "d"), titles(rock.getSongs()).stream().sorted().toList());
            assertTrue(rock.getSongs().stream().allMatch(s::contains), "every merged song is the session's");
            assertNotSame(a, rock.getSongs().get(0));
            assertEquals(3, count("SELECT"), "the playlist, its songs (one select), c (not in the session): " + statements);
            s.commit();
        }
        ids.put("d", songId("d"));
        assertEquals(new TreeSet<>(List.of("mix:b", "mix:c", "rock:a", "rock:c", "rock:d")), links());
        assertEquals(List.of("a2", "b", "c", "d"), songTitles());
    }

    Long songId(String title) {
        return engine.fromTransaction(c -> c.scalar(select(Song_.id).from(Song_.TABLE).where(Song_.title.eq(title))));
    }

    @Test
    void mergeLeavesACollectionThatWasNotLoadedAlone() {
        Playlist detached;
        try (Session s = sessions.openSession()) {
            detached = s.get(Playlist.class, ids.get("rock")); // songs never accessed
        }
        detached.setName("rock 2");
        statements.clear();
        try (Session s = sessions.openSession()) {
            Playlist rock = s.merge(detached);
            assertEquals(1, count("SELECT"), "no collection loaded: " + statements);
            s.commit();
            assertEquals("rock 2", rock.getName());
        }
        assertEquals(new TreeSet<>(List.of("mix:b", "mix:c", "rock:a", "rock:b")), links());
    }

    @Test
    void mergeOfANewGraphWithACycleMergesEachObjectOnce() {
        Song x = new Song("x"), y = new Song("y");
        x.getSamples().add(y);
        y.getSamples().add(x); // Song.samples cascades MERGE both ways: a cycle
        Playlist fresh = new Playlist("fresh");
        fresh.getSongs().addAll(List.of(x, y));
        try (Session s = sessions.openSession()) {
            Playlist p = s.merge(fresh);
            assertNotSame(fresh, p);
            Song x2 = p.getSongs().get(0), y2 = p.getSongs().get(1);
            assertEquals(List.of("x", "y"), titles(p.getSongs()));
            assertSame(y2, x2.getSamples().iterator().next(), "one copy per object");
            assertSame(x2, y2.getSamples().iterator().next());
            assertFalse(s.contains(x));
            s.commit();
        }
        assertEquals(List.of("a", "b", "c", "x", "y"), songTitles());
    }

    @Test
    void refreshCascadesToTheLoadedElementsInOneSelectPerClass() {
        try (Session s = sessions.openSession()) {
            Playlist rock = s.query(Playlist.class).filter(Playlist_.name.eq("rock")).options(selectinLoad(Playlist_.songs)).one();
            Song a = rock.getSongs().get(0), b = rock.getSongs().get(1);
            Playlist mix = s.get(Playlist.class, ids.get("mix"));
            assertEquals(2, b.getPlaylists().size()); // loaded, but Song.playlists cascades nothing
            s.execute(Sql.update(Song_.TABLE).set(Song_.title, "b2").where(Song_.id.eq(ids.get("b")))); // behind the session's back
            rock.setName("changed");
            a.setTitle("changed");
            mix.setName("changed");
            statements.clear();
            s.refresh(rock);
            assertEquals(2, count("SELECT"), "the playlist, then its songs in one select: " + statements);
            assertEquals("rock", rock.getName());
            assertEquals("a", a.getTitle(), "the unflushed change is discarded");
            assertEquals("b2", b.getTitle());
            assertEquals("changed", mix.getName(), "not reached: Song.playlists has no REFRESH cascade");
            assertEquals(List.of("a", "b2"), titles(rock.getSongs()), "the collection is re-read on access");
            s.rollback();
        }
    }

    @Test
    void refreshNamesARelatedObjectWhoseRowIsGone() {
        try (Session s = sessions.openSession()) {
            Playlist rock = s.query(Playlist.class).filter(Playlist_.name.eq("rock")).options(selectinLoad(Playlist_.songs)).one();
            Song b = rock.getSongs().get(1);
            s.execute(Sql.deleteFrom(ON_LIST.table()).where(ON_LIST.remote().eq(ids.get("b"))));
            s.execute(Sql.deleteFrom(Song_.TABLE).where(Song_.id.eq(ids.get("b"))));
            rock.setName("changed");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.refresh(rock));
            assertTrue(e.getMessage().contains("cascade = REFRESH reached [Song(id=" + ids.get("b") + ")]") && e.getMessage().contains("no longer exist"),
                    e.getMessage());
            assertEquals("rock", rock.getName(), "the others were re-read");
            assertEquals("b", b.getTitle());
            s.rollback();
        }
    }

    @Test
    void expungeCascadesAlongLoadedCollectionsWithDetach() {
        try (Session s = sessions.openSession()) {
            Playlist rock = s.query(Playlist.class).filter(Playlist_.name.eq("rock")).options(selectinLoad(Playlist_.songs)
                    .then(selectinLoad(Song_.samples))).one();
            Song a = rock.getSongs().get(0), b = rock.getSongs().get(1), c = a.getSamples().iterator().next();
            Playlist mix = s.get(Playlist.class, ids.get("mix"));
            assertEquals(2, b.getPlaylists().size()); // holds mix, but Song.playlists cascades nothing
            s.expunge(rock);
            for (Object o : List.of(rock, a, b, c)) assertFalse(s.contains(o), o + " expunged");
            assertTrue(s.contains(mix));
            statements.clear();
            s.commit();
            assertEquals(0, statements.size(), statements.toString());
        }
        assertEquals(new TreeSet<>(List.of("mix:b", "mix:c", "rock:a", "rock:b")), links());
    }

    @Test
    void removeDeletesTheElementsAndEveryRowOfTheirs() {
        try (Session s = sessions.openSession()) {
            Playlist mix = s.query(Playlist.class).filter(Playlist_.name.eq("mix")).options(selectinLoad(Playlist_.songs)).one();
            Playlist rock = s.get(Playlist.class, ids.get("rock"));
            statements.clear();
            s.delete(rock);
            s.commit();
            assertEquals(1, count("SELECT"), "rock's songs, to delete them: " + statements);
            assertEquals(List.of("c"), titles(mix.getSongs()), "b, deleted with rock, left mix's loaded collection");
        }
        assertEquals(new TreeSet<>(List.of("mix:c")), links());
        assertEquals(List.of("c"), songTitles(), "a and b deleted, with their rows of both secondary tables");
        try (Session s = sessions.openSession()) {
            assertNull(s.get(Playlist.class, ids.get("rock")));
        }
    }

    @Test
    void removeIsNotFollowedAlongACollectionWithoutIt() {
        try (Session s = sessions.openSession()) {
            Song a = s.get(Song.class, ids.get("a")); // a samples c: MERGE/REFRESH/DETACH only
            s.delete(a);
            statements.clear();
            s.commit();
            assertEquals(0, count("SELECT"), "no collection of a is read: its rows are deleted by key: " + statements);
        }
        assertEquals(List.of("b", "c"), songTitles());
        assertEquals(new TreeSet<>(List.of("mix:b", "mix:c", "rock:b")), links());
    }
}
