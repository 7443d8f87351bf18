package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple2;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Row;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Arbitrary table and column names (spaces, quotes of every kind, reserved words, mixed case,
 * punctuation, up to 30 characters) create, insert, select, update and drop correctly: the
 * dialect's quoting must be right everywhere a name appears, the index name included.
 *
 * <p>Names start with a letter and end with a letter or digit (MySQL refuses names ending in a
 * space) and use ASCII only; two columns of one table differ ignoring case (MySQL compares column
 * names case-insensitively).
 */
public abstract class IdentifierSuite extends PropertySuite {
    private static final List<String> RESERVED = List.of("select", "order", "group", "table", "user", "Desc", "KEY", "from",
            "where", "limit", "offset", "values", "index", "check", "default", "column", "Primary", "returning", "end");

    @Override protected Object createState(Engine engine) { return Boolean.TRUE; }

    @Provide
    Arbitrary<String> identifiers() {
        Arbitrary<Character> first = Arbitraries.chars().range('a', 'z').range('A', 'Z');
        Arbitrary<Character> middle = Arbitraries.chars().range('a', 'z').range('A', 'Z').range('0', '9')
                .with(' ', ' ', '"', '\'', '`', '_', '$', '-', '#', '%', '?', ':', '@', '(', ')', ',', ';', '[', ']', '*', '+', '=');
        Arbitrary<Character> last = Arbitraries.chars().range('a', 'z').range('A', 'Z').range('0', '9');
        Arbitrary<String> generated = Combinators.combine(first, middle.list().ofMaxSize(14), last)
                .as((f, m, l) -> {
                    StringBuilder b = new StringBuilder().append(f);
                    m.forEach(b::append);
                    return b.append(l).toString();
                });
        return Arbitraries.frequencyOf(Tuple.of(6, generated), Tuple.of(2, Arbitraries.of(RESERVED)),
                Tuple.of(1, Arbitraries.of("MixedCase", "ALLCAPS", "with space", "it's", "say \"hi\"", "back`tick", "a.b")));
    }

    /** A name no other run uses: the generated name plus a short random tail, at most 30 characters. */
    private static String unique(String base) {
        String tail = Long.toString(ThreadLocalRandom.current().nextLong() & 0xffffffL, 36);
        String b = base.length() > 22 ? base.substring(0, 22) : base;
        return b + "_" + tail;
    }

    @Property(tries = 40)
    void arbitraryIdentifiersWork(@ForAll("identifiers") String tableName, @ForAll("identifiers") String keyName,
                                  @ForAll("identifiers") String valueName) {
        Assume.that(!keyName.toLowerCase(Locale.ROOT).equals(valueName.toLowerCase(Locale.ROOT)));
        // MySQL and MariaDB map table names onto file names, where '.' cannot appear in every setup
        String name = unique(tableName.replace('.', '_'));
        assertTrue(name.length() <= 30, name);
        Table t = Table.of(name, Table.col(keyName, BIGINT, Table.Options.primaryKey()),
                Table.col(valueName, varchar(40), Table.Options.index()));
        Column<Long> key = t.column(keyName, Long.class);
        Column<String> value = t.column(valueName, String.class);
        MetaData md = MetaData.of(t);
        md.createAll(engine());
        try {
            try (Connection c = engine().connect()) {
                c.execute(insert(t).columns(key, value).values(1L, name).values(2L, keyName));
                assertEquals(1, c.execute(update(t).set(value, valueName).where(key.eq(2L))));
                c.commit();
            }
            try (Connection c = engine().connect()) {
                List<Tuple2<Long, String>> rows = c.execute(select(key, value).where(value.isNotNull()).orderBy(key.desc())).all();
                assertEquals(List.of(new Tuple2<>(2L, valueName), new Tuple2<>(1L, name)), rows);
                Row r = c.execute(selectFrom(t).where(key.eq(1L))).one();
                assertEquals(name, r.get(valueName));
                Table alias = t.as("t " + valueName);
                assertEquals(2L, (Long) c.execute(select(count()).from(alias)).scalar());
                assertEquals(1, c.execute(deleteFrom(t).where(value.eq(valueName))));
                c.commit();
            }
        } finally {
            md.dropAll(engine());
        }
    }

    /** Every reserved word of the list at once, as column names of one table (the property samples a few). */
    @Example
    void everyReservedWordIsAUsableColumnName() {
        Table.ColumnSpec[] cols = new Table.ColumnSpec[RESERVED.size() + 1];
        cols[0] = Table.col("id", BIGINT, Table.Options.primaryKey());
        for (int i = 0; i < RESERVED.size(); i++) cols[i + 1] = Table.col(RESERVED.get(i), INTEGER);
        Table t = Table.of(unique("order"), cols);
        MetaData md = MetaData.of(t);
        md.createAll(engine());
        try (Connection c = engine().connect()) {
            var ins = insert(t).set(t.column("id", Long.class), 1L);
            for (int i = 0; i < RESERVED.size(); i++) ins = ins.set(t.column(RESERVED.get(i), Integer.class), i);
            c.execute(ins);
            Row r = c.execute(selectFrom(t).where(t.column("select", Integer.class).eq(0))).one();
            for (int i = 0; i < RESERVED.size(); i++) assertEquals(i, r.get(RESERVED.get(i)), RESERVED.get(i));
        } finally {
            md.dropAll(engine());
        }
    }
}
