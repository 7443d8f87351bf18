package org.athanor.orm.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.athanor.core.schema.Table;
import org.junit.jupiter.api.Test;

/**
 * The per-class {@link ClassMapping} names the table and the properties and nothing a session works with: its state
 * is final and of property types only (no identity keys, callbacks, links to other mappers, load or flush state),
 * and its methods describe the class (none takes an entity object: reading entities and their keys is the Mapper's).
 */
class ClassMappingShapeTest {
    /** What a ClassMapping may hold: the class, its names, its table, its properties and the accessor reaching them. */
    private static final Set<Class<?>> PROPERTY_TYPES = Set.of(Class.class, String.class, Table.class, List.class,
            java.util.Map.class, IdShape.class, Attribute.class, EntityAccessor.class, Inheritance.class);

    @Test
    void holdsOnlyFinalStateOfPropertyTypes() {
        for (Field f : ClassMapping.class.getDeclaredFields()) {
            if (f.isSynthetic()) continue;
            if (Modifier.isStatic(f.getModifiers())) { // the one static: the per-class cache of ClassMappings themselves
                assertEquals(ClassValue.class, f.getType(), f + ": no static state besides the per-class cache");
                continue;
            }
            assertTrue(Modifier.isFinal(f.getModifiers()), f + " must be final: a ClassMapping never changes once built");
            assertTrue(PROPERTY_TYPES.contains(f.getType()), f + " is not the table or a property: state of that kind belongs in "
                    + "the registry's Mapper");
        }
    }

    @Test
    void describesTheClassOnlyItsMethodsTakeNoEntity() {
        Set<String> methods = new TreeSet<>();
        for (Method m : ClassMapping.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers())) continue;
            methods.add(m.getName());
            for (Class<?> p : m.getParameterTypes())
                assertTrue(p == String.class || p == Class.class, m + " takes a " + p.getName() + ": per class, a ClassMapping "
                        + "is asked by class and name, never about an object (that is the Mapper's)");
        }
        assertEquals(new TreeSet<>(Arrays.asList("of", "column", "entityClass", "entityName", "table", "inheritance", "idShape",
                "attributes", "attribute", "toOnes", "toOne", "toManys", "toMany", "inverseOnes", "inverseOne", "idAttributes",
                "versionAttribute", "generatedIdAttribute", "accessor", "toString")), methods);
    }
}
