package org.athanor.orm;

import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.athanor.core.engine.Connection;
import org.athanor.core.error.ConfigurationError;
import org.athanor.core.schema.Sequence;
import org.athanor.core.type.SqlTypes;
import org.athanor.orm.mapping.MappingException;
import org.athanor.orm.model.Ticket;
import org.athanor.orm.processor.TestJavac;
import org.junit.jupiter.api.Test;

/**
 * GenerationType.SEQUENCE: the registry's MetaData holds the sequence, createAll creates it, and ids
 * are fetched with nextval before the INSERT where the database has sequences.
 */
class SequenceIdsTest {
    private static final Registry REGISTRY = Registry.of(Ticket.class);

    @Test
    void createAllCreatesTheSequenceAndIdsComeFromItOnPostgres() {
        // initialValue = 500 is the start; allocationSize = 50 is not used (one value per row), so the step is 1
        assertEquals(List.of(Sequence.of("ticket_seq").startWith(500)), REGISTRY.metadata().sequences());
        try (TestDb db = TestDb.postgres()) {
            REGISTRY.metadata().createAll(db.engine()); // no CREATE SEQUENCE by hand
            SessionFactory sessions = SessionFactory.of(db.engine(), REGISTRY);
            List<Ticket> tickets = new ArrayList<>();
            for (int i = 0; i < 60; i++) tickets.add(new Ticket("t" + i));
            try (Session s = sessions.openSession()) {
                s.addAll(tickets);
                s.commit();
            }
            for (int i = 0; i < tickets.size(); i++) assertEquals(500L + i, tickets.get(i).getId());
            REGISTRY.metadata().createAll(db.engine()); // IF NOT EXISTS: the sequence is not reset
            try (Session s = sessions.openSession()) {
                assertEquals("t59", s.get(Ticket.class, 559L).getSubject());
                Ticket more = new Ticket("t60");
                s.add(more);
                s.commit();
                assertEquals(560L, more.getId());
                assertEquals(61, s.query(Ticket.class).count());
            }
            REGISTRY.metadata().dropAll(db.engine());
            try (Connection c = db.engine().connect()) {
                assertNull(c.execute(select(func("to_regclass", SqlTypes.TEXT, param("ticket_seq")))).scalar(),
                        "dropAll drops the sequence");
            }
        }
    }

    /** MariaDB 10.3+ has sequences: the same ids as on PostgreSQL, from NEXT VALUE FOR. */
    @Test
    void createAllCreatesTheSequenceAndIdsComeFromItOnMariaDb() {
        try (TestDb db = TestDb.mariadb()) {
            REGISTRY.metadata().createAll(db.engine());
            SessionFactory sessions = SessionFactory.of(db.engine(), REGISTRY);
            List<Ticket> tickets = new ArrayList<>();
            for (int i = 0; i < 60; i++) tickets.add(new Ticket("t" + i));
            try (Session s = sessions.openSession()) {
                s.addAll(tickets);
                s.commit();
            }
            for (int i = 0; i < tickets.size(); i++) assertEquals(500L + i, tickets.get(i).getId());
            REGISTRY.metadata().createAll(db.engine()); // IF NOT EXISTS: the sequence is not reset
            try (Session s = sessions.openSession()) {
                assertEquals("t59", s.get(Ticket.class, 559L).getSubject());
                Ticket more = new Ticket("t60");
                s.add(more);
                s.commit();
                assertEquals(560L, more.getId());
            }
            REGISTRY.metadata().dropAll(db.engine());
        }
    }

    /** MySQL 8 has no sequences: SessionFactory.of names MySQL and IDENTITY (the server's version string is all it takes). */
    @Test
    void sequencesAreRefusedOnMySql8() {
        try (org.athanor.core.engine.Engine mysql8 = org.athanor.core.engine.Engine.of(
                serverReporting("8.0.36-0ubuntu0.22.04.1"), org.athanor.mysql.MysqlDialect.INSTANCE)) {
            assertEquals("MySQL", mysql8.dialect().name());
            ConfigurationError e = assertThrows(ConfigurationError.class, () -> SessionFactory.of(mysql8, REGISTRY));
            assertEquals("Ticket.id uses @GeneratedValue(strategy = SEQUENCE) but MySQL has no sequences; use IDENTITY there",
                    e.getMessage());
        }
    }

    /** A DataSource whose connections only report a server version (what the dialect's server detection reads). */
    private static javax.sql.DataSource serverReporting(String version) {
        java.lang.reflect.InvocationHandler meta = (proxy, m, args) -> switch (m.getName()) {
            case "getDatabaseProductVersion" -> version;
            case "getDatabaseProductName" -> "MySQL";
            default -> throw new UnsupportedOperationException(m.getName());
        };
        java.lang.reflect.InvocationHandler conn = (proxy, m, args) -> switch (m.getName()) {
            case "getMetaData" -> proxy(java.sql.DatabaseMetaData.class, meta);
            case "getAutoCommit" -> true;
            case "close" -> null;
            default -> throw new UnsupportedOperationException(m.getName());
        };
        return proxy(javax.sql.DataSource.class, (proxy, m, args) -> switch (m.getName()) {
            case "getConnection" -> proxy(java.sql.Connection.class, conn);
            default -> throw new UnsupportedOperationException(m.getName());
        });
    }

    private static <T> T proxy(Class<T> type, java.lang.reflect.InvocationHandler h) {
        return type.cast(java.lang.reflect.Proxy.newProxyInstance(SequenceIdsTest.class.getClassLoader(), new Class<?>[] {type}, h));
    }

    @Test
    void sequencesAreRefusedWhereTheDatabaseHasNone() {
        try (TestDb db = TestDb.sqlite()) {
            REGISTRY.metadata().createAll(db.engine()); // the sequence is skipped, the table created
            ConfigurationError e = assertThrows(ConfigurationError.class, () -> SessionFactory.of(db.engine(), REGISTRY));
            assertTrue(e.getMessage().contains("Ticket.id") && e.getMessage().contains("SEQUENCE"), e.getMessage());
        }
    }

    private static Registry registry(String pkg, String... entities) {
        StringBuilder src = new StringBuilder("package " + pkg + ";\nimport jakarta.persistence.*;\n");
        for (String e : entities) src.append(e).append('\n');
        TestJavac.Result r = TestJavac.compile(Map.of(pkg + ".A", src.toString()), false);
        assertTrue(r.success(), () -> r.errors().toString());
        List<Class<?>> classes = new ArrayList<>();
        for (String e : entities) classes.add(r.load(pkg + "." + e.replaceFirst("(?s).*?class (\\w+).*", "$1")));
        return Registry.of(classes.toArray(Class<?>[]::new));
    }

    @Test
    void entitiesMayShareASequenceThatIsAddedOnce() {
        Registry r = registry("seqs.shared",
                "@Entity @Table(name = \"a\") public class A { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"g\") "
                        + "@SequenceGenerator(name = \"g\", sequenceName = \"shared_seq\", initialValue = 7) Long id; }",
                "@Entity @Table(name = \"b\") class B { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"h\") "
                        + "@SequenceGenerator(name = \"h\", sequenceName = \"shared_seq\", initialValue = 7, allocationSize = 1) Long id; }",
                "@Entity @Table(name = \"c\") class C { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id; }",
                "@Entity @Table(name = \"d\") class D { @Id @GeneratedValue Long id; }");
        assertEquals(List.of(Sequence.of("shared_seq").startWith(7), Sequence.of("c_seq")), r.metadata().sequences());
        assertEquals(4, r.metadata().tables().size());
    }

    @Test
    void entitiesSharingASequenceMustAgreeOnItsStart() {
        MappingException e = assertThrows(MappingException.class, () -> registry("seqs.conflict",
                "@Entity @Table(name = \"a\") public class A { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"g\") "
                        + "@SequenceGenerator(name = \"g\", sequenceName = \"shared_seq\") Long id; }",
                "@Entity @Table(name = \"b\") class B { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"g\") "
                        + "@SequenceGenerator(name = \"g\", sequenceName = \"shared_seq\", initialValue = 100) Long id; }"));
        assertEquals("seqs.conflict.A.id and seqs.conflict.B.id share the sequence shared_seq but start it at 1 and 100 "
                + "(@SequenceGenerator initialValue); give them the same initialValue or different sequence names", e.getMessage());
    }
}
