package org.athanor.orm;

import static org.athanor.core.sql.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.orm.model.relfail.Book;
import org.athanor.orm.model.relfail.Shelf;
import org.junit.jupiter.api.Test;

/**
 * A collection load that fails partway (a row's {@code @PostLoad} throws while the select's rows are read) leaves
 * every collection of its batch unloaded: the next access loads again, and finds all the elements. Before, the
 * collections stayed marked loaded, empty or holding the rows read before the failure.
 */
public abstract class CollectionLoadFailureTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Shelf.class, Book.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    private long[] fill() {
        try (Session s = sessions.openSession()) {
            Shelf a = new Shelf("a"), b = new Shelf("b");
            s.addAll(List.of(a, b));
            s.flush();
            s.addAll(List.of(new Book("a1", a), new Book(Book.UNREADABLE, a), new Book("a3", a), new Book("b1", b)));
            s.commit();
            return new long[] {a.getId(), b.getId()};
        }
    }

    @SuppressWarnings("unchecked")
    private static void makeReadable(Session s) {
        Table book = REGISTRY.table(Book.class);
        Column<String> title = (Column<String>) book.column("title");
        assertEquals(1, s.execute(update(book).set(title, "readable").where(title.eq(Book.UNREADABLE))));
    }

    @Test
    void aLazyLoadThatFailsPartwayLeavesTheBatchUnloadedAndTheNextAccessLoadsAgain() {
        long[] ids = fill();
        try (Session s = sessions.openSession()) {
            List<Shelf> shelves = s.query(Shelf.class).all();
            Shelf a = shelves.get(0).getId() == ids[0] ? shelves.get(0) : shelves.get(1);
            Shelf b = a == shelves.get(0) ? shelves.get(1) : shelves.get(0);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> a.getBooks().size());
            assertTrue(e.getMessage().contains(Book.UNREADABLE), e.getMessage());
            // no SQL: toString tells whether the list is loaded
            assertTrue(a.getBooks().toString().startsWith("[not loaded"), "a's books stay unloaded: " + a.getBooks());
            assertTrue(b.getBooks().toString().startsWith("[not loaded"), "b's books (same batch) stay unloaded: " + b.getBooks());
            makeReadable(s);
            statements.clear();
            assertEquals(3, a.getBooks().size(), "the next access loads a's books");
            assertEquals(1, b.getBooks().size(), "b's books came with a's, in the same select");
            assertEquals(1, statements.size(), "one select for the batch: " + statements);
            for (Book book : a.getBooks()) assertEquals(a, book.getShelf());
            s.commit();
        }
    }

    @Test
    void aSelectinLoadThatFailsPartwayLeavesTheCollectionsUnloaded() {
        long[] ids = fill();
        try (Session s = sessions.openSession()) {
            assertThrows(IllegalStateException.class,
                    () -> s.query(Shelf.class).options(Loaders.selectinLoad(org.athanor.orm.model.relfail.Shelf_.books)).all());
            Shelf a = s.get(Shelf.class, ids[0]);
            assertTrue(a.getBooks().toString().startsWith("[not loaded"), "a's books stay unloaded: " + a.getBooks());
            makeReadable(s);
            assertEquals(3, a.getBooks().size());
            assertEquals(1, s.get(Shelf.class, ids[1]).getBooks().size());
            s.commit();
        }
    }
}
