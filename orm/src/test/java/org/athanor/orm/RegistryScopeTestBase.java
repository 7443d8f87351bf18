package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.model.scope.ScopeBook;
import org.athanor.orm.model.scope.ScopeBook_;
import org.athanor.orm.model.scope.ScopeShelf;
import org.athanor.orm.model.scope.ScopeShelf_;
import org.junit.jupiter.api.Test;

/**
 * One mapper model, scoped to the registry: two registries mapping the same classes share only the per-class
 * {@link org.athanor.orm.mapping.ClassMapping} (table and properties, what the metamodel names); each has its own
 * mappers, linked among themselves, with their own listener instances, and the sessions of each load, relate and
 * identify objects through their own registry's mappers.
 */
public abstract class RegistryScopeTestBase extends MappedTestBase {
    static final Registry FIRST = Registry.of(ScopeShelf.class, ScopeBook.class);
    /** The same classes registered again (in the other order): a second registry over the same tables. */
    static final Registry SECOND = Registry.of(ScopeBook.class, ScopeShelf.class);

    @Override
    Registry registry() {
        return FIRST;
    }

    @Override
    boolean emptyAfterAll() {
        return true;
    }

    private Long shelfWithTwoBooks() {
        try (Session s = sessions.openSession()) {
            ScopeShelf shelf = new ScopeShelf("poems");
            new ScopeBook("Odes", shelf);
            new ScopeBook("Elegies", shelf);
            s.add(shelf);
            s.commit();
            return shelf.getId();
        }
    }

    @Test
    void twoRegistriesShareTheClassMappingButEachBuildsItsOwnLinkedMappers() {
        Mapper a = FIRST.info(ScopeShelf.class), b = SECOND.info(ScopeShelf.class);
        assertNotSame(a, b);
        assertSame(FIRST.mapping(ScopeShelf.class), SECOND.mapping(ScopeShelf.class), "the per-class table and properties");
        assertSame(ScopeShelf_.TABLE, a.table, "the metamodel names the mapper's table");
        assertSame(a.table, b.table);
        assertSame(FIRST.info(ScopeBook.class), a.toManyTarget(0), "links stay inside their registry");
        assertSame(SECOND.info(ScopeBook.class), b.toManyTarget(0));
        assertSame(a, FIRST.info(ScopeBook.class).toOneTarget(0));
        assertSame(b, SECOND.info(ScopeBook.class).toOneTarget(0));
        assertNotNull(a.callbacks);
        assertNotSame(a.callbacks, b.callbacks, "each registry instantiates the entity's listeners");
    }

    @Test
    void sessionsOfEachRegistryLoadAndRelateThroughTheirOwnMappers() {
        Long id = shelfWithTwoBooks();
        SessionFactory other = SessionFactory.of(engine, SECOND);
        Object firstListener;
        try (Session s = sessions.openSession(); Session t = other.openSession()) {
            ScopeShelf viaFirst = s.get(ScopeShelf.class, id), viaSecond = t.get(ScopeShelf.class, id);
            assertNotSame(viaFirst, viaSecond);
            firstListener = viaFirst.getLoadedBy();
            assertNotNull(firstListener);
            assertNotNull(viaSecond.getLoadedBy());
            assertNotSame(firstListener, viaSecond.getLoadedBy(), "the @PostLoad of each registry's own listener ran");
            assertEquals(List.of("Elegies", "Odes"), viaSecond.getBooks().stream().map(ScopeBook::getTitle).sorted().toList());
            assertSame(viaSecond, t.query(ScopeBook.class).filter(ScopeBook_.title.eq("Odes")).one().getShelf());
            assertEquals(2, t.query(ScopeBook.class).withParent(viaSecond, ScopeShelf_.books).count());
            assertEquals(List.of(id), SECOND.primaryKeyOf(viaSecond));
        }
        try (Session s = sessions.openSession()) {
            assertSame(firstListener, s.get(ScopeShelf.class, id).getLoadedBy(), "one listener instance per registry, not per session");
        }
    }

    @Test
    void primaryKeyOfReadsTheKeyThroughTheRegistrysMapper() {
        ScopeShelf shelf = new ScopeShelf("new");
        assertNull(FIRST.primaryKeyOf(shelf), "no key before the flush");
        try (Session s = sessions.openSession()) {
            s.add(shelf);
            s.flush();
            assertEquals(List.of(shelf.getId()), FIRST.primaryKeyOf(shelf));
            s.rollback();
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FIRST.primaryKeyOf("a string"));
        assertEquals("java.lang.String is not mapped in this Registry; it maps [ScopeShelf, ScopeBook] (add it to Registry.of(...))",
                e.getMessage());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void withParentRefusesAParentOfAnotherClass() {
        Long id = shelfWithTwoBooks();
        try (Session s = sessions.openSession()) {
            ScopeBook book = s.query(ScopeBook.class).filter(ScopeBook_.title.eq("Odes")).one();
            Query q = s.query(ScopeBook.class);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> q.withParent(book, ScopeShelf_.books));
            assertEquals("withParent(" + book + ", ScopeShelf.books): the parent must be a ScopeShelf, not a "
                    + ScopeBook.class.getName(), e.getMessage());
            assertEquals(2, s.query(ScopeBook.class).withParent(s.get(ScopeShelf.class, id), ScopeShelf_.books).count());
        }
    }
}
