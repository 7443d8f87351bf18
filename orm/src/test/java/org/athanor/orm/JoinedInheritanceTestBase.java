package org.athanor.orm;

import static org.athanor.core.sql.Sql.deleteFrom;
import static org.athanor.core.sql.Sql.select;
import static org.athanor.orm.Loaders.joinedLoad;
import static org.athanor.orm.Loaders.selectinLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.athanor.core.engine.Connection;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Sql;
import org.athanor.orm.model.joined.Car;
import org.athanor.orm.model.joined.Car_;
import org.athanor.orm.model.joined.Garage;
import org.athanor.orm.model.joined.Garage_;
import org.athanor.orm.model.joined.SportsCar;
import org.athanor.orm.model.joined.SportsCar_;
import org.athanor.orm.model.joined.Truck;
import org.athanor.orm.model.joined.Truck_;
import org.athanor.orm.model.joined.Vehicle;
import org.athanor.orm.model.joined.Vehicle_;
import org.junit.jupiter.api.Test;

/**
 * Joined inheritance on every database (Vehicle → Car → SportsCar, Vehicle → Truck, a @Version on the root):
 * the base row inserted before the subclass rows, updates only of the tables whose columns changed, deletes
 * in reverse, polymorphic loading through outer joins in one SELECT, subclass queries through inner joins,
 * one identity per row, and relationships to the base (Garage.vehicles) and from a subclass table (Truck.depot).
 */
public abstract class JoinedInheritanceTestBase extends MappedTestBase {
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
    void deleteRows(Connection c) { deleteVehicles(c, REGISTRY); }

    /** Empties the vehicle hierarchy's tables of {@code registry}, subclass tables first, and the garages. */
    static void deleteVehicles(Connection c, Registry registry) {
        for (Class<?> t : List.of(SportsCar.class, Car.class, Truck.class, Vehicle.class, Garage.class))
            c.execute(deleteFrom(registry.table(t)));
    }

    List<String> statementsStarting(String prefix) {
        return statements.stream().filter(s -> s.trim().toUpperCase(Locale.ROOT).startsWith(prefix)).toList();
    }

    /** A bike (plain Vehicle), a van (Car), a racer (SportsCar), a lorry (Truck, depot North); all in garage North. */
    Map<String, Long> seed() {
        Map<String, Long> ids = new TreeMap<>();
        try (Session s = sessions.openSession()) {
            Garage north = new Garage("North");
            Vehicle bike = new Vehicle("bike");
            Car van = new Car("van", 7);
            SportsCar racer = new SportsCar("racer", 2, 310);
            Truck lorry = new Truck("lorry", 12.5);
            lorry.depot = north;
            for (Vehicle v : List.of(bike, van, racer, lorry)) v.garage = north;
            s.addAll(List.of(racer, lorry, van, bike, north));
            s.commit();
            for (Vehicle v : List.of(bike, van, racer, lorry)) ids.put(v.name, v.id);
            ids.put("North", north.id);
        }
        statements.clear();
        return ids;
    }

    @Test
    void theBaseRowIsInsertedBeforeEachSubclassRow() {
        Map<String, Long> ids = seed();
        Table vehicles = REGISTRY.table(Vehicle.class), cars = REGISTRY.table(Car.class), sports = REGISTRY.table(SportsCar.class);
        try (var c = engine.connect()) {
            assertEquals(4L, c.execute(select(Sql.count()).from(vehicles)).scalar());
            assertEquals(2L, c.execute(select(Sql.count()).from(cars)).scalar(), "van and racer have car rows");
            assertEquals(1L, c.execute(select(Sql.count()).from(sports)).scalar());
            assertEquals(ids.get("racer"), c.execute(select(sports.column("car_id")).from(sports)).scalar(),
                    "the subclass row has the base row's key (its column named by @PrimaryKeyJoinColumn below Car)");
            Map<Object, Object> types = new TreeMap<>();
            for (var r : c.execute(select(vehicles.column("name"), vehicles.column("dtype")).from(vehicles)).all()) types.put(r._1, r._2);
            assertEquals(Map.of("bike", "Vehicle", "van", "Car", "racer", "sports", "lorry", "Truck"), types);
        }
    }

    @Test
    void aQueryOfTheBaseLoadsEverySubclassThroughOuterJoinsInOneSelect() {
        seed();
        try (Session s = sessions.openSession()) {
            List<Vehicle> all = s.query(Vehicle.class).orderBy(Vehicle_.name.asc()).all();
            assertEquals(List.of("bike", "lorry", "racer", "van"), all.stream().map(v -> v.name).toList());
            assertEquals(2, count("SELECT"), "one SELECT for the hierarchy, one for the garages: " + statements);
            assertTrue(statementsStarting("SELECT").get(0).contains("LEFT OUTER JOIN"), statements.toString());
            assertEquals(Vehicle.class, all.get(0).getClass());
            Truck lorry = assertInstanceOf(Truck.class, all.get(1));
            SportsCar racer = assertInstanceOf(SportsCar.class, all.get(2));
            Car van = assertInstanceOf(Car.class, all.get(3));
            assertEquals(12.5, lorry.payload);
            assertEquals(310, racer.topSpeed);
            assertEquals(2, racer.seats);
            assertEquals(7, van.seats);
            assertSame(lorry.garage, lorry.depot, "a reference from the subclass table, same identity");
            assertEquals("North", lorry.depot.name);
            for (Vehicle v : all)
                assertNull(s.stateOf(v).valuesIfChanged(), v.name + " was read as it is (its discriminator too): a flush finds nothing changed");
        }
    }

    @Test
    void aQueryJoinedToATableThatRepeatsRowsGivesOneObjectPerRowOfTheHierarchy() {
        seed();
        try (Session s = sessions.openSession()) {
            s.add(new Garage("South"));
            s.commit();
        }
        Table garages = REGISTRY.table(Garage.class);
        try (Session s = sessions.openSession()) {
            // every vehicle row comes twice (once per garage): the hierarchy's own joins no longer make the keys distinct
            List<Vehicle> all = s.query(Vehicle.class).join(garages, garages.column("id").isNotNull()).orderBy(Vehicle_.name.asc()).all();
            assertEquals(8, all.size());
            for (int i = 0; i < 8; i += 2) assertSame(all.get(i), all.get(i + 1), "one object for the two rows of " + all.get(i).name);
            assertEquals(List.of("bike", "lorry", "racer", "van"), List.of(all.get(0).name, all.get(2).name, all.get(4).name, all.get(6).name));
            assertInstanceOf(SportsCar.class, all.get(4));
        }
    }

    @Test
    void subclassQueriesJoinTheirTablesAndFilterOnTheirColumns() {
        seed();
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("racer", "van"), s.query(Car.class).orderBy(Car_.name.asc()).all().stream().map(v -> v.name).toList());
            assertEquals("racer", s.query(Car.class).filter(Car_.seats.lt(4)).one().name);
            assertEquals("racer", s.query(Vehicle.class).filter(SportsCar_.topSpeed.gt(300)).one().name);
            assertEquals("lorry", s.query(Truck.class).filter(Truck_.payload.gt(10.0)).one().name);
            assertEquals(1, s.query(SportsCar.class).count());
            assertEquals(2, s.query(Car.class).count());
            assertEquals(4, s.query(Vehicle.class).count());
        }
    }

    @Test
    void getByBaseAndSubclassGiveOneIdentity() {
        Map<String, Long> ids = seed();
        try (Session s = sessions.openSession()) {
            Vehicle v = s.get(Vehicle.class, ids.get("racer"));
            assertInstanceOf(SportsCar.class, v);
            int before = statements.size();
            assertSame(v, s.get(Car.class, ids.get("racer")));
            assertSame(v, s.get(SportsCar.class, ids.get("racer")));
            assertNull(s.get(Truck.class, ids.get("racer")));
            assertEquals(before, statements.size(), "identity-map hits");
        }
        try (Session s = sessions.openSession()) {
            assertNull(s.get(Truck.class, ids.get("van")), "the inner join to the truck table finds no row");
            assertInstanceOf(Car.class, s.get(Vehicle.class, ids.get("van")));
        }
    }

    @Test
    void anUpdateWritesOnlyTheTablesWhoseColumnsChangedAndADeleteGoesSubclassFirst() {
        Map<String, Long> ids = seed();
        try (Session s = sessions.openSession()) {
            SportsCar racer = s.get(SportsCar.class, ids.get("racer"));
            int version = racer.version;
            racer.topSpeed = 320;
            statements.clear();
            s.flush();
            List<String> updates = statementsStarting("UPDATE");
            assertEquals(2, updates.size(), "the version in the base row, the speed in its own table: " + updates);
            assertTrue(updates.get(0).contains("inh_vehicle") && updates.get(1).contains("inh_sports_car"), updates.toString());
            assertEquals(version + 1, racer.version, "the version is bumped for a change in any table");
            racer.name = "racer2";
            statements.clear();
            s.flush();
            assertEquals(1, count("UPDATE"), "only the base table changed: " + statements);
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            SportsCar racer = s.get(SportsCar.class, ids.get("racer"));
            assertEquals(320, racer.topSpeed);
            assertEquals("racer2", racer.name);
            s.delete(racer);
            statements.clear();
            s.commit();
            List<String> deletes = statementsStarting("DELETE");
            assertEquals(3, deletes.size(), deletes.toString());
            assertTrue(deletes.get(0).contains("inh_sports_car") && deletes.get(1).contains("inh_car")
                    && deletes.get(2).contains("inh_vehicle"), deletes.toString());
        }
        try (Session s = sessions.openSession()) {
            assertNull(s.get(Vehicle.class, ids.get("racer")));
            assertEquals(1, s.query(Car.class).count());
        }
    }

    @Test
    void aCollectionOfTheBaseHoldsEverySubclass() {
        Map<String, Long> ids = seed();
        try (Session s = sessions.openSession()) {
            List<Garage> garages = s.query(Garage.class).options(selectinLoad(Garage_.vehicles)).all();
            statements.clear();
            List<Vehicle> vehicles = garages.get(0).vehicles;
            assertEquals(List.of("bike", "lorry", "racer", "van"), vehicles.stream().map(v -> v.name).toList());
            assertInstanceOf(Truck.class, vehicles.get(1));
            assertSame(garages.get(0), ((Truck) vehicles.get(1)).depot);
            assertEquals(0, count("SELECT"), statements.toString());
            assertEquals(1, s.query(Truck.class).filterBy("depot", garages.get(0)).count());
        }
        assertTrue(ids.containsKey("North"));
    }

    @Test
    void aStaleVersionFailsTheFlushAndLeavesTheSubclassRowUnchanged() {
        Map<String, Long> ids = seed();
        try (Session s = sessions.openSession()) {
            Car van = s.get(Car.class, ids.get("van"));
            TestDb.tx(engine, c -> c.execute(Sql.update(REGISTRY.table(Vehicle.class))
                    .set(Vehicle_.version, 5).where(Vehicle_.id.eq(ids.get("van")))));
            van.seats = 9;
            assertThrows(StaleDataException.class, s::flush);
            s.rollback();
        }
        try (Session s = sessions.openSession()) {
            assertEquals(7, s.get(Car.class, ids.get("van")).seats);
        }
    }

    @Test
    void aChainOfSubclassRowsReferencingTheirOwnClassIsInsertedAndDeletedInOneFlush() {
        Garage north = new Garage("North");
        Truck head = new Truck("head", 1.0), middle = new Truck("middle", 2.0), tail = new Truck("tail", 3.0);
        tail.towedBy = middle;
        middle.towedBy = head;
        for (Truck t : List.of(head, middle, tail)) t.garage = north;
        try (Session s = sessions.openSession()) {
            s.addAll(List.of(tail, middle, head, north)); // the referencing rows first: the flush must order them
            s.commit();
        }
        Table trucks = REGISTRY.table(Truck.class);
        try (var c = engine.connect()) {
            Map<Object, Object> towedBy = new TreeMap<>();
            for (var r : c.execute(select(trucks.column("id"), trucks.column("towed_by_id")).from(trucks)).all())
                towedBy.put(r._1, r._2 == null ? "none" : r._2);
            assertEquals(Map.of(head.id, "none", middle.id, head.id, tail.id, middle.id), towedBy);
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            Truck t = s.get(Truck.class, tail.id);
            assertEquals("middle", t.towedBy.name);
            assertEquals("head", t.towedBy.towedBy.name);
            assertNull(t.towedBy.towedBy.towedBy);
            assertSame(t.towedBy, s.get(Vehicle.class, middle.id));
            Truck h = t.towedBy.towedBy, m = t.towedBy;
            for (Truck x : List.of(h, m, t)) s.delete(x); // the referenced rows first: the flush must order them
            statements.clear();
            s.commit();
            List<String> deletes = statementsStarting("DELETE");
            assertTrue(deletes.get(0).contains("inh_truck") && deletes.get(deletes.size() - 1).contains("inh_vehicle"), deletes.toString());
        }
        try (Session s = sessions.openSession()) {
            assertEquals(0, s.query(Truck.class).count());
        }
    }

    @Test
    void aChainLinkedToAnExistingSubclassRowIsInsertedAfterIt() {
        Long headId;
        try (Session s = sessions.openSession()) {
            Truck head = new Truck("head", 1.0);
            s.add(head);
            s.commit();
            headId = head.id;
        }
        try (Session s = sessions.openSession()) {
            Truck head = s.get(Truck.class, headId);
            Truck a = new Truck("a", 1.0), b = new Truck("b", 1.0);
            b.towedBy = a;
            a.towedBy = head;
            s.addAll(List.of(b, a));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            Truck b = s.query(Truck.class).filter(Truck_.name.eq("b")).one();
            assertEquals(headId, b.towedBy.towedBy.id);
        }
    }

    @Test
    void joinedLoadOfACollectionOfTheBaseReadsEverySubclassInOneStatement() {
        seed();
        try (Session s = sessions.openSession()) {
            List<Garage> garages = s.query(Garage.class).options(joinedLoad(Garage_.vehicles)).all();
            assertEquals(1, garages.size());
            long selects = count("SELECT");
            List<Vehicle> vehicles = garages.get(0).vehicles;
            assertEquals(List.of("bike", "lorry", "racer", "van"), vehicles.stream().map(v -> v.name).toList());
            assertEquals(Vehicle.class, vehicles.get(0).getClass());
            Truck lorry = assertInstanceOf(Truck.class, vehicles.get(1));
            SportsCar racer = assertInstanceOf(SportsCar.class, vehicles.get(2));
            assertEquals(12.5, lorry.payload);
            assertSame(garages.get(0), lorry.depot);
            assertEquals(310, racer.topSpeed);
            assertEquals(2, racer.seats);
            assertEquals(7, assertInstanceOf(Car.class, vehicles.get(3)).seats);
            assertEquals(selects, count("SELECT"), "nothing loaded on access: " + statements);
            assertEquals(1, selects, "garages and their vehicles of every class in one statement: " + statements);
        }
    }

    @Test
    void joinedLoadOfACollectionWhoseBackReferenceIsInTheSubclassTable() {
        seed();
        try (Session s = sessions.openSession()) {
            Truck second = new Truck("second", 3.0);
            second.depot = s.query(Garage.class).one();
            s.add(second);
            s.commit();
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            Garage north = s.query(Garage.class).options(joinedLoad(Garage_.trucks)).one();
            assertEquals(1, count("SELECT"), "the garage and its trucks in one statement: " + statements);
            assertTrue(statementsStarting("SELECT").get(0).contains("LEFT OUTER JOIN inh_truck"), statements.toString());
            assertEquals(List.of("lorry", "second"), north.trucks.stream().map(t -> t.name).sorted().toList());
            assertEquals(List.of(12.5, 3.0), north.trucks.stream().sorted((a, b) -> a.name.compareTo(b.name)).map(t -> t.payload).toList());
            for (Truck t : north.trucks) assertSame(north, t.depot);
            assertEquals(1, count("SELECT"), "the trucks' garage and depot found in the session: " + statements);
        }
    }
}
