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
import org.athanor.orm.model.unidircol.JcDoc;
import org.athanor.orm.model.unidircol.JcFolder;

/**
 * A jqwik property over a {@code @OneToMany @JoinColumn} (JcFolder.docs: the key column ujc_doc.folder_id, cascade ALL,
 * orphanRemoval): random sequences of moving a doc to another folder (remove, then add), removing a doc (an orphan:
 * deleted), deleting a folder (its docs deleted with it), flush, commit and rollback, on a real Session beside an
 * in-memory model (each doc's folder, the live objects). After every action each live folder's collection holds exactly
 * the model's docs; after every commit the key column holds exactly the committed pairs (NULL for a doc of no folder)
 * and the doc table the committed docs; a rollback brings back the committed state.
 */
public abstract class JoinColumnOneToManyPropertiesBase {
    private static final Map<Class<?>, TestDb> DATABASES = new HashMap<>();
    static final String[] NAMES = {"f0", "f1", "f2"}, TITLES = {"d0", "d1", "d2", "d3"};

    protected abstract TestDb openDatabase();

    private synchronized TestDb db() {
        return DATABASES.computeIfAbsent(getClass(), c -> {
            TestDb db = openDatabase();
            JoinColumnOneToManyTestBase.REGISTRY.metadata().createAll(db.engine());
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
            List<Table> tables = JoinColumnOneToManyTestBase.REGISTRY.metadata().sortedTables();
            for (int i = tables.size() - 1; i >= 0; i--) c.execute(deleteFrom(tables.get(i)));
        });
        SessionFactory sessions = SessionFactory.of(db.engine(), JoinColumnOneToManyTestBase.REGISTRY);
        try (Session s = sessions.openSession()) {
            JcFolder[] folders = new JcFolder[3];
            JcDoc[] docs = new JcDoc[4];
            for (int i = 0; i < 3; i++) folders[i] = new JcFolder(NAMES[i]);
            for (int i = 0; i < 4; i++) docs[i] = new JcDoc(TITLES[i]);
            int[] owner = {0, 0, 1, -1};
            for (int i = 0; i < 4; i++) if (owner[i] >= 0) folders[owner[i]].getDocs().add(docs[i]);
            s.addAll(List.of(folders));
            s.add(docs[3]);
            s.commit();
            int[] committedOwner = owner.clone();
            Set<Object> alive = new HashSet<>(List.of(folders)), aliveCommitted;
            alive.addAll(List.of(docs));
            aliveCommitted = new HashSet<>(alive);
            List<String> done = new ArrayList<>();
            for (int a : actions) {
                int op = a % 7, si = a / 7 % 3, bi = a / 21 % 4;
                JcFolder folder = folders[si];
                JcDoc doc = docs[bi];
                switch (op) {
                    case 0, 1 -> {
                        if (!alive.contains(folder) || !alive.contains(doc) || owner[bi] == si) continue;
                        done.add("move " + TITLES[bi] + " to " + NAMES[si]);
                        if (owner[bi] >= 0) folders[owner[bi]].getDocs().remove(doc);
                        folder.getDocs().add(doc);
                        owner[bi] = si;
                    }
                    case 2 -> {
                        if (!alive.contains(doc) || owner[bi] < 0) continue;
                        done.add("remove " + TITLES[bi] + " (an orphan)");
                        folders[owner[bi]].getDocs().remove(doc);
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
                                alive.remove(docs[i]); // cascade ALL
                                owner[i] = -1;
                            }
                    }
                }
                for (int i = 0; i < 3; i++) {
                    if (!alive.contains(folders[i])) continue;
                    Set<String> got = new TreeSet<>(), want = new TreeSet<>();
                    for (JcDoc b : folders[i].getDocs()) got.add(b.getTitle());
                    for (int j = 0; j < 4; j++) if (owner[j] == i) want.add(TITLES[j]);
                    if (!got.equals(want)) throw new AssertionError(NAMES[i] + ".docs " + got + ", model " + want + " after " + done);
                }
            }
            s.commit();
            assertRows(db, owner, alive, docs, done);
        }
    }

    private static void assertRows(TestDb db, int[] owner, Set<Object> alive, JcDoc[] docs, List<String> done) {
        var folderMapping = EntityMapping.of(JcFolder.class);
        var docMapping = EntityMapping.of(JcDoc.class);
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
            var sec = JoinColumnOneToManyTestBase.DOCS;
            for (var r : c.execute(select(sec.local(), sec.remote()).from(sec.table())).all())
                if (r._1 != null) got.add(folderNames.get(((Number) r._1).longValue()) + ":" + docTitles.get(((Number) r._2).longValue()));
        });
        for (int j = 0; j < 4; j++) {
            if (owner[j] >= 0) want.add(NAMES[owner[j]] + ":" + TITLES[j]);
            if (alive.contains(docs[j])) wantDocs.add(TITLES[j]);
        }
        if (!got.equals(want)) throw new AssertionError("key column pairs " + got + ", model " + want + " after " + done);
        if (!gotDocs.equals(wantDocs)) throw new AssertionError("docs " + gotDocs + ", model " + wantDocs + " after " + done);
    }
}
