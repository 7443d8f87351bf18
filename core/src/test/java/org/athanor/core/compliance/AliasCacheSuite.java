package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The statement cache and aliases: a statement over {@code table.as("a")} built again with a fresh
 * alias of the same table and name is compiled once (as the ORM's aliased joins are, built anew for
 * every query), and its rows are read with the new alias's columns; another alias name or another
 * Table object is compiled on its own.
 */
public abstract class AliasCacheSuite extends ComplianceSuite {
    static final class Staff extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<String> NAME = column("name", varchar(20), notNull());
        final Column<Long> BOSS = column("boss_id", BIGINT);
        private final Staff root;
        Staff(String name) { super(name); root = this; }
        private Staff(Staff of, String alias) { super(of, alias); root = of.root; }
        @Override public Staff as(String alias) { return new Staff(root, alias); }
    }

    private Staff staff;

    @BeforeEach
    void tables() {
        staff = new Staff(TestDatabases.uniqueName("ac_staff"));
        create(staff);
        commit(c -> c.execute(insert(staff).columns(staff.ID, staff.NAME, staff.BOSS)
                .values(1L, "Ann", null).values(2L, "Bo", 1L).values(3L, "Cy", 1L).values(4L, "Di", 2L)));
    }

    /** Employees with their boss's name: a self-join through the alias {@code boss}, rows read by the alias's own columns. */
    private List<String> rows(Staff self, Staff boss, String bossName) {
        Select<Row> q = select(List.of(self.NAME, boss.NAME)).join(boss, self.BOSS.eq(boss.ID)).where(boss.NAME.eq(bossName)).orderBy(self.ID);
        try (org.athanor.core.engine.Connection c = engine().connect()) {
            return c.execute(q).all().stream().map(r -> r.get(self.NAME) + "<" + r.get(boss.NAME)).toList();
        }
    }

    @Test
    void theSameAliasedStatementBuiltTwiceIsCompiledOnce() {
        Engine e = engine();
        assertEquals(List.of("Bo<Ann", "Cy<Ann"), rows(staff, staff.as("boss"), "Ann"));
        long misses = e.cacheStats().misses(), hits = e.cacheStats().hits();
        assertEquals(List.of("Di<Bo"), rows(staff, staff.as("boss"), "Bo"), "a fresh alias, another value");
        assertEquals(misses, e.cacheStats().misses(), db() + ": the second build compiles nothing");
        assertEquals(hits + 1, e.cacheStats().hits(), db() + ": it is served from the cache");
    }

    @Test
    void anotherAliasNameOrAnotherTableObjectIsCompiledOnItsOwn() {
        Engine e = engine();
        rows(staff, staff.as("boss"), "Ann");
        long misses = e.cacheStats().misses();
        assertEquals(List.of("Bo<Ann", "Cy<Ann"), rows(staff, staff.as("chief"), "Ann"));
        assertEquals(misses + 1, e.cacheStats().misses(), "another alias name: another statement");
        Staff sameDatabaseTable = new Staff(staff.name());
        assertEquals(List.of("Bo<Ann", "Cy<Ann"), rows(sameDatabaseTable, sameDatabaseTable.as("boss"), "Ann"));
        assertEquals(misses + 2, e.cacheStats().misses(), "another Table object (even of the same database table): compiled on its own");
    }

    /** Rows of a statement served from the cache are read by expressions of this build, also over a fresh alias. */
    @Test
    void rowsAreReadByTheExpressionsOfTheirOwnBuild() {
        for (int run = 0; run < 2; run++) {
            Staff boss = staff.as("boss");
            Expression<Long> plus100 = boss.ID.plus(100L), plus200 = boss.ID.plus(200L);
            Select<Row> q = select(List.of(staff.NAME, plus100, plus200)).join(boss, staff.BOSS.eq(boss.ID)).where(staff.ID.eq(4L));
            try (org.athanor.core.engine.Connection c = engine().connect()) {
                Row r = c.execute(q).one();
                assertEquals(List.of("Di", 102L, 202L), List.of(r.get(staff.NAME), ((Number) r.get(plus100)).longValue(),
                        ((Number) r.get(plus200)).longValue()), "run " + run);
            }
        }
    }
}
