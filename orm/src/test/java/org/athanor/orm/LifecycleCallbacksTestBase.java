package org.athanor.orm;

import static org.athanor.core.sql.Sql.selectFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Row;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.model.Gadget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 16: the Jakarta lifecycle callbacks, run on every database by the subclasses. */
public abstract class LifecycleCallbacksTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Gadget.class);
    static final Table GADGETS = REGISTRY.table(Gadget.class);
    static final Column<String> NAME = ClassMapping.column(Gadget.class, "name", String.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @BeforeEach
    void empty() {
        Gadget.EVENTS.clear();
        Gadget.failOn = null;
    }

    private List<Row> rows() {
        return engine.fromTransaction(c -> c.execute(selectFrom(GADGETS).orderBy(NAME)).all());
    }

    private Gadget committed(String name) {
        try (Session s = sessions.openSession()) {
            return s.query(Gadget.class).filter(NAME.eq(name)).one();
        }
    }

    @Test
    void callbacksRunInOrderOncePerObjectAndFlush() {
        Gadget a = new Gadget("a"), b = new Gadget("b");
        try (Session s = sessions.openSession()) {
            s.add(a);
            s.add(a); // already pending: no second PrePersist
            s.add(b);
            assertEquals(List.of("base.PrePersist:a", "PrePersist:a", "base.PrePersist:b", "PrePersist:b"), Gadget.EVENTS,
                    "at add(), superclass callbacks first");
            Gadget.EVENTS.clear();
            s.flush();
            assertEquals(List.of("PostPersist:a", "PostPersist:b"), Gadget.EVENTS, "after the INSERT, with the id assigned");
            Gadget.EVENTS.clear();
            s.flush();
            assertEquals(List.of(), Gadget.EVENTS, "nothing to write: no callback");
            a.setName("a2");
            s.flush();
            assertEquals(List.of("base.PreUpdate:a2", "PreUpdate:a2", "PostUpdate:a2"), Gadget.EVENTS,
                    "only the dirty object is updated");
            Gadget.EVENTS.clear();
            s.delete(b);
            assertEquals(List.of("PreRemove:b"), Gadget.EVENTS);
            s.delete(b);
            assertEquals(List.of("PreRemove:b"), Gadget.EVENTS, "already marked: once");
            s.flush();
            assertEquals(List.of("PreRemove:b", "PostRemove:b"), Gadget.EVENTS);
            s.commit();
        }
        assertEquals(1, rows().size());
    }

    @Test
    void changesMadeByPrePersistAndPreUpdateAreWritten() {
        Gadget g = new Gadget("g");
        try (Session s = sessions.openSession()) {
            s.add(g);
            s.commit();
        }
        Gadget c = committed("g");
        assertEquals("created", c.getStamp());
        assertEquals(0, c.getUses());
        try (Session s = sessions.openSession()) {
            Gadget l = s.get(Gadget.class, g.getId());
            l.setName("g");   // the same value: not dirty
            s.flush();
            assertEquals(0, l.getUses(), "PreUpdate is not called for a clean object");
            assertTrue(Gadget.EVENTS.stream().noneMatch(e -> e.contains("Update")), Gadget.EVENTS.toString());
            l.setName("h");
            s.commit();
        }
        Gadget h = committed("h");
        assertEquals("updated", h.getStamp(), "the mapped superclass's PreUpdate change is written");
        assertEquals(1, h.getUses(), "the entity's PreUpdate change is written");
    }

    @Test
    void postLoadAfterQueryGetAndRefresh() {
        try (Session s = sessions.openSession()) {
            s.add(new Gadget("x"));
            s.commit();
        }
        Gadget.EVENTS.clear();
        try (Session s = sessions.openSession()) {
            Gadget q = s.query(Gadget.class).filter(NAME.eq("x")).one();
            assertEquals(List.of("PostLoad:x"), Gadget.EVENTS);
            assertEquals(1, q.loads);
            assertSame(q, s.get(Gadget.class, q.getId()));
            assertEquals(1, q.loads, "found in the identity map: not loaded again");
            s.refresh(q);
            assertEquals(2, q.loads, "refresh re-reads it");
        }
        try (Session s = sessions.openSession()) {
            Long id = committed("x").getId();
            Gadget.EVENTS.clear();
            Gadget g = s.get(Gadget.class, id);
            assertEquals(1, g.loads);
            assertEquals(List.of("PostLoad:x"), Gadget.EVENTS);
        }
    }

    @Test
    void aThrowingCallbackRollsTheFlushBackAndPropagates() {
        try (Session s = sessions.openSession()) {
            s.add(new Gadget("kept"));
            s.commit();
        }
        Gadget.failOn = "PostPersist";
        try (Session s = sessions.openSession()) {
            Gadget k = s.query(Gadget.class).filter(NAME.eq("kept")).one();
            k.setName("kept2");
            Gadget n = new Gadget("new");
            s.add(n);
            IllegalStateException e = assertThrows(IllegalStateException.class, s::flush);
            assertEquals("callback PostPersist failed", e.getMessage(), "the callback's own exception");
        }
        assertEquals(List.of("kept"), rows().stream().map(r -> (String) r.get(NAME)).toList(), "nothing was written");
        Gadget.failOn = "PreUpdate";
        try (Session s = sessions.openSession()) {
            Gadget k = s.query(Gadget.class).filter(NAME.eq("kept")).one();
            k.setName("kept3");
            s.add(new Gadget("other"));
            assertThrows(IllegalStateException.class, s::commit);
        }
        assertEquals(List.of("kept"), rows().stream().map(r -> (String) r.get(NAME)).toList());
        Gadget.failOn = "PrePersist";
        try (Session s = sessions.openSession()) {
            Gadget n = new Gadget("refused");
            assertThrows(IllegalStateException.class, () -> s.add(n));
            assertNull(s.inspect(n).session(), "a failed PrePersist leaves the object transient");
        }
        assertNotNull(committed("kept"));
    }
}
