package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.athanor.orm.model.User;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (SQLite: read, then another connection commits, then write): Session A queries, Session B inserts
 * and commits, A inserts and commits. PostgreSQL and MariaDB always allowed it; on a SQLite file in WAL mode
 * A's flush failed with SQLITE_BUSY_SNAPSHOT (its query had pinned a snapshot that B's commit made stale)
 * until Core began SQLite transactions on the first write (the dialect's beginOnFirstWrite; docs/sqlite.md).
 */
public abstract class ReadThenWriteTestBase extends OrmTestBase {
    @Test
    void aSessionThatQueriedBeforeAnotherCommittedCanStillFlushAndCommit() {
        sessions.inTransaction(s -> s.add(new User("seed", "seed@x", 1)));
        try (Session a = sessions.openSession(); Session b = sessions.openSession()) {
            assertEquals(1, a.query(User.class).all().size());
            b.add(new User("b", "b@x", 2));
            b.commit();
            a.add(new User("a", "a@x", 3));
            a.commit();
        }
        List<String> names = committedRows(User.class).stream().map(r -> (String) r.get("name")).sorted().toList();
        assertEquals(List.of("a", "b", "seed"), names);
    }
}
