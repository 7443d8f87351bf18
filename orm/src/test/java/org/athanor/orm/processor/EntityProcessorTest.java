package org.athanor.orm.processor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The processor turns the mapping mistakes it can see into compile errors naming the class and field. */
class EntityProcessorTest {
    static List<MappingErrorCases.Case> cases() {
        List<MappingErrorCases.Case> all = new java.util.ArrayList<>(MappingErrorCases.all());
        all.addAll(ElementCollectionErrorCases.all());
        all.addAll(SharedCheckErrorCases.all());
        all.addAll(RelationshipCheckErrorCases.all());
        return all;
    }

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
    void derivedIdentitiesCompileAndMapAsTheRuntimeMapsThem() {
        String src = "package gen.derived;\nimport jakarta.persistence.*;\n"
                + "@Entity class S { @Id Long id; }\n@Entity class C { @Id Integer id; }\n"
                + "class EId { Long s; Integer c; }\n"
                + "@Entity @IdClass(EId.class) public class E { @Id @ManyToOne S s; @Id @ManyToOne C c; Integer grade; }\n"
                + "@Embeddable class MId { Long sId; Integer cId; }\n"
                + "@Entity class M { @EmbeddedId MId id; @MapsId(\"sId\") @ManyToOne @JoinColumn(name = \"s_id\") S s; "
                + "@MapsId(\"cId\") @ManyToOne C c; String role; }\n"
                + "class Use { org.athanor.orm.Relationship<E, S> s = E_.s; org.athanor.orm.Relationship<M, C> c = M_.c; }";
        TestJavac.Result r = TestJavac.compile(Map.of("gen.derived.E", src), true);
        assertTrue(r.success(), () -> r.errors().toString());
        org.athanor.core.schema.Table e = org.athanor.orm.mapping.ClassMapping.of(r.load("gen.derived.E")).table();
        assertEquals(List.of("s_id", "c_id"), e.primaryKeyColumns().stream().map(org.athanor.core.schema.Column::name).toList());
        org.athanor.core.schema.Table m = org.athanor.orm.mapping.ClassMapping.of(r.load("gen.derived.M")).table();
        assertEquals(List.of("s_id", "c_id", "role"), m.columns().stream().map(org.athanor.core.schema.Column::name).toList());
        assertEquals(2, m.foreignKeys().size());
    }

    @Test
    void elementCollectionsCompileWithTypedCollectionAttributes() {
        String src = "package gen.elem;\nimport jakarta.persistence.*;\nimport java.util.*;\n"
                + "import org.athanor.orm.Relationship;\n"
                + "@Entity public class E { enum Color { RED } @Id Long id; @ElementCollection Set<String> tags; "
                + "@ElementCollection @CollectionTable(name = \"e_scores\", joinColumns = @JoinColumn(name = \"owner\")) "
                + "@Column(name = \"score\") @OrderColumn List<Integer> scores; @ElementCollection @Enumerated(EnumType.STRING) "
                + "Collection<Color> colors; }\n"
                + "class Use { Relationship<E, String> t = E_.tags; org.athanor.core.schema.Column<String> v = E_.tags.values(); "
                + "Relationship<E, Integer> s = E_.scores; Relationship<E, E.Color> c = E_.colors; }";
        TestJavac.Result r = TestJavac.compile(Map.of("gen.elem.E", src), true);
        assertTrue(r.success(), () -> r.errors().toString());
        org.athanor.orm.mapping.ClassMapping<?> m = org.athanor.orm.mapping.ClassMapping.of(r.load("gen.elem.E"));
        assertEquals("e_scores", m.toMany("scores").secondary().table().name());
        assertEquals(List.of("owner", "score", "scores_order"),
                m.toMany("scores").secondary().table().columns().stream().map(org.athanor.core.schema.Column::name).toList());
        assertTrue(m.toMany("colors").isElementCollection());
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
                org.athanor.orm.mapping.ClassMapping.of(inner).accessor().getClass().getName());
    }

    @Test
    void theMetamodelSourceIsStaticTypedColumnsBoundThroughTheMapping() {
        TestJavac.Result r = TestJavac.compile(Map.of("gen.shape.Person", "package gen.shape;\nimport jakarta.persistence.*;\n"
                + "@Entity public class Person { @Id @GeneratedValue long id; String name; byte[] photo; }"), true);
        assertTrue(r.success(), () -> r.errors().toString());
        assertEquals("package gen.shape;\n\n"
                + "// generated by org.athanor.orm.processor.EntityProcessor\n"
                + "/** Typed Core columns of the table mapped by {@link gen.shape.Person}; generated, do not edit. */\n"
                + "public final class Person_ {\n"
                + "    /** The mapped table. */\n"
                + "    public static final org.athanor.core.schema.Table TABLE = org.athanor.orm.mapping.ClassMapping.of(gen.shape.Person.class).table();\n"
                + "    public static final org.athanor.core.schema.Column<java.lang.Long> id = org.athanor.orm.mapping.ClassMapping.column(gen.shape.Person.class, \"id\", java.lang.Long.class);\n"
                + "    public static final org.athanor.core.schema.Column<java.lang.String> name = org.athanor.orm.mapping.ClassMapping.column(gen.shape.Person.class, \"name\", java.lang.String.class);\n"
                + "    public static final org.athanor.core.schema.Column<byte[]> photo = org.athanor.orm.mapping.ClassMapping.column(gen.shape.Person.class, \"photo\", byte[].class);\n"
                + "\n    private Person_() {}\n}\n", r.generated("gen/shape/Person_.java"));
        String accessor = r.generated("gen/shape/Person_Accessor.java");
        assertTrue(accessor.contains("case 0: return e.id;"), accessor);
        assertTrue(accessor.contains("case 0: e.id = (java.lang.Long) required(v, 0); return;"), accessor);
        assertFalse(accessor.contains("VarHandle"), "package-private fields are accessed directly");
    }

    @Test
    void anUnresolvedFieldTypeIsLeftToJavac() {
        TestJavac.Result r = TestJavac.compile(Map.of("gen.missing.E", "package gen.missing;\nimport jakarta.persistence.*;\n"
                + "@Entity public class E { @Id Long id; Missing thing; }"), true);
        assertEquals(1, r.errors().size(), () -> r.errors().toString());
        assertTrue(r.errors().get(0).startsWith("cannot find symbol"), r.errors().get(0));
    }
}
