package org.athanor.orm;

import static org.athanor.core.sql.Sql.insert;
import static org.athanor.core.sql.Sql.select;
import static org.athanor.orm.Loaders.joinedLoad;
import static org.athanor.orm.Loaders.noLoad;
import static org.athanor.orm.Loaders.raiseLoad;
import static org.athanor.orm.Loaders.selectinLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.sql.Sql;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.Secondary;
import org.athanor.orm.model.unidir.UniBook;
import org.athanor.orm.model.unidir.UniBook_;
import org.athanor.orm.model.unidir.UniShelf;
import org.athanor.orm.model.unidir.UniShelf_;
import org.athanor.orm.model.unidir.UniTag;
import org.junit.jupiter.api.Test;

/**
 * A unidirectional {@code @OneToMany} without mappedBy and {@code @JoinColumn}: JPA's join table, a many-to-many from
 * one side whose element column is UNIQUE (UniShelf.books with JPA's default names, cascade ALL and orphanRemoval;
 * UniShelf.tags a Set renamed by {@code @JoinTable}, no cascade). DDL, flush, moves, orphans, deleting the owner,
 * every loader with exact statement counts, join/any/withParent, rollback.
 */
public abstract class UnidirectionalOneToManyTestBase extends UnidirectionalOneToManyFixture<UniShelf, UniBook, UniTag> {
    static final Registry REGISTRY = Registry.of(UniShelf.class, UniBook.class, UniTag.class);
    static final Secondary BOOKS = ClassMapping.of(UniShelf.class).toMany("books").secondary();
    static final Secondary TAGS = ClassMapping.of(UniShelf.class).toMany("tags").secondary();

    @Override
    Registry registry() {
        return REGISTRY;
    }

    // the fixture: shelf a: books dune, emma, tags red, blue; shelf b: book faust; shelf c: nothing
    @Override UniShelf newOwner(String name) { return new UniShelf(name); }
    @Override UniBook newElement(String title) { return new UniBook(title); }
    @Override UniTag newTag(String label) { return new UniTag(label); }
    @Override List<UniBook> elements(UniShelf owner) { return owner.getBooks(); }
    @Override java.util.Collection<UniTag> tags(UniShelf owner) { return owner.getTags(); }

    @Override
    void checkFill() {
        assertEquals(5, count("INSERT"), "shelves, books, tags (save-update cascade), then the two join tables: " + statements);
    }

    /** The committed rows of join table {@code s} as "shelf:element" names. */
    TreeSet<String> links(Secondary s) { return links(s, s == TAGS ? TAG_NAMES : ELEMENT_NAMES); }

    static List<String> titles(java.util.Collection<UniBook> bs) { return bs.stream().map(UniBook::getTitle).toList(); }

    static List<String> labels(java.util.Collection<UniTag> ts) { return ts.stream().map(UniTag::getLabel).toList(); }

    List<UniShelf> shelves(Session s, LoadOption... options) {
        return s.query(UniShelf.class).orderBy(UniShelf_.name.asc()).options(options).all();
    }

    @Test
    void theJoinTablesArePartOfTheMetadataWithAUniqueElementColumn() {
        assertEquals("uni_shelf_uni_book", BOOKS.table().name(), "JPA's default: <owner table>_<element table>");
        assertEquals("uni_shelf_id", BOOKS.local().name(), "<owner entity>_<owner key column>");
        assertEquals("books_id", BOOKS.remote().name(), "<attribute>_<element key column>");
        assertTrue(BOOKS.remote().isUnique(), "an element belongs to one owner");
        assertFalse(BOOKS.local().isUnique());
        assertEquals(2, BOOKS.table().foreignKeys().size());
        assertEquals("uni_shelf_tag", TAGS.table().name());
        assertEquals(List.of("shelf", "tag"), List.of(TAGS.local().name(), TAGS.remote().name()));
        assertTrue(TAGS.remote().isUnique());
        assertTrue(REGISTRY.metadata().sortedTables().containsAll(List.of(BOOKS.table(), TAGS.table())));
        assertTrue(UniShelf_.books.isManyToMany() && ClassMapping.of(UniShelf.class).toMany("books").joinTableOneToMany());
        assertEquals(new TreeSet<>(List.of("a:dune", "a:emma", "b:faust")), links(BOOKS));
        assertEquals(new TreeSet<>(List.of("a:blue", "a:red")), links(TAGS));
        // createAll made the constraints: a second owner for faust, and a row naming no book, are refused
        assertThrows(IntegrityError.class, () -> TestDb.tx(engine, c -> c.execute(insert(BOOKS.table())
                .columns(BOOKS.local(), BOOKS.remote()).values(ids.get("c"), ids.get("faust")))));
        assertThrows(IntegrityError.class, () -> TestDb.tx(engine, c -> c.execute(insert(BOOKS.table())
                .columns(BOOKS.local(), BOOKS.remote()).values(ids.get("c"), -1L))));
        assertEquals(3, rows(BOOKS.table()));
    }

    @Test
    void lazyCollectionsLoadOncePerResult() {
        try (Session s = sessions.openSession()) {
            List<UniShelf> shelves = shelves(s);
            assertEquals(1, count("SELECT"));
            assertEquals(List.of("dune", "emma"), titles(shelves.get(0).getBooks()), "@OrderBy(\"title\")");
            assertEquals(2, count("SELECT"), "one select for the three shelves' books");
            assertEquals(List.of("faust"), titles(shelves.get(1).getBooks()));
            assertEquals(List.of(), titles(shelves.get(2).getBooks()));
            assertEquals(2, count("SELECT"));
            assertEquals(List.of("red", "blue"), labels(shelves.get(0).getTags()), "@OrderBy(\"label DESC\") on a Set");
            assertEquals(List.of(), labels(shelves.get(1).getTags()));
            assertEquals(3, count("SELECT"));
        }
    }

    @Test
    void selectinJoinedRaiseAndNoLoad() {
        try (Session s = sessions.openSession()) {
            List<UniShelf> shelves = shelves(s, selectinLoad(UniShelf_.books), selectinLoad(UniShelf_.tags));
            assertEquals(3, count("SELECT"), statements.toString());
            assertEquals(List.of("dune", "emma"), titles(shelves.get(0).getBooks()));
            assertEquals(List.of("red", "blue"), labels(shelves.get(0).getTags()));
            assertEquals(List.of("faust"), titles(shelves.get(1).getBooks()));
            assertEquals(3, count("SELECT"));
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<UniShelf> shelves = shelves(s, joinedLoad(UniShelf_.books));
            assertEquals(1, count("SELECT"));
            assertEquals(2, statements.get(0).toUpperCase(Locale.ROOT).split("LEFT OUTER JOIN").length - 1, statements.get(0));
            assertEquals(List.of("a", "b", "c"), shelves.stream().map(UniShelf::getName).toList(), "parents de-duplicated");
            assertEquals(List.of("dune", "emma"), titles(shelves.get(0).getBooks()));
            assertEquals(List.of(), titles(shelves.get(2).getBooks()));
            UniShelf first = s.query(UniShelf.class).orderBy(UniShelf_.name.desc()).options(joinedLoad(UniShelf_.tags)).first();
            assertEquals(2, count("SELECT"), "the limit counts shelves (a subquery)");
            assertEquals(List.of(), labels(first.getTags()));
            assertEquals(2, count("SELECT"));
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            UniShelf a = s.query(UniShelf.class).filterBy("name", "a").options(raiseLoad(UniShelf_.books), noLoad(UniShelf_.tags)).one();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> a.getBooks().size());
            assertTrue(e.getMessage().contains("selectinLoad(UniShelf_.books)"), e.getMessage());
            assertEquals(0, a.getTags().size());
            assertEquals(1, count("SELECT"));
        }
    }

    @Test
    void joinAnyAndWithParent() {
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("a"), s.query(UniShelf.class).join(UniShelf_.books).filter(UniBook_.title.eq("emma")).all()
                    .stream().map(UniShelf::getName).toList());
            assertEquals(List.of("b"), s.query(UniShelf.class).filter(UniShelf_.books.any(UniBook_.title.eq("faust"))).all()
                    .stream().map(UniShelf::getName).toList());
            assertEquals(List.of("c"), s.query(UniShelf.class).filter(Sql.not(UniShelf_.books.any())).all()
                    .stream().map(UniShelf::getName).toList());
            UniShelf a = s.get(UniShelf.class, ids.get("a"));
            statements.clear();
            assertEquals(List.of("dune", "emma"), titles(s.query(UniBook.class).withParent(a, UniShelf_.books)
                    .orderBy(UniBook_.title.asc()).all()));
            assertEquals(1, count("SELECT"), "no collection loaded: " + statements);
        }
    }

    @Test
    void movingAnElementBetweenOwnersRewritesItsOneRow() {
        try (Session s = sessions.openSession()) {
            List<UniShelf> shelves = shelves(s, selectinLoad(UniShelf_.books));
            UniShelf a = shelves.get(0), b = shelves.get(1);
            UniBook dune = a.getBooks().get(0);
            a.getBooks().remove(dune); // orphanRemoval marks it, the add gives it an owner again
            b.getBooks().add(dune);
            statements.clear();
            s.commit();
            assertEquals(1, count("DELETE"), "the old row only, the book stays: " + statements);
            assertEquals(1, count("INSERT"), statements.toString());
            assertTrue(s.contains(dune));
        }
        assertEquals(new TreeSet<>(List.of("a:emma", "b:dune", "b:faust")), links(BOOKS));
        assertEquals(3, rows(ClassMapping.of(UniBook.class).table()));
    }

    @Test
    void anElementAddedToASecondOwnerWithoutLeavingTheFirstIsRefusedByTheDatabase() {
        try (Session s = sessions.openSession()) {
            UniShelf a = s.get(UniShelf.class, ids.get("a")), c = s.get(UniShelf.class, ids.get("c"));
            c.getBooks().add(a.getBooks().get(0));
            assertThrows(IntegrityError.class, s::commit, "the join table's UNIQUE element column");
            s.rollback();
            assertEquals(List.of("dune", "emma"), titles(a.getBooks()), "reloaded as the database has it");
            assertEquals(List.of(), titles(c.getBooks()));
            statements.clear();
            s.commit();
            assertEquals(0, statements.size(), "nothing rolled back is written again: " + statements);
        }
        assertEquals(new TreeSet<>(List.of("a:dune", "a:emma", "b:faust")), links(BOOKS));
    }

    @Test
    void orphanRemovalDeletesTheRemovedElement() {
        try (Session s = sessions.openSession()) {
            UniShelf a = s.get(UniShelf.class, ids.get("a"));
            UniBook emma = a.getBooks().get(1);
            UniBook fresh = new UniBook("fresh");
            a.getBooks().add(fresh);
            a.getBooks().remove(fresh); // a pending orphan: expunged, never inserted
            assertFalse(s.contains(fresh));
            a.getBooks().remove(emma);
            statements.clear();
            s.commit();
            assertEquals(2, count("DELETE"), "its join row, then the book: " + statements);
            assertEquals(0, count("INSERT"), statements.toString());
            assertNull(s.get(UniBook.class, ids.get("emma")));
        }
        assertEquals(new TreeSet<>(List.of("a:dune", "b:faust")), links(BOOKS));
        assertEquals(2, rows(ClassMapping.of(UniBook.class).table()));
    }

    @Test
    void removingWithoutOrphanRemovalKeepsTheElement() {
        try (Session s = sessions.openSession()) {
            UniShelf a = s.get(UniShelf.class, ids.get("a"));
            UniTag red = a.getTags().iterator().next();
            a.getTags().remove(red);
            a.getTags().add(red);
            a.getTags().add(red); // a Set: once
            a.getTags().remove(red);
            statements.clear();
            s.commit();
            assertEquals(1, count("DELETE"), statements.toString());
            assertTrue(s.contains(red));
        }
        assertEquals(new TreeSet<>(List.of("a:blue")), links(TAGS));
        assertEquals(2, rows(ClassMapping.of(UniTag.class).table()));
    }

    @Test
    void deletingTheOwnerCascadesToItsBooksButNotItsTags() {
        try (Session s = sessions.openSession()) {
            UniShelf a = s.get(UniShelf.class, ids.get("a"));
            s.delete(a);
            statements.clear();
            s.commit();
            assertEquals(1, count("SELECT"), "the books, loaded for the cascade: " + statements);
            // the shelf's rows of both join tables, the books' rows, the books, the shelf
            assertEquals(5, count("DELETE"), statements.toString());
        }
        assertEquals(new TreeSet<>(List.of("b:faust")), links(BOOKS));
        assertEquals(new TreeSet<>(), links(TAGS));
        assertEquals(1, rows(ClassMapping.of(UniBook.class).table()), "faust");
        assertEquals(2, rows(ClassMapping.of(UniTag.class).table()), "no cascade on tags: they stay");
    }

    @Test
    void deletingAnElementDeletesItsRowAndLeavesTheLoadedCollection() {
        try (Session s = sessions.openSession()) {
            UniShelf a = s.get(UniShelf.class, ids.get("a"));
            UniTag red = a.getTags().iterator().next();
            s.delete(red);
            statements.clear();
            s.commit();
            assertEquals(2, count("DELETE"), statements.toString());
            assertEquals(List.of("blue"), labels(a.getTags()));
        }
        assertEquals(new TreeSet<>(List.of("a:blue")), links(TAGS));
    }

    @Test
    void newElementsOfAPersistentOwnerAreInsertedWithTheirRows() {
        try (Session s = sessions.openSession()) {
            UniShelf c = s.get(UniShelf.class, ids.get("c"));
            UniBook g = new UniBook("gogol"), h = new UniBook("hesse");
            c.getBooks().add(h);
            c.getBooks().add(g);
            assertTrue(s.contains(g), "save-update cascade at once");
            statements.clear();
            s.commit();
            assertEquals(2, count("INSERT"), "the books, then their join rows: " + statements);
            ids.put("gogol", g.getId());
            ids.put("hesse", h.getId());
            assertEquals(List.of("hesse", "gogol"), titles(c.getBooks()), "a loaded collection keeps its order until re-read");
        }
        assertEquals(new TreeSet<>(List.of("a:dune", "a:emma", "b:faust", "c:gogol", "c:hesse")), links(BOOKS));
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("gogol", "hesse"), titles(s.get(UniShelf.class, ids.get("c")).getBooks()));
        }
    }

    @Test
    void cascadeAllReachesMergeRefreshAndExpungeAsOnAManyToMany() {
        try (Session s = sessions.openSession()) {
            UniShelf a = s.get(UniShelf.class, ids.get("a"));
            UniBook dune = a.getBooks().get(0);
            UniTag red = a.getTags().iterator().next();
            s.expunge(a);
            assertFalse(s.contains(dune), "cascade ALL includes DETACH: the loaded books leave with the shelf");
            assertTrue(s.contains(red), "no cascade on tags");
        }
    }

    @Test
    void rollbackForgetsTheFlushedAndUnflushedChanges() {
        try (Session s = sessions.openSession()) {
            UniShelf a = s.get(UniShelf.class, ids.get("a"));
            a.getBooks().add(new UniBook("ibsen"));
            s.flush();
            a.getBooks().remove(0);
            s.rollback();
            assertEquals(List.of("dune", "emma"), titles(a.getBooks()), "reloaded as the database has it");
            statements.clear();
            s.commit();
            assertEquals(0, statements.size(), statements.toString());
        }
        assertEquals(new TreeSet<>(List.of("a:dune", "a:emma", "b:faust")), links(BOOKS));
        assertEquals(3, rows(ClassMapping.of(UniBook.class).table()));
    }
}
