package org.athanor.orm;

import static org.athanor.core.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.athanor.core.schema.Table;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.Secondary;
import org.athanor.orm.model.cc.Book;
import org.athanor.orm.model.cc.Genre;
import org.athanor.orm.model.cc.Shelf;
import org.junit.jupiter.api.Test;

/**
 * Collection changes as the session reports and discards them (SQLAlchemy's and Hibernate's semantics): adding to,
 * removing from, replacing or clearing a {@code @OneToMany(mappedBy)}, a {@code @ManyToMany} or an
 * {@code @ElementCollection} (Set, and List bag) makes the owner modified ({@code isModified}, {@code getDirty}) until
 * the flush writes it; a change undone before the flush is none; both sides of a changed link are modified; a
 * refresh and a rollback discard the changes, so that the next flush writes nothing of them.
 */
public abstract class CollectionChangesTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Shelf.class, Book.class, Genre.class);
    static final Secondary GENRES = ClassMapping.of(Shelf.class).toMany("genres").secondary();
    static final Secondary LABELS = ClassMapping.of(Shelf.class).toMany("labels").secondary();
    static final Secondary NOTES = ClassMapping.of(Shelf.class).toMany("notes").secondary();

    /** The collection kinds of a Shelf; each holds its elements 1 and 2 after {@link #seed}, and element 3 is spare. */
    enum Kind { BOOKS, GENRES, LABELS, NOTES }

    enum Op { ADD, REMOVE, REPLACE, CLEAR }

    long shelfA, shelfB;

    @Override
    Registry registry() {
        return REGISTRY;
    }

    /** Shelf a: books b1, b2; genres g1, g2; labels l1, l2; notes n1, n2. Shelf b: nothing. Genre g3 on no shelf. */
    void seed() {
        try (Session s = sessions.openSession()) {
            Shelf a = new Shelf("a"), b = new Shelf("b");
            Book b1 = new Book("b1"), b2 = new Book("b2");
            a.getBooks().addAll(List.of(b1, b2));
            b1.setShelf(a);
            b2.setShelf(a);
            a.getGenres().addAll(List.of(new Genre("g1"), new Genre("g2")));
            a.getLabels().addAll(List.of("l1", "l2"));
            a.getNotes().addAll(List.of("n1", "n2"));
            s.addAll(List.of(a, b, new Genre("g3")));
            s.commit();
            shelfA = a.getId();
            shelfB = b.getId();
        }
        statements.clear();
    }

    static String prefix(Kind k) { return k.name().substring(0, 1).toLowerCase(java.util.Locale.ROOT); }

    @SuppressWarnings("unchecked")
    static Collection<Object> collection(Shelf a, Kind k) {
        return (Collection<Object>) (Collection<?>) switch (k) {
            case BOOKS -> a.getBooks();
            case GENRES -> a.getGenres();
            case LABELS -> a.getLabels();
            case NOTES -> a.getNotes();
        };
    }

    /** The names of what {@code a}'s collection {@code k} holds, sorted. */
    static List<String> names(Shelf a, Kind k) {
        List<String> out = new ArrayList<>();
        for (Object e : collection(a, k))
            out.add(e instanceof Book b ? b.getTitle() : e instanceof Genre g ? g.getName() : (String) e);
        out.sort(null);
        return out;
    }

    /** Element {@code i} of kind {@code k}: a book of {@code a} (b3: a new one), a genre of the session, or a value. */
    static Object element(Session s, Shelf a, Kind k, int i) {
        String name = prefix(k) + i;
        return switch (k) {
            case BOOKS -> a.getBooks().stream().filter(b -> b.getTitle().equals(name)).findFirst().orElseGet(() -> new Book(name));
            case GENRES -> s.query(Genre.class).filterBy("name", name).one();
            case LABELS, NOTES -> name;
        };
    }

    static void replace(Shelf a, Kind k, List<Object> items) {
        switch (k) {
            case BOOKS -> a.setBooks(new ArrayList<>(items.stream().map(Book.class::cast).toList()));
            case GENRES -> a.setGenres(new HashSet<>(items.stream().map(Genre.class::cast).toList()));
            case LABELS -> a.setLabels(new HashSet<>(items.stream().map(String.class::cast).toList()));
            case NOTES -> a.setNotes(new ArrayList<>(items.stream().map(String.class::cast).toList()));
        }
    }

    /** Applies {@code op} to {@code a}'s collection {@code k}; returns the names it then holds. */
    static List<String> change(Session s, Shelf a, Kind k, Op op) {
        Collection<Object> c = collection(a, k);
        switch (op) {
            case ADD -> c.add(element(s, a, k, 3));
            case REMOVE -> c.remove(element(s, a, k, 1));
            case REPLACE -> replace(a, k, List.of(element(s, a, k, 2), element(s, a, k, 3)));
            case CLEAR -> c.clear();
        }
        String p = prefix(k);
        return switch (op) {
            case ADD -> List.of(p + 1, p + 2, p + 3);
            case REMOVE -> List.of(p + 2);
            case REPLACE -> List.of(p + 2, p + 3);
            case CLEAR -> List.of();
        };
    }

    /** The committed rows of shelf a's collection {@code k}, as names, sorted. */
    List<String> rows(Kind k) {
        List<String> out = new ArrayList<>();
        TestDb.tx(engine, c -> {
            if (k == Kind.BOOKS) {
                Table t = REGISTRY.table(Book.class);
                for (var r : c.execute(select(t.column("title", String.class), t.column("shelf_id", Long.class)).from(t)).all())
                    if (r._2 != null && r._2 == shelfA) out.add(r._1);
                return;
            }
            Secondary sec = k == Kind.GENRES ? GENRES : k == Kind.LABELS ? LABELS : NOTES;
            Map<Object, String> genres = new HashMap<>();
            Table g = REGISTRY.table(Genre.class);
            for (var r : c.execute(select(g.column("id", Long.class), g.column("name", String.class)).from(g)).all()) genres.put(r._1, r._2);
            for (var r : c.execute(select(sec.local(), sec.remote()).from(sec.table())).all())
                if (((Number) r._1).longValue() == shelfA)
                    out.add(k == Kind.GENRES ? genres.get(((Number) r._2).longValue()) : (String) r._2);
        });
        out.sort(null);
        return out;
    }

    static List<String> seeded(Kind k) { return List.of(prefix(k) + 1, prefix(k) + 2); }

    long writes() { return count("INSERT") + count("UPDATE") + count("DELETE"); }

    @Test
    void eachKindOfChangeModifiesTheOwnerUntilTheFlushWritesIt() {
        for (Kind k : Kind.values())
            for (Op op : Op.values()) {
                String what = k + " " + op;
                emptyTables();
                seed();
                try (Session s = sessions.openSession()) {
                    Shelf a = s.get(Shelf.class, shelfA);
                    collection(a, k).size();
                    assertFalse(s.isModified(a), what + ": loaded, unchanged");
                    assertEquals(List.of(), s.getDirty(), what);
                    List<String> expected = change(s, a, k, op);
                    assertTrue(s.isModified(a), what + ": the owner is modified");
                    assertTrue(s.getDirty().contains(a), what + ": the dirty report lists the owner");
                    s.flush();
                    assertFalse(s.isModified(a), what + ": flushed");
                    assertEquals(List.of(), s.getDirty(), what + ": flushed");
                    assertEquals(expected, names(a, k), what + ": the session's collection after the flush");
                    s.commit();
                    assertEquals(expected, rows(k), what + ": the rows");
                }
            }
    }

    @Test
    void aChangeUndoneBeforeTheFlushIsNoChange() {
        seed();
        try (Session s = sessions.openSession()) {
            Shelf a = s.get(Shelf.class, shelfA);
            for (Kind k : List.of(Kind.BOOKS, Kind.GENRES, Kind.LABELS)) {
                Collection<Object> c = collection(a, k);
                Object three = element(s, a, k, 3), one = element(s, a, k, 1);
                c.add(three);
                c.remove(three);
                c.remove(one);
                c.add(one);
                if (k == Kind.BOOKS) {
                    s.expunge(three); // added by the save-update cascade: the new book is its own change
                    ((Book) three).setShelf(null);
                }
                assertFalse(s.isModified(a), k + ": the same elements as loaded");
            }
            statements.clear();
            s.commit();
            assertEquals(0, writes(), statements.toString());
        }
    }

    @Test
    void bothSidesOfAChangedLinkAreModified() {
        seed();
        try (Session s = sessions.openSession()) {
            Shelf a = s.get(Shelf.class, shelfA), b = s.get(Shelf.class, shelfB);
            Genre g3 = s.query(Genre.class).filterBy("name", "g3").one(), g1 = s.query(Genre.class).filterBy("name", "g1").one();
            g3.getShelves().size();
            a.getGenres().add(g3);
            assertTrue(s.isModified(g3), "the other side's loaded collection gained the shelf");
            assertTrue(s.isModified(g1) == false, "an element whose links did not change");
            a.getGenres().remove(g1);
            assertTrue(s.isModified(g1), "the other side of an unlink, its collection not loaded: a row of it goes");
            Book b1 = a.getBooks().get(0);
            assertFalse(s.isModified(b), "nothing changed yet");
            b.getBooks().add(b1);
            assertTrue(s.isModified(b) && s.isModified(b1), "the new owner and the moved book");
            assertTrue(s.isModified(a), "the old owner lost it");
            assertEquals(List.of("b2"), names(a, Kind.BOOKS));
            s.flush();
            assertEquals(List.of(), s.getDirty());
            for (Object o : List.of(a, b, b1, g1, g3)) assertFalse(s.isModified(o), o + " after the flush");
            s.commit();
        }
    }

    @Test
    void aReferenceSetDirectlyModifiesItsObjectAndTheFlushMovesItBetweenCollections() {
        seed();
        try (Session s = sessions.openSession()) {
            Shelf a = s.get(Shelf.class, shelfA), b = s.get(Shelf.class, shelfB);
            b.getBooks().size();
            Book b1 = a.getBooks().get(0);
            b1.setShelf(b);
            assertTrue(s.isModified(b1), "post.author = ...: the reference is an attribute of the book");
            assertEquals(List.of(b1), s.getDirty());
            s.flush();
            assertFalse(s.isModified(b1));
            assertEquals(List.of("b1"), names(b, Kind.BOOKS), "the flush puts it in the new owner's loaded collection");
            assertEquals(List.of("b2"), names(a, Kind.BOOKS));
            assertEquals(List.of(), s.getDirty(), "and that is no change of theirs");
            s.commit();
        }
        assertEquals(List.of("b2"), rows(Kind.BOOKS));
    }

    @Test
    void refreshDiscardsTheOwnersUnflushedCollectionChanges() {
        for (Kind k : Kind.values())
            for (Op op : Op.values()) {
                String what = k + " " + op;
                emptyTables();
                seed();
                try (Session s = sessions.openSession()) {
                    Shelf a = s.get(Shelf.class, shelfA);
                    collection(a, k).size();
                    change(s, a, k, op);
                    s.refresh(a);
                    // a @OneToMany(mappedBy)'s rows are its elements': their references changed with the collection are
                    // their own changes, refreshed with them (a new one is expunged), as in SQLAlchemy
                    if (k == Kind.BOOKS)
                        for (Object e : s.getAll())
                            if (e instanceof Book book && s.isModified(book)) {
                                if (s.inspect(book).state() == ObjectState.PENDING) s.expunge(book);
                                else s.refresh(book);
                            }
                    assertFalse(s.isModified(a), what + ": refreshed");
                    assertEquals(seeded(k), names(a, k), what + ": the database's elements");
                    if (k == Kind.GENRES)
                        for (Object e : s.getAll())
                            if (e instanceof Genre g) assertFalse(s.isModified(g), what + ": " + g + " (the other side) is not modified");
                    statements.clear();
                    s.commit();
                    assertEquals(0, writes(), what + ": nothing written: " + statements);
                }
                assertEquals(seeded(k), rows(k), what);
            }
    }

    @Test
    void refreshingEitherSideOfAManyToManyDropsTheLinkAndTheOtherSideForgetsIt() {
        seed();
        try (Session s = sessions.openSession()) {
            Shelf a = s.get(Shelf.class, shelfA);
            Genre g3 = s.query(Genre.class).filterBy("name", "g3").one();
            g3.getShelves().size();
            a.getGenres().add(g3);
            assertTrue(g3.getShelves().contains(a));
            s.refresh(a);
            assertFalse(g3.getShelves().contains(a), "the loaded other side takes back what it held");
            assertFalse(s.isModified(g3));

            Genre g1 = s.query(Genre.class).filterBy("name", "g1").one();
            a.getGenres().add(g3);
            a.getGenres().remove(g1);
            s.refresh(g3);
            assertFalse(a.getGenres().contains(g3), "the owning side's loaded collection lost the dropped link");
            assertFalse(a.getGenres().contains(g1), "the link of another genre stays");
            assertTrue(s.isModified(a));
            statements.clear();
            s.commit();
            assertEquals(1, writes(), "only the unlink of g1: " + statements);
        }
        assertEquals(List.of("g2"), rows(Kind.GENRES));
    }

    @Test
    void rollbackDiscardsCollectionChanges() {
        for (Kind k : Kind.values())
            for (Op op : Op.values()) {
                String what = k + " " + op;
                emptyTables();
                seed();
                try (Session s = sessions.openSession()) {
                    Shelf a = s.get(Shelf.class, shelfA);
                    collection(a, k).size();
                    change(s, a, k, op);
                    s.rollback();
                    assertFalse(s.isModified(a), what + ": rolled back");
                    assertEquals(List.of(), s.getDirty(), what);
                    assertEquals(seeded(k), names(a, k), what + ": the database's elements");
                    statements.clear();
                    s.commit();
                    assertEquals(0, writes(), what + ": nothing written: " + statements);
                }
                assertEquals(seeded(k), rows(k), what);
            }
    }

    @Test
    void aPendingOwnersReplacedCollectionsAreInsertedAsTheyAreAtTheFlush() {
        seed();
        try (Session s = sessions.openSession()) {
            Genre g3 = s.query(Genre.class).filterBy("name", "g3").one();
            Shelf c = new Shelf("c");
            s.add(c);
            c.setBooks(new ArrayList<>(List.of(new Book("c1"))));
            c.setGenres(new HashSet<>(List.of(g3)));
            c.setLabels(new HashSet<>(List.of("x")));
            s.flush();
            assertFalse(s.isModified(c));
            assertEquals(c, c.getBooks().get(0).getShelf(), "the adopted element references its owner");
            assertTrue(g3.getShelves().contains(c));
            s.commit();
            shelfA = c.getId();
        }
        assertEquals(List.of("c1"), rows(Kind.BOOKS));
        assertEquals(List.of("g3"), rows(Kind.GENRES));
        assertEquals(List.of("x"), rows(Kind.LABELS));
    }

    @Test
    void mergingADetachedOwnerWhoseCollectionsChangedModifiesTheSessionsOwnerUntilTheFlush() {
        seed();
        Shelf detached;
        try (Session s = sessions.openSession()) {
            detached = s.get(Shelf.class, shelfA);
            for (Kind k : Kind.values()) collection(detached, k).size();
        }
        Genre g1 = detached.getGenres().stream().filter(g -> g.getName().equals("g1")).findFirst().orElseThrow();
        detached.getGenres().remove(g1);
        detached.getLabels().add("l3");
        detached.getNotes().remove("n1");
        Book b3 = new Book("b3");
        detached.getBooks().add(b3);
        try (Session s = sessions.openSession()) {
            Shelf a = s.merge(detached);
            assertTrue(s.isModified(a), "merge replaced the session object's collections (SQLAlchemy's cascade merge)");
            assertTrue(s.getDirty().contains(a));
            assertEquals(List.of("g2"), names(a, Kind.GENRES));
            assertEquals(List.of("b1", "b2", "b3"), names(a, Kind.BOOKS));
            s.flush();
            assertFalse(s.isModified(a));
            assertEquals(List.of(), s.getDirty());
            s.commit();
        }
        assertEquals(List.of("b1", "b2", "b3"), rows(Kind.BOOKS));
        assertEquals(List.of("g2"), rows(Kind.GENRES));
        assertEquals(List.of("l1", "l2", "l3"), rows(Kind.LABELS));
        assertEquals(List.of("n2"), rows(Kind.NOTES));
    }
}
