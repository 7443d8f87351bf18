package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ForeignKey;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.Secondary;
import org.athanor.orm.model.m2mkey.MkSquad;
import org.athanor.orm.model.m2mkey.MkSquad_;
import org.athanor.orm.model.m2mkey.MkTeamId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @ElementCollection} of an owner with a composite key ({@link MkSquad}, {@code @IdClass}): one collection-table
 * column per key column (JPA's default names, or named out of key order), a composite FOREIGN KEY, writes and loads by
 * every key column (row values, or OR-ed column pairs where the dialect has none), rows deleted before the owner.
 */
public abstract class ElementCollectionCompositeOwnerTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(MkSquad.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    /** (a, 1): red, blue; fixtures x, y; (a, 2): red; fixture z; (b, 1): nothing. */
    @BeforeEach
    void fill() {
        try (Session s = sessions.openSession()) {
            MkSquad one = new MkSquad("a", 1), two = new MkSquad("a", 2), three = new MkSquad("b", 1);
            one.getColors().addAll(List.of("red", "blue"));
            one.getFixtures().addAll(List.of("x", "y"));
            two.getColors().add("red");
            two.getFixtures().add("z");
            s.addAll(List.of(one, two, three));
            s.commit();
            assertEquals(3, count("INSERT"), "the squads, then one INSERT per collection table: " + statements);
        }
        statements.clear();
    }

    @Test
    void theCollectionTableHasOneColumnPerKeyColumn() {
        Secondary colors = ClassMapping.of(MkSquad.class).toMany("colors").secondary();
        assertEquals(List.of("mk_squad_league", "mk_squad_number"), colors.locals().stream().map(Column::name).toList());
        Secondary fixtures = ClassMapping.of(MkSquad.class).toMany("fixtures").secondary();
        assertEquals(List.of("sq_league", "sq_no"), fixtures.locals().stream().map(Column::name).toList());
        assertEquals(List.of("sq_league", "sq_no", "fixtures_order"), fixtures.table().primaryKeyColumns().stream().map(Column::name).toList());
        ForeignKey fk = fixtures.table().foreignKeys().get(0);
        assertEquals(List.of("league", "number"), fk.referencedColumns().stream().map(Column::name).toList());
    }

    @Test
    void loadsForTheWholeResultByTheKeyPairs() {
        try (Session s = sessions.openSession()) {
            List<MkSquad> all = s.query(MkSquad.class).orderBy(MkSquad_.league.asc(), MkSquad_.number.asc()).all();
            statements.clear();
            assertEquals(List.of("blue", "red"), all.get(0).getColors().stream().sorted().toList());
            assertEquals(List.of("red"), List.copyOf(all.get(1).getColors()));
            assertEquals(List.of(), List.copyOf(all.get(2).getColors()));
            assertEquals(1, count("SELECT"), statements.toString());
            assertEquals(List.of("x", "y"), all.get(0).getFixtures());
            assertEquals(List.of("z"), all.get(1).getFixtures());
            assertEquals(2, count("SELECT"), statements.toString());
            assertTrue(engine.dialect().features().supportsTupleIn()
                    ? statements.get(1).contains("(mk_squad_fixture.sq_league, mk_squad_fixture.sq_no) IN ((?, ?), (?, ?), (?, ?))")
                    : statements.get(1).contains("(mk_squad_fixture.sq_league = ? AND mk_squad_fixture.sq_no = ?) OR"), statements.get(1));
            assertEquals(List.of(2, 1), s.query(MkSquad.class).filter(MkSquad_.colors.any(MkSquad_.colors.values().eq("red")))
                    .orderBy(MkSquad_.number.desc()).all().stream().map(MkSquad::getNumber).toList());
            assertEquals(List.of(1), s.query(MkSquad.class).filter(MkSquad_.colors.any(MkSquad_.colors.values().eq("blue")))
                    .all().stream().map(MkSquad::getNumber).toList());
        }
    }

    @Test
    void changesAndDeletesGoByEveryKeyColumn() {
        try (Session s = sessions.openSession()) {
            MkSquad one = s.get(MkSquad.class, new MkTeamId("a", 1)), two = s.get(MkSquad.class, new MkTeamId("a", 2));
            two.getFixtures().size(); // loaded first: a lazy load's autoflush would write the colors' changes
            one.getColors().remove("red");
            one.getColors().add("green");
            two.getFixtures().set(0, "w");
            statements.clear();
            s.commit();
            // colors: one DELETE of the pair, one INSERT; fixtures: the bag rewritten (its rows deleted, then inserted)
            assertEquals(2, count("DELETE"), statements.toString());
            assertEquals(2, count("INSERT"), statements.toString());
        }
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("blue", "green"), s.get(MkSquad.class, new MkTeamId("a", 1)).getColors().stream().sorted().toList());
            assertEquals(List.of("w"), s.get(MkSquad.class, new MkTeamId("a", 2)).getFixtures());
            assertEquals(List.of("x", "y"), s.get(MkSquad.class, new MkTeamId("a", 1)).getFixtures());
            statements.clear();
            s.delete(s.get(MkSquad.class, new MkTeamId("a", 1)));
            s.commit();
            assertEquals(3, count("DELETE"), "its rows of both collection tables, then the squad: " + statements);
        }
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("red"), List.copyOf(s.get(MkSquad.class, new MkTeamId("a", 2)).getColors()));
            assertEquals(2, s.query(MkSquad.class).count());
        }
    }
}
