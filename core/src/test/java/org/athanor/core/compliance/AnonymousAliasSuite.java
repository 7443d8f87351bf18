package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Anonymous aliases ({@link Table#anonymous()}) never clash with a user's alias in the same statement: a user alias
 * named {@code anon_1} (or a subquery named {@code anon_2}) next to anonymous aliases makes the compiler skip those
 * names, and the statement runs and returns the right rows; built again it is one cache entry.
 */
public abstract class AnonymousAliasSuite extends ComplianceSuite {
    /** The self-referencing staff table of {@link AliasCacheSuite}. */
    private AliasCacheSuite.Staff staff;

    @BeforeEach
    void tables() {
        staff = new AliasCacheSuite.Staff(TestDatabases.uniqueName("aa_staff"));
        create(staff);
        commit(c -> c.execute(insert(staff).columns(staff.ID, staff.NAME, staff.BOSS)
                .values(1L, "Ann", null).values(2L, "Bo", 1L).values(3L, "Cy", 1L).values(4L, "Di", 2L)));
    }

    /**
     * Each employee, their boss (through a user alias named {@code anon_1}) and their boss's boss (through an anonymous
     * alias, which the compiler would otherwise name {@code anon_1} too), where nobody reports to the employee
     * (another anonymous alias).
     */
    private Select<Row> chain(String userAlias) {
        AliasCacheSuite.Staff boss = staff.as(userAlias);
        Table top = staff.anonymous(), report = staff.anonymous();
        return select(List.of(staff.NAME, boss.NAME, top.corresponding(staff.NAME)))
                .join(boss, staff.BOSS.eq(boss.ID))
                .join(top, boss.BOSS.eq(top.corresponding(staff.ID)))
                .where(not(exists(select(literal(1)).from(report).where(report.corresponding(staff.BOSS).eq(staff.ID)))))
                .orderBy(staff.ID);
    }

    private List<String> run(Select<Row> q) {
        try (Connection c = engine().connect()) {
            return c.execute(q).all().stream().map(r -> r.get(0) + "<" + r.get(1) + "<" + r.get(2)).toList();
        }
    }

    @Test
    void aUserAliasNamedLikeAnAnonymousOneDoesNotClash() {
        Select<Row> q = chain("anon_1");
        String sql = q.toString();
        assertTrue(sql.contains("AS anon_1 ") && sql.contains("AS anon_2 ") && sql.contains("AS anon_3 "), sql);
        assertEquals(List.of("Di<Bo<Ann"), run(q), db() + ": " + sql);
        long misses = engine().cacheStats().misses();
        assertEquals(List.of("Di<Bo<Ann"), run(chain("anon_1")));
        assertEquals(misses, engine().cacheStats().misses(), db() + ": built again, served from the cache");
        assertEquals(List.of("Di<Bo<Ann"), run(chain("ANON_2")), db() + ": names differing in case only are skipped too");
        assertEquals(List.of("Di<Bo<Ann"), run(chain("boss")));
    }

    /** Employees someone reports to: EXISTS over a subquery the user named {@code anon_1}, correlated to an anonymous alias. */
    @Test
    void aSubqueryNamedLikeAnAnonymousAliasDoesNotClash() {
        Table other = staff.anonymous();
        var bosses = select(staff.BOSS).where(staff.BOSS.isNotNull()).subquery("anon_1");
        Select<Row> q = select(List.of(other.corresponding(staff.NAME))).from(other)
                .where(exists(select(literal(1)).from(bosses).where(bosses.get(staff.BOSS).eq(other.corresponding(staff.ID)))))
                .orderBy(other.corresponding(staff.ID));
        assertTrue(q.toString().contains("AS anon_2 WHERE EXISTS") && q.toString().contains(") AS anon_1 WHERE"), q.toString());
        try (Connection c = engine().connect()) {
            assertEquals(List.of("Ann", "Bo"), c.execute(q).all().stream().map(r -> (String) r.get(0)).toList(), q.toString());
        }
    }
}
