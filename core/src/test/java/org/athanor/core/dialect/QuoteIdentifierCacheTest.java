package org.athanor.core.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * quoteIdentifier remembers recent names by identity: whatever it remembers, equal names spell the
 * same, different names never borrow each other's spelling, and a name evicted by another in its
 * slot is spelled again correctly.
 */
class QuoteIdentifierCacheTest {
    private static String expected(String name) {
        boolean plain = !name.isEmpty() && name.chars().allMatch(ch -> ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '_')
                && !(name.charAt(0) >= '0' && name.charAt(0) <= '9') && !name.equals("select") && !name.equals("order");
        return plain ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    @Test
    void cachedSpellingsStayCorrectUnderCollisionsAndEqualNames() {
        Dialect d = GenericDialect.INSTANCE;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            names.add("col_" + i);
            names.add("Col" + i);
            names.add("a\"b" + i);
        }
        names.add("select");
        names.add("order");
        for (int round = 0; round < 3; round++)
            for (String n : names) {
                assertEquals(expected(n), d.quoteIdentifier(n), n);
                String copy = new String(n.toCharArray()); // equal, another instance
                assertEquals(expected(n), d.quoteIdentifier(copy), n);
            }
    }
}
