package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.athanor.orm.model.User;
import org.junit.jupiter.api.Test;

/**
 * Two Sessions on one SQLite file in WAL mode: A queries, B inserts and commits, A inserts and
 * commits. Without Core's beginOnFirstWrite (the SQLite dialect's), A's flush failed with
 * SQLITE_BUSY_SNAPSHOT: its query had pinned a snapshot that B's commit made stale.
 */
class SqliteSnapshotSessionTest extends OrmTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }

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
