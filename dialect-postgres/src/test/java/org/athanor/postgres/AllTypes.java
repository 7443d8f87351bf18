package org.athanor.postgres;

import static org.athanor.core.type.SqlTypes.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/** A test table with a column of every standard type, named per test run. */
final class AllTypes extends Table {
    enum Mood { HAPPY, SAD, SO_SO }

    final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
    final Column<Short> SMALL = column("small", SMALLINT);
    final Column<Integer> INT = column("int_value", INTEGER);
    final Column<Long> BIG = column("big", BIGINT);
    final Column<Boolean> FLAG = column("flag", BOOLEAN);
    final Column<String> NAME = column("name", varchar(40));
    final Column<String> BODY = column("body", TEXT, comment("free text; it's long"));
    final Column<BigDecimal> AMOUNT = column("amount", numeric(38, 10));
    final Column<Float> RATIO = column("ratio", REAL);
    final Column<Double> SCORE = column("score", DOUBLE);
    final Column<LocalDate> DAY = column("day", DATE);
    final Column<LocalTime> AT = column("at", TIME);
    final Column<LocalDateTime> STAMP = column("stamp", TIMESTAMP);
    final Column<OffsetDateTime> STAMP_TZ = column("stamp_tz", TIMESTAMPTZ);
    final Column<UUID> TOKEN = column("token", UUID);
    final Column<byte[]> DATA = column("data", BYTES);
    final Column<String> DOC = column("doc", JSON);
    final Column<Mood> MOOD = column("mood", enumOf(Mood.class));

    AllTypes(String name) {
        super(name);
        tableComment("every type");
    }
}
