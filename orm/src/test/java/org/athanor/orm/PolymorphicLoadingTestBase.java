package org.athanor.orm;

import static org.athanor.orm.Loaders.joinedLoad;
import static org.athanor.orm.Loaders.selectinLoad;
import static org.athanor.orm.Loaders.selectinPolymorphic;
import static org.athanor.orm.Loaders.withPolymorphic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.athanor.core.engine.Connection;
import org.athanor.orm.model.inherit.Animal;
import org.athanor.orm.model.inherit.Cat;
import org.athanor.orm.model.joined.Car;
import org.athanor.orm.model.joined.Car_;
import org.athanor.orm.model.joined.Garage;
import org.athanor.orm.model.joined.Garage_;
import org.athanor.orm.model.joined.SportsCar;
import org.athanor.orm.model.joined.SportsCar_;
import org.athanor.orm.model.joined.Truck;
import org.athanor.orm.model.joined.Vehicle;
import org.athanor.orm.model.joined.Vehicle_;
import org.junit.jupiter.api.Test;

/**
 * SQLAlchemy's selectin_polymorphic and with_polymorphic over JOINED inheritance (Vehicle → Car → SportsCar,
 * Vehicle → Truck) on every database, with exact statement counts: the base query outer-joins only the tables
 * the option keeps, and each other class present is read by one SELECT ... IN of its own.
 */
public abstract class PolymorphicLoadingTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Garage.class, Vehicle.class, Car.class, SportsCar.class, Truck.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Override
    boolean emptyAfterAll() {
        return true;
    }

    @Override
    void deleteRows(Connection c) { JoinedInheritanceTestBase.deleteVehicles(c, REGISTRY); }

    List<String> selects() {
        return statements.stream().filter(s -> s.trim().toUpperCase(Locale.ROOT).startsWith("SELECT")).toList();
    }

    /** bike (Vehicle), van and cab (Car), racer (SportsCar), lorry (Truck, depot North); all in garage North. */
    Map<String, Long> seed() {
        Map<String, Long> ids = new TreeMap<>();
        try (Session s = sessions.openSession()) {
            Garage north = new Garage("North");
            List<Vehicle> all = List.of(new Vehicle("bike"), new Car("van", 7), new Car("cab", 4), new SportsCar("racer", 2, 310),
                    new Truck("lorry", 12.5));
            ((Truck) all.get(4)).depot = north;
            for (Vehicle v : all) v.garage = north;
            s.addAll(all);
            s.add(north);
            s.commit();
            for (Vehicle v : all) ids.put(v.name, v.id);
        }
        statements.clear();
        return ids;
    }

    /** A select of a batch of keys: {@code IN (...)}, or {@code = ANY(?)} where the keys bind as one array. */
    static boolean keyBatch(String sql) { return sql.contains(" IN ") || sql.contains(" = ANY(?)"); }

    void assertLoaded(List<Vehicle> all) {
        assertEquals(List.of("bike", "cab", "lorry", "racer", "van"), all.stream().map(v -> v.name).toList());
        assertEquals(Vehicle.class, all.get(0).getClass());
        assertEquals(4, assertInstanceOf(Car.class, all.get(1)).seats);
        Truck lorry = assertInstanceOf(Truck.class, all.get(2));
        assertEquals(12.5, lorry.payload);
        assertSame(lorry.garage, lorry.depot);
        SportsCar racer = assertInstanceOf(SportsCar.class, all.get(3));
        assertEquals(310, racer.topSpeed);
        assertEquals(2, racer.seats);
        assertEquals(7, assertInstanceOf(Car.class, all.get(4)).seats);
    }

    @Test
    void selectinPolymorphicReadsTheBaseRowsThenOneSelectPerNamedClassPresent() {
        seed();
        try (Session s = sessions.openSession()) {
            List<Vehicle> all = s.query(Vehicle.class).options(selectinPolymorphic(Car.class, Truck.class))
                    .orderBy(Vehicle_.name.asc()).all();
            List<String> selects = selects();
            assertEquals(4, selects.size(), "vehicles, cars (with sports cars), trucks, garages: " + selects);
            assertFalse(selects.get(0).contains("JOIN"), "the base query joins no subclass table: " + selects.get(0));
            assertTrue(selects.get(1).contains("inh_car") && keyBatch(selects.get(1)), selects.get(1));
            assertTrue(selects.get(2).contains("inh_truck") && keyBatch(selects.get(2)), selects.get(2));
            assertLoaded(all);
        }
    }

    @Test
    void eachNamedClassHasItsOwnSelectAndAClassNotPresentHasNone() {
        seed();
        try (Session s = sessions.openSession()) {
            List<Vehicle> all = s.query(Vehicle.class).options(selectinPolymorphic(Car.class, SportsCar.class, Truck.class))
                    .orderBy(Vehicle_.name.asc()).all();
            assertEquals(5, selects().size(), "vehicles, cars, sports cars, trucks, garages: " + selects());
            assertLoaded(all);
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<Vehicle> some = s.query(Vehicle.class).options(selectinPolymorphic(Car.class, Truck.class))
                    .filter(Vehicle_.name.in("bike", "van")).orderBy(Vehicle_.name.asc()).all();
            assertEquals(List.of("bike", "van"), some.stream().map(v -> v.name).toList());
            assertEquals(7, ((Car) some.get(1)).seats);
            assertEquals(3, selects().size(), "vehicles, cars (no truck in the result: no truck select), garages: " + selects());
        }
    }

    @Test
    void withPolymorphicJoinsOnlyTheNamedTablesAndReadsTheOtherClassesBySelectin() {
        seed();
        try (Session s = sessions.openSession()) {
            List<Vehicle> all = s.query(Vehicle.class).options(withPolymorphic(Truck.class)).orderBy(Vehicle_.name.asc()).all();
            List<String> selects = selects();
            assertEquals(3, selects.size(), "vehicles with trucks joined, cars (with sports cars), garages: " + selects);
            assertTrue(selects.get(0).contains("inh_truck") && !selects.get(0).contains("inh_car"), selects.get(0));
            assertTrue(selects.get(1).contains("inh_car") && keyBatch(selects.get(1)), selects.get(1));
            assertLoaded(all);
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<Vehicle> all = s.query(Vehicle.class).options(withPolymorphic(SportsCar.class)).orderBy(Vehicle_.name.asc()).all();
            List<String> selects = selects();
            assertEquals(3, selects.size(), "vehicles with cars and sports cars joined, trucks, garages: " + selects);
            assertTrue(selects.get(0).contains("inh_sports_car") && selects.get(0).contains("inh_car")
                    && !selects.get(0).contains("inh_truck"), "a named class's parent tables are joined too: " + selects.get(0));
            assertLoaded(all);
        }
    }

    @Test
    void aFilterOrOrderOnANamedClassColumnKeepsItsTableJoined() {
        seed();
        try (Session s = sessions.openSession()) {
            List<Vehicle> fast = s.query(Vehicle.class).options(selectinPolymorphic(Car.class, Truck.class))
                    .filter(SportsCar_.topSpeed.gt(300)).all();
            assertEquals(List.of("racer"), fast.stream().map(v -> v.name).toList());
            assertEquals(310, ((SportsCar) fast.get(0)).topSpeed);
            assertEquals(2, selects().size(), "the racer's row is complete (its tables joined for the filter), garages: " + selects());
            statements.clear();
            List<Car> cars = s.query(Car.class).options(selectinPolymorphic(SportsCar.class)).orderBy(Car_.seats.asc()).all();
            assertEquals(List.of("racer", "cab", "van"), cars.stream().map(v -> v.name).toList());
            assertEquals(1, selects().size(), "one SELECT: the racer is held, the other cars' rows are complete, their garage held: "
                    + selects());
        }
    }

    @Test
    void objectsTheSessionHoldsAreNotReadAgainAndSelectinWorksBesideRelationshipOptions() {
        Map<String, Long> ids = seed();
        try (Session s = sessions.openSession()) {
            Car van = s.get(Car.class, ids.get("van"));
            statements.clear();
            List<Vehicle> all = s.query(Vehicle.class).options(selectinPolymorphic(Car.class), selectinLoad(Vehicle_.garage))
                    .filter(Vehicle_.name.in("van", "cab")).orderBy(Vehicle_.name.asc()).all();
            assertSame(van, all.get(1));
            assertEquals(4, ((Car) all.get(0)).seats);
            List<String> selects = selects();
            assertEquals(2, selects.size(), "vehicles, the cab's car row (the van is held; its garage too): " + selects);
        }
    }

    @Test
    void badOptionsAreRefused() {
        seed();
        try (Session s = sessions.openSession()) {
            List<Garage> garages = s.query(Garage.class).options(selectinLoad(Garage_.vehicles)).all();
            assertEquals(5, garages.get(0).vehicles.size());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.query(Vehicle.class).options(selectinPolymorphic(Garage.class)));
            assertTrue(e.getMessage().contains("not a mapped subclass of Vehicle"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> s.query(Truck.class).options(selectinPolymorphic(Car.class)));
            assertTrue(e.getMessage().contains("has no mapped subclass"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> s.query(Vehicle.class).options(selectinPolymorphic(Car.class)).stream());
            assertTrue(e.getMessage().contains("use all()"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> s.query(Vehicle.class).options(selectinPolymorphic(Car.class), withPolymorphic(Truck.class)));
            assertTrue(e.getMessage().contains("one polymorphic load option"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> joinedLoad(Garage_.vehicles).then(selectinPolymorphic(Car.class)));
            assertTrue(e.getMessage().contains("use selectinLoad(Garage.vehicles)"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> s.query(Garage.class).options(selectinLoad(Garage_.vehicles).then(selectinPolymorphic(Garage.class))));
            assertTrue(e.getMessage().contains("not a mapped subclass of Vehicle"), e.getMessage());
        }
    }

    @Test
    void singleTableHierarchiesRefuseThePolymorphicOptions() {
        Registry single = Registry.of(org.athanor.orm.model.inherit.Owner.class, Animal.class, Cat.class,
                org.athanor.orm.model.inherit.Dog.class, org.athanor.orm.model.inherit.Puppy.class);
        try (Session s = SessionFactory.of(engine, single).openSession()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.query(Animal.class).options(selectinPolymorphic(Cat.class)));
            assertTrue(e.getMessage().contains("SINGLE_TABLE") && e.getMessage().contains("one table"), e.getMessage());
        }
    }

    @Test
    void aCollectionOfTheBaseLoadsItsSubclassesBySelectinToo() {
        seed();
        try (Session s = sessions.openSession()) {
            List<Garage> garages = s.query(Garage.class)
                    .options(selectinLoad(Garage_.vehicles).then(selectinPolymorphic(Car.class, Truck.class))).all();
            List<String> selects = selects();
            assertEquals(4, selects.size(), "garages, their vehicles, the cars, the trucks: " + selects);
            assertFalse(selects.get(1).contains("JOIN"), selects.get(1));
            statements.clear();
            List<Vehicle> vehicles = garages.get(0).vehicles;
            assertLoaded(vehicles); // @OrderBy("name")
            assertSame(garages.get(0), ((Truck) vehicles.get(2)).depot);
            assertEquals(0, selects().size(), selects().toString());
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            Garage north = s.query(Garage.class).options(Loaders.lazyLoad(Garage_.vehicles).then(withPolymorphic(Truck.class))).one();
            statements.clear();
            assertLoaded(north.vehicles);
            List<String> selects = selects();
            assertEquals(2, selects.size(), "on access: the vehicles with trucks joined, the cars: " + selects);
            assertTrue(selects.get(0).contains("inh_truck") && !selects.get(0).contains("inh_car"), selects.get(0));
        }
    }
}
