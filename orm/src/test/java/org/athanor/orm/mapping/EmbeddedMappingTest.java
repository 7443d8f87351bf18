package org.athanor.orm.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;
import org.athanor.orm.model.embed.Address;
import org.athanor.orm.model.embed.Customer;
import org.athanor.orm.model.embed.Customer_;
import org.athanor.orm.unprocessed.Parcel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The mapping of @Embedded values: attributes named holder.field, the DDL of their columns, and the
 * accessors' null rules, the same for the generated accessor (Customer) and the MethodHandle one (Parcel).
 */
class EmbeddedMappingTest {
    @Test
    void attributesAreNamedByTheirPathAndTheDdlHasTheirColumns() {
        ClassMapping<Customer> m = ClassMapping.of(Customer.class);
        assertEquals(List.of("id", "name", "home.street", "home.city", "home.zip", "home.floor", "work.street", "work.city",
                "work.zip", "work.floor", "tier"), m.attributes().stream().map(Attribute::name).toList());
        Attribute city = m.attribute("work.city");
        assertTrue(city.isEmbedded());
        assertFalse(city.isEmbeddedIdComponent());
        assertEquals("work", city.holder().getName());
        assertSame(city.column(), Customer_.work.city);
        assertEquals("CREATE TABLE emb_customers (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, name VARCHAR(50) NOT NULL, "
                + "street VARCHAR(255), city VARCHAR(40), postcode VARCHAR(10), floor INTEGER, work_street VARCHAR(80), "
                + "work_city VARCHAR(60), work_postcode CHAR(5), work_floor INTEGER, tier CHAR(3))", DdlPrinter.sqlite(Customer.class));
    }

    @Test
    void anAttributeOverrideRenamesAnEmbeddedIdColumn() {
        assertEquals("CREATE TABLE emb_slots (slot_day VARCHAR(10) NOT NULL, hour INTEGER NOT NULL, label VARCHAR(255), "
                + "PRIMARY KEY (slot_day, hour))", DdlPrinter.sqlite(org.athanor.orm.model.embed.Slot.class));
        assertTrue(ClassMapping.of(org.athanor.orm.model.embed.Slot.class).attribute("day").isEmbeddedIdComponent());
    }

    private static boolean isGenerated(Class<?> type) {
        try {
            Class.forName(type.getName() + "_Accessor");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Object holder(Object entity, String field) {
        try {
            Field f = entity.getClass().getField(field);
            return f.get(entity);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"generated", "reflective"})
    @SuppressWarnings({"unchecked", "rawtypes"})
    void nullsNeitherMakeNorKeepAnEmptyEmbeddedObject(String accessor) {
        boolean generated = accessor.equals("generated");
        Class<?> type = generated ? Customer.class : Parcel.class;
        ClassMapping m = ClassMapping.of(type);
        EntityAccessor acc = m.accessor();
        assertEquals(generated, isGenerated(type), "the accessor under test");
        String h = generated ? "home" : "destination";
        Object e = acc.newInstance();
        Attribute street = m.attribute(h + ".street"), city = m.attribute(h + ".city"), floor = m.attribute(h + ".floor");
        acc.set(e, street.index(), null);
        acc.set(e, floor.index(), null);
        assertNull(holder(e, h), "a null does not make an empty object");
        assertNull(acc.get(e, city.index()), "an absent value reads as null fields");
        acc.set(e, city.index(), "Oslo");
        Address a = (Address) holder(e, h);
        assertNotNull(a, "a value makes the object");
        assertEquals("Oslo", a.city);
        acc.set(e, floor.index(), 4);
        acc.set(e, city.index(), null);
        assertSame(a, holder(e, h), "a field still set keeps the object");
        acc.set(e, floor.index(), null);
        assertNull(holder(e, h), "all fields null (a primitive: zero): the value is absent, as a row of NULLs reads");
        Object[] row = new Object[m.attributes().size()];
        acc.setAll(e, row);
        assertNull(holder(e, h));
        row[street.index()] = "1 Rue A";
        acc.setAll(e, row);
        assertEquals(new Address("1 Rue A", null, null, 0), holder(e, h));
    }
}
