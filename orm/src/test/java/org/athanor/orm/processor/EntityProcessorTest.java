package org.athanor.orm.processor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The processor turns the mapping mistakes it can see into compile errors naming the class and field. */
class EntityProcessorTest {
    static List<MappingErrorCases.Case> cases() { return MappingErrorCases.all(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mappingMistakesFailTheCompile(MappingErrorCases.Case c) {
        TestJavac.Result r = TestJavac.compile(Map.of(c.className(), c.source()), true);
        if (c.compileError() == null) {
            assertTrue(r.success(), () -> "the processor cannot see this mistake and must not fail: " + r.errors());
            return;
        }
        assertEquals(List.of(c.compileError()), r.errors());
        assertFalse(r.hasGenerated("errors/" + c.name() + "/E_.java"), "nothing is generated for a broken entity");
    }

    @Test
    void privateNestedEntitiesCannotBeReachedByGeneratedCode() {
        TestJavac.Result r = TestJavac.compile(Map.of("gen.priv.Outer", "package gen.priv;\nimport jakarta.persistence.*;\n"
                + "public class Outer { @Entity private static class Inner { @Id Long id; } }"), true);
        assertEquals(List.of("gen.priv.Outer.Inner: generated code cannot reach the private class gen.priv.Outer.Inner; "
                + "make it package-private or public"), r.errors());
    }

    @Test
    void anAttributeNamedTableClashesWithTheMetamodelConstant() {
        TestJavac.Result r = TestJavac.compile(Map.of("gen.clash.E", "package gen.clash;\nimport jakarta.persistence.*;\n"
                + "@Entity public class E { @Id Long id; String TABLE; }"), true);
        assertEquals(List.of("gen.clash.E.TABLE: an attribute named TABLE clashes with the metamodel's TABLE constant; "
                + "rename the field"), r.errors());
    }

    @Test
    void theMetamodelIsTyped() {
        String ok = "package gen.typed;\nimport jakarta.persistence.*;\nimport org.athanor.core.schema.Column;\n"
                + "@Entity class E { @Id Long id; String name; int age; }\n"
                + "class Use { Column<String> n = E_.name; Column<Integer> a = E_.age; Column<Long> i = E_.id; }";
        TestJavac.Result r = TestJavac.compile(Map.of("gen.typed.E", ok), true);
        assertTrue(r.success(), () -> r.errors().toString());
        String bad = "package gen.untyped;\nimport jakarta.persistence.*;\nimport org.athanor.core.schema.Column;\n"
                + "@Entity class E { @Id Long id; String name; }\n"
                + "class Use { Column<Integer> n = E_.name; }";
        TestJavac.Result r2 = TestJavac.compile(Map.of("gen.untyped.E", bad), true);
        assertEquals(1, r2.errors().size(), () -> r2.errors().toString());
        assertTrue(r2.errors().get(0).contains("incompatible types"), r2.errors().get(0));
    }

    @Test
    void nestedStaticEntitiesGetFlattenedNames() {
        TestJavac.Result r = TestJavac.compile(Map.of("gen.nested.Outer", "package gen.nested;\nimport jakarta.persistence.*;\n"
                + "public class Outer { @Entity public static class Inner { @Id Long id; String label; } }"), true);
        assertTrue(r.success(), () -> r.errors().toString());
        assertTrue(r.hasGenerated("gen/nested/Outer_Inner_.java"));
        assertTrue(r.generated("gen/nested/Outer_Inner_Accessor.java")
                .contains("public final class Outer_Inner_Accessor implements org.athanor.orm.mapping.EntityAccessor<gen.nested.Outer.Inner>"));
        Class<?> inner = r.load("gen.nested.Outer$Inner");
        assertEquals("gen.nested.Outer_Inner_Accessor",
                org.athanor.orm.mapping.EntityMapping.of(inner).accessor().getClass().getName());
    }
}
