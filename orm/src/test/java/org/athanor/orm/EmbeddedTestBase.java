package org.athanor.orm;

import static org.athanor.core.sql.Sql.deleteFrom;
import static org.athanor.core.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.athanor.core.engine.Connection;
import org.athanor.core.schema.Table;
import org.athanor.orm.model.embed.Address;
import org.athanor.orm.model.embed.Customer;
import org.athanor.orm.model.embed.Customer_;
import org.athanor.orm.model.embed.Depot;
import org.athanor.orm.model.embed.Depot_;
import org.athanor.orm.model.embed.Site;
import org.athanor.orm.model.embed.Stadium;
import org.athanor.orm.model.embed.Store;
import org.athanor.orm.model.embed.Store_;
import org.athanor.orm.model.embed.Theatre;
import org.athanor.orm.model.embed.Theatre_;
import org.athanor.orm.model.embed.Venue;
import org.athanor.orm.model.embed.Venue_;
import org.junit.jupiter.api.Test;

/**
 * {@code @Embedded} values (SQLAlchemy's composite) on every database, run by the subclasses: one
 * embeddable embedded twice (the second renamed by @AttributeOverride), in a mapped superclass, and in
 * two subclasses of a single-table hierarchy; all columns NULL loads as no value and no value writes
 * NULLs; a changed field of the embedded object is flushed (only its column), as is a replaced object;
 * queries filter and order on the embedded columns through the metamodel ({@code Customer_.home.city});
 * {@code @Column(columnDefinition)} is the column's type in the DDL.
 */
public abstract class EmbeddedTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Customer.class, Store.class, Venue.class, Stadium.class, Theatre.class,
            Site.class, Depot.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Override
    void deleteRows(Connection c) {
        for (Class<?> t : List.of(Customer.class, Store.class, Venue.class, Depot.class, Site.class))
            c.execute(deleteFrom(REGISTRY.table(t)));
    }

    private Long addCustomer(String name, Address home, Address work) {
        try (Session s = sessions.openSession()) {
            Customer c = new Customer(name, home, work);
            c.tier = "AB1";
            s.add(c);
            s.commit();
            return c.id;
        }
    }

    @Test
    void bothEmbeddedValuesAreWrittenToTheirColumnsAndLoadedBack() {
        Address home = new Address("1 Rue A", "Paris", "75001", 3);
        Address work = new Address("9 Main St", "Lyon", "69002", 12);
        Long id = addCustomer("Ann", home, work);
        try (Session s = sessions.openSession()) {
            Customer c = s.get(Customer.class, id);
            assertEquals(home, c.home);
            assertEquals(work, c.work);
            assertEquals("AB1", c.tier);
        }
        Table t = REGISTRY.table(Customer.class);
        try (Connection c = engine.connect()) {
            var r = c.execute(select(t.column("city", String.class), t.column("work_city", String.class),
                    t.column("postcode", String.class), t.column("work_postcode", String.class), t.column("work_floor", Integer.class))).one();
            assertEquals(List.of("Paris", "Lyon", "75001", "69002", 12), List.of(r._1, r._2, r._3, r._4, r._5),
                    "home in the embeddable's columns, work in the overridden ones");
        }
    }

    @Test
    void noEmbeddedValueWritesNullsAndAllNullColumnsLoadAsNoValue() {
        Long id = addCustomer("Bob", null, new Address("9 Main St", "Lyon", "69002", 0));
        Table t = REGISTRY.table(Customer.class);
        try (Connection c = engine.connect()) {
            var r = c.execute(select(t.column("street", String.class), t.column("city", String.class), t.column("floor", Integer.class))).one();
            assertNull(r._1);
            assertNull(r._2);
            assertNull(r._3, "even the primitive field's column is NULL when there is no address");
        }
        try (Session s = sessions.openSession()) {
            Customer c = s.get(Customer.class, id);
            assertNull(c.home, "all columns NULL: no embedded object");
            assertEquals(new Address("9 Main St", "Lyon", "69002", 0), c.work);
            // setting the field to null writes NULLs
            c.work = null;
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            Customer c = s.get(Customer.class, id);
            assertNull(c.work);
            assertNull(c.home);
        }
        try (Connection c = engine.connect()) {
            assertNull(c.execute(select(t.column("work_city", String.class))).scalar());
        }
    }

    @Test
    void aChangedFieldOfTheEmbeddedObjectIsFlushedAloneAndAReplacedObjectToo() {
        Long id = addCustomer("Cy", new Address("1 Rue A", "Paris", "75001", 3), null);
        try (Session s = sessions.openSession()) {
            Customer c = s.get(Customer.class, id);
            statements.clear();
            c.home.city = "Nice";
            s.flush();
            List<String> updates = statements.stream().filter(x -> x.trim().toUpperCase(Locale.ROOT).startsWith("UPDATE")).toList();
            assertEquals(1, updates.size(), statements.toString());
            String u = updates.get(0).toLowerCase(Locale.ROOT);
            assertTrue(u.contains("city"), u);
            assertFalse(u.contains("street") || u.contains("postcode") || u.contains("floor") || u.contains("work_"),
                    "only the changed column is in the UPDATE: " + u);
            statements.clear();
            s.flush();
            assertEquals(List.of(), statements, "flushed: nothing is dirty any more");
            c.work = new Address("2 Quay", "Nantes", "44000", 1);
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            Customer c = s.get(Customer.class, id);
            assertEquals(new Address("1 Rue A", "Nice", "75001", 3), c.home);
            assertEquals(new Address("2 Quay", "Nantes", "44000", 1), c.work);
        }
    }

    /** A refresh re-reads the columns into the loaded object: all NULL now (written by someone else) is no value. */
    @Test
    void aRefreshSeesEmbeddedColumnsChangedBySomeoneElse() {
        Long id = addCustomer("Dee", new Address("1 Rue A", "Paris", "75001", 3), new Address("2 Quay", "Nantes", "44000", 1));
        Table t = REGISTRY.table(Customer.class);
        try (Session s = sessions.openSession()) {
            Customer c = s.get(Customer.class, id);
            Address work = c.work;
            s.commit(); // ends the read transaction (MariaDB and SQLite would keep reading its snapshot)
            TestDb.tx(engine, x -> x.execute(org.athanor.core.sql.Sql.update(t).set(t.column("street", String.class), (String) null)
                    .set(t.column("city", String.class), (String) null).set(t.column("postcode", String.class), (String) null)
                    .set(t.column("floor", Integer.class), (Integer) null).set(t.column("work_city", String.class), "Vannes")));
            s.refresh(c);
            assertNull(c.home, "its columns are all NULL now");
            assertEquals(new Address("2 Quay", "Vannes", "44000", 1), c.work);
            assertTrue(work == c.work, "the loaded object is updated in place");
        }
    }

    @Test
    void queriesFilterAndOrderOnEmbeddedColumnsThroughTheMetamodel() {
        addCustomer("Ann", new Address("1 Rue A", "Paris", "75001", 3), new Address("x", "Lyon", "69002", 1));
        addCustomer("Bob", new Address("2 Rue B", "Paris", "75002", 1), new Address("y", "Brest", "29200", 1));
        addCustomer("Cy", new Address("3 Rue C", "Nice", "06000", 1), null);
        try (Session s = sessions.openSession()) {
            List<Customer> paris = s.query(Customer.class).filter(Customer_.home.city.eq("Paris")).orderBy(Customer_.work.city.asc()).all();
            assertEquals(List.of("Bob", "Ann"), paris.stream().map(c -> c.name).toList());
            assertEquals(List.of("Cy"), s.query(Customer.class).filter(Customer_.work.street.isNull()).all().stream().map(c -> c.name).toList());
            assertEquals("Ann", s.query(Customer.class).filterBy("work.city", "Lyon").one().name, "filterBy takes the attribute path");
            assertEquals(3, s.query(Customer.class).filter(Customer_.home.floor.gt(0)).count());
        }
    }

    @Test
    void anEmbeddedValueInAMappedSuperclass() {
        try (Session s = sessions.openSession()) {
            s.add(new Store(1L, "Corner", new Address("5 Alley", "Oslo", "0150", 0)));
            s.add(new Store(2L, "Kiosk", null));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            Store corner = s.query(Store.class).filter(Store_.address.city.eq("Oslo")).one();
            assertEquals(new Address("5 Alley", "Oslo", "0150", 0), corner.getAddress());
            assertNull(s.get(Store.class, 2L).getAddress());
            corner.getAddress().zip = "0151";
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            assertEquals("0151", s.get(Store.class, 1L).getAddress().zip);
        }
    }

    @Test
    void subclassesOfASingleTableHierarchyEmbedTheSameTypeInColumnsOfTheirOwn() {
        try (Session s = sessions.openSession()) {
            s.add(new Stadium(1L, "Arena", new Address("1 Ring", "Rome", "00100", 0), 50000));
            s.add(new Theatre(2L, "Globe", new Address("21 Bankside", "London", "SE1", 2)));
            s.add(new Theatre(3L, "Empty", null));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            List<Venue> all = s.query(Venue.class).orderBy(Venue_.id.asc()).all();
            assertEquals(new Address("1 Ring", "Rome", "00100", 0), assertInstanceOf(Stadium.class, all.get(0)).site);
            assertEquals(new Address("21 Bankside", "London", "SE1", 2), assertInstanceOf(Theatre.class, all.get(1)).box);
            assertNull(assertInstanceOf(Theatre.class, all.get(2)).box);
            assertEquals("Globe", s.query(Theatre.class).filter(Theatre_.box.city.eq("London")).one().name);
            ((Theatre) all.get(1)).box.city = "Londinium";
            s.commit();
        }
        Table t = REGISTRY.table(Venue.class);
        try (Connection c = engine.connect()) {
            assertEquals("Londinium", c.execute(select(t.column("box_city", String.class)).where(t.column("id", Long.class).eq(2L))).scalar());
            assertNull(c.execute(select(t.column("city", String.class)).where(t.column("id", Long.class).eq(2L))).scalar(),
                    "the Stadium's columns are NULL in a Theatre's row");
        }
    }

    @Test
    void aJoinedSubclassKeepsItsEmbeddedValueInItsOwnTableAndUpdatesOnlyThatTable() {
        try (Session s = sessions.openSession()) {
            s.add(new Depot(1L, "North", new Address("7 Dock Rd", "Hull", "HU1", 0)));
            s.add(new Site(2L, "Plain"));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            List<Site> all = s.query(Site.class).orderBy(org.athanor.orm.model.embed.Site_.id.asc()).all();
            Depot north = assertInstanceOf(Depot.class, all.get(0));
            assertEquals(new Address("7 Dock Rd", "Hull", "HU1", 0), north.address);
            assertEquals("North", s.query(Depot.class).filter(Depot_.address.city.eq("Hull")).one().name);
            statements.clear();
            north.address.floor = 2;
            s.commit();
            List<String> updates = statements.stream().filter(x -> x.trim().toUpperCase(Locale.ROOT).startsWith("UPDATE")).toList();
            assertEquals(1, updates.size(), statements.toString());
            assertTrue(updates.get(0).toLowerCase(Locale.ROOT).contains("emb_depots"), "only the subclass table: " + updates);
        }
        try (Session s = sessions.openSession()) {
            assertEquals(2, s.get(Depot.class, 1L).address.floor);
        }
    }

    /** The columns in the database: lengths, nullability, and columnDefinition as the declared type. */
    @Test
    void theDdlHasTheEmbeddedColumnsWithTheirLengthsNullabilityAndColumnDefinitions() throws SQLException {
        Map<String, String[]> cols = new HashMap<>();
        Table t = REGISTRY.table(Customer.class);
        try (Connection c = engine.connect()) {
            DatabaseMetaData md = c.jdbc().getMetaData();
            for (String n : List.of(t.name(), t.name().toUpperCase(Locale.ROOT)))
                try (ResultSet rs = md.getColumns(c.jdbc().getCatalog(), null, n, null)) {
                    while (rs.next())
                        cols.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), new String[] {rs.getString("TYPE_NAME"),
                                rs.getString("COLUMN_SIZE"), rs.getString("IS_NULLABLE")});
                }
        }
        assertTrue(cols.keySet().containsAll(List.of("street", "city", "postcode", "floor", "work_street", "work_city",
                "work_postcode", "work_floor", "tier")), cols.keySet().toString());
        assertEquals("40", cols.get("city")[1], "@Column(length = 40) on the embeddable's field");
        assertEquals("60", cols.get("work_city")[1], "the override's length");
        assertEquals("80", cols.get("work_street")[1]);
        for (String n : List.of("street", "city", "floor", "work_floor")) assertEquals("YES", cols.get(n)[2], n + " is nullable");
        assertEquals("NO", cols.get("name")[2]);
        for (String n : List.of("tier", "work_postcode"))
            assertTrue(cols.get(n)[0].toUpperCase(Locale.ROOT).matches("CHAR|BPCHAR|CHARACTER"), n + ": " + cols.get(n)[0]);
        assertNotNull(cols.get("postcode"));
    }
}
