package org.athanor.orm.internal.flush;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One UPDATE row's values by name ({@link NamedValues}): a read-only map equal to the HashMap a flush built before. */
class NamedValuesTest {
    @Test
    void readsAsTheMapOfItsNamesAndValues() {
        String[] names = {"v1", "v3", "k0"};
        NamedValues m = new NamedValues(names, new Object[] {"x", null, 7L});
        Map<String, Object> expected = new HashMap<>();
        expected.put("v1", "x");
        expected.put("v3", null);
        expected.put("k0", 7L);
        assertEquals(expected, m);
        assertEquals(m, expected);
        assertEquals(expected.hashCode(), m.hashCode());
        assertEquals(3, m.size());
        assertEquals(7L, m.get(new String("k0")), "found by equals as well as by identity");
        assertTrue(m.containsKey("v3"), "a null value is there");
        assertNull(m.get("v3"));
        assertFalse(m.containsKey("v2"));
        assertNull(m.get("v2"));
        assertEquals(Set.of("v1", "v3", "k0"), m.keySet());
        assertEquals(List.of("v1", "v3", "k0"), List.copyOf(m.keySet()), "in the statement's order");
        assertThrows(UnsupportedOperationException.class, () -> m.put("v1", "y"));
        assertThrows(IllegalArgumentException.class, () -> new NamedValues(names, new Object[2]));
    }
}
