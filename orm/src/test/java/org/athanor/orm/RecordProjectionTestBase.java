package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.athanor.orm.model.User;
import org.athanor.orm.model.User_;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Query#project} into records whose components are primitives: a component matches an attribute when its
 * wrapper type holds the attribute's values ({@code int} for an {@code Integer} attribute), and a component that
 * cannot hold them is refused before any SQL, naming both types.
 */
public abstract class RecordProjectionTestBase extends OrmTestBase {
    record NameAge(String name, int age) {}

    record NameLongAge(String name, long age) {}

    @BeforeEach
    void users() {
        try (Session s = sessions.openSession()) {
            s.addAll(List.of(new User("Ann", "ann@x", 31), new User("Ben", null, 25)));
            s.commit();
        }
        statements.clear();
    }

    @Test
    void aPrimitiveComponentTakesItsWrappersAttribute() {
        try (Session s = sessions.openSession()) {
            List<NameAge> rows = s.query(User.class).orderBy(User_.name).project(NameAge.class);
            assertEquals(List.of(new NameAge("Ann", 31), new NameAge("Ben", 25)), rows);
        }
    }

    @Test
    void aPrimitiveComponentOfAnotherWrapperIsRefusedBeforeAnySql() {
        try (Session s = sessions.openSession()) {
            statements.clear();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.query(User.class).project(NameLongAge.class));
            assertTrue(e.getMessage().contains("NameLongAge.age is long") && e.getMessage().contains("java.lang.Integer"), e.getMessage());
            assertEquals(0, count("SELECT"), "refused before any statement: " + statements);
        }
    }
}
