package org.athanor.orm;

import static org.athanor.core.sql.Sql.select;
import static org.athanor.orm.Loaders.joinedLoad;
import static org.athanor.orm.Loaders.selectinLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ForeignKey;
import org.athanor.core.schema.Table;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.Secondary;
import org.athanor.orm.model.m2mkey.MkPlayer;
import org.athanor.orm.model.m2mkey.MkPlayerKey;
import org.athanor.orm.model.m2mkey.MkPlayer_;
import org.athanor.orm.model.m2mkey.MkTag;
import org.athanor.orm.model.m2mkey.MkTag_;
import org.athanor.orm.model.m2mkey.MkTeam;
import org.athanor.orm.model.m2mkey.MkTeamId;
import org.athanor.orm.model.m2mkey.MkTeam_;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @ManyToMany} with composite keys: {@link MkTeam} ({@code @IdClass}) owns {@code players} to {@link MkPlayer}
 * ({@code @EmbeddedId}, both ends composite, join columns named out of key order) and {@code tags} to the single-key
 * {@link MkTag} (JPA's default names, cascade ALL); {@link MkTag#getFeatured()} is a join-table {@code @OneToMany} to a
 * composite key. DDL (composite primary and foreign keys), link writes, every loader with exact statement counts (row
 * values, or OR-ed column pairs where the dialect has none), joins, any, withParent, deletes and cascades.
 */
public abstract class ManyToManyCompositeKeyTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(MkTeam.class, MkPlayer.class, MkTag.class);
    static final Secondary ROSTER = ClassMapping.of(MkTeam.class).toMany("players").secondary();

    @Override
    Registry registry() {
        return REGISTRY;
    }

    /** (a, 1) "lions": ann, bob; (a, 2) "bears": bob; (b, 1) "cats": none; tags 1 red, 2 blue on lions. */
    @BeforeEach
    void fill() {
        try (Session s = sessions.openSession()) {
            MkTeam lions = new MkTeam("a", 1, "lions"), bears = new MkTeam("a", 2, "bears"), cats = new MkTeam("b", 1, "cats");
            MkPlayer ann = new MkPlayer("uk", "p1", "ann"), bob = new MkPlayer("fr", "p1", "bob");
            lions.getPlayers().add(bob);
            lions.getPlayers().add(ann);
            bears.getPlayers().add(bob);
            lions.getTags().add(new MkTag(1, "red"));
            lions.getTags().add(new MkTag(2, "blue"));
            s.addAll(List.of(lions, bears, cats));
            s.commit();
            assertEquals(5, count("INSERT"), "teams, players, tags, then one INSERT per secondary table: " + statements);
        }
        statements.clear();
    }

    /** The committed rows of mk_roster as "league number:country code". */
    TreeSet<String> roster() {
        TreeSet<String> out = new TreeSet<>();
        List<Column<Object>> l = ROSTER.locals(), r = ROSTER.remotes();
        TestDb.tx(engine, c -> {
            for (var row : c.execute(select(l.get(0), l.get(1), r.get(0), r.get(1)).from(ROSTER.table())).all())
                out.add(row._1 + " " + row._2 + ":" + row._3 + " " + row._4);
        });
        return out;
    }

    static List<String> names(java.util.Collection<MkPlayer> ps) { return ps.stream().map(MkPlayer::getName).toList(); }

    @Test
    void theSecondaryTableHasOneColumnPerKeyColumnAndCompositeForeignKeys() {
        // in each end's key order, whatever the order of the @JoinColumns; the inverse columns by JPA's default names
        assertEquals(List.of("team_league", "team_no"), ROSTER.locals().stream().map(Column::name).toList());
        assertEquals(List.of("players_country", "players_code"), ROSTER.remotes().stream().map(Column::name).toList());
        Table t = ROSTER.table();
        assertEquals(List.of("team_league", "team_no", "players_country", "players_code"),
                t.primaryKeyColumns().stream().map(Column::name).toList());
        assertEquals(2, t.foreignKeys().size());
        ForeignKey team = t.foreignKeys().get(0), player = t.foreignKeys().get(1);
        assertEquals(List.of("league", "number"), team.referencedColumns().stream().map(Column::name).toList());
        assertEquals(List.of("country", "code"), player.referencedColumns().stream().map(Column::name).toList());
        assertThrows(IllegalStateException.class, ROSTER::local, "a composite key has no one column");
        Secondary tags = ClassMapping.of(MkTeam.class).toMany("tags").secondary();
        assertEquals(List.of("mk_team_league", "mk_team_number"), tags.locals().stream().map(Column::name).toList());
        assertEquals("tags_id", tags.remote().name());
        assertEquals("mk_team_mk_tag", tags.table().name());
        Secondary featured = ClassMapping.of(MkTag.class).toMany("featured").secondary();
        assertEquals(1, featured.table().uniqueConstraints().size(), "a one-to-many's element columns are UNIQUE together");
        assertEquals(List.of("featured_country", "featured_code"), featured.table().uniqueConstraints().get(0).columns().stream().map(Column::name).toList());
        assertEquals(new TreeSet<>(List.of("a 1:fr p1", "a 1:uk p1", "a 2:fr p1")), roster());
    }

    @Test
    void lazyCollectionsLoadOncePerResultFromEitherSide() {
        try (Session s = sessions.openSession()) {
            List<MkTeam> teams = s.query(MkTeam.class).orderBy(MkTeam_.league.asc(), MkTeam_.number.asc()).all();
            statements.clear();
            assertEquals(List.of("ann", "bob"), names(teams.get(0).getPlayers()));
            assertEquals(1, count("SELECT"), "one select for the three teams' players: " + statements);
            String load = statements.get(0);
            assertTrue(engine.dialect().features().supportsTupleIn()
                    ? load.contains("WHERE (mk_roster.team_league, mk_roster.team_no) IN ((?, ?), (?, ?), (?, ?))")
                    : load.contains("WHERE (mk_roster.team_league = ? AND mk_roster.team_no = ?) OR (mk_roster.team_league = ?"), load);
            assertEquals(List.of("bob"), names(teams.get(1).getPlayers()));
            assertEquals(List.of(), teams.get(2).getPlayers());
            assertEquals(1, count("SELECT"));
            assertSame(teams.get(0).getPlayers().get(1), teams.get(1).getPlayers().get(0), "one object per player");
            MkPlayer bob = teams.get(1).getPlayers().get(0);
            assertEquals(List.of("bears", "lions"), bob.getTeams().stream().map(MkTeam::getName).toList());
            assertEquals(2, count("SELECT"), "the players' teams in one select: " + statements);
            assertEquals(List.of("lions"), teams.get(0).getPlayers().get(0).getTeams().stream().map(MkTeam::getName).toList());
            assertEquals(List.of("blue", "red"), teams.get(0).getTags().stream().map(MkTag::getLabel).toList());
            assertEquals(3, count("SELECT"), statements.toString());
        }
    }

    @Test
    void selectinAndJoinedLoad() {
        try (Session s = sessions.openSession()) {
            List<MkTeam> teams = s.query(MkTeam.class).options(selectinLoad(MkTeam_.players).then(selectinLoad(MkPlayer_.teams)))
                    .orderBy(MkTeam_.league.asc(), MkTeam_.number.asc()).all();
            assertEquals(3, count("SELECT"), "one per level: " + statements);
            assertEquals(List.of("ann", "bob"), names(teams.get(0).getPlayers()));
            assertEquals(2, teams.get(0).getPlayers().get(1).getTeams().size());
            assertEquals(3, count("SELECT"));
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<MkTeam> teams = s.query(MkTeam.class).options(joinedLoad(MkTeam_.players))
                    .orderBy(MkTeam_.league.asc(), MkTeam_.number.asc()).all();
            assertEquals(3, teams.size(), "parents de-duplicated");
            assertEquals(List.of("ann", "bob"), names(teams.get(0).getPlayers()));
            assertEquals(List.of("bob"), names(teams.get(1).getPlayers()));
            assertEquals(List.of(), teams.get(2).getPlayers());
            assertEquals(1, count("SELECT"), statements.toString());
            statements.clear();
            List<MkPlayer> players = s.query(MkPlayer.class).options(joinedLoad(MkPlayer_.teams)).all();
            assertEquals(1, count("SELECT"), statements.toString());
            assertSame(teams.get(1), players.stream().filter(p -> p.getName().equals("bob")).findFirst().orElseThrow()
                    .getTeams().stream().filter(t -> t.getNumber() == 2).findFirst().orElseThrow());
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<MkPlayer> players = s.query(MkPlayer.class).options(selectinLoad(MkPlayer_.teams).then(joinedLoad(MkTeam_.tags)))
                    .orderBy(MkPlayer_.name.asc()).all();
            assertEquals(List.of("blue", "red"), players.get(0).getTeams().iterator().next().getTags().stream().map(MkTag::getLabel).toList());
            assertEquals(2, count("SELECT"), "the players; their teams joined to the teams' tags: " + statements);
        }
    }

    @Test
    void linkAndUnlinkWriteRowsByEveryKeyColumn() {
        try (Session s = sessions.openSession()) {
            MkTeam lions = s.get(MkTeam.class, new MkTeamId("a", 1)), cats = s.get(MkTeam.class, new MkTeamId("b", 1));
            MkPlayer ann = s.get(MkPlayer.class, new MkPlayerKey("uk", "p1"));
            statements.clear();
            lions.getPlayers().remove(ann);
            cats.getPlayers().add(ann);
            ann.getTeams(); // loads the inverse side (after the autoflush)
            s.flush();
            assertEquals(1, count("DELETE"), statements.toString());
            assertEquals(1, count("INSERT"), statements.toString());
            s.commit();
        }
        assertEquals(new TreeSet<>(List.of("a 1:fr p1", "a 2:fr p1", "b 1:uk p1")), roster());
        statements.clear();
        try (Session s = sessions.openSession()) {
            MkPlayer bob = s.get(MkPlayer.class, new MkPlayerKey("fr", "p1"));
            MkPlayer cid = new MkPlayer("fr", "p2", "cid");
            MkTeam dogs = new MkTeam("b", 2, "dogs");
            dogs.getPlayers().add(cid);
            bob.getTeams().add(dogs); // from the inverse side: written in the owning side's terms
            statements.clear();
            s.commit();
            assertEquals(3, count("INSERT"), "the team, the player, then both rows in one INSERT: " + statements);
        }
        assertEquals(new TreeSet<>(List.of("a 1:fr p1", "a 2:fr p1", "b 1:uk p1", "b 2:fr p1", "b 2:fr p2")), roster());
    }

    @Test
    void joinAnyAndWithParentCompareEveryKeyColumn() {
        try (Session s = sessions.openSession()) {
            // (b, 1) shares number 1 with lions and league a with bears: a join on one column would find it
            assertEquals(List.of("bears", "lions"), s.query(MkTeam.class).join(MkTeam_.players).filter(MkPlayer_.name.eq("bob"))
                    .orderBy(MkTeam_.name.asc()).all().stream().map(MkTeam::getName).toList());
            assertEquals(List.of("lions"), s.query(MkTeam.class).filter(MkTeam_.players.any(MkPlayer_.name.eq("ann")))
                    .all().stream().map(MkTeam::getName).toList());
            assertEquals(List.of("cats"), s.query(MkTeam.class).filter(org.athanor.core.sql.Sql.not(MkTeam_.players.any()))
                    .all().stream().map(MkTeam::getName).toList());
            assertEquals(List.of("bob"), s.query(MkPlayer.class).filter(MkPlayer_.teams.any(MkTeam_.name.eq("bears")))
                    .all().stream().map(MkPlayer::getName).toList());
            assertEquals(List.of("lions"), s.query(MkTeam.class).filter(MkTeam_.tags.any(MkTag_.label.eq("red")))
                    .all().stream().map(MkTeam::getName).toList());
            MkTeam bears = s.get(MkTeam.class, new MkTeamId("a", 2));
            statements.clear();
            assertEquals(List.of("bob"), names(s.query(MkPlayer.class).withParent(bears, MkTeam_.players).all()));
            assertEquals(1, count("SELECT"), "no collection loaded: " + statements);
        }
    }

    @Test
    void deletingEitherEndDeletesItsRowsAndCascadeRemoveItsElements() {
        try (Session s = sessions.openSession()) {
            MkPlayer bob = s.get(MkPlayer.class, new MkPlayerKey("fr", "p1"));
            statements.clear();
            s.delete(bob);
            s.commit();
            assertEquals(3, count("DELETE"), "bob's rows of both secondary tables by one (country, code) condition each, then bob: "
                    + statements);
            assertEquals(0, count("SELECT"), "no collection read: " + statements);
        }
        assertEquals(new TreeSet<>(List.of("a 1:uk p1")), roster());
        statements.clear();
        try (Session s = sessions.openSession()) {
            MkTeam lions = s.get(MkTeam.class, new MkTeamId("a", 1));
            statements.clear();
            s.delete(lions);
            s.commit();
            // the tags (cascade ALL) are read by lions' key pair, then: lions' rows of both of its secondary tables, the
            // tags' rows of theirs (mk_team_mk_tag, mk_tag_mk_player), the tags (one batch), lions
            assertEquals(1, count("SELECT"), statements.toString());
            assertEquals(6, count("DELETE"), statements.toString());
        }
        assertEquals(new TreeSet<>(), roster());
        try (Session s = sessions.openSession()) {
            assertEquals(0, s.query(MkTag.class).count());
            assertEquals(1, s.query(MkPlayer.class).count(), "players are not cascaded to");
        }
    }

    @Test
    void aJoinTableOneToManyToACompositeKey() {
        try (Session s = sessions.openSession()) {
            MkTag red = s.get(MkTag.class, 1L);
            MkPlayer ann = s.get(MkPlayer.class, new MkPlayerKey("uk", "p1")), bob = s.get(MkPlayer.class, new MkPlayerKey("fr", "p1"));
            red.getFeatured().add(bob);
            red.getFeatured().add(ann);
            statements.clear();
            s.commit();
            assertEquals(1, count("INSERT"), statements.toString());
        }
        try (Session s = sessions.openSession()) {
            MkTag blue = s.get(MkTag.class, 2L);
            MkPlayer ann = s.get(MkPlayer.class, new MkPlayerKey("uk", "p1"));
            blue.getFeatured().add(ann);
            // ann is featured by red already: the UNIQUE (featured_country, featured_code) refuses a second owner
            assertThrows(org.athanor.core.error.IntegrityError.class, s::flush);
        }
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("ann", "bob"), names(s.get(MkTag.class, 1L).getFeatured()));
        }
    }

    @Test
    void refreshReReadsTheReachedElementsByTheirCompositeKeysInOneSelect() {
        try (Session s = sessions.openSession()) {
            MkTeam lions = s.get(MkTeam.class, new MkTeamId("a", 1));
            assertEquals(List.of("ann", "bob"), names(lions.getPlayers()));
            Table t = ClassMapping.of(MkPlayer.class).table();
            s.execute(org.athanor.core.sql.Sql.update(t).set(t.column("name", String.class), "bo")
                    .where(t.column("code", String.class).eq("p1").and(t.column("country", String.class).eq("fr"))));
            statements.clear();
            s.refresh(lions);
            assertEquals(2, count("SELECT"), "the team, then both players by one key condition: " + statements);
            assertEquals(List.of("ann", "bo"), names(lions.getPlayers()).stream().sorted().toList());
        }
    }
}
