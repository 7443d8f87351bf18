package org.athanor.orm;

import static org.athanor.core.sql.Sql.select;
import static org.athanor.orm.Loaders.joinedLoad;
import static org.athanor.orm.Loaders.raiseLoad;
import static org.athanor.orm.Loaders.selectinLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.athanor.core.schema.Table;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.Secondary;
import org.athanor.orm.unprocessed.elem.Doc;
import org.athanor.orm.model.elem.Person;
import org.athanor.orm.model.elem.Person_;
import org.athanor.orm.unprocessed.elem.Report;
import org.athanor.orm.model.elem.Person.Color;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @ElementCollection} of basic values (Person.tags: a Set with JPA's default names; Person.phones: a
 * List, a bag, in a named collection table; Person.colors: enums by name): DDL, insert after the owner,
 * changes by difference (a Set) or by rewrite (a bag), delete before the owner, rollback, the batched lazy
 * load and the query options with exact statement counts, filters through the collection table, and the
 * errors for a detached object, a null value and a joined load. Person goes through the annotation processor (its
 * metamodel Person_ gives the collection attributes); the Doc / Report hierarchy does not (the runtime's fallback).
 */
public abstract class ElementCollectionTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Person.class, Doc.class, Report.class);
    static final Secondary TAGS = ClassMapping.of(Person.class).toMany("tags").secondary();
    static final Secondary PHONES = ClassMapping.of(Person.class).toMany("phones").secondary();
    static final Relationship<Person, String> TAGS_REL = Person_.tags;
    static final Relationship<Person, String> PHONES_REL = Person_.phones;
    Map<String, Long> ids;

    @Override
    Registry registry() {
        return REGISTRY;
    }

    /** ann: tags a, b; phones 2, 1, 1; RED. bob: tag b; no phones. carl: nothing. */
    @BeforeEach
    void fill() {
        try (Session s = sessions.openSession()) {
            Person ann = new Person("ann"), bob = new Person("bob"), carl = new Person("carl");
            ann.getTags().addAll(List.of("b", "a"));
            ann.getPhones().addAll(List.of("2", "1", "1"));
            ann.getColors().add(Color.RED);
            bob.getTags().add("b");
            s.addAll(List.of(ann, bob, carl));
            s.commit();
            assertEquals(4, count("INSERT"), "the people, then one multi-row INSERT per collection table: " + statements);
            assertTrue(statements.get(0).contains("ec_person"), statements.toString());
            ids = Map.of("ann", ann.getId(), "bob", bob.getId(), "carl", carl.getId());
        }
        statements.clear();
    }

    /** The committed rows of a collection table as "person:value". */
    TreeSet<String> rows(Secondary table) {
        Map<Long, String> names = new java.util.HashMap<>();
        ids.forEach((k, v) -> names.put(v, k));
        TreeSet<String> out = new TreeSet<>();
        TestDb.tx(engine, c -> {
            for (var r : c.execute(select(table.local(), table.remote()).from(table.table())).all())
                out.add(names.get(((Number) r._1).longValue()) + ":" + r._2);
        });
        return out;
    }

    /** The committed rows of a bag, with duplicates, sorted. */
    List<String> bagRows(Secondary table) {
        Map<Long, String> names = new java.util.HashMap<>();
        ids.forEach((k, v) -> names.put(v, k));
        List<String> out = new ArrayList<>();
        TestDb.tx(engine, c -> {
            for (var r : c.execute(select(table.local(), table.remote()).from(table.table())).all())
                out.add(names.get(((Number) r._1).longValue()) + ":" + r._2);
        });
        out.sort(null);
        return out;
    }

    long countOn(String prefix, String table) {
        return statements.stream().filter(x -> x.trim().toUpperCase(java.util.Locale.ROOT).startsWith(prefix)
                && x.contains(table)).count();
    }

    @Test
    void theCollectionTablesArePartOfTheMetadata() {
        Table t = TAGS.table();
        assertEquals("person_tags", t.name(), "JPA's default <entity>_<attribute>, snake_case");
        assertEquals("person_id", TAGS.local().name(), "<entity>_<key column>");
        assertEquals("tags", TAGS.remote().name(), "the attribute's name");
        assertEquals(List.of("person_id", "tags"), t.primaryKeyColumns().stream().map(c -> c.name()).toList(), "a Set: (owner, value)");
        assertEquals(1, t.foreignKeys().size());
        assertEquals("ec_phone", PHONES.table().name());
        assertEquals(List.of("owner", "number"), PHONES.table().columns().stream().map(c -> c.name()).toList());
        assertTrue(PHONES.table().primaryKeyColumns().isEmpty(), "a bag has no key");
        assertTrue(REGISTRY.metadata().sortedTables().containsAll(List.of(t, PHONES.table())));
        assertEquals(new TreeSet<>(List.of("ann:a", "ann:b", "bob:b")), rows(TAGS));
        assertEquals(List.of("ann:1", "ann:1", "ann:2"), bagRows(PHONES), "a bag keeps duplicates");
    }

    @Test
    void collectionsLoadLazilyOncePerResult() {
        try (Session s = sessions.openSession()) {
            List<Person> people = s.query(Person.class).orderBy(Person_.name.asc()).all();
            assertEquals(1, count("SELECT"));
            assertEquals(List.of("a", "b"), new ArrayList<>(people.get(0).getTags()), "ordered by value");
            assertEquals(2, count("SELECT"), "one select for the three people's tags");
            assertEquals(Set.of("b"), people.get(1).getTags());
            assertEquals(Set.of(), people.get(2).getTags());
            assertEquals(2, count("SELECT"));
            assertEquals(List.of("1", "1", "2"), people.get(0).getPhones(), "a bag keeps duplicates; it loads ordered by value");
            assertEquals(List.of(), people.get(1).getPhones());
            assertEquals(Set.of(Color.RED), people.get(0).getColors());
            assertEquals(4, count("SELECT"));
        }
    }

    @Test
    void selectinLoadAndRaiseLoad() {
        try (Session s = sessions.openSession()) {
            List<Person> people = s.query(Person.class).options(selectinLoad(TAGS_REL), raiseLoad(PHONES_REL)).all();
            assertEquals(2, count("SELECT"));
            for (Person p : people) p.getTags().size();
            assertEquals(2, count("SELECT"));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> people.get(0).getPhones().size());
            assertTrue(e.getMessage().contains("raiseLoad(Person_.phones)"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> joinedLoad(TAGS_REL));
        assertTrue(e.getMessage().contains("use selectinLoad(Person_.tags)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Loaders.containsEager(TAGS_REL));
        assertTrue(e.getMessage().startsWith("containsEager(Person.tags): an @ElementCollection"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> selectinLoad(TAGS_REL).then(selectinLoad(PHONES_REL)));
        assertTrue(e.getMessage().contains("values"), e.getMessage());
    }

    @Test
    void aSetIsWrittenByDifference() {
        try (Session s = sessions.openSession()) {
            Person ann = s.get(Person.class, ids.get("ann"));
            ann.getTags().remove("a");
            ann.getTags().add("z");
            ann.getTags().add("y");
            ann.getTags().remove("y"); // added and removed before the flush: nothing to write
            statements.clear();
            s.commit();
            assertEquals(1, countOn("DELETE", "person_tags"), statements.toString());
            assertEquals(1, countOn("INSERT", "person_tags"), statements.toString());
            assertEquals(2, statements.size(), "the owner is not updated: " + statements);
        }
        assertEquals(new TreeSet<>(List.of("ann:b", "ann:z", "bob:b")), rows(TAGS));
        try (Session s = sessions.openSession()) {
            Person bob = s.get(Person.class, ids.get("bob"));
            bob.getTags().remove("b");
            bob.getTags().add(new String("b")); // an equal value back: no change
            statements.clear();
            s.commit();
            assertEquals(0, statements.size(), statements.toString());
        }
    }

    @Test
    void aBagIsRewrittenWhenItChangesOtherThanByAppending() {
        try (Session s = sessions.openSession()) {
            Person ann = s.get(Person.class, ids.get("ann"));
            ann.getPhones().remove("2");
            ann.getPhones().add("3");
            ann.getPhones().add("3");
            statements.clear();
            s.commit();
            assertEquals(1, countOn("DELETE", "ec_phone"), statements.toString());
            assertEquals(1, countOn("INSERT", "ec_phone"), "one multi-row insert: " + statements);
            assertEquals(2, statements.size(), statements.toString());
        }
        assertEquals(List.of("ann:1", "ann:1", "ann:3", "ann:3"), bagRows(PHONES));
        try (Session s = sessions.openSession()) {
            Person bob = s.get(Person.class, ids.get("bob"));
            bob.getPhones().clear(); // empty already: nothing written
            s.commit();
            Person carl = s.get(Person.class, ids.get("carl"));
            carl.getPhones().add("9");
            statements.clear();
            s.commit();
            assertEquals(List.of("INSERT"), statements.stream().map(x -> x.substring(0, 6)).toList(),
                    "appended only: the new value inserted, no rows deleted: " + statements);
            Person ann = s.get(Person.class, ids.get("ann"));
            ann.getPhones().add("4");
            ann.getPhones().addAll(List.of("5", "1"));
            statements.clear();
            s.commit();
            assertEquals(1, countOn("INSERT", "ec_phone"), statements.toString());
            assertEquals(0, count("DELETE"), "appended only: " + statements);
            ann.getPhones().add(0, "0"); // not at the end: the bag is rewritten
            statements.clear();
            s.commit();
            assertEquals(1, countOn("DELETE", "ec_phone"), statements.toString());
        }
        assertEquals(List.of("ann:0", "ann:1", "ann:1", "ann:1", "ann:3", "ann:3", "ann:4", "ann:5", "carl:9"), bagRows(PHONES));
    }

    @Test
    void deletingTheOwnerDeletesItsRowsFirst() {
        try (Session s = sessions.openSession()) {
            Person ann = s.get(Person.class, ids.get("ann"));
            s.delete(ann);
            statements.clear();
            s.commit();
            assertEquals(5, count("DELETE"), "each of its four collection tables, then the owner: " + statements);
            assertTrue(statements.get(statements.size() - 1).contains("ec_person"), statements.toString());
        }
        assertEquals(new TreeSet<>(List.of("bob:b")), rows(TAGS));
        assertEquals(List.of(), bagRows(PHONES));
    }

    @Test
    void aRollbackUndoesTheRowsAndTheLoadedCollection() {
        try (Session s = sessions.openSession()) {
            Person ann = s.get(Person.class, ids.get("ann"));
            ann.getTags().add("z");
            ann.getPhones().add("7");
            s.flush();
            assertEquals(Set.of("a", "b", "z"), ann.getTags());
            s.rollback();
            assertEquals(Set.of("a", "b"), ann.getTags(), "reloaded as the database has it");
            assertEquals(List.of("1", "1", "2"), ann.getPhones());
            ann.getTags().add("q"); // a change not flushed, then rolled back: dropped
            s.rollback();
            assertEquals(Set.of("a", "b"), ann.getTags());
            s.commit();
        }
        assertEquals(new TreeSet<>(List.of("ann:a", "ann:b", "bob:b")), rows(TAGS));
        assertEquals(List.of("ann:1", "ann:1", "ann:2"), bagRows(PHONES));
    }

    @Test
    void aNewOwnersValuesAreInsertedAfterIt() {
        Person dan = new Person("dan");
        dan.getTags().addAll(List.of("x", "y"));
        dan.getPhones().addAll(List.of("5", "5"));
        try (Session s = sessions.openSession()) {
            s.add(dan);
            dan.getTags().add("w"); // after add: the session's own set
            dan.getPhones().add("6");
            s.commit();
            assertEquals(3, count("INSERT"), "the owner, one per non-empty collection table (the bag once): " + statements);
            assertEquals(0, count("DELETE"), "a new owner's bag has no rows to delete: " + statements);
        }
        ids = new java.util.HashMap<>(ids);
        ids.put("dan", dan.getId());
        assertTrue(rows(TAGS).containsAll(List.of("dan:w", "dan:x", "dan:y")));
        assertEquals(List.of("ann:1", "ann:1", "ann:2", "dan:5", "dan:5", "dan:6"), bagRows(PHONES));
    }

    @Test
    void valuesAreChecked() {
        try (Session s = sessions.openSession()) {
            Person ann = s.get(Person.class, ids.get("ann"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ann.getTags().add(null));
            assertEquals("Person.tags holds String values, and null is not one (the collection table's value column is NOT NULL)", e.getMessage());
            @SuppressWarnings({"unchecked", "rawtypes"}) Set<Object> raw = (Set) ann.getTags();
            e = assertThrows(IllegalArgumentException.class, () -> raw.add(42));
            assertEquals("Person.tags holds java.lang.String values, not java.lang.Integer", e.getMessage());
            Person bad = new Person("bad");
            bad.getPhones().add(null);
            assertThrows(IllegalArgumentException.class, () -> s.add(bad));
        }
    }

    @Test
    void anUnloadedCollectionOfADetachedObjectCannotLoad() {
        Person ann;
        try (Session s = sessions.openSession()) {
            ann = s.get(Person.class, ids.get("ann"));
        }
        DetachedInstanceError e = assertThrows(DetachedInstanceError.class, () -> ann.getTags().size());
        assertTrue(e.getMessage().startsWith("Person.tags of "), e.getMessage());
    }

    @Test
    void queriesFilterThroughTheCollectionTable() {
        try (Session s = sessions.openSession()) {
            List<String> withB = s.query(Person.class).filter(TAGS_REL.any(TAGS_REL.values().eq("b"))).all()
                    .stream().map(Person::getName).sorted().toList();
            assertEquals(List.of("ann", "bob"), withB);
            List<String> withA = s.query(Person.class).join(TAGS_REL).filter(TAGS_REL.values().eq("a")).all()
                    .stream().map(Person::getName).toList();
            assertEquals(List.of("ann"), withA);
        }
    }

    @Test
    void anOrderColumnKeepsTheListsOrder() {
        Secondary steps = ClassMapping.of(Person.class).toMany("steps").secondary();
        assertEquals("person_steps", steps.table().name());
        assertEquals(List.of("person_id", "steps", "steps_order"), steps.table().columns().stream().map(c -> c.name()).toList());
        assertEquals(List.of("person_id", "steps_order"), steps.table().primaryKeyColumns().stream().map(c -> c.name()).toList());
        try (Session s = sessions.openSession()) {
            Person ann = s.get(Person.class, ids.get("ann"));
            ann.getSteps().addAll(List.of("z", "a", "z"));
            statements.clear();
            s.commit();
            assertEquals(List.of("INSERT"), statements.stream().map(x -> x.substring(0, 6)).toList(), statements.toString());
        }
        try (Session s = sessions.openSession()) {
            Person ann = s.get(Person.class, ids.get("ann"));
            assertEquals(List.of("z", "a", "z"), ann.getSteps(), "loaded in position order, not by value");
            ann.getSteps().add("m");
            statements.clear();
            s.commit();
            assertEquals(List.of("INSERT"), statements.stream().map(x -> x.substring(0, 6)).toList(), "appended: " + statements);
            ann.getSteps().remove(0);
            statements.clear();
            s.commit();
            assertEquals(1, countOn("DELETE", "person_steps"), "positions moved: the rows are rewritten: " + statements);
        }
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("a", "z", "m"), s.get(Person.class, ids.get("ann")).getSteps());
        }
        TestDb.tx(engine, c -> {
            List<String> rows = new ArrayList<>();
            for (var r : c.execute(select(steps.position(), steps.remote()).from(steps.table())).all()) rows.add(r._1 + ":" + r._2);
            rows.sort(null);
            assertEquals(List.of("0:a", "1:z", "2:m"), rows);
        });
    }

    @Test
    void aJoinedHierarchyKeepsEachClasssCollections() {
        Secondary keywords = ClassMapping.of(Doc.class).toMany("keywords").secondary();
        Secondary pages = ClassMapping.of(Report.class).toMany("pages").secondary();
        assertEquals("doc_keywords", keywords.table().name());
        assertEquals("report_pages", pages.table().name());
        assertEquals("report_id", pages.local().name());
        long reportId;
        try (Session s = sessions.openSession()) {
            Doc d = new Doc("d");
            d.getKeywords().add("k1");
            Report r = new Report("r");
            r.getKeywords().addAll(List.of("k2", "k3"));
            r.getPages().addAll(List.of(3, 1));
            s.addAll(List.of(d, r));
            s.commit();
            reportId = r.getId();
        }
        try (Session s = sessions.openSession()) {
            statements.clear();
            List<Doc> docs = s.query(Doc.class).orderBy(ClassMapping.of(Doc.class).attribute("title").column().asc()).all();
            assertEquals(Set.of("k1"), docs.get(0).getKeywords());
            assertEquals(Set.of("k2", "k3"), docs.get(1).getKeywords());
            assertEquals(List.of(1, 3), ((Report) docs.get(1)).getPages());
            // a polymorphic result batches its collections per concrete class (Loading.relatedOf), as for entity collections
            assertEquals(4, count("SELECT"), "the docs (joined to the subclass table), the keywords of the Docs, of the "
                    + "Reports, the pages: " + statements);
            s.delete(docs.get(1));
            statements.clear();
            s.commit();
            assertEquals(2, countOn("DELETE", "report_pages") + countOn("DELETE", "doc_keywords"), statements.toString());
        }
        TestDb.tx(engine, c -> {
            assertEquals(0, c.execute(select(pages.local()).from(pages.table())).all().size());
            assertEquals(1, c.execute(select(keywords.local()).from(keywords.table())).all().size());
        });
        assertTrue(reportId > 0);
    }

    @Test
    void mergeCopiesTheLoadedValues() {
        Person ann;
        try (Session s = sessions.openSession()) {
            ann = s.get(Person.class, ids.get("ann"));
            ann.getTags().size();
        }
        ann.getTags().add("m"); // detached: the object's own change
        try (Session s = sessions.openSession()) {
            Person merged = s.merge(ann);
            s.commit();
            assertEquals(Set.of("a", "b", "m"), merged.getTags());
        }
        assertEquals(new TreeSet<>(List.of("ann:a", "ann:b", "ann:m", "bob:b")), rows(TAGS));
        assertEquals(List.of("ann:1", "ann:1", "ann:2"), bagRows(PHONES), "phones never loaded: left as they are");
    }

    @Test
    void aDetachedOwnerAddedBackReloadsItsValues() {
        Person ann;
        try (Session s = sessions.openSession()) {
            ann = s.get(Person.class, ids.get("ann"));
            ann.getTags().size();
        }
        ann.getTags().add("detached");
        try (Session s = sessions.openSession()) {
            s.add(ann);
            assertEquals(Set.of("a", "b"), ann.getTags(), "the database's values, as for the attributes of a re-attached object");
            s.commit();
        }
        assertEquals(new TreeSet<>(List.of("ann:a", "ann:b", "bob:b")), rows(TAGS));
    }

    @Test
    void aReplacedCollectionIsWrittenAsAWhole() {
        try (Session s = sessions.openSession()) {
            Person ann = s.get(Person.class, ids.get("ann"));
            ann.setTags(new HashSet<>(Set.of("b", "c")));
            ann.setPhones(new ArrayList<>(List.of("8")));
            s.commit();
        }
        assertEquals(new TreeSet<>(List.of("ann:b", "ann:c", "bob:b")), rows(TAGS));
        assertEquals(List.of("ann:8"), bagRows(PHONES));
    }
}
