package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.athanor.core.schema.Sequence;
import org.athanor.orm.model.tpcseq.Gem;
import org.athanor.orm.model.tpcseq.Pearl;
import org.athanor.orm.model.tpcseq.Ruby;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, TABLE_PER_CLASS "ids unique across the hierarchy" with generated ids: every class's table takes its
 * ids from the root's one sequence, so rows of different tables never share an id and get(Gem.class, id) finds one
 * row. Run on PostgreSQL and MariaDB (10.3+; the MySQL dialect switches sequences on by server flavour). SQLite and
 * MySQL 8 have no sequences, so SessionFactory.of refuses SEQUENCE there ("... has no sequences; use IDENTITY there") and
 * TABLE_PER_CLASS refuses IDENTITY: on those two a table-per-class hierarchy must assign its ids (docs/orm-inheritance.md).
 */
public abstract class TablePerClassSequenceTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Gem.class, Ruby.class, Pearl.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Test
    void theClassTablesTakeTheirIdsFromTheRootsOneSequence() {
        assertEquals(List.of(Sequence.of("tps_gem_seq")), REGISTRY.metadata().sequences());
        List<Gem> gems = List.of(new Ruby("r1", 2), new Pearl("p1", "silk"), new Ruby("r2", 3), new Pearl("p2", "matte"));
        try (Session s = sessions.openSession()) {
            s.addAll(gems); // one flush: a run of rubies and a run of pearls, each row with its own id
            s.commit();
        }
        Set<Long> ids = new HashSet<>();
        for (Gem g : gems) {
            assertNotNull(g.id);
            ids.add(g.id);
        }
        assertEquals(4, ids.size(), "no id repeats across tps_ruby and tps_pearl: " + ids);
        try (Session s = sessions.openSession()) {
            List<Gem> all = s.query(Gem.class).all();
            assertEquals(4, all.size());
            for (Gem g : gems) {
                Gem loaded = s.get(Gem.class, g.id);
                assertInstanceOf(g.getClass(), loaded);
                assertEquals(g.name, loaded.name);
                assertSame(loaded, s.get(g.getClass(), g.id));
            }
            Ruby more = new Ruby("r3", 1);
            s.add(more);
            s.commit();
            assertEquals(false, ids.contains(more.id), "a later insert continues the sequence");
        }
    }
}
