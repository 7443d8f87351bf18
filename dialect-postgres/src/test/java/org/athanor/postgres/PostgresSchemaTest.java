package org.athanor.postgres;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.core.error.DatabaseError;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.ReferentialAction;
import org.athanor.core.schema.Sequence;
import org.athanor.core.schema.Table;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/** createAll/dropAll with cycles and sequences, constraints enforced, identity columns, and the URL forms, on a live server. */
class PostgresSchemaTest {
    @Test
    void createAllAndDropAllWithACycleOfForeignKeys() {
        Table[] holder = new Table[2];
        Table dept = Table.of(TestDatabases.uniqueName("pg_dept"),
                Table.col("id", BIGINT, Table.Options.primaryKey(), Table.Options.autoincrement()),
                Table.col("manager_id", BIGINT, Table.Options.references(() -> holder[1].column("id"))),
                Table.col("code", varchar(10), Table.Options.unique()));
        Table emp = Table.of(TestDatabases.uniqueName("pg_emp"),
                Table.col("id", BIGINT, Table.Options.primaryKey(), Table.Options.autoincrement()),
                Table.col("dept_id", BIGINT, Table.Options.notNull(), Table.Options.index(),
                        Table.Options.references(dept.column("id")).onDelete(ReferentialAction.CASCADE)));
        holder[0] = dept;
        holder[1] = emp;
        MetaData md = MetaData.of(dept, emp);
        try (Engine engine = TestDatabases.postgres()) {
            try {
                md.createAll(engine);
                md.createAll(engine); // IF NOT EXISTS everywhere, including the index and the ALTER-added key
                try (Connection c = engine.connect()) {
                    long d = c.insertReturningKeys(insert(dept).set(dept.column("code", String.class), "R&D"), dept.column("id", Long.class)).get(0);
                    long e = c.insertReturningKeys(insert(emp).set(emp.column("dept_id", Long.class), d), emp.column("id", Long.class)).get(0);
                    c.execute(update(dept).set(dept.column("manager_id", Long.class), e));
                    c.commit();
                    IntegrityError badManager = assertThrows(IntegrityError.class,
                            () -> c.execute(update(dept).set(dept.column("manager_id", Long.class), e + 1000)));
                    assertEquals("23503", badManager.sqlState(), "the foreign key added by ALTER is enforced");
                    c.rollback();
                    IntegrityError dupCode = assertThrows(IntegrityError.class,
                            () -> c.execute(insert(dept).set(dept.column("code", String.class), "R&D")));
                    assertEquals("23505", dupCode.sqlState());
                    c.rollback();
                    assertNotNull(c.execute(select(func("to_regclass", TEXT, param("ix_" + emp.name() + "_dept_id")))).scalar());
                }
            } finally {
                md.dropAll(engine);
            }
            md.dropAll(engine); // IF EXISTS: dropping what is gone is fine
            try (Connection c = engine.connect()) {
                assertNull(c.execute(select(func("to_regclass", TEXT, param(dept.name())))).scalar());
            }
        }
    }

    @Test
    void createAllCreatesSequencesBeforeTheTablesThatUseThem() {
        Sequence seq = Sequence.of(TestDatabases.uniqueName("Pg_Order_No")).startWith(1000).incrementBy(5); // mixed case: quoted
        String quoted = PostgresDialect.INSTANCE.quoteIdentifier(seq.name());
        Table orders = Table.of(TestDatabases.uniqueName("pg_orders"),
                Table.col("no", BIGINT, Table.Options.primaryKey(), Table.Options.serverDefault("nextval('" + quoted + "')")),
                Table.col("item", varchar(20)));
        MetaData md = MetaData.of(orders).add(seq);
        try (Engine engine = TestDatabases.postgres()) {
            try {
                md.createAll(engine); // the column default needs the sequence: it must come first
                try (Connection c = engine.connect()) {
                    c.execute(insert(orders).set(orders.column("item", String.class), "book"));
                    c.commit();
                }
                md.createAll(engine); // IF NOT EXISTS: the sequence keeps its position
                try (Connection c = engine.connect()) {
                    assertEquals(1005L, (Long) c.execute(select(Sequences.nextval(seq))).scalar());
                    c.execute(insert(orders).set(orders.column("item", String.class), "pen"));
                    assertEquals(List.of(1000L, 1010L), c.execute(select(orders.column("no", Long.class)).orderBy(orders.column("no")))
                            .all().stream().map(t -> t._1).toList());
                    c.commit();
                }
                DatabaseError again = assertThrows(DatabaseError.class, () -> md.createAll(engine, false));
                assertTrue(again.sql().startsWith("CREATE SEQUENCE " + quoted), again.sql());
            } finally {
                md.dropAll(engine); // the table first: its default depends on the sequence
            }
            try (Connection c = engine.connect()) {
                assertNull(c.execute(select(func("to_regclass", TEXT, param(quoted)))).scalar(), "dropAll drops the sequence");
                assertNull(c.execute(select(func("to_regclass", TEXT, param(orders.name())))).scalar());
            }
            md.dropAll(engine); // IF EXISTS
            DatabaseError gone = assertThrows(DatabaseError.class, () -> md.dropAll(engine, false));
            assertTrue(gone.sql().startsWith("DROP TABLE"), gone.sql());
        }
    }

    @Test
    void identityColumnsAcceptExplicitIds() {
        Table t = Table.of(TestDatabases.uniqueName("pg_ident"),
                Table.col("id", INTEGER, Table.Options.primaryKey(), Table.Options.autoincrement()),
                Table.col("name", TEXT));
        MetaData md = MetaData.of(t);
        try (Engine engine = TestDatabases.postgres()) {
            md.createAll(engine);
            try (Connection c = engine.connect()) {
                var id = t.column("id", Integer.class);
                var name = t.column("name", String.class);
                c.execute(insert(t).set(id, 100).set(name, "explicit"));
                List<Integer> generated = c.insertReturningKeys(insert(t).columns(name).values("a").values("b"), id);
                assertEquals(2, generated.size());
                assertTrue(generated.containsAll(List.of(1, 2)), "generated: " + generated);
                assertEquals(1L, (Long) c.execute(insert(t).defaultValues().returning(id)).all().stream().count());
            } finally {
                md.dropAll(engine);
            }
        }
    }

    @Test
    void everyUrlFormConnects() {
        String base = TestDatabases.postgresUrl();
        org.athanor.core.dialect.DatabaseUrl u = org.athanor.core.dialect.DatabaseUrl.parse(base);
        org.junit.jupiter.api.Assumptions.assumeFalse(u.jdbc(), "the configured test URL is a JDBC URL; the other forms need its parts");
        String auth = (u.user() == null ? "" : u.user() + (u.password() == null ? "" : ":" + u.password()) + "@");
        String hostPort = (u.host() == null ? "localhost" : u.host()) + ":" + (u.port() == null ? 5432 : u.port());
        String db = u.database() == null ? "" : u.database();
        List<String> urls = List.of("postgresql://" + auth + hostPort + "/" + db, "postgres://" + auth + hostPort + "/" + db,
                "postgresql+jdbc://" + auth + hostPort + "/" + db + "?ApplicationName=athanor-test",
                "jdbc:postgresql://" + hostPort + "/" + db + (u.user() == null ? "" : "?user=" + u.user())
                        + (u.password() == null ? "" : "&password=" + u.password()));
        for (String url : urls) {
            try (Engine e = TestDatabases.server("PostgreSQL", url, EngineOptions.defaults().poolSize(1))) {
                assertInstanceOf(PostgresDialect.class, e.dialect(), url);
                try (Connection c = e.connect()) {
                    assertEquals(42, (Integer) c.execute(select(literal(42))).scalar(), url);
                }
            }
        }
    }
}
