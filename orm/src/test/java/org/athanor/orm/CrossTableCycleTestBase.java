package org.athanor.orm;

import static org.athanor.core.sql.Sql.deleteFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.athanor.core.engine.Connection;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Sql;
import org.athanor.orm.model.cycle.CycAuthor;
import org.athanor.orm.model.cycle.CycBlue;
import org.athanor.orm.model.cycle.CycBook;
import org.athanor.orm.model.cycle.CycGreen;
import org.athanor.orm.model.cycle.CycLeft;
import org.athanor.orm.model.cycle.CycRed;
import org.athanor.orm.model.cycle.CycRight;
import org.junit.jupiter.api.Test;

/**
 * Foreign-key cycles between tables, written in one flush on every database (SQLAlchemy's post_update):
 * new rows referencing each other across two and three tables with generated keys (one row inserted
 * with its nullable reference NULL, the others, then an UPDATE), their deletion (the reference set to
 * NULL first), a cycle through NOT NULL references refused before any statement with the session
 * recovering, and an ordinary parent/child flush over the same tables with its statement counts.
 */
public abstract class CrossTableCycleTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(CycAuthor.class, CycBook.class, CycRed.class, CycGreen.class, CycBlue.class,
            CycLeft.class, CycRight.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Override
    boolean emptyAfterAll() {
        return true;
    }

    @Override
    void deleteRows(Connection c) {
        // the nullable references of each cycle first, then the rows (none of the NOT NULL cycle exist)
        c.execute(Sql.update(table(CycAuthor.class)).set(col(CycAuthor.class, "favorite_id"), (Long) null));
        c.execute(Sql.update(table(CycBlue.class)).set(col(CycBlue.class, "red_id"), (Long) null));
        for (Class<?> t : List.of(CycBook.class, CycAuthor.class, CycRed.class, CycGreen.class, CycBlue.class))
            c.execute(deleteFrom(table(t)));
    }

    static Table table(Class<?> entity) { return REGISTRY.table(entity); }

    @SuppressWarnings("unchecked")
    static Column<Long> col(Class<?> entity, String name) { return (Column<Long>) table(entity).column(name); }

    long rows(Class<?> entity) {
        try (org.athanor.core.engine.Connection c = engine.connect()) {
            return ((Number) c.execute(Sql.select(Sql.count()).from(table(entity))).scalar()).longValue();
        }
    }

    List<String> inserts() {
        return statements.stream().filter(s -> s.trim().toUpperCase(Locale.ROOT).startsWith("INSERT")).toList();
    }

    @Test
    void twoTablesReferencingEachOtherAreInsertedInOneFlushWithAPostUpdate() {
        Long authorId, bookId;
        try (Session s = sessions.openSession()) {
            CycAuthor ann = new CycAuthor("Ann");
            CycBook book = new CycBook("Dawn");
            book.setAuthor(ann);
            ann.setFavorite(book);
            s.addAll(List.of(book, ann)); // the book first: the plan still starts with the author
            s.commit();
            assertEquals(2, count("INSERT"), statements.toString());
            assertEquals(1, count("UPDATE"), "the author inserted with favorite_id NULL, set once the book exists: " + statements);
            List<String> inserts = inserts();
            assertTrue(inserts.get(0).contains("cyc_author") && inserts.get(1).contains("cyc_book"), inserts.toString());
            assertSame(book, ann.getFavorite(), "the object keeps its reference");
            authorId = ann.getId();
            bookId = book.getId();
            statements.clear();
            s.flush();
            assertEquals(0, statements.size(), "the snapshot holds the linked key: " + statements);
        }
        try (Session s = sessions.openSession()) {
            CycAuthor ann = s.get(CycAuthor.class, authorId);
            assertEquals(bookId, ann.getFavorite().getId());
            assertSame(ann, ann.getFavorite().getAuthor());
        }
    }

    @Test
    void rowsOfCyclicTablesThatFormNoCycleNeedNoPostUpdate() {
        try (Session s = sessions.openSession()) {
            List<CycAuthor> authors = List.of(new CycAuthor("a"), new CycAuthor("b"), new CycAuthor("c"));
            List<CycBook> books = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                CycBook b = new CycBook("book" + i);
                b.setAuthor(authors.get(i % 3));
                books.add(b);
            }
            s.addAll(books); // children first: the authors come by the save-update cascade
            s.addAll(authors);
            s.commit();
            assertEquals(2, count("INSERT"), "one multi-row INSERT per table, parents first: " + statements);
            assertEquals(0, count("UPDATE"), statements.toString());
            assertTrue(inserts().get(0).contains("cyc_author"), inserts().toString());
            statements.clear();
            for (CycBook b : books) s.delete(b);
            for (CycAuthor a : authors) s.delete(s.get(CycAuthor.class, a.getId()));
            s.commit();
            assertEquals(2, count("DELETE"), "one DELETE per table, children first: " + statements);
            assertEquals(0, count("UPDATE"), statements.toString());
        }
        assertEquals(0, rows(CycBook.class));
        assertEquals(0, rows(CycAuthor.class));
    }

    @Test
    void deletingBothRowsOfACycleClearsTheNullableReferenceFirst() {
        Long authorId, bookId;
        try (Session s = sessions.openSession()) {
            CycAuthor ann = new CycAuthor("Ann");
            CycBook book = new CycBook("Dawn");
            book.setAuthor(ann);
            ann.setFavorite(book);
            s.addAll(List.of(ann, book));
            s.commit();
            authorId = ann.getId();
            bookId = book.getId();
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            CycAuthor ann = s.get(CycAuthor.class, authorId);
            CycBook book = s.get(CycBook.class, bookId);
            s.delete(ann); // the author first: its book still references it, so the book goes first
            s.delete(book);
            statements.clear();
            s.commit();
            assertEquals(1, count("UPDATE"), "favorite_id set to NULL before the deletes: " + statements);
            assertEquals(2, count("DELETE"), statements.toString());
        }
        assertEquals(0, rows(CycBook.class));
        assertEquals(0, rows(CycAuthor.class));
    }

    @Test
    void aCycleThroughThreeTablesIsBrokenAtItsNullableReference() {
        Long redId;
        try (Session s = sessions.openSession()) {
            CycRed red = new CycRed("r");
            CycGreen green = new CycGreen("g");
            CycBlue blue = new CycBlue("b");
            red.setGreen(green);
            green.setBlue(blue);
            blue.setRed(red);
            s.addAll(List.of(red, green, blue));
            s.commit();
            assertEquals(3, count("INSERT"), statements.toString());
            assertEquals(1, count("UPDATE"), "blue inserted with red_id NULL, then set: " + statements);
            List<String> inserts = inserts();
            assertTrue(inserts.get(0).contains("cyc_blue") && inserts.get(1).contains("cyc_green") && inserts.get(2).contains("cyc_red"),
                    inserts.toString());
            redId = red.getId();
        }
        try (Session s = sessions.openSession()) {
            CycRed red = s.get(CycRed.class, redId);
            assertSame(red, red.getGreen().getBlue().getRed());
            s.delete(red.getGreen().getBlue());
            s.delete(red);
            s.delete(red.getGreen());
            statements.clear();
            s.commit();
            assertEquals(1, count("UPDATE"), "blue's red_id cleared first: " + statements);
            assertEquals(3, count("DELETE"), statements.toString());
        }
        assertEquals(0, rows(CycRed.class) + rows(CycGreen.class) + rows(CycBlue.class));
    }

    @Test
    void aCycleOfNotNullReferencesIsRefusedBeforeAnyStatementAndTheSessionRecovers() {
        try (Session s = sessions.openSession()) {
            CycLeft left = new CycLeft("l");
            CycRight right = new CycRight("r");
            left.setRight(right);
            right.setLeft(left);
            CycAuthor bystander = new CycAuthor("bystander");
            s.addAll(List.of(bystander, left, right));
            statements.clear();
            FlushException e = assertThrows(FlushException.class, s::commit);
            String m = e.getMessage();
            assertTrue(m.contains("cycle") && m.contains("cannot be NULL"), m);
            assertTrue(m.contains("CycLeft object (pending).right -> CycRight object (pending) (cyc_left.right_id NOT NULL)"), m);
            assertTrue(m.contains("CycRight object (pending).left -> CycLeft object (pending) (cyc_right.left_id NOT NULL)"), m);
            assertTrue(m.contains("optional"), "says what to do: " + m);
            assertEquals(0, count("INSERT") + count("UPDATE"), "nothing written: " + statements);
            assertEquals(0, rows(CycAuthor.class));
            s.rollback();
            assertEquals(ObjectState.TRANSIENT, s.inspect(left).state());
            assertEquals(ObjectState.TRANSIENT, s.inspect(bystander).state());
            assertNull(bystander.getId());
            // fixed (the cycle left out): the same session writes the rest
            s.add(bystander);
            s.commit();
            assertEquals(1, rows(CycAuthor.class));
            assertEquals(0, rows(CycLeft.class) + rows(CycRight.class));
        }
    }
}
