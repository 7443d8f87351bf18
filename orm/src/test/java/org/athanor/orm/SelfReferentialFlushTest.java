package org.athanor.orm;

import static org.athanor.core.sql.Sql.selectFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ReferentialAction;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Row;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.model.Category;
import org.junit.jupiter.api.Test;

/**
 * The flush's per-row order (FlushPlan) on a self-referential table mapped by a plain FK column, on
 * every database: MariaDB checks a foreign key row by row, even inside one multi-row INSERT, so there
 * the order of the rows is what makes the flush succeed.
 */
class SelfReferentialFlushTest {
    static final Registry REGISTRY;

    static {
        Table t = ClassMapping.of(Category.class).table();
        if (t.foreignKeys().isEmpty()) {
            Column<?> parent = t.column("parent_id"), id = t.column("id");
            Table.addForeignKey(t, List.of(parent), () -> List.of(id), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION, null);
        }
        REGISTRY = Registry.of(Category.class);
    }

    @Test void sqlite() { run(TestDb.sqlite()); }
    @Test void postgres() { run(TestDb.postgres()); }
    @Test void mariadb() { run(TestDb.mariadb()); }

    private static void run(TestDb db) {
        try (db) {
            REGISTRY.metadata().createAll(db.engine());
            SessionFactory sessions = SessionFactory.of(db.engine(), REGISTRY);
            List<String> statements = new CopyOnWriteArrayList<>();
            db.engine().addStatementListener(statements::add);

            // children added before their parents: inserted parents first, in one INSERT
            try (Session s = sessions.openSession()) {
                s.addAll(List.of(new Category(3, 2L, "leaf"), new Category(2, 1L, "branch"), new Category(1, null, "root"),
                        new Category(4, null, "other")));
                statements.clear();
                s.commit();
            }
            assertEquals(1, count(statements, "INSERT"), statements.toString());
            assertEquals(Map.of(1L, "null", 2L, "1", 3L, "2", 4L, "null"), parents(db));

            // a cycle: 5 -> 6 -> 5. 5 (added first) is inserted with parent_id NULL, then linked by an UPDATE
            try (Session s = sessions.openSession()) {
                s.addAll(List.of(new Category(5, 6L, "a"), new Category(6, 5L, "b")));
                statements.clear();
                s.commit();
            }
            assertEquals(1, count(statements, "UPDATE"), statements.toString());
            assertEquals("6", parents(db).get(5L));
            assertEquals("5", parents(db).get(6L));
            try (Session s = sessions.openSession()) {
                Category five = s.get(Category.class, 5L);
                assertEquals(6L, five.getParentId(), "the snapshot holds the linked value: nothing left to write");
                statements.clear();
                s.flush();
                assertEquals(0, statements.size(), statements.toString());
            }

            // deletes: children first, whatever the order they were deleted in; a cycle is unlinked first
            try (Session s = sessions.openSession()) {
                List<Category> all = new java.util.ArrayList<>();
                for (long id : new long[] {1, 2, 3, 5, 6}) all.add(s.get(Category.class, id)); // get autoflushes: load first
                for (Category c : all) s.delete(c);
                statements.clear();
                s.commit();
            }
            assertEquals(1, count(statements, "UPDATE"), "the cycle 5 <-> 6 is unlinked once: " + statements);
            assertEquals(Map.of(4L, "null"), parents(db));

            // a row referencing a row that exists nowhere still fails as the database's own error
            try (Session s = sessions.openSession()) {
                s.add(new Category(7, 99L, "orphan"));
                assertThrows(IntegrityError.class, s::commit);
            }
        }
    }

    private static long count(List<String> statements, String prefix) {
        return statements.stream().filter(q -> q.startsWith(prefix)).count();
    }

    private static Map<Long, String> parents(TestDb db) {
        Table t = REGISTRY.table(Category.class);
        List<Row> rows = db.engine().fromTransaction(c -> c.execute(selectFrom(t)).all());
        Map<Long, String> out = new TreeMap<>();
        for (Row r : rows) out.put(((Number) r.get(0)).longValue(), String.valueOf(r.get(1)));
        return out;
    }
}
