package org.athanor.orm;

import static org.athanor.core.sql.Sql.deleteFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Sql;
import org.athanor.orm.model.inherit.Animal;
import org.athanor.orm.model.inherit.Dog;
import org.athanor.orm.model.inherit.Puppy;

/**
 * The flush's UPDATE batches: one per entity and set of changed columns, whatever order the dirty check finds the
 * changed objects in. Dog and Puppy share a table and a rank (both reference Cat): twenty dogs and puppies, found in
 * the identity map's order (interleaved), take two batches, the dogs' and the puppies', not one per run of either.
 */
public abstract class UpdateGroupingTestBase extends MappedTestBase {
    @Override
    Registry registry() {
        return SingleTableInheritanceTestBase.REGISTRY;
    }

    @Override
    boolean emptyAfterAll() {
        return true;
    }

    @Override
    void deleteRows(Connection c) {
        Table animals = registry().table(Animal.class);
        @SuppressWarnings("unchecked") Column<Long> chases = (Column<Long>) animals.column("chases_id");
        c.execute(Sql.update(animals).set(chases, (Long) null));
        c.execute(deleteFrom(animals));
        c.execute(deleteFrom(registry().table(org.athanor.orm.model.inherit.Owner.class)));
    }

    @org.junit.jupiter.api.Test
    void entitiesOfOneRankAreBatchedPerEntityWhateverTheirOrder() {
        assertEquals(registry().info(Dog.class).rank(), registry().info(Puppy.class).rank(), "the case needs one rank");
        try (Session s = sessions.openSession()) {
            for (int i = 0; i < 10; i++) { // a flush each: ids alternate, and so do the rows the query reads
                s.add(new Dog("d" + i, "collie"));
                s.flush();
                s.add(new Puppy("p" + i, "beagle", i));
                s.flush();
            }
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            List<Animal> all = s.query(Animal.class).orderBy(org.athanor.orm.model.inherit.Animal_.id).all();
            assertTrue(all.get(0) instanceof Puppy != all.get(1) instanceof Puppy, "interleaved");
            for (Animal a : all) a.name = a.name + "!";
            statements.clear();
            s.commit();
            assertEquals(2, count("UPDATE"), statements.toString());
        }
        try (Session s = sessions.openSession()) {
            for (Animal a : s.query(Animal.class).all()) assertTrue(a.name.endsWith("!"), a.name);
        }
    }
}
