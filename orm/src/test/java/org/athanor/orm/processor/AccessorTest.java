package org.athanor.orm.processor;

import org.athanor.orm.rules.Naming;
import org.athanor.orm.rules.TypeRules;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.mapping.Attribute;
import org.athanor.orm.mapping.EntityAccessor;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.MappingException;
import org.athanor.orm.mapping.model.Product;
import org.athanor.orm.mapping.model.Product_Accessor;
import org.athanor.orm.mapping.model.User;
import org.athanor.orm.mapping.model.User_Accessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated accessor is used when the processor ran; otherwise MethodHandles. Both behave the same on
 * every kind of field: public, package-private, private with accessors, private without (VarHandle),
 * inherited from a generic mapped superclass, @EmbeddedId components, and a private constructor.
 */
class AccessorTest {
    private static String source(String pkg) {
        return "package " + pkg + ";\nimport jakarta.persistence.*;\nimport java.time.Instant;\n"
                + "@MappedSuperclass abstract class Base<K> { @Id private K code; private Instant stamp;\n"
                + "  public K getCode() { return code; } public void setCode(K k) { code = k; } }\n"
                + "@Entity public class Item extends Base<String> {\n"
                + "  public String title; int count; private double weight; private boolean fragile;\n"
                + "  public boolean isFragile() { return fragile; } public void setFragile(boolean f) { fragile = f; }\n"
                + "  private Item() {}\n}\n"
                + "@Embeddable class Key { String a; Integer b; }\n"
                + "@MappedSuperclass abstract class Keyed { @EmbeddedId private Key key;\n"
                + "  public Key getKey() { return key; } public void setKey(Key k) { key = k; } }\n"
                + "@Entity class Pair extends Keyed { String note; }\n";
    }

    @ParameterizedTest(name = "processor={0}")
    @ValueSource(booleans = {true, false})
    void generatedAndMethodHandleAccessorsBehaveTheSame(boolean process) {
        String pkg = process ? "acc.generated" : "acc.handles";
        TestJavac.Result r = TestJavac.compile(Map.of(pkg + ".Item", source(pkg)), process);
        assertTrue(r.success(), () -> r.errors().toString());
        @SuppressWarnings("unchecked") Class<Object> item = (Class<Object>) r.load(pkg + ".Item");
        ClassMapping<Object> m = ClassMapping.of(item);
        String accessorClass = m.accessor().getClass().getName();
        if (process) assertEquals(pkg + ".Item_Accessor", accessorClass);
        else assertEquals("org.athanor.orm.mapping.ReflectiveAccessor", accessorClass);

        assertEquals(List.of("code", "stamp", "title", "count", "weight", "fragile"),
                m.attributes().stream().map(Attribute::name).toList());
        Mapper mp = Mapper.configure(List.of(item)).get(item);
        Object e = mp.newInstance();
        assertSame(item, e.getClass());
        Object[] values = {"X-1", Instant.parse("2024-01-02T03:04:05Z"), "Vase", 3, 2.5, true};
        for (int i = 0; i < values.length; i++) mp.set(e, m.attributes().get(i).index(), values[i]);
        for (int i = 0; i < values.length; i++) assertEquals(values[i], mp.get(e, m.attributes().get(i).index()), m.attributes().get(i).name());
        assertEquals(List.of("X-1"), mp.keyOfObject(e).asList());
        IllegalArgumentException npe = assertThrows(IllegalArgumentException.class, () -> mp.set(e, m.attribute("count").index(), null));
        assertEquals("cannot set " + pkg + ".Item.count (a primitive field) to null", npe.getMessage());

        @SuppressWarnings("unchecked") Class<Object> pair = (Class<Object>) r.load(pkg + ".Pair");
        ClassMapping<Object> pc = ClassMapping.of(pair);
        Mapper pm = Mapper.configure(List.of(pair)).get(pair);
        Object p = pm.newInstance();
        assertNull(pm.get(p, pc.attribute("a").index()));
        pm.set(p, pc.attribute("a").index(), "left");
        pm.set(p, pc.attribute("b").index(), 7);
        pm.set(p, pc.attribute("note").index(), "n");
        assertEquals(List.of("left", 7), pm.keyOfObject(p).asList());
        assertEquals("n", pm.get(p, pc.attribute("note").index()));
    }

    @Test
    void testEntitiesUseTheirGeneratedAccessors() {
        assertTrue(ClassMapping.of(User.class).accessor() instanceof User_Accessor);
        EntityAccessor<Product> a = ClassMapping.of(Product.class).accessor();
        assertTrue(a instanceof Product_Accessor);
        Product p = a.newInstance();
        Instant now = Instant.now();
        a.set(p, 1, now);   // createdAt: private, no accessors -> VarHandle
        assertSame(now, p.createdAtForTest());
    }

    @Test
    void anOutOfDateGeneratedAccessorIsAnError() {
        String src = "package acc.stale;\nimport jakarta.persistence.*;\nimport java.util.List;\n"
                + "@Entity public class S { @Id Long id; String name; }\n";
        String accessor = "package acc.stale;\nimport java.util.List;\n"
                + "public final class S_Accessor implements org.athanor.orm.mapping.EntityAccessor<S> {\n"
                + "  public Class<S> entityClass() { return S.class; }\n"
                + "  public List<String> attributeNames() { return List.of(\"id\"); }\n"
                + "  public S newInstance() { return new S(); }\n"
                + "  public Object get(S e, int i) { return e.id; }\n"
                + "  public void set(S e, int i, Object v) { e.id = (Long) v; }\n}\n";
        TestJavac.Result r = TestJavac.compile(Map.of("acc.stale.S", src, "acc.stale.S_Accessor", accessor), false);
        assertTrue(r.success(), () -> r.errors().toString());
        Class<?> s = r.load("acc.stale.S");
        MappingException e = assertThrows(MappingException.class, () -> ClassMapping.of(s));
        assertEquals("acc.stale.S: the generated acc.stale.S_Accessor is out of date: it has attributes [id] but the "
                + "mapping has [id, name]; recompile S with the annotation processor", e.getMessage());
    }

    /** The rules are one implementation (org.athanor.orm.rules); this checks the runtime's class view of them. */
    @Test
    void runtimeClassListsAreDerivedFromTheSharedTypeRules() throws Exception {
        Class<?> rules = Class.forName("org.athanor.orm.mapping.JavaTypes");
        var basic = rules.getDeclaredField("BASIC");
        basic.setAccessible(true);
        List<String> runtime = ((List<?>) basic.get(null)).stream().map(c -> ((Class<?>) c).getCanonicalName()).toList();
        assertEquals(runtime, TypeRules.BASIC);
        for (String[] pair : new String[][] {{"ID_TYPES", "ID_TYPES"}, {"INTEGRAL", "INTEGRAL"}, {"VERSION_TYPES", "VERSION_TYPES"}}) {
            var f = rules.getDeclaredField(pair[0]);
            f.setAccessible(true);
            var set = ((java.util.Set<?>) f.get(null)).stream().map(c -> ((Class<?>) c).getName()).collect(java.util.stream.Collectors.toSet());
            assertEquals(set, TypeRules.class.getDeclaredField(pair[1]).get(null), pair[0]);
        }
        assertEquals("first_name", Naming.snakeCase("firstName"));
        assertEquals("user_account", Naming.snakeCase("UserAccount"));
        assertEquals("userid", Naming.snakeCase("userID"));
    }

    @Test
    void excludedPackagesAreMappedWithMethodHandles() {
        ClassMapping<org.athanor.orm.unprocessed.Note> m = ClassMapping.of(org.athanor.orm.unprocessed.Note.class);
        assertEquals("org.athanor.orm.mapping.ReflectiveAccessor", m.accessor().getClass().getName());
        var n = new org.athanor.orm.unprocessed.Note("hello");
        Mapper mp = Mapper.configure(List.of(org.athanor.orm.unprocessed.Note.class)).get(org.athanor.orm.unprocessed.Note.class);
        mp.set(n, m.attribute("id").index(), 9L);
        assertEquals(List.of(9L), mp.keyOfObject(n).asList());
        assertEquals("hello", mp.get(n, m.attribute("text").index()));
        MappingException e = assertThrows(MappingException.class, () -> ClassMapping.of(org.athanor.orm.unprocessed.BrokenNote.class));
        assertTrue(e.getMessage().startsWith("org.athanor.orm.unprocessed.BrokenNote: has no @Id field"), e.getMessage());
    }

    @Test
    void theExcludeOptionSkipsMatchingClasses() {
        String src = "package excl.legacy;\nimport jakarta.persistence.*;\n@Entity public class L { @Id Long id; @ManyToOne L parent; }\n";
        TestJavac.Result r = TestJavac.compile(Map.of("excl.legacy.L", src), true, "-Aathanor.orm.exclude=excl.other, excl.legacy");
        assertTrue(r.success(), () -> r.errors().toString());
        assertFalse(r.hasGenerated("excl/legacy/L_.java"));
    }
}
