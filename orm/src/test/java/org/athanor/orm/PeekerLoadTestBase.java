package org.athanor.orm;

import static org.athanor.core.sql.Sql.deleteFrom;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.schema.Column;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.model.inherit.Animal;
import org.athanor.orm.model.inherit.Cat;
import org.athanor.orm.model.inherit.Dog;
import org.athanor.orm.model.inherit.Owner;
import org.athanor.orm.model.inherit.Puppy;
import org.athanor.orm.model.load.Peeker;
import org.junit.jupiter.api.AfterEach;

/**
 * The fixture of the load-route tests ({@link LoadedRowsTestBase}, {@link OneLoadRouteTestBase}): {@link Peeker}s, whose
 * {@code @PostLoad} hook a test can set (cleared after each test), and the single-table Animal hierarchy with its
 * owners; committed rows made by {@link #peekers} and {@link #pets}, and every table emptied after each test and left
 * empty.
 */
abstract class PeekerLoadTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Peeker.class, Owner.class, Animal.class, Cat.class, Dog.class, Puppy.class);
    static final Column<String> NAME = ClassMapping.column(Peeker.class, "name", String.class);
    @SuppressWarnings("unchecked")
    static final Column<Long> ANIMAL_ID = (Column<Long>) REGISTRY.table(Animal.class).column("id");

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
        SingleTableInheritanceTestBase.deleteAnimals(c, REGISTRY);
        c.execute(deleteFrom(REGISTRY.table(Peeker.class)));
    }

    @AfterEach
    void noHook() {
        Peeker.onLoad = null;
    }

    /** Peekers with these names committed, in this order; their ids in the same order. */
    List<Long> peekers(String... names) {
        try (Session s = sessions.openSession()) {
            List<Peeker> ps = new ArrayList<>();
            for (String n : names) ps.add(new Peeker(n));
            s.addAll(ps);
            s.commit();
            return ps.stream().map(Peeker::getId).toList();
        }
    }

    /** The ids of a Cat, a Dog and a Puppy (a Dog's subclass) committed in that order. */
    record Pets(long tom, long rex, long bit) {}

    /** Cat "Tom", Dog "Rex" (a collie) and Puppy "Bit" (a beagle of 3) committed in that order. */
    Pets pets() {
        try (Session s = sessions.openSession()) {
            Cat t = new Cat("Tom", true);
            Dog r = new Dog("Rex", "collie");
            Puppy b = new Puppy("Bit", "beagle", 3);
            s.addAll(List.of(t, r, b));
            s.commit();
            return new Pets(t.id, r.id, b.id);
        }
    }

    /** Every Peeker, by name. */
    static List<Peeker> all(Session s) {
        return s.query(Peeker.class).orderBy(NAME).all();
    }
}
