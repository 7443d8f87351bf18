package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.athanor.orm.internal.loading.ToOneLoading;
import org.athanor.orm.model.User;
import org.athanor.orm.model.User_;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The flush's check of objects re-attached by {@code add} with their generated id set (which of them have a row) at the
 * key batch boundary: their ids are batched as every key batch is, {@link ToOneLoading#CHUNK} ids per IN list where
 * ids are bind parameters, one {@code = ANY(?)} statement for all where they bind as one array
 * ({@code DialectFeatures.supportsAnyArray()}). The objects whose row exists are updated, one whose id has no row is
 * inserted with it, whichever batch holds them.
 */
public abstract class ReattachedKeyBatchTestBase extends MappedTestBase {
    @Override
    Registry registry() {
        return Registry.of(User.class);
    }

    /** {@code n} users committed and detached, in id order. */
    private List<User> seed(int n) {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < n; i++) users.add(new User("u" + i, "u" + i + "@x", i));
        try (Session s = sessions.openSession()) {
            s.addAll(users);
            s.commit();
        }
        statements.clear();
        return users;
    }

    /** The SELECTs of the check: {@code SELECT users.id FROM users WHERE ...}. */
    private List<String> checks() {
        return statements.stream().filter(q -> q.startsWith("SELECT") && q.contains("FROM users") && !q.contains("users.name")).toList();
    }

    @ParameterizedTest(name = "{0} re-attached objects")
    @ValueSource(ints = {ToOneLoading.CHUNK, ToOneLoading.CHUNK + 1})
    void theirIdsAreCheckedInKeyBatches(int n) {
        List<User> detached = seed(n - 1);
        long unused = detached.get(detached.size() - 1).getId() + 1000;
        User chosen = new User("chosen", "chosen@x", -1);
        chosen.setId(unused); // an id of no row: inserted with it
        for (User u : detached) u.setAge(u.getAge() + 100);
        List<User> all = new ArrayList<>(detached);
        all.add(n / 2, chosen); // in the middle: in the first of two batches where they are chunked
        try (Session s = sessions.openSession()) {
            s.addAll(all);
            s.commit();
        }
        List<String> checks = checks();
        boolean asArray = engine.dialect().features().supportsAnyArray();
        assertEquals(asArray ? 1 : (n + ToOneLoading.CHUNK - 1) / ToOneLoading.CHUNK, checks.size(), checks.toString());
        if (asArray) assertTrue(checks.get(0).contains("ANY("), checks.get(0));
        Map<Long, Integer> ages = new TreeMap<>();
        try (Session s = sessions.openSession()) {
            for (User u : s.query(User.class).orderBy(User_.id).all()) ages.put(u.getId(), u.getAge());
            assertEquals(n, ages.size());
            for (User u : detached) assertEquals(u.getAge(), ages.get(u.getId()), "updated: " + u);
            assertEquals(-1, ages.get(unused), "inserted with its id");
        }
    }
}
