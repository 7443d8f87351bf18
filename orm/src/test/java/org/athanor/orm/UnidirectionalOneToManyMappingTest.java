package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.MappingException;
import org.athanor.orm.mapping.Secondary;
import org.athanor.orm.processor.TestJavac;
import org.junit.jupiter.api.Test;

/** What the registry checks of a join-table {@code @OneToMany}, and JPA's default names when no {@code @Table} renames. */
class UnidirectionalOneToManyMappingTest {
    private static Class<?>[] compile(String pkg, String body) {
        TestJavac.Result r = TestJavac.compile(Map.of(pkg + ".A", "package " + pkg + ";\nimport jakarta.persistence.*;\nimport java.util.*;\n" + body), false);
        assertTrue(r.success(), () -> r.errors().toString());
        return new Class<?>[] {r.load(pkg + ".A"), r.load(pkg + ".B")};
    }

    @Test
    void aManyToManyCannotMirrorIt() {
        Class<?>[] c = compile("uni.mirrored", "@Entity public class A { @Id Long id; @OneToMany List<B> items; }\n"
                + "@Entity class B { @Id Long id; @ManyToMany(mappedBy = \"items\") Set<A> owners; }\n");
        MappingException e = assertThrows(MappingException.class, () -> Registry.of(c[0], c[1]));
        assertEquals("uni.mirrored.B.owners: mappedBy = \"items\" must name an owning @ManyToMany of A whose elements are B "
                + "(one without mappedBy); its collections are [items (@OneToMany, join table) -> B]", e.getMessage());
    }

    @Test
    void jpaDefaultNamesFromEntityNames() {
        Class<?>[] c = compile("uni.names", "@Entity(name = \"Owner\") public class A { @Id @Column(name = \"pk\") Long id; "
                + "@OneToMany Set<B> things; }\n@Entity class B { @Id Long code; }\n");
        Registry.of(c[0], c[1]);
        Secondary s = ClassMapping.of(c[0]).toMany("things").secondary();
        assertEquals("owner_b", s.table().name(), "<owner table>_<element table> (the tables default to the entity names)");
        assertEquals("owner_pk", s.local().name(), "<owner entity name>_<owner key column>");
        assertEquals("things_code", s.remote().name(), "<attribute>_<element key column>");
        assertTrue(s.remote().isUnique());
    }

    @Test
    void aSelfReferentialOneIsAJoinTableOfTheEntityWithItself() {
        Class<?>[] c = compile("uni.self", "@Entity public class A { @Id Long id; @OneToMany List<A> children; }\n"
                + "@Entity class B { @Id Long id; }\n");
        Registry.of(c[0]);
        Secondary s = ClassMapping.of(c[0]).toMany("children").secondary();
        assertEquals(List.of("a_a", "a_id", "children_id"), List.of(s.table().name(), s.local().name(), s.remote().name()));
        assertEquals(2, s.table().foreignKeys().size());
    }
}
