package org.athanor.orm.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.athanor.orm.Registry;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.EntityProxy;
import org.athanor.orm.mapping.MappingException;
import org.junit.jupiter.api.Test;

/**
 * The proxies the processor generates for the targets of {@code fetch = LAZY} references, and the targets
 * it refuses (a subclass cannot stand in for them), each refused on the LAZY field with what to change.
 */
class ProxyProcessorTest {
    private static final String HEADER = "import jakarta.persistence.*;\nimport java.util.*;\n";

    private static TestJavac.Result compile(String pkg, String target, String referrer, boolean process) {
        String p = "package " + pkg + ";\n" + HEADER;
        return TestJavac.compile(Map.of(pkg + ".Target", p + target, pkg + ".Ref", p + referrer), process);
    }

    private static final String REF = "@Entity public class Ref { @Id Long id; @ManyToOne(fetch = FetchType.LAZY) Target target; }";

    @Test
    void theProxyOverridesEveryMethodButTheIdGetterToStringAndCallbacks() {
        TestJavac.Result r = compile("gen.proxy", "@Entity public class Target {\n"
                + "    @Id private Long id; private String name; private int rank;\n"
                + "    protected Target() {}\n"
                + "    public Long getId() { return id; }\n"
                + "    public String getName() { return name; }\n"
                + "    public void setName(String n) { name = n; }\n"
                + "    public <T extends Comparable<T>> T larger(T a, T b) { return a.compareTo(b) < 0 ? b : a; }\n"
                + "    public int sum(int... xs) { return xs.length + rank; }\n"
                + "    protected List<String> names() throws java.io.IOException { return List.of(name); }\n"
                + "    @PostLoad void loaded() {}\n"
                + "    public static Target none() { return null; }\n"
                + "    @Override public String toString() { return \"Target \" + id; }\n"
                + "}", REF, true);
        assertTrue(r.success(), () -> r.errors().toString());
        String proxy = r.generated("gen/proxy/Target_Proxy.java");
        assertTrue(proxy.contains("public final class Target_Proxy extends gen.proxy.Target implements org.athanor.orm.mapping.EntityProxy"), proxy);
        assertTrue(proxy.contains("@Override public java.lang.String getName() {\n        athanor$load();\n        return super.getName();\n    }"), proxy);
        assertTrue(proxy.contains("@Override public <T extends java.lang.Comparable<T>> T larger(T p0, T p1) {"), proxy);
        assertTrue(proxy.contains("@Override public int sum(int... p0) {"), proxy);
        assertTrue(proxy.contains("@Override protected java.util.List<java.lang.String> names() throws java.io.IOException {"), proxy);
        for (String skipped : List.of("getId()", "toString()", "loaded()", "none()"))
            assertFalse(proxy.contains(" " + skipped + " {"), skipped + " must not be intercepted: " + proxy);
        // the accessor reaches private fields through VarHandles, never the (intercepted) getters
        String accessor = r.generated("gen/proxy/Target_Accessor.java");
        assertFalse(accessor.contains("getName()"), accessor);
        // the runtime finds the proxy: the reference is LAZY
        Class<?> ref = r.load("gen.proxy.Ref");
        assertTrue(ClassMapping.of(ref).toOne("target").lazy());
        EntityProxy p = ClassMapping.of(ref).toOne("target").newProxy();
        assertEquals("gen.proxy.Target_Proxy", p.getClass().getName());
    }

    @Test
    void oneProxyPerTargetHoweverManyLazyReferencesPointAtIt() {
        TestJavac.Result r = compile("gen.proxytwice", "@Entity public class Target { @Id Long id; }",
                "@Entity public class Ref { @Id Long id; @ManyToOne(fetch = FetchType.LAZY) Target a;\n"
                        + "@OneToOne(fetch = FetchType.LAZY) Target b; @ManyToOne(fetch = FetchType.LAZY) Ref parent; }", true);
        assertTrue(r.success(), () -> r.errors().toString());
        assertTrue(r.hasGenerated("gen/proxytwice/Target_Proxy.java"));
        assertTrue(r.hasGenerated("gen/proxytwice/Ref_Proxy.java"));
    }

    @Test
    void aFinalTargetIsRefused() {
        TestJavac.Result r = compile("gen.proxyfinal", "@Entity public final class Target { @Id Long id; }", REF, true);
        assertEquals(List.of("gen.proxyfinal.Ref.target: fetch = LAZY needs a generated proxy subclass of Target, but Target is "
                + "final; remove final; or remove fetch = LAZY (the reference then loads batched with the query)"), r.errors());
    }

    @Test
    void aFinalMethodIsRefused() {
        TestJavac.Result r = compile("gen.proxyfinalm", "@Entity public class Target { @Id Long id; String name;\n"
                + "public final String getName() { return name; } }", REF, true);
        assertEquals(List.of("gen.proxyfinalm.Ref.target: fetch = LAZY needs a generated proxy subclass of Target, which must "
                + "intercept Target.getName() to load the row, but it is final; remove final; or remove fetch = LAZY (the "
                + "reference then loads batched with the query)"), r.errors());
    }

    @Test
    void aTargetWithOnlyAPrivateConstructorIsRefused() {
        TestJavac.Result r = compile("gen.proxyctor", "@Entity public class Target { @Id Long id; private Target() {} }", REF, true);
        assertEquals(List.of("gen.proxyctor.Ref.target: fetch = LAZY needs a generated proxy subclass of Target, which calls "
                + "its constructor without parameters, but Target has none that is not private; add a protected one; or "
                + "remove fetch = LAZY (the reference then loads batched with the query)"), r.errors());
    }

    @Test
    void aTargetInAnInheritanceHierarchyIsRefused() {
        String expected = "gen.proxyinh.Ref.target: @ManyToOne(fetch = LAZY) on a reference to Target, which is part of an "
                + "inheritance hierarchy: a proxy is made before the row is read, so it cannot know which class the row is; "
                + "remove fetch = LAZY (the reference then loads batched with the query)";
        TestJavac.Result r = compile("gen.proxyinh", "@Entity @Inheritance public class Target { @Id Long id; }\n"
                + "@Entity class Sub extends Target { String extra; }", REF, true);
        assertEquals(List.of(expected), r.errors());
        // the runtime says the same without the processor
        TestJavac.Result plain = compile("gen.proxyinh", "@Entity @Inheritance public class Target { @Id Long id; }\n"
                + "@Entity class Sub extends Target { String extra; }", REF, false);
        assertTrue(plain.success(), () -> plain.errors().toString());
        MappingException e = assertThrows(MappingException.class, () -> ClassMapping.of(plain.load("gen.proxyinh.Ref")));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void withoutTheProcessorTheMappingNamesTheMissingProxy() {
        TestJavac.Result r = compile("gen.proxynone", "@Entity public class Target { @Id Long id; }", REF, false);
        assertTrue(r.success(), () -> r.errors().toString());
        MappingException e = assertThrows(MappingException.class, () -> Registry.of(r.load("gen.proxynone.Ref"),
                r.load("gen.proxynone.Target")));
        assertEquals("gen.proxynone.Ref.target: @ManyToOne(fetch = LAZY) needs the generated gen.proxynone.Target_Proxy: "
                + "compile Ref and Target with athanor-orm-processor, or remove fetch = LAZY (the reference then loads "
                + "batched with the query)", e.getMessage());
    }
}
