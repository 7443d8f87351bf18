package org.athanor.orm;

import static org.athanor.core.sql.Sql.deleteFrom;
import static org.athanor.core.sql.Sql.select;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import org.athanor.core.schema.Table;
import org.athanor.orm.mapping.EntityMapping;
import org.athanor.orm.model.unidir.UniBook;
import org.athanor.orm.model.unidir.UniShelf;

/**
 * A jqwik property over a join-table {@code @OneToMany} (UniShelf.books: cascade ALL, orphanRemoval): random
 * sequences of moving a book to another shelf (remove, then add), removing a book (an orphan: deleted), deleting a
 * shelf (its books deleted with it), flush, commit and rollback, on a real Session beside an in-memory model (each
 * book's shelf, the live objects). After every action each live shelf's collection holds exactly the model's books;
 * after every commit the join table holds exactly the committed pairs and the book table the committed books; a
 * rollback brings back the committed state.
 */
public abstract class UnidirectionalOneToManyPropertiesBase {
    private static final Map<Class<?>, TestDb> DATABASES = new HashMap<>();
    static final String[] SHELVES = {"s0", "s1", "s2"}, BOOKS = {"b0", "b1", "b2", "b3"};

    protected abstract TestDb openDatabase();

    private synchronized TestDb db() {
        return DATABASES.computeIfAbsent(getClass(), c -> {
            TestDb db = openDatabase();
            UnidirectionalOneToManyTestBase.REGISTRY.metadata().createAll(db.engine());
            return db;
        });
    }

    @AfterContainer
    static synchronized void closeDatabases() {
        DATABASES.values().forEach(TestDb::close);
        DATABASES.clear();
    }

    @Property(tries = 100)
    void collectionsAgreeWithTheModel(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 100_000) Integer> actions) {
        TestDb db = db();
        TestDb.tx(db.engine(), c -> {
            List<Table> tables = UnidirectionalOneToManyTestBase.REGISTRY.metadata().sortedTables();
            for (int i = tables.size() - 1; i >= 0; i--) c.execute(deleteFrom(tables.get(i)));
        });
        SessionFactory sessions = SessionFactory.of(db.engine(), UnidirectionalOneToManyTestBase.REGISTRY);
        try (Session s = sessions.openSession()) {
            UniShelf[] shelves = new UniShelf[3];
            UniBook[] books = new UniBook[4];
            for (int i = 0; i < 3; i++) shelves[i] = new UniShelf(SHELVES[i]);
            for (int i = 0; i < 4; i++) books[i] = new UniBook(BOOKS[i]);
            int[] owner = {0, 0, 1, -1};
            for (int i = 0; i < 4; i++) if (owner[i] >= 0) shelves[owner[i]].getBooks().add(books[i]);
            s.addAll(List.of(shelves));
            s.add(books[3]);
            s.commit();
            int[] committedOwner = owner.clone();
            Set<Object> alive = new HashSet<>(List.of(shelves)), aliveCommitted;
            alive.addAll(List.of(books));
            aliveCommitted = new HashSet<>(alive);
            List<String> done = new ArrayList<>();
            for (int a : actions) {
                int op = a % 7, si = a / 7 % 3, bi = a / 21 % 4;
                UniShelf shelf = shelves[si];
                UniBook book = books[bi];
                switch (op) {
                    case 0, 1 -> {
                        if (!alive.contains(shelf) || !alive.contains(book) || owner[bi] == si) continue;
                        done.add("move " + BOOKS[bi] + " to " + SHELVES[si]);
                        if (owner[bi] >= 0) shelves[owner[bi]].getBooks().remove(book);
                        shelf.getBooks().add(book);
                        owner[bi] = si;
                    }
                    case 2 -> {
                        if (!alive.contains(book) || owner[bi] < 0) continue;
                        done.add("remove " + BOOKS[bi] + " (an orphan)");
                        shelves[owner[bi]].getBooks().remove(book);
                        owner[bi] = -1;
                        alive.remove(book);
                    }
                    case 3 -> {
                        done.add("flush");
                        s.flush();
                    }
                    case 4 -> {
                        done.add("commit");
                        s.commit();
                        committedOwner = owner.clone();
                        aliveCommitted = new HashSet<>(alive);
                        assertRows(db, owner, alive, books, done);
                    }
                    case 5 -> {
                        done.add("rollback");
                        s.rollback();
                        owner = committedOwner.clone();
                        alive = new HashSet<>(aliveCommitted);
                    }
                    default -> {
                        if (!alive.contains(shelf)) continue;
                        done.add("delete " + SHELVES[si]);
                        s.delete(shelf);
                        alive.remove(shelf);
                        for (int i = 0; i < 4; i++)
                            if (owner[i] == si) {
                                alive.remove(books[i]); // cascade ALL
                                owner[i] = -1;
                            }
                    }
                }
                for (int i = 0; i < 3; i++) {
                    if (!alive.contains(shelves[i])) continue;
                    Set<String> got = new TreeSet<>(), want = new TreeSet<>();
                    for (UniBook b : shelves[i].getBooks()) got.add(b.getTitle());
                    for (int j = 0; j < 4; j++) if (owner[j] == i) want.add(BOOKS[j]);
                    if (!got.equals(want)) throw new AssertionError(SHELVES[i] + ".books " + got + ", model " + want + " after " + done);
                }
            }
            s.commit();
            assertRows(db, owner, alive, books, done);
        }
    }

    private static void assertRows(TestDb db, int[] owner, Set<Object> alive, UniBook[] books, List<String> done) {
        var shelfMapping = EntityMapping.of(UniShelf.class);
        var bookMapping = EntityMapping.of(UniBook.class);
        Map<Long, String> shelfNames = new HashMap<>(), bookTitles = new HashMap<>();
        Set<String> got = new TreeSet<>(), want = new TreeSet<>(), gotBooks = new TreeSet<>(), wantBooks = new TreeSet<>();
        TestDb.tx(db.engine(), c -> {
            for (var r : c.execute(select(shelfMapping.idAttributes().get(0).column(), shelfMapping.attribute("name").column())
                    .from(shelfMapping.table())).all())
                shelfNames.put(((Number) r._1).longValue(), (String) r._2);
            for (var r : c.execute(select(bookMapping.idAttributes().get(0).column(), bookMapping.attribute("title").column())
                    .from(bookMapping.table())).all()) {
                bookTitles.put(((Number) r._1).longValue(), (String) r._2);
                gotBooks.add((String) r._2);
            }
            var sec = UnidirectionalOneToManyTestBase.BOOKS;
            for (var r : c.execute(select(sec.local(), sec.remote()).from(sec.table())).all())
                got.add(shelfNames.get(((Number) r._1).longValue()) + ":" + bookTitles.get(((Number) r._2).longValue()));
        });
        for (int j = 0; j < 4; j++) {
            if (owner[j] >= 0) want.add(SHELVES[owner[j]] + ":" + BOOKS[j]);
            if (alive.contains(books[j])) wantBooks.add(BOOKS[j]);
        }
        if (!got.equals(want)) throw new AssertionError("join rows " + got + ", model " + want + " after " + done);
        if (!gotBooks.equals(wantBooks)) throw new AssertionError("books " + gotBooks + ", model " + wantBooks + " after " + done);
    }
}
