package org.athanor.mysql;

import static org.athanor.core.schema.Table.Options.*;
import static org.athanor.core.schema.Table.col;
import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.athanor.mysql.OnDuplicateKeyUpdate.inserted;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple1;
import io.vavr.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.CompileError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Insert;
import org.athanor.core.sql.LockMode;
import org.athanor.core.sql.Row;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statements whose MySQL spelling differs, run on the live server; RETURNING and MySQL 8's key path. */
class MysqlDmlLiveTest {
    Engine engine;
    Table people, pets;
    Column<Long> id, petId, owner;
    Column<String> name, petName;
    Column<Integer> age, hits;
    MetaData md;

    @BeforeEach
    void setUp() {
        engine = TestDatabases.mysql();
        people = Table.of(TestDatabases.uniqueName("people"), col("id", BIGINT, primaryKey(), autoincrement()),
                col("name", varchar(100), notNull(), unique()), col("age", INTEGER), col("hits", INTEGER, serverDefault("0")));
        id = people.column("id", Long.class);
        name = people.column("name", String.class);
        age = people.column("age", Integer.class);
        hits = people.column("hits", Integer.class);
        pets = Table.of(TestDatabases.uniqueName("pets"), col("id", BIGINT, primaryKey(), autoincrement()),
                col("owner", BIGINT, references(id)), col("name", varchar(50)));
        petId = pets.column("id", Long.class);
        owner = pets.column("owner", Long.class);
        petName = pets.column("name", String.class);
        md = MetaData.of(people, pets);
        md.createAll(engine);
    }

    @AfterEach
    void tearDown() {
        TestDatabases.dropAndClose(engine, md);
    }

    private Insert names(String... ns) {
        Insert i = insert(people).columns(name);
        for (String n : ns) i = i.values(n);
        return i;
    }

    private List<String> all(Connection c, Column<String> col, org.athanor.core.sql.Condition where) {
        return c.execute(select(col).where(where).orderBy(col.asc())).all().stream().map(Tuple1::_1).toList();
    }

    /** Ids in the table, by name, in the given order: what the key APIs must have returned. */
    private List<Long> idsOf(Connection c, String... ns) {
        List<Long> out = new ArrayList<>();
        for (String n : ns) out.add(c.execute(select(id).where(name.eq(n))).one()._1);
        return out;
    }

    // ---- RETURNING and generated keys -------------------------------------------------------

    @Test
    void mariadbHasInsertAndDeleteReturning() {
        MysqlDialect d = (MysqlDialect) engine.dialect();
        Assumptions.assumeTrue(d.server().mariaDb() && d.server().atLeast(10, 5), "RETURNING needs MariaDB 10.5+, server is " + d.server());
        assertTrue(d.features().supportsReturning());
        assertFalse(d.features().supportsUpdateReturning());
        try (Connection c = engine.connect()) {
            List<Row> rows = c.execute(names("a", "b", "c").returning(id, name)).all();
            assertEquals(List.of("a", "b", "c"), rows.stream().map(r -> r.get(name)).toList());
            assertEquals(idsOf(c, "a", "b", "c"), rows.stream().map(r -> r.get(id)).toList());

            List<Long> keys = c.insertReturningKeys(names("x", "y"), id);
            assertEquals(idsOf(c, "x", "y"), keys);
            List<Row> deleted = c.execute(deleteFrom(people).where(name.eq("x")).returning(id)).all();
            assertEquals(List.of(keys.get(0)), deleted.stream().map(r -> r.get(id)).toList());
            c.commit();
        }
    }

    private void assertKeysFromGeneratedKeys(Engine e) {
        assertFalse(e.dialect().features().supportsReturning());
        assertTrue(e.dialect().features().multiRowGeneratedKeys());
        try (Connection c = e.connect()) {
            List<Long> one = c.insertReturningKeys(names("solo"), id);
            assertEquals(idsOf(c, "solo"), one);
            List<Long> many = c.insertReturningKeys(names("m1", "m2", "m3", "m4"), id);
            assertEquals(idsOf(c, "m1", "m2", "m3", "m4"), many);
            assertEquals(4, many.stream().distinct().count());
            CompileError err = assertThrows(CompileError.class, () -> c.execute(names("r").returning(id)));
            assertTrue(err.getMessage().startsWith("INSERT ... RETURNING is not supported by "), err.getMessage());
            c.commit();
        }
    }

    @Test
    void mysql8PathThroughTheUrlSwitch() {
        String url = TestDatabases.mysqlUrl();
        try (Engine off = Engine.create(url + (url.contains("?") ? "&" : "?") + "athanor_returning=false")) {
            assertKeysFromGeneratedKeys(off);
        }
    }

    @Test
    void mysql8PathThroughWithFeaturesOnAPlainDataSource() throws Exception {
        var ds = new com.mysql.cj.jdbc.MysqlDataSource();
        var spec = new MysqlDialectProvider().resolve(org.athanor.core.dialect.DatabaseUrl.parse(TestDatabases.mysqlUrl()));
        ds.setURL(spec.jdbcUrl());
        if (spec.user() != null) ds.setUser(spec.user());
        ds.setPassword(spec.password() == null ? "" : spec.password());
        Dialect d = engine.dialect();
        Engine off = Engine.of(ds, d.withFeatures(d.features().toBuilder().returning(false).deleteReturning(false).build()));
        assertKeysFromGeneratedKeys(off);
    }

    @Test
    void defaultValuesInsert() {
        Table t = Table.of(TestDatabases.uniqueName("dv"), col("id", BIGINT, primaryKey(), autoincrement()),
                col("n", INTEGER, serverDefault("7")));
        MetaData m = MetaData.of(t);
        m.createAll(engine);
        try (Connection c = engine.connect()) {
            List<Long> keys = c.insertReturningKeys(insert(t).defaultValues(), t.column("id", Long.class));
            assertEquals(1, keys.size());
            assertEquals(7, c.execute(select(t.column("n", Integer.class)).where(t.column("id", Long.class).eq(keys.get(0)))).one()._1);
        } finally {
            m.dropAll(engine);
        }
    }

    @Test
    void executeManyAndInsertManyRunAsRewrittenBatches() {
        try (Connection c = engine.connect()) {
            List<java.util.Map<String, ?>> sets = new ArrayList<>();
            for (int i = 0; i < 2500; i++) sets.add(java.util.Map.of("n", "row" + i, "a", i));
            long counted = c.executeMany(insert(people).set(name, bindParam("n", varchar(100))).set(age, bindParam("a", INTEGER)), sets);
            assertTrue(counted == 2500 || counted == -1, "rows or 'unknown', got " + counted);
            assertEquals(2500L, c.execute(select(count()).from(people)).one()._1);
            List<java.util.Map<Column<?>, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 1500; i++) rows.add(Insert.row(name, "im" + i, age, -i));
            assertEquals(1500, c.insertMany(insert(people), rows));
            assertEquals(-1499, c.execute(select(min(age))).one()._1);
            assertEquals(2501, c.execute(update(people).set(age, 7).where(age.ge(0))), "2500 batch rows and im0");
        }
    }

    // ---- upsert ---------------------------------------------------------------------------------

    @Test
    void onDuplicateKeyUpdateSeesTheInsertedValues() {
        try (Connection c = engine.connect()) {
            Insert up = OnDuplicateKeyUpdate.of(insert(people).set(name, "ann").set(age, 30).set(hits, 1))
                    .set(hits, hits.plus(inserted(hits))).setInserted(age).apply();
            assertEquals(1, c.execute(up), "a new row counts 1");
            assertEquals(2, c.execute(up), "an updated row counts 2");
            Insert up2 = OnDuplicateKeyUpdate.of(insert(people).set(name, "ann").set(age, 41).set(hits, 5))
                    .set(hits, hits.plus(inserted(hits))).setInserted(age).apply();
            c.execute(up2);
            Tuple2<Integer, Integer> r = c.execute(select(age, hits).where(name.eq("ann"))).one();
            assertEquals(new Tuple2<>(41, 7), r);
            assertEquals(1L, (Long) c.execute(select(count()).from(people)).scalar());
            c.commit();
        }
    }

    // ---- LIKE, DISTINCT FROM, ordering, concat, paging -----------------------------------------

    @Test
    void likeHelpersMatchOnlyLiterally() {
        List<String> values = List.of("100%", "100x", "1000", "a_b", "axb", "a/b", "a//b", "ab", "a\\b", "a\\\\b", "a\\%", "a\\x",
                "%", "_", "/", "\\");
        try (Connection c = engine.connect()) {
            for (String v : values) c.execute(insert(people).set(name, v));
            assertEquals(List.of("100%"), all(c, name, name.startsWith("100%")));
            assertEquals(List.of("a_b"), all(c, name, name.startsWith("a_b")));
            assertEquals(List.of("a/b"), all(c, name, name.startsWith("a/b")));
            assertEquals(List.of("a\\b"), all(c, name, name.startsWith("a\\b")));
            assertEquals(List.of("a\\%"), all(c, name, name.endsWith("\\%")));
            assertEquals(List.of("%", "100%", "a\\%"), all(c, name, name.endsWith("%")));
            assertEquals(List.of("_", "a_b"), all(c, name, name.contains("_")));
            assertEquals(List.of("/", "a//b", "a/b"), all(c, name, name.contains("/")));
            assertEquals(List.of("a//b"), all(c, name, name.contains("//")));
            assertEquals(List.of("\\", "a\\%", "a\\\\b", "a\\b", "a\\x"), all(c, name, name.contains("\\")));
            assertEquals(List.of("a\\\\b"), all(c, name, name.contains("\\\\")));
            // plain LIKE keeps MySQL's default escape character, the backslash
            assertEquals(List.of("%"), all(c, name, name.like("\\%")));
            assertEquals(List.of("%", "100%", "a\\%"), all(c, name, name.like("%!%", '!')));
            assertEquals(List.of("A_B".toLowerCase()), all(c, name, name.ilike("A\\_B")));
        }
    }

    @Test
    void isDistinctFromTruthTable() {
        Table t = Table.of(TestDatabases.uniqueName("dist"), col("id", INTEGER, primaryKey()), col("a", INTEGER), col("b", INTEGER));
        Column<Integer> tid = t.column("id", Integer.class), a = t.column("a", Integer.class), b = t.column("b", Integer.class);
        MetaData m = MetaData.of(t);
        m.createAll(engine);
        try (Connection c = engine.connect()) {
            Integer[][] rows = {{1, 0, 1}, {2, 1, 1}, {3, null, 1}, {4, 0, null}, {5, null, null}};
            for (Integer[] r : rows) c.execute(insert(t).set(tid, r[0]).set(a, r[1]).set(b, r[2]));
            List<Integer> distinct = c.execute(select(tid).where(a.isDistinctFrom(b)).orderBy(tid.asc())).all().stream().map(Tuple1::_1).toList();
            List<Integer> same = c.execute(select(tid).where(a.isNotDistinctFrom(b)).orderBy(tid.asc())).all().stream().map(Tuple1::_1).toList();
            assertEquals(List.of(1, 3, 4), distinct);
            assertEquals(List.of(2, 5), same);
        } finally {
            m.dropAll(engine);
        }
    }

    @Test
    void nullsOrderingLimitOffsetConcat() {
        try (Connection c = engine.connect()) {
            c.execute(insert(people).columns(name, age).values("a", 3).values("b", null).values("c", 1).values("d", null).values("e", 2));
            List<String> nullsLast = c.execute(select(name).orderBy(age.asc().nullsLast(), name.asc())).all().stream().map(Tuple1::_1).toList();
            assertEquals(List.of("c", "e", "a", "b", "d"), nullsLast);
            List<String> nullsFirstDesc = c.execute(select(name).orderBy(age.desc().nullsFirst(), name.asc())).all().stream().map(Tuple1::_1).toList();
            assertEquals(List.of("b", "d", "a", "e", "c"), nullsFirstDesc);
            var years = age.as("years");
            assertEquals(List.of(1, 2, 3), c.execute(select(years).orderBy(years.asc().nullsLast())).all().stream()
                    .map(Tuple1::_1).toList().subList(0, 3), "a select-list label under the emulation");
            assertEquals(List.of("c", "d", "e"), c.execute(select(name).orderBy(name.asc()).offset(2)).all().stream().map(Tuple1::_1).toList());
            assertEquals(List.of("c"), c.execute(select(name).orderBy(name.asc()).offset(2).limit(1)).all().stream().map(Tuple1::_1).toList());
            assertEquals("a-3!", c.execute(select(name.concat("-").concat(cast(age, TEXT)).concat("!")).where(name.eq("a"))).one()._1);
            assertEquals(List.of("a", "c"), c.execute(select(name).where(tuple(name, age).in(tuple(param("a"), param(3)), tuple(param("c"), param(1))))
                    .orderBy(name.asc())).all().stream().map(Tuple1::_1).toList());
            assertEquals(List.of(), c.execute(select(name).where(name.in(List.of()))).all());
            assertEquals(5, c.execute(select(name).where(name.notIn(List.of()))).all().size());
            assertEquals(1, (Integer) c.execute(select(param(1))).scalar());
            assertEquals(1, c.execute(select(name).where(name.eq("a")).forShare()).all().size());
            assertEquals(1, c.execute(select(name).where(name.eq("a")).forUpdate(LockMode.Wait.NOWAIT)).all().size());
        }
    }

    @Test
    void fullOuterJoinFailsNamingTheDatabase() {
        try (Connection c = engine.connect()) {
            CompileError e = assertThrows(CompileError.class, () -> c.execute(select(id, petId).from(people).fullJoin(pets)));
            assertEquals("FULL OUTER JOIN is not supported by " + engine.dialect().name(), e.getMessage());
        }
    }

    @Test
    void literalBindsMatchTheServersEscaping() {
        List<String> nasty = Arrays.asList("it's", "back\\slash", "\\'; DROP TABLE x; --", "nul\0byte", "\\\\'", "emoji 😀", "%_\\%");
        try (Connection c = engine.connect()) {
            for (String v : nasty) c.executeSql(engine.dialect().compile(insert(people).set(name, v), true).sql());
            List<String> back = c.execute(select(name).orderBy(id.asc())).all().stream().map(Tuple1::_1).toList();
            assertEquals(nasty, back);
            for (String v : nasty)
                assertEquals(1, c.execute(select(count()).from(people).where(name.eq(literal(v)))).one()._1, v);
        }
    }

    // ---- multi-table UPDATE / DELETE ------------------------------------------------------------

    @Test
    void multiTableUpdateAndDelete() {
        try (Connection c = engine.connect()) {
            List<Long> ids = c.insertReturningKeys(names("ann", "bob", "cid"), id);
            c.execute(insert(pets).columns(owner, petName).values(ids.get(0), "rex").values(ids.get(1), "tom"));
            int n = c.execute(update(people).set(age, 99).set(name, petName).from(pets).where(owner.eq(id)));
            assertEquals(2, n);
            assertEquals(List.of(new Tuple2<>("cid", null), new Tuple2<>("rex", 99), new Tuple2<>("tom", 99)),
                    c.execute(select(name, age).orderBy(name.asc())).all());
            int d = c.execute(deleteFrom(pets).using(people).where(owner.eq(id), name.eq("rex")));
            assertEquals(1, d);
            assertEquals(List.of("tom"), c.execute(select(petName)).all().stream().map(Tuple1::_1).toList());
            c.commit();
        }
    }

    @Test
    void updateAndDeleteRowCounts() {
        try (Connection c = engine.connect()) {
            c.execute(insert(people).columns(name, age).values("a", 1).values("b", 1).values("c", 2));
            assertEquals(2, c.execute(update(people).set(age, 5).where(age.eq(1))));
            assertEquals(2, c.execute(update(people).set(age, 5).where(age.eq(5))), "matched rows, not changed rows");
            assertEquals(3, c.execute(deleteFrom(people)));
        }
    }
}
