package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.athanor.core.sql.Row;
import org.athanor.orm.model.User;
import org.junit.jupiter.api.Test;

/**
 * The flush's UPDATE statements are built once per entity, table and set of changed columns and shared by the
 * sessions of a factory ({@code internal.flush.UpdateStatements}): each row still gets its own values, rows with
 * other changed columns get their own statement, and a second session changing the same columns builds nothing.
 */
public abstract class UpdateStatementsTestBase extends OrmTestBase {
    private Long addUser(String name, String email, int age) {
        try (Session s = sessions.openSession()) {
            User u = new User(name, email, age);
            s.add(u);
            s.commit();
            return u.getId();
        }
    }

    @Test
    void eachRowGetsItsOwnValuesAndEachChangedSetItsOwnStatement() {
        Long a = addUser("a", "a@x", 1), b = addUser("b", "b@x", 2), c = addUser("c", "c@x", 3);
        int before = sessions.updates.size();
        try (Session s = sessions.openSession()) {
            s.get(User.class, a).setName("a2");
            User ub = s.get(User.class, b);
            ub.setName("b2");
            ub.setAge(20);
            s.get(User.class, c).setName("c2");
            s.commit();
        }
        assertEquals(before + 2, sessions.updates.size(), "name only, name and age: two statements on " + db.description());
        List<Row> rows = committedRows(User.class);
        assertEquals(List.of("a2", "b2", "c2"), rows.stream().map(r -> r.get("name")).toList());
        assertEquals(List.of(1, 20, 3), rows.stream().map(r -> ((Number) r.get("age")).intValue()).toList());

        try (Session s = sessions.openSession()) { // the same shapes again: nothing built
            s.get(User.class, c).setName("c3");
            User ua = s.get(User.class, a);
            ua.setName("a3");
            ua.setAge(10);
            s.commit();
        }
        assertEquals(before + 2, sessions.updates.size(), "shapes seen before are reused on " + db.description());
        rows = committedRows(User.class);
        assertEquals(List.of("a3", "b2", "c3"), rows.stream().map(r -> r.get("name")).toList());
        assertEquals(List.of(10, 20, 3), rows.stream().map(r -> ((Number) r.get("age")).intValue()).toList());
    }
}
