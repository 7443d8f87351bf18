package org.athanor.orm;

import static org.athanor.orm.Loaders.joinedLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.orm.model.joined.Car;
import org.athanor.orm.model.joined.Garage;
import org.athanor.orm.model.joined.Garage_;
import org.athanor.orm.model.joined.SportsCar;
import org.athanor.orm.model.joined.Truck;
import org.athanor.orm.model.joined.Truck_;
import org.athanor.orm.model.joined.Vehicle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code joinedLoad(...).innerJoin()} to a JOINED hierarchy: the relationship's own join becomes INNER, the hierarchy's
 * other tables stay LEFT OUTER JOINs, since a row of the target may be of another subclass (or of the base itself) and
 * has no row in them. So the inner join drops only the parents without a related row, never a related object of
 * another class than the one whose table is joined.
 */
public abstract class JoinedInheritanceInnerJoinTestBase extends MappedTestBase {
    static final Registry REGISTRY = JoinedInheritanceTestBase.REGISTRY;

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

    /** North: a bike (plain Vehicle), a van (Car), a racer (SportsCar), a lorry and a tug (Trucks, depot North; the tug tows the lorry). South: nothing. */
    @BeforeEach
    void garages() {
        try (Session s = sessions.openSession()) {
            Garage north = new Garage("North"), south = new Garage("South");
            Truck lorry = new Truck("lorry", 12.5), tug = new Truck("tug", 1.0);
            lorry.depot = north;
            tug.depot = north;
            lorry.towedBy = tug;
            List<Vehicle> all = List.of(new Vehicle("bike"), new Car("van", 7), new SportsCar("racer", 2, 310), lorry, tug);
            for (Vehicle v : all) v.garage = north;
            s.addAll(all);
            s.addAll(List.of(north, south));
            s.commit();
        }
        statements.clear();
    }

    /** The joins of the load's statement, in order: "LEFT" or "INNER" and the joined table. */
    private List<String> joins() { return JoinedInnerJoinTestBase.joinKinds(statements.get(0)); }

    @Test
    void theBaseTableIsInnerJoinedAndEverySubclassTableStaysOuter() {
        try (Session s = sessions.openSession()) {
            List<Garage> gs = s.query(Garage.class).options(joinedLoad(Garage_.vehicles).innerJoin()).orderBy(Garage_.name).all();
            assertEquals(List.of("INNER INH_VEHICLE", "LEFT INH_CAR", "LEFT INH_SPORTS_CAR", "LEFT INH_TRUCK"), joins(), statements.get(0));
            assertEquals(List.of("North"), gs.stream().map(g -> g.name).toList(), "South has no vehicle: no row under the inner join");
            List<Vehicle> vs = gs.get(0).vehicles;
            assertEquals(List.of("bike", "lorry", "racer", "tug", "van"), vs.stream().map(v -> v.name).toList(),
                    "every class stays: a plain vehicle has no car or truck row");
            assertEquals(Vehicle.class, vs.get(0).getClass());
            assertEquals(12.5, assertInstanceOf(Truck.class, vs.get(1)).payload);
            assertEquals(310, assertInstanceOf(SportsCar.class, vs.get(2)).topSpeed);
            assertEquals(7, assertInstanceOf(Car.class, vs.get(4)).seats);
            assertEquals(1, count("SELECT"), statements.toString());
        }
    }

    @Test
    void aBackReferenceInTheSubclassTableInnerJoinsThatTableAndTheBaseTableStaysOuter() {
        try (Session s = sessions.openSession()) {
            List<Garage> gs = s.query(Garage.class).options(joinedLoad(Garage_.trucks).innerJoin()).orderBy(Garage_.name).all();
            assertEquals(List.of("INNER INH_TRUCK", "LEFT INH_VEHICLE"), joins(), statements.get(0));
            assertEquals(List.of("North"), gs.stream().map(g -> g.name).toList());
            assertEquals(List.of("lorry", "tug"), gs.get(0).trucks.stream().map(t -> t.name).sorted().toList());
            for (Truck t : gs.get(0).trucks) assertSame(gs.get(0), t.depot);
            assertEquals(1, count("SELECT"), statements.toString());
        }
    }

    @Test
    void anInnerJoinedReferenceToAJoinedSubclassKeepsItsOtherTableOuter() {
        try (Session s = sessions.openSession()) {
            List<Truck> ts = s.query(Truck.class).options(joinedLoad(Truck_.towedBy).innerJoin()).all();
            List<String> joins = joins();
            assertEquals("LEFT INH_TRUCK", joins.get(joins.size() - 1), statements.get(0));
            assertEquals("INNER INH_VEHICLE", joins.get(joins.size() - 2), statements.get(0));
            assertEquals(List.of("lorry"), ts.stream().map(t -> t.name).toList(), "the tug is towed by nothing");
            assertEquals("tug", ts.get(0).towedBy.name);
            assertEquals(1.0, ts.get(0).towedBy.payload);
        }
    }
}
