package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.error.DataError;
import org.athanor.core.sql.Row;
import org.athanor.orm.model.User;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 through the ORM's write path: a Session flush of one new object (a single INSERT) and
 * of many (the bulk insert: multi-row VALUES, or column arrays on PostgreSQL) keeps every text
 * value or refuses it with a DataError, as Core's ValueRoundTripSuite checks for Core's paths.
 */
public abstract class FlushValuesTestBase extends OrmTestBase {
    /** Whether the database's text holds NUL (MariaDB); SQLite and PostgreSQL refuse it. */
    protected abstract boolean nulInText();

    private List<String> keptNames() {
        List<String> names = new ArrayList<>(List.of("plain", "it's", "\uD83D\uDE00 pair", "\u00e9\u0301", "", " pad ", "\\%_", "\uFFFD"));
        if (nulInText()) names.add("a\u0000b");
        return names;
    }

    private List<String> refusedNames() {
        List<String> names = new ArrayList<>(List.of("\uD800", "a\uDFFFb", "end\uD83D", "\uDE00\uD83D"));
        if (!nulInText()) names.add("x\u0000'y");
        return names;
    }

    private static List<User> users(List<String> names, String tag) {
        List<User> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) out.add(new User(names.get(i), tag + i + "@x", i));
        return out;
    }

    private List<String> committedNames() {
        List<String> out = new ArrayList<>();
        for (Row r : committedRows(User.class)) out.add((String) r.get("name"));
        return out;
    }

    @Test
    void flushKeepsEveryTextItAccepts() {
        List<String> names = keptNames();
        for (String name : names) { // one object per flush: a single INSERT
            try (Session s = sessions.openSession()) {
                s.add(new User(name, "one" + names.indexOf(name) + "@x", 1));
                s.commit();
            }
        }
        try (Session s = sessions.openSession()) { // all at once: the bulk path
            s.addAll(users(names, "many"));
            s.commit();
        }
        List<String> expected = new ArrayList<>(names);
        expected.addAll(names);
        List<String> back = committedNames();
        back.sort(null);
        expected.sort(null);
        assertEquals(expected, back, "names flushed on " + db.description());
    }

    @Test
    void flushRefusesLoneSurrogatesAndUnstorableNulWithADataError() {
        for (String bad : refusedNames()) {
            try (Session s = sessions.openSession()) {
                s.add(new User(bad, "bad@x", 1));
                DataError e = assertThrows(DataError.class, s::commit, "a flush of one object named " + escape(bad) + " on " + db.description());
                assertTrue(e.getMessage().contains("surrogate") || e.getMessage().contains("NUL"), e.getMessage());
            }
            List<String> batch = new ArrayList<>(keptNames());
            batch.add(batch.size() / 2, bad);
            try (Session s = sessions.openSession()) {
                s.addAll(users(batch, "batch"));
                assertThrows(DataError.class, s::commit, "a bulk flush holding " + escape(bad) + " on " + db.description());
            }
            assertEquals(List.of(), committedNames(), "nothing of a refused flush is committed on " + db.description());
        }
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(c < 0x20 || Character.isSurrogate(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        return b.toString();
    }
}
