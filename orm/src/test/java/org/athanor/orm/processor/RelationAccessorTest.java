package org.athanor.orm.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.MappingException;
import org.athanor.orm.mapping.RelationAccessor;
import org.junit.jupiter.api.Test;

/**
 * The relationship half of the generated accessor ({@code RelationAccessor}): which fields it lists, how it reaches
 * each (the field itself where generated code may, else a VarHandle), that each position reads and writes its own
 * field, and that an accessor out of date with its entity's relationships is a clear error, not a wrong field.
 */
class RelationAccessorTest {
    private static final String MODEL = "package racc.gen;\nimport jakarta.persistence.*;\nimport java.util.*;\n"
            + "@MappedSuperclass abstract class Base<T> { @ManyToOne private T owner; }\n"
            + "@Entity class Owner { @Id Long id; @OneToMany(mappedBy = \"owner\") List<Thing> things = new ArrayList<>(); }\n"
            + "@Entity public class Thing extends Base<Owner> {\n"
            + "  @Id Long id; @ManyToOne public Owner backup; @ManyToOne private Owner spare;\n"
            + "  @ElementCollection Set<String> notes = new HashSet<>(); @OneToOne(mappedBy = \"thing\") private Tag tag;\n}\n"
            + "@Entity class Tag { @Id Long id; @OneToOne Thing thing; }\n";

    @Test
    void theGeneratedAccessorListsEveryRelationshipAndReachesItsOwnField() throws ReflectiveOperationException {
        TestJavac.Result r = TestJavac.compile(Map.of("racc.gen.Thing", MODEL), true);
        assertTrue(r.success(), () -> r.errors().toString());
        String source = r.generated("racc/gen/Thing_Accessor.java");
        assertTrue(source.contains("implements org.athanor.orm.mapping.EntityAccessor<racc.gen.Thing>, "
                + "org.athanor.orm.mapping.RelationAccessor<racc.gen.Thing> {"), source);
        assertTrue(source.contains("RELATIONS = java.util.List.of(\"owner\", \"backup\", \"spare\", \"notes\", \"tag\");"), source);
        // public and package-private fields directly; private ones (the mapped superclass's too) through VarHandles
        assertTrue(source.contains("case 1: return e.backup;"), source);
        assertTrue(source.contains("case 3: e.notes = (java.util.Set) v; return;"), source);
        assertTrue(source.contains("findVarHandle(racc.gen.Base.class, \"owner\", java.lang.Object.class)"), source);
        assertTrue(source.contains("findVarHandle(racc.gen.Thing.class, \"spare\", racc.gen.Owner.class)"), source);

        @SuppressWarnings("unchecked") Class<Object> thing = (Class<Object>) r.load("racc.gen.Thing");
        ClassMapping<Object> m = ClassMapping.of(thing);
        @SuppressWarnings("unchecked") RelationAccessor<Object> a = assertInstanceOf(RelationAccessor.class, m.accessor());
        Object e = m.accessor().newInstance();
        List<String> names = a.relationNames();
        List<Object> values = new ArrayList<>();
        for (String name : names) {
            Field f = field(thing, name);
            // a new object of the related entity (owner's field type is the mapped superclass's T), or a set of values
            Object v = f.getType() == java.util.Set.class ? new HashSet<>(List.of(name))
                    : ClassMapping.of(r.load(name.equals("tag") ? "racc.gen.Tag" : "racc.gen.Owner")).accessor().newInstance();
            values.add(v);
            a.setRelation(e, names.indexOf(name), v);
        }
        // each position wrote its own field, and reads it back
        for (int i = 0; i < names.size(); i++) {
            assertSame(values.get(i), field(thing, names.get(i)).get(e), names.get(i));
            assertSame(values.get(i), a.getRelation(e, i), names.get(i));
        }
        assertSame(values.get(names.indexOf("spare")), m.toOne("spare").get(e));
        assertSame(values.get(names.indexOf("tag")), m.inverseOne("tag").get(e));
        m.toMany("notes").set(e, null);
        assertEquals(null, field(thing, "notes").get(e));
        IndexOutOfBoundsException x = assertThrows(IndexOutOfBoundsException.class, () -> a.getRelation(e, 5));
        assertEquals("racc.gen.Thing has 5 relationships, not 5", x.getMessage());
    }

    @Test
    void theGeneratedRelationshipCodeCompilesWithoutWarnings() {
        // an application compiling with -Werror must not fail on generated code (raw collection casts, redundant casts);
        // the model puts several classes in one file (auxiliaryclass), and no processor claims the annotations (processing)
        TestJavac.Result r = TestJavac.compile(Map.of("racc.gen.Thing", MODEL), true, "-Xlint:all,-auxiliaryclass,-processing", "-Werror");
        assertTrue(r.success(), () -> r.errors().toString());
    }

    private static Field field(Class<?> c, String name) throws NoSuchFieldException {
        for (Class<?> k = c; k != null; k = k.getSuperclass())
            for (Field f : k.getDeclaredFields())
                if (f.getName().equals(name)) {
                    f.setAccessible(true);
                    return f;
                }
        throw new NoSuchFieldException(name);
    }

    private static final String OLD_ACCESSOR = "package racc.old;\nimport java.util.List;\n"
            + "public final class N_Accessor implements org.athanor.orm.mapping.EntityAccessor<N> {\n"
            + "  public Class<N> entityClass() { return N.class; }\n"
            + "  public List<String> attributeNames() { return List.of(\"id\"); }\n"
            + "  public N newInstance() { return new N(); }\n"
            + "  public Object get(N e, int i) { return e.id; }\n"
            + "  public void set(N e, int i, Object v) { e.id = (Long) v; }\n}\n";

    @Test
    void anAccessorFromBeforeRelationshipsIsOutOfDate() {
        String entity = "package racc.old;\nimport jakarta.persistence.*;\n@Entity public class N { @Id Long id; @ManyToOne N parent; }\n";
        TestJavac.Result r = TestJavac.compile(Map.of("racc.old.N", entity, "racc.old.N_Accessor", OLD_ACCESSOR), false);
        assertTrue(r.success(), () -> r.errors().toString());
        Class<?> n = r.load("racc.old.N");
        MappingException e = assertThrows(MappingException.class, () -> ClassMapping.of(n));
        assertEquals("racc.old.N: the generated racc.old.N_Accessor is out of date: it has no relationships (it does not "
                + "implement RelationAccessor) but the mapping has the relationship parent; recompile N with the annotation "
                + "processor", e.getMessage());
    }

    /** The accessor generated for {@code version1}, compiled beside {@code version2} of the entity (without the processor). */
    private static TestJavac.Result staleAccessor(String pkg, String version1, String version2) {
        TestJavac.Result v1 = TestJavac.compile(Map.of(pkg + ".N", version1), true);
        assertTrue(v1.success(), () -> v1.errors().toString());
        String accessor = v1.generated(pkg.replace('.', '/') + "/N_Accessor.java");
        TestJavac.Result v2 = TestJavac.compile(Map.of(pkg + ".N", version2, pkg + ".N_Accessor", accessor), false);
        assertTrue(v2.success(), () -> v2.errors().toString());
        return v2;
    }

    @Test
    void anAccessorWithoutARelationshipTheMappingHasIsOutOfDate() {
        String head = "package racc.renamed;\nimport jakarta.persistence.*;\n@Entity public class N { @Id Long id; ";
        TestJavac.Result r = staleAccessor("racc.renamed", head + "@ManyToOne private N parent; }\n",
                head + "@Transient private N parent; @ManyToOne private N next; }\n");
        Class<?> n = r.load("racc.renamed.N");
        MappingException e = assertThrows(MappingException.class, () -> ClassMapping.of(n));
        assertEquals("racc.renamed.N: the generated racc.renamed.N_Accessor is out of date: it has relationships [parent] but "
                + "the mapping has the relationship next; recompile N with the annotation processor", e.getMessage());
    }

    @Test
    void anAccessorWhoseVarHandleNamesARemovedFieldIsOutOfDate() {
        String head = "package racc.removed;\nimport jakarta.persistence.*;\n@Entity public class N { @Id Long id; ";
        TestJavac.Result r = staleAccessor("racc.removed", head + "@ManyToOne private N parent; }\n",
                head + "@ManyToOne private N next; }\n");
        Class<?> n = r.load("racc.removed.N");
        MappingException e = assertThrows(MappingException.class, () -> ClassMapping.of(n));
        assertEquals("racc.removed.N: the generated racc.removed.N_Accessor cannot be initialized (java.lang.NoSuchFieldException: "
                + "no such field: racc.removed.N.parent/racc.removed.N/getField): it is out of date; recompile N with the annotation "
                + "processor", e.getMessage());
    }
}
