package org.athanor.orm;

import static org.athanor.orm.Loaders.selectinPolymorphic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.athanor.core.engine.Connection;
import org.athanor.orm.internal.loading.ToOneLoading;
import org.athanor.orm.model.joined.Car;
import org.athanor.orm.model.joined.Garage;
import org.athanor.orm.model.joined.SportsCar;
import org.athanor.orm.model.joined.Truck;
import org.athanor.orm.model.joined.Vehicle;
import org.athanor.orm.model.joined.Vehicle_;
import org.athanor.orm.model.relacc.RaBook;
import org.athanor.orm.model.relacc.RaShelf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two key batches outside the relationship loads at the chunk boundary: the REFRESH cascade's re-read of the
 * objects it reached ({@code Loading.reloadAll}) and {@code selectinPolymorphic}'s select of a subclass's rows.
 * {@link ToOneLoading#CHUNK} keys take one statement everywhere; one more takes a second where the keys are an IN list's
 * bind parameters, and still one where they bind as one array ({@code = ANY(?)}); the objects are the same either way.
 */
public abstract class ReloadAndPolymorphicBatchTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(RaShelf.class, RaBook.class, org.athanor.orm.model.relacc.RaNovel.class,
            org.athanor.orm.model.relacc.RaCurator.class, org.athanor.orm.model.relacc.RaTag.class,
            org.athanor.orm.model.relacc.RaPlate.class, Garage.class, Vehicle.class, Car.class, SportsCar.class, Truck.class);

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
        JoinedInheritanceTestBase.deleteVehicles(c, REGISTRY);
        super.deleteRows(c);
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
    void aRefreshCascadeRereadsTheObjectsItReached(int n) throws ReflectiveOperationException {
        try (Session s = sessions.openSession()) {
            RaShelf shelf = new RaShelf("s");
            for (int i = 0; i < n; i++) {
                RaBook book = new RaBook(String.format(Locale.ROOT, "b%04d", i));
                book.setShelf(shelf);
                shelf.getBooks().add(book);
            }
            s.add(shelf);
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            RaShelf shelf = s.query(RaShelf.class).one();
            List<RaBook> books = new ArrayList<>(shelf.getBooks());
            assertEquals(n, books.size());
            java.lang.reflect.Field title = RaBook.class.getDeclaredField("title");
            title.setAccessible(true);
            for (RaBook b : books) title.set(b, "unflushed");
            statements.clear();
            s.refresh(shelf); // cascade = ALL: the books it holds are re-read, their unflushed changes discarded
            assertEquals(expected(n), selects("ra_book"), statements.toString());
            for (int i = 0; i < n; i++) assertEquals(String.format(Locale.ROOT, "b%04d", i), books.get(i).getTitle(), "re-read from its row");
            assertSame(books.get(n - 1), shelf.getBooks().get(n - 1));
        }
    }

    @ParameterizedTest(name = "{0} keys")
    @ValueSource(ints = {ToOneLoading.CHUNK, ToOneLoading.CHUNK + 1})
    void selectinPolymorphicReadsASubclassInBatches(int n) {
        try (Session s = sessions.openSession()) {
            List<Vehicle> cars = new ArrayList<>();
            for (int i = 0; i < n; i++) cars.add(new Car(String.format(Locale.ROOT, "c%04d", i), i % 9));
            cars.add(new Vehicle("z-bike"));
            s.addAll(cars);
            s.commit();
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<Vehicle> all = s.query(Vehicle.class).options(selectinPolymorphic(Car.class)).orderBy(Vehicle_.name.asc()).all();
            assertEquals(n + 1, all.size());
            long carSelects = statements.stream().filter(q -> q.startsWith("SELECT") && q.contains(" JOIN inh_car ON")).count();
            assertEquals(expected(n), carSelects, statements.toString());
            for (int i = 0; i < n; i++) {
                Car car = assertInstanceOf(Car.class, all.get(i));
                assertEquals(String.format(Locale.ROOT, "c%04d", i), car.name);
                assertEquals(i % 9, car.seats);
            }
            assertEquals(Vehicle.class, all.get(n).getClass());
        }
    }
}
