package org.athanor.orm.processor;

import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import org.athanor.core.compile.CompiledStatement;
import org.athanor.core.schema.Column;
import org.athanor.orm.mapping.model.Product_;
import org.athanor.orm.mapping.model.Shipment_;
import org.athanor.orm.mapping.model.Status;
import org.athanor.orm.mapping.model.User_;
import org.athanor.sqlite.SqliteDialect;
import org.junit.jupiter.api.Test;

/** The generated {@code <Entity>_} classes are typed Core columns usable in any Core statement. */
class MetamodelTest {
    private static CompiledStatement compile(org.athanor.core.sql.Statement s) { return SqliteDialect.INSTANCE.compile(s); }

    @Test
    void columnsWorkInCoreSelects() {
        CompiledStatement c = compile(select(User_.name).where(User_.age.gt(30)));
        assertEquals("SELECT users.name FROM users WHERE users.age > ?", c.sql());
        assertEquals(java.util.List.of(30), c.parameters());
        CompiledStatement c2 = compile(select(User_.name, User_.status).where(User_.status.eq(Status.ACTIVE).and(User_.firstName.like("A%")))
                .orderBy(User_.createdAt.desc()).limit(5));
        assertEquals("SELECT users.name, users.status FROM users WHERE users.status = ? AND users.first_name LIKE ? "
                + "ORDER BY users.created_at DESC LIMIT ?", c2.sql());
    }

    @Test
    void columnsWorkInDml() {
        assertEquals("UPDATE product SET product_name = ? WHERE product.id = ?",
                compile(update(Product_.TABLE).set(Product_.name, "Desk").where(Product_.id.eq(3L))).sql());
        assertEquals("DELETE FROM logistics.shipments WHERE logistics.shipments.carrier_code = ?",
                compile(deleteFrom(Shipment_.TABLE).where(Shipment_.carrier.eq("UPS"))).sql());
    }

    @Test
    void fieldsAreTheMappingsColumns() {
        Column<String> name = User_.name;
        assertSame(User_.TABLE, name.table());
        assertEquals("users", User_.TABLE.name());
        Column<byte[]> avatar = User_.avatar;
        assertEquals(byte[].class, avatar.type().javaType());
    }
}
