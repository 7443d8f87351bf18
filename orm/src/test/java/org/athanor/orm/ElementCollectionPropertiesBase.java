package org.athanor.orm;

import static org.athanor.core.sql.Sql.deleteFrom;
import static org.athanor.core.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import org.athanor.core.schema.Table;
import org.athanor.orm.mapping.Secondary;
import org.athanor.orm.model.elem.Person;

/**
 * A jqwik property over element collections (Person.tags, a Set written by difference; Person.phones, a bag
 * rewritten or appended to): random sequences of add and remove, append and insert, replacing the Set, flush,
 * commit and rollback, on a real Session beside an in-memory model. After every action each person's collections
 * hold the model's values (a bag compared sorted: its rows keep no position); after every commit the collection
 * tables hold exactly the committed values; a rollback brings back the committed ones.
 */
public abstract class ElementCollectionPropertiesBase {
    private static final Map<Class<?>, TestDb> DATABASES = new HashMap<>();
    static final String[] VALUES = {"a", "b", "c"};

    protected abstract TestDb openDatabase();

    private synchronized TestDb db() {
        return DATABASES.computeIfAbsent(getClass(), c -> {
            TestDb db = openDatabase();
            ElementCollectionTestBase.REGISTRY.metadata().createAll(db.engine());
            return db;
        });
    }

    @AfterContainer
    static synchronized void closeDatabases() {
        DATABASES.values().forEach(TestDb::close);
        DATABASES.clear();
    }

    @Property(tries = 60)
    void collectionsAgreeWithTheModel(@ForAll @Size(max = 30) List<@IntRange(min = 0, max = 100_000) Integer> actions) {
        TestDb db = db();
        TestDb.tx(db.engine(), c -> {
            List<Table> tables = ElementCollectionTestBase.REGISTRY.metadata().sortedTables();
            for (int i = tables.size() - 1; i >= 0; i--) c.execute(deleteFrom(tables.get(i)));
        });
        SessionFactory sessions = SessionFactory.of(db.engine(), ElementCollectionTestBase.REGISTRY);
        try (Session s = sessions.openSession()) {
            Person[] people = {new Person("p0"), new Person("p1")};
            people[0].getTags().add("a");
            people[0].getPhones().addAll(List.of("a", "a"));
            s.addAll(List.of(people));
            s.commit();
            List<TreeSet<String>> tags = new ArrayList<>(List.of(new TreeSet<>(List.of("a")), new TreeSet<>()));
            List<List<String>> phones = new ArrayList<>(List.of(new ArrayList<>(List.of("a", "a")), new ArrayList<>()));
            List<TreeSet<String>> committedTags = copyTags(tags);
            List<List<String>> committedPhones = copyPhones(phones);
            List<String> done = new ArrayList<>();
            for (int a : actions) {
                int op = a % 9, p = a / 9 % 2;
                String v = VALUES[a / 18 % 3];
                Person person = people[p];
                switch (op) {
                    case 0 -> { person.getTags().add(v); tags.get(p).add(v); }
                    case 1 -> { person.getTags().remove(v); tags.get(p).remove(v); }
                    case 2 -> { person.getPhones().add(v); phones.get(p).add(v); }
                    case 3 -> { person.getPhones().add(0, v); phones.get(p).add(0, v); }
                    case 4 -> { person.getPhones().remove(v); phones.get(p).remove(v); }
                    case 5 -> s.flush();
                    case 6 -> {
                        s.commit();
                        committedTags = copyTags(tags);
                        committedPhones = copyPhones(phones);
                        String trail = String.join(", ", done);
                        assertEquals(expectedRows(people, committedTags, committedPhones), tableRows(db, people), trail);
                    }
                    case 7 -> {
                        s.rollback();
                        tags = copyTags(committedTags);
                        phones = copyPhones(committedPhones);
                    }
                    default -> { person.setTags(new HashSet<>(List.of(v))); tags.set(p, new TreeSet<>(List.of(v))); }
                }
                done.add(op + "/" + p + "/" + v);
                for (int i = 0; i < 2; i++) {
                    String trail = String.join(", ", done);
                    assertEquals(tags.get(i), new TreeSet<>(people[i].getTags()), trail);
                    assertEquals(sorted(phones.get(i)), sorted(people[i].getPhones()), trail);
                }
            }
            s.commit();
            assertEquals(expectedRows(people, tags, phones), tableRows(db, people), String.join(", ", done));
        }
    }

    private static List<TreeSet<String>> copyTags(List<TreeSet<String>> t) { return new ArrayList<>(t.stream().map(TreeSet::new).toList()); }

    private static List<List<String>> copyPhones(List<List<String>> t) {
        return new ArrayList<>(t.stream().map(x -> (List<String>) new ArrayList<>(x)).toList());
    }

    private static List<String> sorted(List<String> l) {
        List<String> out = new ArrayList<>(l);
        out.sort(null);
        return out;
    }

    private static List<String> expectedRows(Person[] people, List<TreeSet<String>> tags, List<List<String>> phones) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            for (String t : tags.get(i)) out.add("tag " + people[i].getName() + ":" + t);
            for (String t : phones.get(i)) out.add("phone " + people[i].getName() + ":" + t);
        }
        out.sort(null);
        return out;
    }

    private static List<String> tableRows(TestDb db, Person[] people) {
        Map<Long, String> names = new HashMap<>();
        for (Person p : people) names.put(p.getId(), p.getName());
        List<String> out = new ArrayList<>();
        TestDb.tx(db.engine(), c -> {
            for (Secondary t : List.of(ElementCollectionTestBase.TAGS, ElementCollectionTestBase.PHONES))
                for (var r : c.execute(select(t.local(), t.remote()).from(t.table())).all())
                    out.add((t == ElementCollectionTestBase.TAGS ? "tag " : "phone ") + names.get(((Number) r._1).longValue()) + ":" + r._2);
        });
        out.sort(null);
        return out;
    }
}
