package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.athanor.orm.model.flushplan.FpCode;
import org.athanor.orm.model.flushplan.FpItem;
import org.junit.jupiter.api.Test;

/**
 * The flush's inserts and updates are planned once per shape (entity, column set, key kind) and the plan reused by
 * every later flush of that shape, in later sessions: each test flushes the same shapes again and again and reads
 * every row back. Shapes that differ — nulls, another set of changed columns, several sets in one flush, a generated
 * key or an assigned one, a statement's worth of rows and one row — each get their own statement, right on every
 * database (MariaDB also without RETURNING: keys from getGeneratedKeys).
 */
public abstract class FlushShapesTestBase extends MappedTestBase {
    @Override
    Registry registry() { return Registry.of(FpItem.class, FpCode.class); }

    /** The request mix's flush: one object changed, one added, commit; in a fresh session each time. */
    @Test
    void oneInsertAndOneUpdatePerCommitAgainAndAgain() {
        Long first;
        try (Session s = sessions.openSession()) {
            FpItem a = new FpItem("a", 1, null);
            s.add(a);
            s.commit();
            first = a.getId();
        }
        assertNotNull(first);
        List<Long> ids = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            try (Session s = sessions.openSession()) {
                FpItem a = s.get(FpItem.class, first);
                a.setQty(a.getQty() + 1);
                FpItem n = new FpItem("n" + round, round % 2 == 0 ? null : round, round % 2 == 0 ? "note" + round : null);
                s.add(n);
                s.commit();
                assertNotNull(n.getId());
                ids.add(n.getId());
            }
        }
        for (int i = 1; i < ids.size(); i++) assertTrue(ids.get(i) > ids.get(i - 1), "ids in commit order: " + ids);
        assertFalse(ids.contains(first));
        try (Session s = sessions.openSession()) {
            assertEquals(6, s.get(FpItem.class, first).getQty());
            for (int round = 0; round < 5; round++) {
                FpItem n = s.get(FpItem.class, ids.get(round));
                assertEquals("n" + round, n.getName());
                assertEquals(round % 2 == 0 ? null : round, n.getQty());
                assertEquals(round % 2 == 0 ? "note" + round : null, n.getNote());
            }
        }
    }

    /** Updates of other column sets, alone and several sets in one flush, each to its own rows. */
    @Test
    void updatesOfDifferentColumnSetsGoToTheirOwnRows() {
        List<Long> ids = new ArrayList<>();
        try (Session s = sessions.openSession()) {
            List<FpItem> items = new ArrayList<>();
            for (int i = 0; i < 4; i++) items.add(new FpItem("i" + i, i, "n" + i));
            s.addAll(items);
            s.commit();
            for (FpItem it : items) ids.add(it.getId());
        }
        for (int round = 0; round < 3; round++) {
            try (Session s = sessions.openSession()) {
                s.get(FpItem.class, ids.get(0)).setName("name" + round); // one column
                FpItem b = s.get(FpItem.class, ids.get(1));
                b.setQty(null);                                        // another column, to NULL
                b.setNote("note" + round);
                FpItem c = s.get(FpItem.class, ids.get(2));
                c.setNote(null);                                       // the second set again
                c.setQty(100 + round);
                s.commit();
            }
            try (Session s = sessions.openSession()) {
                FpItem a = s.get(FpItem.class, ids.get(0)), b = s.get(FpItem.class, ids.get(1)), c = s.get(FpItem.class, ids.get(2)),
                        d = s.get(FpItem.class, ids.get(3));
                assertEquals("name" + round, a.getName());
                assertEquals(0, a.getQty());
                assertEquals("n0", a.getNote());
                assertNull(b.getQty());
                assertEquals("note" + round, b.getNote());
                assertEquals("i1", b.getName());
                assertEquals(100 + round, c.getQty());
                assertNull(c.getNote());
                assertEquals("i2", c.getName());
                assertEquals("i3", d.getName());
                assertEquals(3, d.getQty());
                assertEquals("n3", d.getNote());
            }
        }
    }

    /** Assigned keys: the insert returns nothing; one row and several, again in later sessions, beside generated keys. */
    @Test
    void assignedKeysAndGeneratedKeysInOneFlushAgainAndAgain() {
        for (int round = 0; round < 3; round++) {
            try (Session s = sessions.openSession()) {
                s.add(new FpCode("c" + round, round == 1 ? null : "label" + round, round));
                FpItem it = new FpItem("with-code" + round, null, null);
                s.add(it);
                if (round == 2) s.addAll(List.of(new FpCode("x1", "one", null), new FpCode("x2", null, 2)));
                s.commit();
                assertNotNull(it.getId());
            }
        }
        try (Session s = sessions.openSession()) {
            List<FpCode> codes = new ArrayList<>(s.query(FpCode.class).all());
            codes.sort(Comparator.comparing(FpCode::getCode));
            assertEquals(List.of("c0", "c1", "c2", "x1", "x2"), codes.stream().map(FpCode::getCode).toList());
            assertEquals("label0", codes.get(0).getLabel());
            assertNull(codes.get(1).getLabel());
            assertEquals(1, codes.get(1).getN());
            assertEquals("one", codes.get(3).getLabel());
            assertNull(codes.get(3).getN());
            assertEquals(2, codes.get(4).getN());
            assertEquals(3, s.query(FpItem.class).all().size());
        }
    }

    /** Many rows in one flush (more than one statement's worth on some databases), then one row: keys in add order each time. */
    @Test
    void manyRowsThenOneRowThenManyAgain() {
        int[] sizes = {1200, 1, 1200, 3};
        List<Long> all = new ArrayList<>();
        for (int round = 0; round < sizes.length; round++) {
            List<FpItem> items = new ArrayList<>();
            try (Session s = sessions.openSession()) {
                for (int i = 0; i < sizes[round]; i++) items.add(new FpItem("r" + round + "." + i, i % 3 == 0 ? null : i, i % 5 == 0 ? "five" : null));
                s.addAll(items);
                s.commit();
            }
            for (int i = 0; i < items.size(); i++) {
                Long id = items.get(i).getId();
                assertNotNull(id);
                if (!all.isEmpty()) assertTrue(id > all.get(all.size() - 1), "round " + round + " row " + i + ": ids in add order");
                all.add(id);
            }
        }
        try (Session s = sessions.openSession()) {
            List<FpItem> back = new ArrayList<>(s.query(FpItem.class).all());
            back.sort(Comparator.comparing(FpItem::getId));
            assertEquals(all.size(), back.size());
            int k = 0;
            for (int round = 0; round < sizes.length; round++)
                for (int i = 0; i < sizes[round]; i++, k++) {
                    FpItem it = back.get(k);
                    assertEquals(all.get(k), it.getId());
                    assertEquals("r" + round + "." + i, it.getName());
                    assertEquals(i % 3 == 0 ? null : i, it.getQty());
                    assertEquals(i % 5 == 0 ? "five" : null, it.getNote());
                }
        }
    }
}
