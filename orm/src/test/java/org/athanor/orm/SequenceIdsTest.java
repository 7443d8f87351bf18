package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.error.ConfigurationError;
import org.athanor.orm.model.Ticket;
import org.junit.jupiter.api.Test;

/** GenerationType.SEQUENCE: ids fetched with nextval before the INSERT where the database has sequences. */
class SequenceIdsTest {
    private static final Registry REGISTRY = Registry.of(Ticket.class);

    @Test
    void idsComeFromTheSequenceOnPostgres() {
        try (TestDb db = TestDb.postgres()) {
            TestDb.tx(db.engine(), c -> c.executeSql("CREATE SEQUENCE ticket_seq START WITH 500"));
            REGISTRY.metadata().createAll(db.engine());
            SessionFactory sessions = SessionFactory.of(db.engine(), REGISTRY);
            List<Ticket> tickets = new ArrayList<>();
            for (int i = 0; i < 60; i++) tickets.add(new Ticket("t" + i));
            try (Session s = sessions.openSession()) {
                s.addAll(tickets);
                s.commit();
            }
            for (int i = 0; i < tickets.size(); i++) assertEquals(500L + i, tickets.get(i).getId());
            try (Session s = sessions.openSession()) {
                assertEquals("t59", s.get(Ticket.class, 559L).getSubject());
                assertEquals(60, s.query(Ticket.class).count());
            }
        }
    }

    @Test
    void sequencesAreRefusedWhereTheDatabaseHasNone() {
        try (TestDb db = TestDb.sqlite()) {
            ConfigurationError e = assertThrows(ConfigurationError.class, () -> SessionFactory.of(db.engine(), REGISTRY));
            assertTrue(e.getMessage().contains("Ticket.id") && e.getMessage().contains("SEQUENCE"), e.getMessage());
        }
    }
}
