package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.athanor.core.engine.Connection;
import org.athanor.core.error.DatabaseError;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.error.ProgrammingError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Sequence;
import org.athanor.core.schema.Table;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * createAll/dropAll in foreign-key order with and without IF [NOT] EXISTS, sequences where the
 * database has them, and indexes and unique constraints that the database really enforces.
 */
public abstract class DdlSuite extends ComplianceSuite {
    static final class Country extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<String> CODE = column("code", varchar(2), notNull(), unique());
        Country(String name) { super(name); }
    }

    static final class City extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<Long> COUNTRY_ID;
        final Column<String> NAME = column("name", varchar(40), notNull(), index());
        City(String name, Country c) {
            super(name);
            COUNTRY_ID = column("country_id", BIGINT, notNull(), references(c.ID));
        }
    }

    static final class Street extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<Long> CITY_ID;
        final Column<String> NAME = column("name", varchar(40), notNull());
        final Column<Integer> ZIP = column("zip", INTEGER);
        Street(String name, City c) {
            super(name);
            CITY_ID = column("city_id", BIGINT, notNull(), references(c.ID));
            uniqueIndex("ux_" + name, CITY_ID, NAME);
            uniqueConstraint("uq_" + name + "_zip", ZIP);
        }
    }

    private record Schema(Country country, City city, Street street, MetaData md) {}

    /** Three tables declared grandchild first: createAll must order them by their foreign keys. */
    private Schema schema() {
        Country country = new Country(TestDatabases.uniqueName("dc"));
        City city = new City(TestDatabases.uniqueName("dy"), country);
        Street street = new Street(TestDatabases.uniqueName("ds"), city);
        return new Schema(country, city, street, MetaData.of(street, city, country));
    }

    private boolean exists(Table t) {
        try (Connection c = engine().connect()) {
            c.execute(select(count()).from(t)).scalar();
            return true;
        } catch (DatabaseError e) {
            assertInstanceOf(ProgrammingError.class, e, "a missing table is a ProgrammingError: " + e);
            return false;
        }
    }

    private void fill(Schema s) {
        commit(c -> {
            c.execute(insert(s.country()).set(s.country().ID, 1L).set(s.country().CODE, "fr"));
            c.execute(insert(s.city()).set(s.city().ID, 10L).set(s.city().COUNTRY_ID, 1L).set(s.city().NAME, "Paris"));
            c.execute(insert(s.street()).set(s.street().ID, 100L).set(s.street().CITY_ID, 10L)
                    .set(s.street().NAME, "Rue de Rivoli").set(s.street().ZIP, 75001));
        });
    }

    @Test
    void createAllAndDropAllFollowForeignKeyOrder() {
        Schema s = schema();
        assertEquals(List.of(s.country(), s.city(), s.street()), s.md().sortedTables());
        try {
            s.md().createAll(engine(), false);
            assertTrue(exists(s.country()) && exists(s.city()) && exists(s.street()));
            fill(s);
            s.md().dropAll(engine(), false); // children first, or the foreign keys would refuse
            assertFalse(exists(s.country()));
            assertFalse(exists(s.city()));
            assertFalse(exists(s.street()));
        } finally {
            s.md().dropAll(engine(), true);
        }
    }

    @Test
    void ifNotExistsAndIfExistsMakeCreateAndDropRepeatable() {
        Schema s = schema();
        try {
            s.md().createAll(engine());
            fill(s);
            s.md().createAll(engine()); // IF NOT EXISTS: tables and indexes already there, data kept
            try (Connection c = engine().connect()) {
                assertEquals(1L, (Long) c.execute(select(count()).from(s.street())).scalar());
            }
            DatabaseError again = assertThrows(DatabaseError.class, () -> s.md().createAll(engine(), false),
                    "CREATE TABLE without IF NOT EXISTS must fail when the table exists");
            assertNotNull(again.sql());
            s.md().dropAll(engine());
            s.md().dropAll(engine()); // IF EXISTS: nothing left to drop, no error
            assertThrows(DatabaseError.class, () -> s.md().dropAll(engine(), false),
                    "DROP TABLE without IF EXISTS must fail when the table is gone");
            assertFalse(exists(s.country()));
        } finally {
            s.md().dropAll(engine(), true);
        }
    }

    /** Sequences are created and dropped where the database has them and skipped silently elsewhere. */
    @Test
    void sequencesAreCreatedWhereTheDatabaseHasThem() throws SQLException {
        String seq = TestDatabases.uniqueName("dq");
        Table t = Table.of(TestDatabases.uniqueName("dt"), Table.col("id", BIGINT, Table.Options.primaryKey()));
        MetaData md = MetaData.of(t).add(Sequence.of(seq).startWith(100));
        try {
            md.createAll(engine());
            md.createAll(engine()); // IF NOT EXISTS for the sequence too
            assertTrue(exists(t));
            assertEquals(features().supportsSequences(), hasSequence(seq),
                    db() + (features().supportsSequences() ? " has sequences: createAll must create " : " has none: createAll must skip ") + seq);
            md.dropAll(engine());
            md.dropAll(engine()); // IF EXISTS
            assertFalse(exists(t));
            assertFalse(hasSequence(seq), "dropAll drops " + seq);
        } finally {
            md.dropAll(engine(), true);
        }
    }

    /** What the JDBC driver lists as a SEQUENCE of that name. */
    private boolean hasSequence(String name) throws SQLException {
        try (Connection c = engine().connect();
             ResultSet rs = c.jdbc().getMetaData().getTables(c.jdbc().getCatalog(), null, name, new String[] {"SEQUENCE"})) {
            while (rs.next()) if (name.equalsIgnoreCase(rs.getString("TABLE_NAME"))) return true;
            return false;
        }
    }

    @Test
    void indexesAreCreated() throws SQLException {
        Schema s = schema();
        try {
            s.md().createAll(engine());
            try (Connection c = engine().connect()) {
                assertTrue(hasIndex(c, s.city().name(), "ix_" + s.city().name() + "_name"), "index() on city.name");
                assertTrue(hasIndex(c, s.street().name(), "ux_" + s.street().name()), "the unique index on street");
            }
        } finally {
            s.md().dropAll(engine(), true);
        }
    }

    private static boolean hasIndex(Connection c, String table, String index) throws SQLException {
        DatabaseMetaData md = c.jdbc().getMetaData();
        for (String t : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = md.getIndexInfo(c.jdbc().getCatalog(), null, t, false, false)) {
                while (rs.next()) if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) return true;
            }
        }
        return false;
    }

    @Test
    void uniqueConstraintsAndUniqueIndexesAreEnforced() {
        Schema s = schema();
        try {
            s.md().createAll(engine());
            fill(s);
            Street st = s.street();
            try (Connection c = engine().connect()) {
                // the unique index on (city_id, name)
                assertThrows(IntegrityError.class, () -> c.execute(insert(st).set(st.ID, 101L).set(st.CITY_ID, 10L)
                        .set(st.NAME, "Rue de Rivoli")));
                c.rollback();
                // the named unique constraint on zip
                assertThrows(IntegrityError.class, () -> c.execute(insert(st).set(st.ID, 102L).set(st.CITY_ID, 10L)
                        .set(st.NAME, "Rue Saint-Honoré").set(st.ZIP, 75001)));
                c.rollback();
                // unique() on country.code
                assertThrows(IntegrityError.class, () -> c.execute(insert(s.country()).set(s.country().ID, 2L).set(s.country().CODE, "fr")));
                c.rollback();
                // NULLs do not collide in a unique constraint, and another name in the same city is fine
                c.execute(insert(st).set(st.ID, 103L).set(st.CITY_ID, 10L).set(st.NAME, "Rue A"));
                c.execute(insert(st).set(st.ID, 104L).set(st.CITY_ID, 10L).set(st.NAME, "Rue B"));
                c.commit();
                assertEquals(3L, (Long) c.execute(select(count()).from(st)).scalar());
            }
        } finally {
            s.md().dropAll(engine(), true);
        }
    }

    @Test
    void serverDefaultsAndNotNullAreInTheDdl() {
        Table t = Table.of(TestDatabases.uniqueName("dd"), Table.col("id", BIGINT, Table.Options.primaryKey()),
                Table.col("n", INTEGER, Table.Options.notNull(), Table.Options.serverDefault("5")),
                Table.col("s", varchar(10), Table.Options.serverDefault("'x'")));
        create(t);
        Column<Long> id = t.column("id", Long.class);
        try (Connection c = engine().connect()) {
            c.execute(insert(t).set(id, 1L));
            var r = c.execute(select(t.column("n", Integer.class), t.column("s", String.class))).one();
            assertEquals(5, r._1);
            assertEquals("x", r._2);
            assertThrows(IntegrityError.class, () -> c.execute(insert(t).set(id, 2L).set(t.column("n", Integer.class), (Integer) null)));
        }
    }

    /** A DDL type override replaces the dialect's type in CREATE TABLE (NOT NULL still added); values bind and read as the SqlType says. */
    @Test
    void ddlTypeOverrideIsTheColumnsTypeInCreateTable() throws SQLException {
        String name = TestDatabases.uniqueName("dt");
        Table t = Table.of(name, Table.col("id", BIGINT, Table.Options.primaryKey()),
                Table.col("code", varchar(40), Table.Options.notNull(), Table.Options.ddlType("CHAR(3)")));
        String ddl = engine().dialect().ddl().columnDefinition(t.column("code"));
        assertTrue(ddl.contains("CHAR(3) NOT NULL"), ddl);
        create(t);
        try (Connection c = engine().connect()) {
            c.execute(insert(t).set(t.column("id", Long.class), 1L).set(t.column("code", String.class), "abc"));
            assertEquals("abc", c.execute(select(t.column("code", String.class))).scalar());
            assertThrows(IntegrityError.class, () -> c.execute(insert(t).set(t.column("id", Long.class), 2L)
                    .set(t.column("code", String.class), (String) null)));
            c.rollback();
            String type = null;
            DatabaseMetaData md = c.jdbc().getMetaData();
            for (String n : List.of(name, name.toUpperCase(Locale.ROOT)))
                try (ResultSet rs = md.getColumns(c.jdbc().getCatalog(), null, n, null)) {
                    while (rs.next()) if (rs.getString("COLUMN_NAME").equalsIgnoreCase("code")) type = rs.getString("TYPE_NAME");
                }
            assertNotNull(type, "the code column is listed");
            assertTrue(type.toUpperCase(Locale.ROOT).matches("CHAR|BPCHAR|CHARACTER"), "declared CHAR(3), listed as " + type);
        }
    }

    /** VARCHAR without a length: a plain column where the database allows it, a CompileError naming it where not. */
    @Test
    void varcharWithoutLength() {
        Table t = Table.of(TestDatabases.uniqueName("dv"), Table.col("id", BIGINT, Table.Options.primaryKey()),
                Table.col("s", VARCHAR));
        if (features().requiresVarcharLength()) {
            org.athanor.core.error.CompileError e = assertThrows(org.athanor.core.error.CompileError.class,
                    () -> MetaData.of(t).createAll(engine()));
            assertTrue(e.getMessage().contains(db()) && e.getMessage().contains("VARCHAR"), e.getMessage());
            return;
        }
        create(t);
        String value = "x".repeat(5_000);
        try (Connection c = engine().connect()) {
            c.execute(insert(t).set(t.column("id", Long.class), 1L).set(t.column("s", String.class), value));
            assertEquals(value, c.execute(select(t.column("s", String.class))).one()._1);
        }
    }

    /** An enum stored by name. */
    public enum Size { S, M, XL }

    /** CHECK constraints and enum columns refuse values outside them instead of storing them. */
    @Test
    void checkConstraintsAndEnumColumnsAreEnforced() {
        Table t = Table.of(TestDatabases.uniqueName("dk"), Table.col("id", BIGINT, Table.Options.primaryKey()),
                Table.col("n", INTEGER, Table.Options.check("n > 0")), Table.col("sz", enumOf(Size.class)));
        create(t);
        Column<Long> id = t.column("id", Long.class);
        Column<Integer> n = t.column("n", Integer.class);
        Column<Size> sz = t.column("sz", Size.class);
        try (Connection c = engine().connect()) {
            c.execute(insert(t).set(id, 1L).set(n, 5).set(sz, Size.XL));
            c.commit();
            assertThrows(IntegrityError.class, () -> c.execute(insert(t).set(id, 2L).set(n, 0)), "CHECK (n > 0)");
            c.rollback();
            // a name that is not a constant of the enum, written past the typed API
            String sql = "INSERT INTO " + engine().dialect().quoteIdentifier(t.name()) + " (id, sz) VALUES (:id, :sz)";
            assertThrows(DatabaseError.class, () -> c.executeStatement(text(sql).bind("id", 3L).bind("sz", "XXL")),
                    db() + " must refuse a value outside the enum");
            c.rollback();
            assertEquals(List.of(1L), c.execute(select(id)).all().stream().map(r -> r._1).toList());
        }
    }
}
