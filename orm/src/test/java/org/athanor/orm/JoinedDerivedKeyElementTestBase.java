package org.athanor.orm;

import static org.athanor.orm.Loaders.joinedLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.athanor.orm.model.badge.Badge;
import org.athanor.orm.model.badge.BadgeHolder;
import org.athanor.orm.model.badge.BadgeHolder_;
import org.junit.jupiter.api.Test;

/**
 * A joined inverse one-to-one whose element is keyed by its reference back (a derived identity): the element's one key
 * column is that reference's, so the joined statement selects it (a joined element's back reference is otherwise taken
 * from its parent's key, not selected) and the element is read by it.
 */
public abstract class JoinedDerivedKeyElementTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(BadgeHolder.class, Badge.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Test
    void theElementKeyedByItsBackReferenceIsReadByIt() {
        try (Session s = sessions.openSession()) {
            BadgeHolder ann = new BadgeHolder(1L, "ann"), bo = new BadgeHolder(2L, "bo");
            s.addAll(List.of(ann, bo));
            s.flush();
            s.add(new Badge(ann, "gold"));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            List<BadgeHolder> hs = s.query(BadgeHolder.class).options(joinedLoad(BadgeHolder_.badge)).orderBy(BadgeHolder_.id).all();
            assertEquals(1, count("SELECT"), statements.toString());
            Badge gold = hs.get(0).getBadge();
            assertEquals("gold", gold.getLabel());
            assertSame(hs.get(0), gold.getHolder());
            assertNull(hs.get(1).getBadge());
            statements.clear();
            s.commit();
            assertEquals(0, count("UPDATE"), statements.toString());
        }
    }
}
