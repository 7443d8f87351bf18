package org.athanor.orm;

import static org.athanor.core.sql.Sql.deleteFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.sql.Sql;
import org.athanor.orm.model.cycle.CycAuthor;
import org.athanor.orm.model.cycle.CycBook;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random webs of new authors and books in one flush (each book's NOT NULL author, each author's
 * nullable favorite book, added in a random order): the database must hold exactly the objects'
 * references, and the flush must write one post-update per cycle of references (author → favorite
 * book → its author → ...), no more — rows that form no cycle need none. Deleting them all clears one
 * favorite per cycle first and leaves the tables empty.
 */
public abstract class CrossTableCyclePropertiesBase {
    private static final Map<Class<?>, TestDb> DATABASES = new HashMap<>();
    private static final Map<Class<?>, List<String>> STATEMENTS = new HashMap<>();

    protected abstract TestDb openDatabase();

    private synchronized Engine engine() {
        TestDb db = DATABASES.get(getClass());
        if (db == null) {
            db = openDatabase();
            CrossTableCycleTestBase.REGISTRY.metadata().createAll(db.engine());
            List<String> statements = new CopyOnWriteArrayList<>();
            db.engine().addStatementListener(statements::add);
            DATABASES.put(getClass(), db);
            STATEMENTS.put(getClass(), statements);
        }
        return db.engine();
    }

    @AfterContainer
    static synchronized void closeDatabases() {
        DATABASES.values().forEach(TestDb::close);
        DATABASES.clear();
        STATEMENTS.clear();
    }

    private long updates() {
        return STATEMENTS.get(getClass()).stream().filter(s -> s.trim().toUpperCase(Locale.ROOT).startsWith("UPDATE")).count();
    }

    @Property(tries = 25)
    void everyReferenceIsWrittenWithOnePostUpdatePerCycle(@ForAll @IntRange(min = 1, max = 6) int authorCount,
                                                          @ForAll @IntRange(min = 1, max = 9) int bookCount,
                                                          @ForAll long seed) {
        Engine engine = engine();
        engine.inTransaction(c -> {
            c.execute(Sql.update(CrossTableCycleTestBase.table(CycAuthor.class))
                    .set(CrossTableCycleTestBase.col(CycAuthor.class, "favorite_id"), (Long) null));
            c.execute(deleteFrom(CrossTableCycleTestBase.table(CycBook.class)));
            c.execute(deleteFrom(CrossTableCycleTestBase.table(CycAuthor.class)));
        });
        Random random = new Random(seed);
        List<CycAuthor> authors = new ArrayList<>();
        for (int a = 0; a < authorCount; a++) authors.add(new CycAuthor("a" + a));
        List<CycBook> books = new ArrayList<>();
        int[] authorOf = new int[bookCount];
        for (int b = 0; b < bookCount; b++) {
            CycBook book = new CycBook("b" + b);
            authorOf[b] = random.nextInt(authorCount);
            book.setAuthor(authors.get(authorOf[b]));
            books.add(book);
        }
        int[] favorite = new int[authorCount];
        for (int a = 0; a < authorCount; a++) {
            favorite[a] = random.nextInt(3) == 0 ? -1 : random.nextInt(bookCount);
            authors.get(a).setFavorite(favorite[a] < 0 ? null : books.get(favorite[a]));
        }
        List<Object> all = new ArrayList<>(authors);
        all.addAll(books);
        Collections.shuffle(all, random);
        int cycles = cycles(favorite, authorOf);

        SessionFactory sessions = SessionFactory.of(engine, CrossTableCycleTestBase.REGISTRY);
        STATEMENTS.get(getClass()).clear();
        try (Session s = sessions.openSession()) {
            s.addAll(all);
            s.commit();
        }
        assertEquals(cycles, updates(), "one post-update per cycle: " + STATEMENTS.get(getClass()));
        try (Connection c = engine.connect()) {
            for (io.vavr.Tuple2<Long, Long> r : c.execute(Sql.select(CrossTableCycleTestBase.col(CycAuthor.class, "id"),
                    CrossTableCycleTestBase.col(CycAuthor.class, "favorite_id")).from(CrossTableCycleTestBase.table(CycAuthor.class))).all()) {
                CycAuthor a = authors.stream().filter(x -> x.getId().equals(r._1())).findFirst().orElseThrow();
                assertEquals(a.getFavorite() == null ? null : a.getFavorite().getId(), r._2(), "favorite of " + a);
            }
            for (io.vavr.Tuple2<Long, Long> r : c.execute(Sql.select(CrossTableCycleTestBase.col(CycBook.class, "id"),
                    CrossTableCycleTestBase.col(CycBook.class, "author_id")).from(CrossTableCycleTestBase.table(CycBook.class))).all()) {
                CycBook b = books.stream().filter(x -> x.getId().equals(r._1())).findFirst().orElseThrow();
                assertEquals(b.getAuthor().getId(), r._2(), "author of " + b);
            }
        }

        STATEMENTS.get(getClass()).clear();
        try (Session s = sessions.openSession()) {
            List<Object> loaded = new ArrayList<>();
            for (CycAuthor a : authors) loaded.add(s.get(CycAuthor.class, a.getId()));
            for (CycBook b : books) loaded.add(s.get(CycBook.class, b.getId()));
            Collections.shuffle(loaded, random);
            for (Object o : loaded) s.delete(o);
            s.commit();
        }
        assertEquals(cycles, updates(), "one favorite cleared per cycle: " + STATEMENTS.get(getClass()));
        try (Connection c = engine.connect()) {
            long left = ((Number) c.execute(Sql.select(Sql.count()).from(CrossTableCycleTestBase.table(CycAuthor.class))).scalar()).longValue()
                    + ((Number) c.execute(Sql.select(Sql.count()).from(CrossTableCycleTestBase.table(CycBook.class))).scalar()).longValue();
            assertEquals(0, left);
        }
    }

    /** Cycles of the functional graph author → the author of its favorite book. */
    static int cycles(int[] favorite, int[] authorOf) {
        int n = favorite.length, cycles = 0;
        int[] state = new int[n]; // 0 unseen, 1 on the current walk, 2 done
        for (int start = 0; start < n; start++) {
            int x = start;
            List<Integer> walk = new ArrayList<>();
            while (x >= 0 && state[x] == 0) {
                state[x] = 1;
                walk.add(x);
                x = favorite[x] < 0 ? -1 : authorOf[favorite[x]];
            }
            if (x >= 0 && state[x] == 1) cycles++;
            for (int w : walk) state[w] = 2;
        }
        return cycles;
    }
}
