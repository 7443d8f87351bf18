package org.athanor.orm;

import static org.athanor.orm.Loaders.selectinLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.athanor.orm.internal.loading.ToOneLoading;
import org.athanor.orm.model.relacc.RaBook;
import org.athanor.orm.model.relacc.RaPlate;
import org.athanor.orm.model.relacc.RaShelf;
import org.athanor.orm.model.relacc.RaShelf_;
import org.athanor.orm.model.relacc.RaTag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key batches of the relationship loads at the chunk boundary: {@link ToOneLoading#CHUNK} keys go in one statement
 * everywhere; one more takes a second statement where the keys are bind parameters of an IN list (a bind limit), and
 * still one where they bind as one array ({@code = ANY(?)}, {@code DialectFeatures.supportsAnyArray()}): the select-in
 * collection, the reference batch, the inverse one-to-one, the many-to-many and the element collection load, with the same
 * objects either way.
 */
public abstract class KeyBatchBoundaryTestBase extends MappedTestBase {
    @Override
    Registry registry() {
        return GeneratedRelationAccessTestBase.REGISTRY;
    }

    /** {@code n} shelves, each with one book, one plate, one tag and one label of its own. */
    private void seed(int n) {
        try (Session s = sessions.openSession()) {
            List<RaShelf> shelves = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                RaShelf shelf = new RaShelf(String.format(Locale.ROOT, "s%04d", i));
                RaBook book = new RaBook("b" + i);
                book.setShelf(shelf);
                shelf.getBooks().add(book);
                RaPlate plate = new RaPlate("p" + i);
                plate.setShelf(shelf);
                shelf.setPlate(plate);
                shelf.getTags().add(new RaTag("t" + i));
                shelf.labels.add("l" + i);
                shelves.add(shelf);
            }
            s.addAll(shelves);
            s.commit();
        }
        statements.clear();
    }

    /** The statements expected for {@code n} keys: one per CHUNK of bind parameters, one in all for an array. */
    private long expected(int n) {
        return engine.dialect().features().supportsAnyArray() ? 1 : (n + ToOneLoading.CHUNK - 1) / ToOneLoading.CHUNK;
    }

    private long selects(String table) {
        String from = "FROM " + table + " ";
        return statements.stream().filter(q -> q.startsWith("SELECT") && (q.contains(from) || q.endsWith("FROM " + table))).count();
    }

    @ParameterizedTest(name = "{0} keys")
    @ValueSource(ints = {ToOneLoading.CHUNK, ToOneLoading.CHUNK + 1})
    void aSelectinCollectionAndAnInverseOneToOne(int n) {
        seed(n);
        try (Session s = sessions.openSession()) {
            List<RaShelf> shelves = s.query(RaShelf.class).orderBy(RaShelf_.name).options(selectinLoad(RaShelf_.books)).all();
            assertEquals(n, shelves.size());
            assertEquals(expected(n), selects("ra_book"), statements.toString());
            assertEquals(expected(n), selects("ra_plate"), statements.toString());
            for (int i = 0; i < n; i++) {
                RaShelf shelf = shelves.get(i);
                assertEquals(List.of("b" + i), shelf.getBooks().stream().map(RaBook::getTitle).toList());
                assertSame(shelf, shelf.getBooks().get(0).getShelf());
                assertEquals("p" + i, shelf.getPlate().getText());
            }
        }
    }

    @ParameterizedTest(name = "{0} keys")
    @ValueSource(ints = {ToOneLoading.CHUNK, ToOneLoading.CHUNK + 1})
    void aReferenceBatchAManyToManyAndAnElementCollection(int n) {
        seed(n);
        try (Session s = sessions.openSession()) {
            List<RaBook> books = s.query(RaBook.class).all();
            assertEquals(n, books.size());
            assertEquals(expected(n), selects("ra_shelf"), statements.toString());
            for (RaBook b : books) assertEquals("b" + b.getShelf().getName().substring(1).replaceFirst("^0+(?=.)", ""), b.getTitle());
            statements.clear();
            // the first access loads the tags of every shelf of the result
            List<RaShelf> shelves = books.stream().map(RaBook::getShelf).toList();
            assertEquals(1, shelves.get(0).getTags().size());
            for (RaShelf shelf : shelves)
                assertEquals("t" + shelf.getName().substring(1).replaceFirst("^0+(?=.)", ""), shelf.getTags().iterator().next().getLabel());
            assertEquals(expected(n), selects("ra_tag"), statements.toString());
            statements.clear();
            assertEquals(1, shelves.get(0).labels.size());
            for (RaShelf shelf : shelves)
                assertEquals(java.util.Set.of("l" + shelf.getName().substring(1).replaceFirst("^0+(?=.)", "")), shelf.labels);
            assertEquals(expected(n), selects("ra_shelf_label"), statements.toString());
        }
    }
}
