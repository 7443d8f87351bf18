package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.athanor.orm.model.joined.Car;
import org.athanor.orm.model.joined.Vehicle;
import org.athanor.orm.model.joined.Vehicle_;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link Query#update} and {@link Query#delete} refuse, before any statement, a hierarchy whose rows span
 * several tables (JOINED inheritance: one bulk statement changes one table), at the base and at a subclass.
 */
public abstract class BulkRefusalTestBase extends MappedTestBase {
    @Override
    Registry registry() {
        return JoinedInheritanceTestBase.REGISTRY;
    }

    @Override
    boolean emptyAfterAll() {
        return true;
    }

    private void refused(Executable bulk, String op, String entity) {
        statements.clear();
        IllegalStateException e = assertThrows(IllegalStateException.class, bulk);
        assertTrue(e.getMessage().startsWith(op + "() on " + entity + ": ") && e.getMessage().contains("JOINED"), e.getMessage());
        assertEquals(0, statements.size(), "refused before any statement (no flush either): " + statements);
    }

    @Test
    void bulkStatementsOnAJoinedHierarchyAreRefusedBeforeAnyStatement() {
        try (Session s = sessions.openSession()) {
            s.add(new Vehicle("pending")); // a flush would write it: the refusal comes first
            refused(() -> s.query(Vehicle.class).filter(Vehicle_.name.eq("x")).update(Map.of(Vehicle_.name, "y")), "update", "Vehicle");
            refused(() -> s.query(Vehicle.class).filter(Vehicle_.name.eq("x")).delete(), "delete", "Vehicle");
            refused(() -> s.query(Car.class).delete(), "delete", "Car");
        }
    }
}
