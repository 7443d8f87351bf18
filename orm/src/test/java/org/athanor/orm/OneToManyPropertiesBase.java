package org.athanor.orm;

import static org.athanor.core.sql.Sql.deleteFrom;
import static org.athanor.core.sql.Sql.select;

import java.util.ArrayList;
import java.util.Collection;
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
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.Secondary;

/**
 * A jqwik property over a unidirectional {@code @OneToMany} with cascade ALL and orphanRemoval, kept as a join table
 * ({@link UnidirectionalOneToManyPropertiesBase}) or as a key column in the element's table
 * ({@link JoinColumnOneToManyPropertiesBase}): random sequences of moving an element to another owner (remove, then
 * add), removing an element (an orphan: deleted), deleting an owner (its elements deleted with it), flush, commit and
 * rollback, on a real Session beside an in-memory model (each element's owner, the live objects). After every action
 * each live owner's collection holds exactly the model's elements; after every commit the link (join rows or key
 * column, NULL for an element of no owner) holds exactly the committed pairs and the element table the committed
 * elements; a rollback brings back the committed state.
 *
 * @param <O> the owner entity (a {@code name} attribute)
 * @param <E> the element entity (a {@code title} attribute)
 */
public abstract class OneToManyPropertiesBase<O, E> {
    private static final Map<Class<?>, TestDb> DATABASES = new HashMap<>();
    static final String[] NAMES = {"f0", "f1", "f2"}, TITLES = {"d0", "d1", "d2", "d3"};

    protected abstract TestDb openDatabase();

    /** The registry mapping the owner and the element. */
    abstract Registry registry();

    abstract O newOwner(String name);

    abstract E newElement(String title);

    /** The owner's collection. */
    abstract Collection<E> items(O owner);

    abstract String title(E element);

    abstract Class<O> ownerClass();

    abstract Class<E> elementClass();

    /** Where the (owner, element) pairs are kept: the join table, or the element table's key column. */
    abstract Secondary link();

    private synchronized TestDb db() {
        return DATABASES.computeIfAbsent(getClass(), c -> {
            TestDb db = openDatabase();
            registry().metadata().createAll(db.engine());
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
            List<Table> tables = registry().metadata().sortedTables();
            for (int i = tables.size() - 1; i >= 0; i--) c.execute(deleteFrom(tables.get(i)));
        });
        SessionFactory sessions = SessionFactory.of(db.engine(), registry());
        try (Session s = sessions.openSession()) {
            List<O> folders = new ArrayList<>();
            List<E> docs = new ArrayList<>();
            for (int i = 0; i < 3; i++) folders.add(newOwner(NAMES[i]));
            for (int i = 0; i < 4; i++) docs.add(newElement(TITLES[i]));
            int[] owner = {0, 0, 1, -1};
            for (int i = 0; i < 4; i++) if (owner[i] >= 0) items(folders.get(owner[i])).add(docs.get(i));
            s.addAll(folders);
            s.add(docs.get(3));
            s.commit();
            int[] committedOwner = owner.clone();
            Set<Object> alive = new HashSet<>(folders), aliveCommitted;
            alive.addAll(docs);
            aliveCommitted = new HashSet<>(alive);
            List<String> done = new ArrayList<>();
            for (int a : actions) {
                int op = a % 7, si = a / 7 % 3, bi = a / 21 % 4;
                O folder = folders.get(si);
                E doc = docs.get(bi);
                switch (op) {
                    case 0, 1 -> {
                        if (!alive.contains(folder) || !alive.contains(doc) || owner[bi] == si) continue;
                        done.add("move " + TITLES[bi] + " to " + NAMES[si]);
                        if (owner[bi] >= 0) items(folders.get(owner[bi])).remove(doc);
                        items(folder).add(doc);
                        owner[bi] = si;
                    }
                    case 2 -> {
                        if (!alive.contains(doc) || owner[bi] < 0) continue;
                        done.add("remove " + TITLES[bi] + " (an orphan)");
                        items(folders.get(owner[bi])).remove(doc);
                        owner[bi] = -1;
                        alive.remove(doc);
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
                        assertRows(db, owner, alive, docs, done);
                    }
                    case 5 -> {
                        done.add("rollback");
                        s.rollback();
                        owner = committedOwner.clone();
                        alive = new HashSet<>(aliveCommitted);
                    }
                    default -> {
                        if (!alive.contains(folder)) continue;
                        done.add("delete " + NAMES[si]);
                        s.delete(folder);
                        alive.remove(folder);
                        for (int i = 0; i < 4; i++)
                            if (owner[i] == si) {
                                alive.remove(docs.get(i)); // cascade ALL
                                owner[i] = -1;
                            }
                    }
                }
                for (int i = 0; i < 3; i++) {
                    if (!alive.contains(folders.get(i))) continue;
                    Set<String> got = new TreeSet<>(), want = new TreeSet<>();
                    for (E b : items(folders.get(i))) got.add(title(b));
                    for (int j = 0; j < 4; j++) if (owner[j] == i) want.add(TITLES[j]);
                    if (!got.equals(want)) throw new AssertionError(NAMES[i] + "'s collection " + got + ", model " + want + " after " + done);
                }
            }
            s.commit();
            assertRows(db, owner, alive, docs, done);
        }
    }

    private void assertRows(TestDb db, int[] owner, Set<Object> alive, List<E> docs, List<String> done) {
        var folderMapping = ClassMapping.of(ownerClass());
        var docMapping = ClassMapping.of(elementClass());
        Map<Long, String> folderNames = new HashMap<>(), docTitles = new HashMap<>();
        Set<String> got = new TreeSet<>(), want = new TreeSet<>(), gotDocs = new TreeSet<>(), wantDocs = new TreeSet<>();
        TestDb.tx(db.engine(), c -> {
            for (var r : c.execute(select(folderMapping.idAttributes().get(0).column(), folderMapping.attribute("name").column())
                    .from(folderMapping.table())).all())
                folderNames.put(((Number) r._1).longValue(), (String) r._2);
            for (var r : c.execute(select(docMapping.idAttributes().get(0).column(), docMapping.attribute("title").column())
                    .from(docMapping.table())).all()) {
                docTitles.put(((Number) r._1).longValue(), (String) r._2);
                gotDocs.add((String) r._2);
            }
            var sec = link();
            for (var r : c.execute(select(sec.local(), sec.remote()).from(sec.table())).all())
                if (r._1 != null) got.add(folderNames.get(((Number) r._1).longValue()) + ":" + docTitles.get(((Number) r._2).longValue()));
        });
        for (int j = 0; j < 4; j++) {
            if (owner[j] >= 0) want.add(NAMES[owner[j]] + ":" + TITLES[j]);
            if (alive.contains(docs.get(j))) wantDocs.add(TITLES[j]);
        }
        if (!got.equals(want)) throw new AssertionError("link pairs " + got + ", model " + want + " after " + done);
        if (!gotDocs.equals(wantDocs)) throw new AssertionError("docs " + gotDocs + ", model " + wantDocs + " after " + done);
    }
}
