package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.athanor.core.engine.Connection;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Condition;
import org.athanor.core.sql.Select;
import org.athanor.core.testing.TestDatabases;
import io.vavr.Tuple1;
import io.vavr.Tuple2;
import org.junit.jupiter.api.Test;

/**
 * LIKE through startsWith/endsWith/contains with LIKE's special characters in the value, and
 * IS [NOT] DISTINCT FROM with its NULL-safe truth table.
 */
public abstract class PredicateSuite extends ComplianceSuite {
    static final class Words extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<String> W = column("w", varchar(40), notNull());
        Words(String name) { super(name); }
    }

    static final class Pairs extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<Integer> X = column("x", INTEGER);
        final Column<Integer> Y = column("y", INTEGER);
        Pairs(String name) { super(name); }
    }

    /** Lower case only: MySQL's default collation compares case-insensitively, the others do not. */
    private static final List<String> WORDS = List.of(
            "100%", "100 percent", "1000", "a_b", "axb", "a/b", "a\\b", "ab", "a%b", "50%_off", "50 off",
            "x%y/z\\w", "%", "_", "/", "\\", "//", "\\\\", "%%", "__", "it's", "o''clock", "plain", "a😀b", "ü_ß");

    private static final List<String> PROBES = List.of(
            "%", "_", "/", "\\", "100%", "a_", "a/", "a\\", "_b", "%_", "/b", "\\b", "%y/z\\", "//", "\\\\", "'", "''",
            "50%_", "a", "", "😀", "😀b", "ü_", "_ß");

    private Words words() {
        Words w = new Words(TestDatabases.uniqueName("pw"));
        create(w);
        commit(c -> {
            var ins = insert(w).columns(w.ID, w.W);
            for (int i = 0; i < WORDS.size(); i++) ins = ins.values((long) i, WORDS.get(i));
            c.execute(ins);
        });
        return w;
    }

    private void check(String op, Function<String, Condition> condition, BiPredicate<String, String> oracle, Words w) {
        try (Connection c = engine().connect()) {
            for (String p : PROBES) {
                List<String> expected = WORDS.stream().filter(x -> oracle.test(x, p)).sorted().toList();
                List<String> got = new ArrayList<>(c.execute(select(w.W).where(condition.apply(p))).all()
                        .stream().map(Tuple1::_1).toList());
                got.sort(null);
                assertEquals(expected, got, op + "(\"" + p + "\") on " + db() + " must match only the literal text");
            }
        }
    }

    @Test
    void startsWithMatchesLiterally() {
        Words w = words();
        check("startsWith", w.W::startsWith, String::startsWith, w);
    }

    @Test
    void endsWithMatchesLiterally() {
        Words w = words();
        check("endsWith", w.W::endsWith, String::endsWith, w);
    }

    @Test
    void containsMatchesLiterally() {
        Words w = words();
        check("contains", w.W::contains, String::contains, w);
    }

    @Test
    void plainLikeKeepsItsWildcards() {
        Words w = words();
        try (Connection c = engine().connect()) {
            List<String> got = new ArrayList<>(c.execute(select(w.W).where(w.W.like("a_b"))).all().stream().map(Tuple1::_1).toList());
            got.sort(null);
            // '_' is one character, also when it takes two UTF-16 units (😀) or several UTF-8 bytes
            assertEquals(List.of("a%b", "a/b", "a\\b", "a_b", "axb", "a😀b"), got);
            got = new ArrayList<>(c.execute(select(w.W).where(w.W.like("a!_b", '!'))).all().stream().map(Tuple1::_1).toList());
            assertEquals(List.of("a_b"), got);
        }
    }

    /** LIKE compares case-sensitively on every database, as '=' does (ilike is the case-insensitive form). */
    @Test
    void likeIsCaseSensitiveAndIlikeIsNot() {
        Words w = new Words(TestDatabases.uniqueName("pc"));
        create(w);
        commit(c -> c.execute(insert(w).columns(w.ID, w.W).values(1L, "Apple").values(2L, "apple").values(3L, "APPLE pie")));
        try (Connection c = engine().connect()) {
            assertEquals(List.of(2L), c.execute(select(w.ID).where(w.W.startsWith("app")).orderBy(w.ID)).all()
                    .stream().map(Tuple1::_1).toList(), "startsWith(\"app\") on " + db());
            assertEquals(List.of(1L, 3L), c.execute(select(w.ID).where(w.W.like("A%")).orderBy(w.ID)).all()
                    .stream().map(Tuple1::_1).toList(), "like(\"A%\") on " + db());
            assertEquals(List.of(1L, 2L, 3L), c.execute(select(w.ID).where(w.W.ilike("app%")).orderBy(w.ID)).all()
                    .stream().map(Tuple1::_1).toList(), "ilike(\"app%\") on " + db());
        }
    }

    /** Trailing spaces are significant: 'a' and 'a ' are different values in '=' and in unique constraints. */
    @Test
    void trailingSpacesAreSignificant() {
        Table t = Table.of(TestDatabases.uniqueName("ps"), Table.col("id", BIGINT, Table.Options.primaryKey()),
                Table.col("s", varchar(10), Table.Options.unique()));
        create(t);
        Column<Long> id = t.column("id", Long.class);
        Column<String> v = t.column("s", String.class);
        try (Connection c = engine().connect()) {
            c.execute(insert(t).columns(id, v).values(1L, "a").values(2L, "a ").values(3L, "a  "));
            c.commit();
            assertEquals(List.of(1L), c.execute(select(id).where(v.eq("a"))).all().stream().map(Tuple1::_1).toList(),
                    "'a' = 'a ' must be false on " + db() + " (PAD SPACE collations make it true)");
            assertEquals(List.of(2L), c.execute(select(id).where(v.eq("a "))).all().stream().map(Tuple1::_1).toList());
        }
    }

    // ---- IS [NOT] DISTINCT FROM ------------------------------------------------------------------------

    private Pairs pairs() {
        Pairs p = new Pairs(TestDatabases.uniqueName("pd"));
        create(p);
        commit(c -> c.execute(insert(p).columns(p.ID, p.X, p.Y)
                .values(1L, 0, 1).values(2L, 1, 1).values(3L, null, 1).values(4L, 0, null).values(5L, null, null)));
        return p;
    }

    private List<Long> ids(Pairs p, Condition cond) {
        try (Connection c = engine().connect()) {
            Select<Tuple1<Long>> q = select(p.ID).where(cond).orderBy(p.ID);
            return c.execute(q).all().stream().map(Tuple1::_1).toList();
        }
    }

    @Test
    void isDistinctFromBetweenColumns() {
        Pairs p = pairs();
        assertEquals(List.of(1L, 3L, 4L), ids(p, p.X.isDistinctFrom(p.Y)), "(0,1), (NULL,1), (0,NULL) are distinct");
        assertEquals(List.of(2L, 5L), ids(p, p.X.isNotDistinctFrom(p.Y)), "(1,1) and (NULL,NULL) are not distinct");
        assertEquals(List.of(2L, 5L), ids(p, not(p.X.isDistinctFrom(p.Y))));
    }

    @Test
    void isDistinctFromAValueAndFromNull() {
        Pairs p = pairs();
        assertEquals(List.of(2L, 3L, 5L), ids(p, p.X.isDistinctFrom(0)));
        assertEquals(List.of(1L, 4L), ids(p, p.X.isNotDistinctFrom(0)));
        assertEquals(List.of(1L, 2L, 4L), ids(p, p.X.isDistinctFrom((Integer) null)));
        assertEquals(List.of(3L, 5L), ids(p, p.X.isNotDistinctFrom((Integer) null)));
    }

    @Test
    void isDistinctFromAsAValue() {
        Pairs p = pairs();
        try (Connection c = engine().connect()) {
            List<Tuple2<Long, Boolean>> rows = c.execute(select(p.ID, p.X.isDistinctFrom(p.Y).as("d")).orderBy(p.ID)).all();
            assertEquals(List.of(true, false, true, true, false), rows.stream().map(Tuple2::_2).toList(),
                    "IS DISTINCT FROM is never NULL, even with NULL operands");
        }
    }
}
