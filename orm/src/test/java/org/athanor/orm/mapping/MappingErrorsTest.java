package org.athanor.orm.mapping;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.athanor.orm.processor.MappingErrorCases;
import org.athanor.orm.processor.TestJavac;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every mapping mistake is reported when the mapping is built, naming the class and field. */
class MappingErrorsTest {
    static List<MappingErrorCases.Case> cases() {
        List<MappingErrorCases.Case> all = new java.util.ArrayList<>(MappingErrorCases.all());
        all.addAll(org.athanor.orm.processor.ElementCollectionErrorCases.all());
        all.addAll(org.athanor.orm.processor.SharedCheckErrorCases.all());
        all.addAll(org.athanor.orm.processor.RelationshipCheckErrorCases.all());
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheMistakeWithClassAndField(MappingErrorCases.Case c) {
        // compiled without the processor, which would reject most of these at compile time
        TestJavac.Result r = TestJavac.compile(Map.of(c.className(), c.source()), false);
        assertTrue(r.success(), () -> "the case must compile: " + r.errors());
        Class<?> cls = r.load(c.className());
        MappingException e = assertThrows(MappingException.class, () -> ClassMapping.of(cls));
        assertEquals(c.runtimeError(), e.getMessage());
    }

    @Test
    void twoEntitiesOnOneTable() {
        TestJavac.Result r = TestJavac.compile(Map.of("errors.twotables.A",
                "package errors.twotables;\nimport jakarta.persistence.*;\n"
                        + "@Entity @Table(name = \"things\") public class A { @Id Long id; }\n"
                        + "@Entity @Table(name = \"THINGS\") class B { @Id Long id; }\n"), false);
        assertTrue(r.success(), () -> r.errors().toString());
        Class<?> a = r.load("errors.twotables.A"), b = r.load("errors.twotables.B");
        MappingException e = assertThrows(MappingException.class, () -> org.athanor.orm.internal.mapping.Mapper.configure(List.of(a, b)));
        assertEquals("entities errors.twotables.A and errors.twotables.B both map to table THINGS; each entity needs its "
                + "own table (give one a different @Table(name = ...)), unless they share it through single-table inheritance "
                + "(@Inheritance(strategy = SINGLE_TABLE) on their common @Entity superclass)", e.getMessage());
        assertEquals(1, org.athanor.orm.internal.mapping.Mapper.configure(List.of(a)).size());
    }
}
