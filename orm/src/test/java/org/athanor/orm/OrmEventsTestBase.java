package org.athanor.orm;

import static org.athanor.core.sql.Sql.selectFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Row;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.model.Audited;
import org.athanor.orm.model.QuietWidget;
import org.athanor.orm.model.Widget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: @EntityListeners, session events and mapper events: order and count of calls per flush,
 * changes made in pre-callbacks and before_flush written, a throwing listener rolls the flush back.
 * Run on every database by the subclasses.
 */
public abstract class OrmEventsTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Widget.class, QuietWidget.class);
    static final Table WIDGETS = REGISTRY.table(Widget.class);
    static final Table QUIET = REGISTRY.table(QuietWidget.class);
    static final Column<String> NAME = ClassMapping.column(Widget.class, "name", String.class);
    static final Column<String> NOTE = ClassMapping.column(Widget.class, "note", String.class);
    static final Column<Integer> EDITS = ClassMapping.column(Widget.class, "edits", Integer.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @BeforeEach
    void empty() {
        Audited.EVENTS.clear();
        Audited.failOn = null;
    }

    /** Logs every session event as "session.<event>" and every mapper event as "<event>:name" to Audited.EVENTS. */
    static final class Recorder implements SessionListener, MapperListener<Audited> {
        @Override public void beforeFlush(Session session) { Audited.EVENTS.add("session.beforeFlush"); fail("beforeFlush"); }
        @Override public void afterFlush(Session session) { Audited.EVENTS.add("session.afterFlush"); fail("afterFlush"); }
        @Override public void afterCommit(Session session) { Audited.EVENTS.add("session.afterCommit"); }
        @Override public void afterRollback(Session session) { Audited.EVENTS.add("session.afterRollback"); }
        @Override public void afterAttach(Session session, Object entity) { Audited.log("session.afterAttach", entity); }
        @Override public void beforeInsert(Session session, Audited e) { Audited.log("beforeInsert", e); }
        @Override public void afterInsert(Session session, Audited e) { Audited.log("afterInsert", e); }
        @Override public void beforeUpdate(Session session, Audited e) { Audited.log("beforeUpdate", e); }
        @Override public void afterUpdate(Session session, Audited e) { Audited.log("afterUpdate", e); }
        @Override public void beforeDelete(Session session, Audited e) { Audited.log("beforeDelete", e); }
        @Override public void afterDelete(Session session, Audited e) { Audited.log("afterDelete", e); }

        private static void fail(String event) {
            if (("session." + event).equals(Audited.failOn)) throw new IllegalStateException(event + " failed");
        }
    }

    SessionFactory recorded() {
        Recorder r = new Recorder();
        return sessions.withListener(r).withListener(Audited.class, r);
    }

    private List<Row> rows(Table t) {
        return engine.fromTransaction(c -> c.execute(selectFrom(t)).all());
    }

    private List<String> names() {
        return engine.fromTransaction(c -> c.execute(selectFrom(WIDGETS).orderBy(NAME)).all()).stream()
                .map(r -> r.get(NAME)).toList();
    }

    @Test
    void entityListenersRunBeforeTheEntitysCallbacksAndTheirChangesAreWritten() {
        Widget w = new Widget("w");
        try (Session s = sessions.openSession()) {
            s.add(w);
            assertEquals(List.of("Audit.PrePersist:w", "Widget.PrePersist:w", "base.PrePersist:w", "PrePersist:w"), Audited.EVENTS,
                    "JPA's order: listeners (superclass's first), then callback methods (superclass's first)");
            Audited.EVENTS.clear();
            s.commit();
            assertEquals(List.of("Audit.PostPersist:w"), Audited.EVENTS);
        }
        Row r = rows(WIDGETS).get(0);
        assertEquals("listener", r.get(NOTE), "the listener's PrePersist change is inserted");
        Audited.EVENTS.clear();
        try (Session s = sessions.openSession()) {
            Widget l = s.get(Widget.class, w.getId());
            assertEquals(List.of("Audit.PostLoad:w"), Audited.EVENTS);
            Audited.EVENTS.clear();
            s.flush();
            assertEquals(List.of(), Audited.EVENTS, "a clean object: no PreUpdate");
            l.setName("w2");
            s.flush();
            assertEquals(List.of("Audit.PreUpdate:w2", "Widget.PreUpdate:w2", "PreUpdate:w2", "Audit.PostUpdate:w2"), Audited.EVENTS);
            s.commit();
        }
        assertEquals(1, rows(WIDGETS).get(0).get(EDITS), "the listener's PreUpdate change is written");
        Audited.EVENTS.clear();
        try (Session s = sessions.openSession()) {
            s.delete(s.get(Widget.class, w.getId()));
            s.flush();
            assertEquals(List.of("Audit.PostLoad:w2", "Audit.PreRemove:w2", "Audit.PostRemove:w2"), Audited.EVENTS);
            s.rollback();
        }
    }

    @Test
    void excludeSuperclassListenersDropsTheListenersNotTheCallbacks() {
        try (Session s = sessions.openSession()) {
            s.add(new QuietWidget("q"));
            s.commit();
        }
        assertEquals(List.of("base.PrePersist:q"), Audited.EVENTS);
        assertEquals(1, rows(QUIET).size());
    }

    @Test
    void columnsNotInsertableOrUpdatableAreLeftOutOfTheDml() {
        QuietWidget q = new QuietWidget("q");
        q.setOrigin("ignored");
        q.setCreatedBy("alice");
        try (Session s = sessions.openSession()) {
            s.add(q);
            s.commit();
        }
        Column<String> origin = ClassMapping.column(QuietWidget.class, "origin", String.class);
        Column<String> createdBy = ClassMapping.column(QuietWidget.class, "createdBy", String.class);
        Column<String> quietName = ClassMapping.column(QuietWidget.class, "name", String.class);
        Row r = rows(QUIET).get(0);
        assertNull(r.get(origin), "insertable = false: not in the INSERT");
        assertEquals("alice", r.get(createdBy));
        TestDb.tx(engine, c -> c.execute(org.athanor.core.sql.Sql.update(QUIET).set(origin, "db")));
        try (Session s = sessions.openSession()) {
            QuietWidget l = s.get(QuietWidget.class, q.getId());
            assertEquals("db", l.getOrigin(), "read like any column");
            l.setOrigin("changed");
            l.setCreatedBy("bob");
            assertTrue(s.getDirty().isEmpty(), "changes to columns that are not updatable make no object dirty");
            l.setName("q2");
            s.commit();
        }
        r = rows(QUIET).get(0);
        assertEquals(List.of("db", "alice", "q2"), List.of(r.get(origin), r.get(createdBy), r.get(quietName)),
                "updatable = false: not in the UPDATE");
    }

    @Test
    void sessionAndMapperEventsInOrderOncePerObjectAndFlush() {
        SessionFactory sessions = recorded();
        Widget a = new Widget("a"), b = new Widget("b");
        try (Session s = sessions.openSession()) {
            s.add(a);
            s.add(b);
            s.add(a); // already attached: not again
            assertEquals(List.of("Audit.PrePersist:a", "Widget.PrePersist:a", "base.PrePersist:a", "PrePersist:a", "session.afterAttach:a",
                    "Audit.PrePersist:b", "Widget.PrePersist:b", "base.PrePersist:b", "PrePersist:b", "session.afterAttach:b"), Audited.EVENTS);
            Audited.EVENTS.clear();
            s.flush();
            assertEquals(List.of("session.beforeFlush", "beforeInsert:a", "beforeInsert:b",
                    "Audit.PostPersist:a", "afterInsert:a", "Audit.PostPersist:b", "afterInsert:b", "session.afterFlush"), Audited.EVENTS);
            Audited.EVENTS.clear();
            a.setName("a2");
            s.delete(b);
            Audited.EVENTS.clear();
            s.flush();
            assertEquals(List.of("session.beforeFlush",
                    "Audit.PreUpdate:a2", "Widget.PreUpdate:a2", "PreUpdate:a2", "beforeUpdate:a2", "Audit.PostUpdate:a2", "afterUpdate:a2",
                    "beforeDelete:b", "Audit.PostRemove:b", "afterDelete:b", "session.afterFlush"), Audited.EVENTS);
            Audited.EVENTS.clear();
            s.commit();
            assertEquals(List.of("session.beforeFlush", "session.afterFlush", "session.afterCommit"), Audited.EVENTS,
                    "commit's flush has nothing to write: no mapper event");
        }
        Audited.EVENTS.clear();
        try (Session s = sessions.openSession()) {
            s.commit();
            assertEquals(List.of("session.afterCommit"), Audited.EVENTS, "a session holding nothing: no flush events");
            Audited.EVENTS.clear();
            s.get(Widget.class, a.getId());
            assertEquals(List.of("Audit.PostLoad:a2"), Audited.EVENTS, "loaded objects are not attach events");
            s.rollback();
            assertEquals(List.of("Audit.PostLoad:a2", "session.afterRollback"), Audited.EVENTS);
            Audited.EVENTS.clear();
            s.rollback();
            assertEquals(List.of(), Audited.EVENTS, "no database transaction: nothing rolled back");
            Widget detached = new Widget("d");
            Widget merged = s.merge(detached);
            assertEquals("session.afterAttach:d", Audited.EVENTS.get(Audited.EVENTS.size() - 1));
            assertSame(merged, s.getNew().get(0));
            Audited.EVENTS.clear();
            s.get(Widget.class, a.getId());
            s.close();
            assertEquals(List.of("Audit.PostLoad:a2", "session.afterRollback"), Audited.EVENTS, "close() without commit rolls back");
        }
        assertEquals(List.of("a2"), names());
    }

    @Test
    void changesMadeInBeforeFlushAndBeforeInsertOrUpdateAreWritten() {
        SessionFactory sessions = this.sessions.withListener(new SessionListener() {
            @Override public void beforeFlush(Session session) {
                for (Object o : session.getNew())
                    if (o instanceof Widget w && !w.getName().startsWith("log-")) session.add(new Widget("log-" + w.getName()));
            }
        }).withListener(Widget.class, new MapperListener<Widget>() {
            @Override public void beforeInsert(Session session, Widget w) { w.setNote("inserted by " + w.getName()); }
            @Override public void beforeUpdate(Session session, Widget w) {
                if (w.getName().equals("undo")) w.setName("y"); // undoes the name change: only the edits count is written
                else w.setNote("updated");
            }
        });
        Widget x;
        try (Session s = sessions.openSession()) {
            x = new Widget("x");
            s.add(x);
            s.commit();
        }
        assertEquals(List.of("log-x", "x"), names(), "the object added by beforeFlush was inserted by the same flush");
        try (Session s = sessions.openSession()) {
            Widget l = s.get(Widget.class, x.getId());
            assertEquals("inserted by x", l.getNote());
            assertNull(l.getEdits());
            l.setName("y");
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            Widget l = s.get(Widget.class, x.getId());
            assertEquals("updated", l.getNote(), "beforeUpdate's change is written");
            assertEquals("y", l.getName());
            assertEquals(1, l.getEdits(), "the listener class's PreUpdate ran once");
            l.setName("undo");
            Audited.EVENTS.clear();
            s.commit();
            assertTrue(Audited.EVENTS.contains("Widget.PreUpdate:undo"), Audited.EVENTS.toString());
        }
        try (Session s = sessions.openSession()) {
            Widget l = s.get(Widget.class, x.getId());
            assertEquals("y", l.getName(), "beforeUpdate undid the change");
            assertEquals(2, l.getEdits(), "what the PreUpdate listener changed is written with the other column");
        }
    }

    @Test
    void aThrowingListenerRollsTheFlushBackAndTheSessionIsUsableAfterRollback() {
        try (Session s = sessions.openSession()) {
            s.add(new Widget("kept"));
            s.commit();
        }
        SessionFactory sessions = recorded();
        for (String failing : List.of("beforeInsert:new", "afterInsert:new", "beforeUpdate:kept2", "afterUpdate:kept2",
                "session.beforeFlush", "session.afterFlush", "Audit.PostPersist:new")) {
            Audited.failOn = failing.contains(":") ? failing.substring(0, failing.indexOf(':')) : failing;
            Audited.EVENTS.clear();
            try (Session s = sessions.openSession()) {
                Widget k = s.query(Widget.class).filter(NAME.eq("kept")).one();
                k.setName("kept2");
                Widget n = new Widget("new");
                s.add(n);
                IllegalStateException e = assertThrows(IllegalStateException.class, s::flush, failing);
                assertTrue(e.getMessage().endsWith(" failed"), failing + ": the listener's own exception, got " + e);
                assertTrue(Audited.EVENTS.contains("session.afterRollback"), failing + ": " + Audited.EVENTS);
                assertThrows(IllegalStateException.class, () -> s.query(Widget.class).all(), "until rollback()");
                s.rollback();
                Audited.failOn = null;
                assertEquals(ObjectState.TRANSIENT, s.inspect(n).state(), failing);
                assertEquals(1, s.query(Widget.class).filter(NAME.eq("kept")).count(), failing + ": the UPDATE was rolled back");
                s.add(new Widget("after-" + failing.replace(':', '-').replace('.', '-')));
                s.commit();
            }
            List<String> names = names();
            assertTrue(names.contains("kept") && !names.contains("kept2") && !names.contains("new"),
                    failing + ": nothing of the failed flush was written: " + names);
        }
        assertEquals(8, names().size(), names().toString());
    }

    @Test
    void aMapperListenerMustNameAMappedClass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sessions.withListener(String.class, new MapperListener<String>() {}));
        assertEquals("withListener(java.lang.String, ...): no entity of the registry is a String; give a mapped entity class"
                + " (or a superclass or interface of some)", e.getMessage());
    }
}
