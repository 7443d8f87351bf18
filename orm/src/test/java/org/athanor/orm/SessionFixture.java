package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.ArrayList;
import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Row;
import org.athanor.orm.model.Account;
import org.athanor.orm.model.Model;
import org.athanor.orm.model.User;

/** What the session suites share: column handles, object-state helpers, fixtures (see SessionTestBase and its siblings). */
public abstract class SessionFixture extends OrmTestBase {
    static final Column<Integer> AGE = Model.col(User.class, "age", Integer.class);
    static final Column<String> NAME = Model.col(User.class, "name", String.class);
    static final Column<Long> USER_ID = Model.col(User.class, "id", Long.class);
    static final Column<Long> BALANCE = Model.col(Account.class, "balance", Long.class);
    static final Column<Long> ACCOUNT_ID = Model.col(Account.class, "id", Long.class);

    /** The object's state as session {@code s} sees it. */
    static ObjectState state(Session s, Object o) { return s.inspect(o).state(); }

    /** The object's state as a new session sees it (outside every session). */
    ObjectState state(Object o) {
        try (Session fresh = sessions.openSession()) {
            return fresh.inspect(o).state();
        }
    }

    static int countIdsSet(List<User> users) {
        int n = 0;
        for (User u : users) if (u.getId() != null) n++;
        return n;
    }

    /** Exactly the users' rows are committed, and the id assigned to each user is its own row's. */
    void assertEachUserHasItsOwnRow(List<User> users) {
        List<Row> rows = committedRows(User.class);
        assertEquals(users.size(), rows.size());
        java.util.Map<Long, String> byId = new java.util.HashMap<>();
        for (Row r : rows) byId.put(((Number) r.get("id")).longValue(), (String) r.get("name"));
        for (User u : users) assertEquals(u.getName(), byId.get(u.getId()));
    }

    static List<User> users(int n, String prefix) {
        List<User> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(new User(prefix + i, prefix + i + "@x", i));
        return out;
    }

    /** Inserts a committed user through another session and returns its id. */
    long insertUser(String name, int age) {
        try (Session s = sessions.openSession()) {
            User u = new User(name, name.toLowerCase() + "@example.com", age);
            s.add(u);
            s.commit();
            statements.clear();
            return u.getId();
        }
    }
}
