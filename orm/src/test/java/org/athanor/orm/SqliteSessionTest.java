package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.athanor.orm.model.User;
import org.junit.jupiter.api.Test;

class SqliteSessionTest extends SessionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }

    /**
     * A flush of many new objects sends its first INSERT with RETURNING and the later ones without,
     * learning their keys from the last rowid (Core's ConsecutiveKeys): each checked, each object
     * given its own row's id.
     */
    @Test
    void aLargeFlushLearnsLaterKeysFromTheLastRowid() {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 1500; i++) users.add(new User("r" + i, "r" + i + "@x", i));
        try (Session s = sessions.openSession()) {
            s.addAll(users);
            statements.clear();
            s.commit();
        }
        List<String> inserts = statements.stream().filter(q -> q.startsWith("INSERT")).toList();
        assertTrue(inserts.size() > 2, inserts.size() + " INSERTs");
        assertTrue(inserts.get(0).contains("RETURNING"), "the first statement returns its keys");
        for (String q : inserts.subList(1, inserts.size())) assertFalse(q.contains("RETURNING"), "a later statement returns nothing");
        assertEquals(inserts.size(), countStatements("SELECT LAST_INSERT_ROWID()"), "one check after the probe, one after each later INSERT");
        assertEachUserHasItsOwnRow(users);
    }
}
