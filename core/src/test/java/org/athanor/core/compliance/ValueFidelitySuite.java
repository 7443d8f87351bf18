package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.error.DataError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * Values the three databases used to treat differently: Instant timestamps with time zone,
 * NUMERIC(p, s) rounding and overflow, and the comparison of string literals (MariaDB's
 * case-insensitive connection collation).
 */
public abstract class ValueFidelitySuite extends ComplianceSuite {
    static final class Stamps extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<Instant> AT = column("at", TIMESTAMPTZ_INSTANT);
        Stamps(String name) { super(name); }
    }

    static final class Amounts extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<BigDecimal> AMOUNT = column("amount", numeric(8, 2));
        Amounts(String name) { super(name); }
    }

    @Test
    void instantsRoundTripThroughTimestampWithTimeZone() {
        Stamps s = new Stamps(TestDatabases.uniqueName("vi"));
        create(s);
        List<Instant> instants = List.of(Instant.parse("2024-03-10T01:02:03.123456Z"), Instant.parse("1969-07-20T20:17:40Z"),
                Instant.parse("2038-01-19T03:14:08.000001Z"));
        commit(c -> {
            for (int i = 0; i < instants.size(); i++) c.execute(insert(s).set(s.ID, (long) i).set(s.AT, instants.get(i)));
        });
        try (Connection c = engine().connect()) {
            assertEquals(instants, c.execute(select(s.AT).orderBy(s.ID)).all().stream().map(r -> r._1).toList(), db());
            Instant moon = instants.get(1);
            assertEquals(1L, c.scalar(select(s.ID).where(s.AT.eq(moon))), "an Instant compares as a bind parameter");
            assertEquals(2L, c.scalar(select(count()).from(s).where(s.AT.gt(param(moon)))), "param(Instant) is typed TIMESTAMPTZ_INSTANT");
            assertEquals(TIMESTAMPTZ_INSTANT, forClass(Instant.class));
        }
    }

    @Test
    void numericRoundsToItsScaleHalfUpAndRefusesTooManyIntegerDigits() {
        Amounts a = new Amounts(TestDatabases.uniqueName("vn"));
        create(a);
        String[][] cases = {{"8.991", "8.99"}, {"8.995", "9.00"}, {"-8.995", "-9.00"}, {"0.004", "0.00"}, {"999999.994", "999999.99"},
                {"12", "12.00"}};
        commit(c -> {
            for (int i = 0; i < cases.length; i++) c.execute(insert(a).set(a.ID, (long) i).set(a.AMOUNT, new BigDecimal(cases[i][0])));
        });
        try (Connection c = engine().connect()) {
            for (int i = 0; i < cases.length; i++)
                assertEquals(new BigDecimal(cases[i][1]), c.scalar(select(a.AMOUNT).where(a.ID.eq((long) i))),
                        cases[i][0] + " stored in NUMERIC(8, 2) on " + db());
            for (String tooBig : List.of("1000000", "999999.995", "-1000000.00")) {
                assertThrows(DataError.class, () -> c.execute(insert(a).set(a.ID, 99L).set(a.AMOUNT, new BigDecimal(tooBig))),
                        tooBig + " overflows NUMERIC(8, 2) on " + db());
                c.rollback();
            }
        }
    }

    @Test
    void stringLiteralsCompareExactlyAsOnPostgres() {
        try (Connection c = engine().connect()) {
            assertEquals(0, c.scalar(select(caseWhen(param("a").eq("A"), 1).otherwise(0))), "'a' = 'A' on " + db());
            assertEquals(0, c.scalar(select(caseWhen(param("a ").eq("a"), 1).otherwise(0))), "'a ' = 'a' on " + db());
            assertEquals(1, c.scalar(select(caseWhen(param("a").eq("a"), 1).otherwise(0))));
            assertEquals(2, c.execute(select(literal("a")).union(select(literal("A")))).all().size(), "'a' UNION 'A' on " + db());
            assertEquals(0, c.scalar(select(caseWhen(param("b").lt("B"), 1).otherwise(0))), "'b' < 'B' is false in binary order on " + db());
        }
    }
}
