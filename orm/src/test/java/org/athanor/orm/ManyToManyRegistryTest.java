package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.athanor.orm.mapping.MappingException;
import org.athanor.orm.processor.TestJavac;
import org.junit.jupiter.api.Test;

/** The registry links the two sides of a many-to-many, and says what is wrong when they do not fit. */
class ManyToManyRegistryTest {
    private static Class<?>[] compile(String pkg, String body) {
        TestJavac.Result r = TestJavac.compile(Map.of(pkg + ".A", "package " + pkg + ";\nimport jakarta.persistence.*;\nimport java.util.*;\n" + body), false);
        assertTrue(r.success(), () -> r.errors().toString());
        return new Class<?>[] {r.load(pkg + ".A"), r.load(pkg + ".B")};
    }

    @Test
    void mappedByMustNameAnOwningManyToMany() {
        Class<?>[] c = compile("m2m.notm2m", "@Entity public class A { @Id Long id; @ManyToOne B b; }\n"
                + "@Entity class B { @Id Long id; @ManyToMany(mappedBy = \"b\") List<A> as; }\n");
        MappingException e = assertThrows(MappingException.class, () -> Registry.of(c[0], c[1]));
        assertEquals("m2m.notm2m.B.as: mappedBy = \"b\" must name an owning @ManyToMany of A whose elements are B (one "
                + "without mappedBy); its collections are []", e.getMessage());
        Class<?>[] d = compile("m2m.inverse", "@Entity public class A { @Id Long id; @ManyToMany(mappedBy = \"as\") List<B> bs; }\n"
                + "@Entity class B { @Id Long id; @ManyToMany(mappedBy = \"bs\") List<A> as; }\n");
        e = assertThrows(MappingException.class, () -> Registry.of(d[0], d[1]));
        assertTrue(e.getMessage().startsWith("m2m.inverse.A.bs: mappedBy = \"as\" must name an owning @ManyToMany of B"), e.getMessage());
        assertTrue(e.getMessage().endsWith("its collections are [as (@ManyToMany, mappedBy) -> A]"), e.getMessage());
    }

    @Test
    void aTargetOutsideTheRegistryIsNamed() {
        Class<?>[] c = compile("m2m.outside", "@Entity public class A { @Id Long id; @ManyToMany Set<B> bs; }\n"
                + "@Entity class B { @Id Long id; }\n");
        MappingException e = assertThrows(MappingException.class, () -> Registry.of(c[0]));
        assertEquals("m2m.outside.A.bs holds m2m.outside.B, which is not in this Registry; pass it to Registry.of(...) too", e.getMessage());
        Registry ok = Registry.of(c[0], c[1]);
        assertTrue(ok.metadata().sortedTables().stream().anyMatch(t -> t.name().equals("a_b")), "default table <owner>_<target>");
    }
}
