package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple;
import io.vavr.Tuple1;
import io.vavr.Tuple2;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.error.CompileError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Select;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Expressions whose meaning differs between databases unless the dialect spells them right:
 * integer division, string concatenation, character length of non-ASCII text, NULL ordering,
 * scalar and EXISTS subqueries, BETWEEN.
 */
public abstract class ExpressionSuite extends ComplianceSuite {
    static final class Nums extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<Integer> N = column("n", INTEGER);
        final Column<String> S = column("s", varchar(20));
        Nums(String name) { super(name); }
        private Nums(Nums of, String alias) { super(of, alias); }
        @Override public Nums as(String alias) { return new Nums(this, alias); }
    }

    private Nums t;

    @BeforeEach
    void createTable() {
        t = new Nums(TestDatabases.uniqueName("ex"));
        create(t);
        commit(c -> c.execute(insert(t).columns(t.ID, t.N, t.S)
                .values(1L, 30, "héllo😀").values(2L, -30, "ab").values(3L, null, null).values(4L, 7, "")));
    }

    private <R> List<R> all(Select<R> q) {
        try (Connection c = engine().connect()) {
            return c.execute(q).all();
        }
    }

    private List<Long> ids(Select<Tuple1<Long>> q) { return all(q).stream().map(Tuple1::_1).toList(); }

    @Test
    void integerDivisionTruncatesTowardZero() {
        assertEquals(List.of(1L), ids(select(t.ID).where(t.N.div(7).eq(4))), "30 / 7 is 4 for INTEGER operands");
        assertEquals(List.of(2L), ids(select(t.ID).where(t.N.div(7).eq(-4))), "-30 / 7 is -4 (truncated toward zero)");
        assertEquals(List.of(1L, 2L), ids(select(t.ID).where(t.N.mod(7).ne(0)).orderBy(t.ID)));
    }

    @Test
    void arithmeticKeepsItsPrecedence() {
        var r = all(select(t.N.plus(2).times(3), t.N.minus(t.N.neg())).where(t.ID.eq(1L))).get(0);
        assertEquals(Tuple.of(96, 60), r);
    }

    @Test
    void concatenationOfStrings() {
        List<Tuple2<Long, String>> rows = all(select(t.ID, t.S.concat("!").concat(t.S)).where(t.ID.in(1L, 2L, 4L)).orderBy(t.ID));
        assertEquals(List.of(Tuple.of(1L, "héllo😀!héllo😀"), Tuple.of(2L, "ab!ab"), Tuple.of(4L, "!")), rows);
        // NULL || x is NULL in SQL; a database whose CONCAT skips NULLs must not leak through
        assertNull(all(select(t.S.concat("!")).where(t.ID.eq(3L))).get(0)._1, "NULL concatenated with a string is NULL");
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        assertEquals(List.of(6, 2, 0), all(select(length(t.S)).where(t.ID.in(1L, 2L, 4L)).orderBy(t.ID)).stream().map(Tuple1::_1).toList(),
                "length('héllo😀') is 6 characters on " + db());
        // ASCII only: SQLite's lower()/upper() fold ASCII letters only (without ICU)
        assertEquals(List.of("mixed 😀", "AB"),
                List.of(all(select(lower(param("MiXeD 😀")))).get(0)._1, all(select(upper(t.S)).where(t.ID.eq(2L))).get(0)._1));
    }

    @Test
    void nullsFirstAndLast() {
        Select<Tuple1<Long>> first = select(t.ID).orderBy(t.N.asc().nullsFirst());
        Select<Tuple1<Long>> last = select(t.ID).orderBy(t.N.desc().nullsLast());
        try {
            assertEquals(List.of(3L, 2L, 4L, 1L), ids(first));
            assertEquals(List.of(1L, 4L, 2L, 3L), ids(last));
        } catch (CompileError e) {
            // without the syntax a dialect may emulate it or refuse it, naming the database
            assertFalse(features().supportsNullsOrdering(), db() + " declares NULLS FIRST/LAST but failed: " + e.getMessage());
            assertTrue(e.getMessage().contains(db()), e.getMessage());
        }
    }

    @Test
    void scalarAndExistsSubqueries() {
        Nums u = t.as("u");
        Nums v = t.as("v");
        // rows whose n is above the average of all n
        var avgN = select(avg(u.N)).from(u).<java.math.BigDecimal>scalarSubquery();
        assertEquals(List.of(1L, 4L), ids(select(t.ID).where(t.N.cast(NUMERIC).gt(avgN)).orderBy(t.ID)));
        // correlated EXISTS: rows with another row whose n is the negation of theirs
        assertEquals(List.of(1L, 2L), ids(select(t.ID).where(exists(select(v.ID).from(v).where(v.N.eq(t.N.neg())))).orderBy(t.ID)));
        assertEquals(List.of(3L, 4L), ids(select(t.ID).where(notExists(select(v.ID).from(v).where(v.N.eq(t.N.neg())))).orderBy(t.ID)));
    }

    @Test
    void betweenIsInclusive() {
        assertEquals(List.of(1L, 4L), ids(select(t.ID).where(t.N.between(7, 30)).orderBy(t.ID)));
        assertEquals(List.of(2L), ids(select(t.ID).where(t.N.notBetween(7, 30)).orderBy(t.ID)));
    }
}
