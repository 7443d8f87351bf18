package org.athanor.orm.mapping;

import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple3;
import jakarta.persistence.GenerationType;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.sql.Sql;
import org.athanor.core.type.ConvertedType;
import org.athanor.orm.internal.mapping.IdKey;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.mapping.model.*;
import org.junit.jupiter.api.Test;

class ClassMappingTest {

    private static List<String> names(ClassMapping<?> m) { return m.attributes().stream().map(Attribute::name).toList(); }

    /** The mapper a registry of {@code type} alone builds: identity keys and field access live there, not in the ClassMapping. */
    private static Mapper mapper(Class<?> type) { return Mapper.configure(List.of(type)).get(type); }

    @Test
    void userMapsEveryBasicAnnotationToTheExpectedTable() {
        assertEquals("CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, name VARCHAR(50) NOT NULL, "
                + "email VARCHAR(255), age INTEGER NOT NULL, first_name VARCHAR(255), "
                + "status VARCHAR(9) CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DELETED')), level INTEGER, "
                + "balance NUMERIC(10, 2), created_at TIMESTAMP, external_id VARCHAR(36), avatar BLOB, "
                + "active BOOLEAN NOT NULL, version BIGINT NOT NULL, "
                + "CONSTRAINT uq_users_name_email UNIQUE (name, email), UNIQUE (email))", DdlPrinter.sqlite(User.class));
        ClassMapping<User> m = ClassMapping.of(User.class);
        assertEquals("User", m.entityName());
        assertEquals(List.of("id", "name", "email", "age", "firstName", "status", "level", "balance", "createdAt",
                "externalId", "avatar", "active", "version"), names(m), "static, transient and @Transient fields are skipped");
        var ix = m.table().indexes();
        assertEquals(1, ix.size());
        assertEquals("ix_users_age_status", ix.get(0).name());
        assertEquals(List.of(m.attribute("age").column(), m.attribute("status").column()), ix.get(0).columns());
        assertFalse(ix.get(0).unique());
        assertEquals("CREATE INDEX ix_users_age_status ON users (age, status)",
                org.athanor.sqlite.SqliteDialect.INSTANCE.ddl().createIndex(ix.get(0), false));
    }

    @Test
    void attributesDescribeKeysGenerationVersionAndTypes() {
        ClassMapping<User> m = ClassMapping.of(User.class);
        Attribute id = m.attribute("id");
        assertEquals(List.of(id), m.idAttributes());
        assertTrue(id.isId());
        assertEquals(GenerationType.IDENTITY, id.generation());
        assertNull(id.sequenceName());
        assertNull(id.sequence());
        assertTrue(id.column().isAutoincrement());
        assertFalse(id.updatable(), "a primary key is never updated by the unit of work");
        assertSame(m.attribute("version"), m.versionAttribute());
        assertTrue(m.versionAttribute().isVersion());
        assertEquals(Long.class, m.versionAttribute().javaType(), "javaType is boxed");
        assertTrue(m.attribute("age").isPrimitive());
        assertEquals(Integer.class, m.attribute("age").javaType());
        assertEquals(3, m.attribute("age").index());
        assertSame(m.table(), m.attribute("name").column().table());
        assertTrue(m.attribute("level").column().type() instanceof ConvertedType<?, ?>, "ORDINAL enums are converted INTEGERs");
        assertSame(id, m.generatedIdAttribute());
    }

    @Test
    void mappedSuperclassFieldsComeFirstAndGenericKeysResolve() {
        ClassMapping<Product> m = ClassMapping.of(Product.class);
        assertEquals(List.of("id", "createdAt", "name", "description", "price", "discontinuedAt", "weight"), names(m));
        assertEquals(Long.class, m.attribute("id").javaType(), "K of BaseEntity<K> is bound to Long by Product");
        assertEquals(GenerationType.IDENTITY, m.attribute("id").generation(), "AUTO maps to IDENTITY");
        assertEquals("CREATE TABLE product (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, created_at TIMESTAMP, "
                + "product_name VARCHAR(255) NOT NULL, description TEXT, price BIGINT, discontinued_at TIMESTAMP, "
                + "weight DOUBLE NOT NULL)", DdlPrinter.sqlite(Product.class));
        assertFalse(m.attribute("name").updatable());
        assertTrue(m.attribute("name").insertable());
        assertEquals(Money.class, m.attribute("price").column().type().javaType(), "@Convert keeps the field's Java type");
    }

    @Test
    void idClassCompositeKey() {
        ClassMapping<OrderLine> m = ClassMapping.of(OrderLine.class);
        assertEquals("CREATE TABLE order_line (order_id BIGINT NOT NULL, line_no INTEGER NOT NULL, sku VARCHAR(255), "
                + "quantity INTEGER NOT NULL, PRIMARY KEY (order_id, line_no))", DdlPrinter.sqlite(OrderLine.class));
        assertEquals(List.of("orderId", "lineNo"), m.idAttributes().stream().map(Attribute::name).toList());
        Mapper mp = mapper(OrderLine.class);
        OrderLine line = (OrderLine) mp.newInstance();
        mp.set(line, m.attribute("orderId").index(), 7L);
        mp.set(line, m.attribute("lineNo").index(), 2);
        IdKey key = mp.keyOfObject(line);
        assertEquals(key, mp.keyFromId(new OrderLineKey(7, 2)));
        assertEquals(key.hashCode(), mp.keyFromId(new OrderLineKey(7, 2)).hashCode());
        assertNotEquals(key, mp.keyFromId(new OrderLineKey(7, 3)));
        assertEquals(List.of(7L, 2), key.asList());
        assertEquals(key, IdKey.ofIds(mp, new Object[] {7L, 2}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mp.keyFromId(7L));
        assertEquals("the id of OrderLine is a @IdClass org.athanor.orm.mapping.model.OrderLineKey, got 7 of java.lang.Long", e.getMessage());
    }

    @Test
    void embeddedIdIsFlattenedIntoColumns() {
        ClassMapping<Shipment> m = ClassMapping.of(Shipment.class);
        assertEquals("CREATE TABLE logistics.shipments (carrier_code VARCHAR(8) NOT NULL, tracking_no VARCHAR(255) NOT NULL, "
                + "parcels INTEGER NOT NULL, PRIMARY KEY (carrier_code, tracking_no))", DdlPrinter.sqlite(Shipment.class));
        assertEquals("logistics", m.table().schema());
        assertTrue(m.attribute("carrier").isEmbeddedIdComponent());
        Mapper mp = mapper(Shipment.class);
        Shipment s = (Shipment) mp.newInstance();
        assertNull(mp.keyOfObject(s));
        assertNull(mp.get(s, m.attribute("carrier").index()), "a null @EmbeddedId reads as null components");
        mp.set(s, m.attribute("carrier").index(), "UPS");
        mp.set(s, m.attribute("trackingNo").index(), "1Z");
        assertNotNull(s.key, "setting a component creates the embeddable");
        assertEquals("UPS", s.key.carrier);
        assertEquals(mp.keyOfObject(s), mp.keyFromId(new ShipmentKey("UPS", "1Z")));
        assertEquals(List.of("UPS", "1Z"), mp.keyOfObject(s).asList());
    }

    @Test
    void sequenceGenerationNamesTheSequence() {
        ClassMapping<Invoice> inv = ClassMapping.of(Invoice.class);
        assertEquals("BillingInvoice", inv.entityName());
        assertEquals("billing_invoice", inv.table().name(), "the table is named after @Entity(name) in snake_case");
        assertEquals(GenerationType.SEQUENCE, inv.attribute("number").generation());
        assertEquals("invoice_numbers", inv.attribute("number").sequenceName());
        assertEquals(org.athanor.core.schema.Sequence.of("invoice_numbers"), inv.attribute("number").sequence(),
                "initialValue defaults to 1; the step is always 1");
        assertFalse(inv.attribute("number").column().isAutoincrement());
        assertEquals("CREATE TABLE billing_invoice (number INTEGER NOT NULL, issued_on DATE NOT NULL, issued_at TIME, "
                + "copies SMALLINT, discount REAL, serial NUMERIC, PRIMARY KEY (number))", DdlPrinter.sqlite(Invoice.class));

        ClassMapping<Ticket> t = ClassMapping.of(Ticket.class);
        assertEquals("ticket_seq", t.attribute("id").sequenceName(), "no @SequenceGenerator: <table>_seq");
        assertEquals(org.athanor.core.schema.Sequence.of("ticket_seq"), t.attribute("id").sequence());
        assertEquals(java.time.LocalDateTime.class, t.versionAttribute().javaType());
        Mapper tm = mapper(Ticket.class);
        Ticket ticket = (Ticket) tm.newInstance();
        assertNull(tm.keyOfObject(ticket), "0 in a primitive generated key means not assigned yet");
        ticket.id = 5;
        assertEquals(List.of(5L), tm.keyOfObject(ticket).asList());
    }

    @Test
    void singleIdsAreTheirOwnIdentityAndWidenLikeBindParameters() {
        Mapper m = mapper(User.class);
        User u = new User("Alice", 30);
        assertNull(m.keyOfObject(u));
        m.set(u, m.idIdx[0], 42L);
        assertEquals(List.of(42L), m.keyOfObject(u).asList());
        assertEquals(m.keyOfObject(u), m.keyFromId(42), "an Integer id for a Long key is widened");
        assertEquals(Long.class, m.keyFromId(42).value(0).getClass());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.keyFromId("42"));
        assertEquals("the id of User is a java.lang.Long, got 42 of java.lang.String", e.getMessage());
        assertThrows(NullPointerException.class, () -> m.keyFromId(null));
    }

    @Test
    void unknownAttributesListTheMappedOnes() {
        MappingException e = assertThrows(MappingException.class, () -> ClassMapping.of(OrderLine.class).attribute("qty"));
        assertEquals("OrderLine has no mapped attribute 'qty'; its attributes are [orderId, lineNo, sku, quantity]", e.getMessage());
        MappingException wrongType = assertThrows(MappingException.class,
                () -> ClassMapping.column(OrderLine.class, "sku", Integer.class));
        assertEquals("org.athanor.orm.mapping.model.OrderLine.sku: is mapped as java.lang.String, not java.lang.Integer; "
                + "the generated metamodel is out of date, recompile", wrongType.getMessage());
    }

    @Test
    void mappingsAreBuiltOnceAndShareTheirColumns() {
        assertSame(ClassMapping.of(User.class), ClassMapping.of(User.class));
        Column<String> name = ClassMapping.column(User.class, "name", String.class);
        assertSame(ClassMapping.of(User.class).attribute("name").column(), name);
        assertSame(User_.name, name);
        assertSame(User_.TABLE, ClassMapping.of(User.class).table());
    }

    @Test
    void distinctTablesAreCheckedAcrossTheRegistry() {
        assertEquals(4, Mapper.configure(List.of(User.class, Product.class, OrderLine.class, Shipment.class)).size());
    }

    @Test
    void primitivesRejectNull() {
        Mapper m = mapper(User.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.set(new User(), ClassMapping.of(User.class).attribute("age").index(), null));
        assertEquals("cannot set org.athanor.orm.mapping.model.User.age (a primitive field) to null", e.getMessage());
    }

    /** The mapped tables work with a real database: converters, ordinal enums, Instants and keys round-trip. */
    @Test
    void mappedTablesRoundTripOnSqlite() {
        try (Engine engine = Engine.create("sqlite://")) {
            MetaData.of(User_.TABLE, Product_.TABLE).createAll(engine);
            try (Connection c = engine.connect()) {
                c.execute(Sql.insert(User_.TABLE).set(User_.name, "Alice").set(User_.age, 30).set(User_.active, true)
                        .set(User_.version, 1L).set(User_.status, Status.ACTIVE).set(User_.level, Status.DELETED));
                Tuple3<String, Status, Status> row = c.execute(Sql.select(User_.name, User_.status, User_.level)
                        .where(User_.age.gt(25))).one();
                assertEquals(new Tuple3<>("Alice", Status.ACTIVE, Status.DELETED), row);
                assertEquals(2, c.execute(Sql.select(Sql.cast(User_.level, org.athanor.core.type.SqlTypes.INTEGER))).one()._1,
                        "ORDINAL stores the ordinal");
                java.time.Instant now = java.time.Instant.parse("2024-05-01T10:15:30Z");
                Column<java.time.Instant> createdAt = ClassMapping.column(Product.class, "createdAt", java.time.Instant.class);
                c.execute(Sql.insert(Product_.TABLE).set(Product_.name, "Lamp").set(Product_.price, new Money(1999))
                        .set(Product_.weight, 1.5).set(createdAt, now));
                var p = c.execute(Sql.select(Product_.id, Product_.price, createdAt)).one();
                assertEquals(1L, p._1);
                assertEquals(new Money(1999), p._2);
                assertEquals(now, p._3);
                c.commit();
            }
        }
    }
}
