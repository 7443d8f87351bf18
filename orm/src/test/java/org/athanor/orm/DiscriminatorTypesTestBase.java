package org.athanor.orm;

import static org.athanor.core.sql.Sql.selectFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Row;
import org.athanor.orm.model.disc.Coin;
import org.athanor.orm.model.disc.Coin_;
import org.athanor.orm.model.disc.Gold;
import org.athanor.orm.model.disc.Grade;
import org.athanor.orm.model.disc.Grade_;
import org.athanor.orm.model.disc.Pass;
import org.athanor.orm.model.disc.Silver;
import org.junit.jupiter.api.Test;

/**
 * {@code @DiscriminatorColumn(discriminatorType = INTEGER)} (single table) and {@code CHAR} (joined): the values are
 * written as numbers and one-character strings, and rows read back are told apart by them on every database.
 */
public abstract class DiscriminatorTypesTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Coin.class, Gold.class, Silver.class, Grade.class, Pass.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Test
    void anIntegerDiscriminatorIsWrittenAsANumberAndTellsTheRowsApart() {
        Long gold, silver;
        try (Session s = sessions.openSession()) {
            Gold g = new Gold("sovereign", 22);
            Silver v = new Silver("crown", true);
            s.addAll(List.of(g, v));
            s.commit();
            gold = g.id;
            silver = v.id;
        }
        Table t = REGISTRY.table(Coin.class);
        Map<String, Integer> kinds = new TreeMap<>();
        for (Row r : engine.fromTransaction(c -> c.execute(selectFrom(t)).all()))
            kinds.put((String) r.get("label"), ((Number) r.get("kind")).intValue());
        assertEquals(Map.of("crown", 2, "sovereign", 1), kinds);
        try (Session s = sessions.openSession()) {
            List<Coin> all = s.query(Coin.class).orderBy(Coin_.label).all();
            assertInstanceOf(Silver.class, all.get(0));
            assertInstanceOf(Gold.class, all.get(1));
            assertEquals(22, ((Gold) all.get(1)).karat);
            assertEquals(List.of("crown"), s.query(Silver.class).all().stream().map(c -> c.label).toList());
            assertSame(all.get(1), s.get(Coin.class, gold));
            assertSame(all.get(0), s.get(Silver.class, silver));
        }
    }

    @Test
    void aCharDiscriminatorInAJoinedHierarchy() {
        Long pass;
        try (Session s = sessions.openSession()) {
            Pass p = new Pass("ann", 71);
            s.addAll(List.of(new Grade("bob"), p));
            s.commit();
            pass = p.id;
        }
        Table t = REGISTRY.table(Grade.class);
        Map<String, String> values = new TreeMap<>();
        for (Row r : engine.fromTransaction(c -> c.execute(selectFrom(t)).all()))
            values.put((String) r.get("student"), (String) r.get("g"));
        assertEquals(Map.of("ann", "p", "bob", "g"), values);
        try (Session s = sessions.openSession()) {
            List<Grade> all = s.query(Grade.class).orderBy(Grade_.student).all();
            assertInstanceOf(Pass.class, all.get(0));
            assertEquals(71, ((Pass) all.get(0)).score);
            assertEquals(Grade.class, all.get(1).getClass());
            assertSame(all.get(0), s.get(Grade.class, pass));
        }
    }
}
