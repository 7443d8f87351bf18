package org.athanor.orm.mapping;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.athanor.orm.processor.TestJavac;
import org.junit.jupiter.api.Test;

/**
 * A reference declared with a type variable of a {@code @MappedSuperclass}, bound by the entity: the shared checks
 * (ReferenceChecks) see the bound type on both sides, and the runtime maps the reference to it.
 */
class GenericReferenceMappingTest {
    private static final String SOURCE = "package gen.genericref;\nimport jakarta.persistence.*;\n"
            + "@MappedSuperclass abstract class Owned<T> { @ManyToOne T owner; }\n"
            + "@Entity class P { @Id Long id; }\n"
            + "@Entity public class E extends Owned<P> { @Id Long id; }\n";

    @Test
    void theBoundTypeIsTheTargetWithAndWithoutTheProcessor() {
        for (boolean processor : new boolean[] {true, false}) {
            TestJavac.Result r = TestJavac.compile(Map.of("gen.genericref.E", SOURCE), processor);
            assertTrue(r.success(), () -> r.errors().toString());
            ClassMapping<?> m = ClassMapping.of(r.load("gen.genericref.E"));
            assertEquals(r.load("gen.genericref.P"), m.toOne("owner").target());
            assertEquals("owner_id", m.toOne("owner").column().name());
            assertEquals(1, m.table().foreignKeys().size());
        }
    }
}
