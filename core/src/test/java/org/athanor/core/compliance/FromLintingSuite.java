package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple1;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.FromLinting;
import org.athanor.core.error.CompileError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Select;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The from linter on a real database ({@code EngineOptions.fromLinting}): a SELECT filtering on a table it never
 * joins is the database's cartesian product — reported with the SQL by default (WARN), refused before it runs with
 * RAISE, unchecked with OFF — while the joined query and an explicit {@code crossJoin} are never reported. (The test
 * engines themselves run with RAISE: {@code TestDatabases.strict()}.)
 */
public abstract class FromLintingSuite extends ComplianceSuite {
    static final class Owners extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<String> NAME = column("name", varchar(20), notNull());
        Owners(String name) { super(name); }
    }

    static final class Notes extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<Long> OWNER = column("owner_id", BIGINT, notNull());
        final Column<String> TEXT = column("text", varchar(20), notNull());
        Notes(String name) { super(name); }
    }

    private Owners owners;
    private Notes notes;

    @BeforeEach
    void tables() {
        owners = new Owners(TestDatabases.uniqueName("fl_owner"));
        notes = new Notes(TestDatabases.uniqueName("fl_note"));
        create(owners, notes);
        commit(c -> {
            c.execute(insert(owners).columns(owners.ID, owners.NAME).values(1L, "ann").values(2L, "bo"));
            c.execute(insert(notes).columns(notes.ID, notes.OWNER, notes.TEXT).values(1L, 1L, "apple").values(2L, 1L, "apricot")
                    .values(3L, 2L, "banana"));
        });
    }

    /** Owners with a note starting with "a", the mistaken way: the notes table is filtered but never joined. */
    private Select<Tuple1<String>> unjoined() { return select(owners.NAME).where(notes.TEXT.like("a%")).orderBy(owners.NAME); }

    private Select<Tuple1<String>> joined() {
        return select(owners.NAME).from(owners.join(notes, notes.OWNER.eq(owners.ID))).where(notes.TEXT.like("a%")).orderBy(owners.NAME);
    }

    private String product() {
        return "cartesian product: FROM element(s) \"" + notes.name() + "\" linked to \"" + owners.name() + "\" by no JOIN, ON or "
                + "WHERE condition";
    }

    private static List<String> run(Engine e, Select<Tuple1<String>> q) {
        try (Connection c = e.connect()) {
            return c.execute(q).all().stream().map(t -> t._1).toList();
        }
    }

    private Engine with(FromLinting linting) { return Engine.of(engine().dataSource(), engine().dialect(), engine().options().fromLinting(linting)); }

    @Test
    void byDefaultTheProductRunsAndTheStatementCarriesTheWarning() {
        assertEquals(FromLinting.WARN, org.athanor.core.engine.EngineOptions.defaults().fromLinting(), "SQLAlchemy's default: warn");
        Engine warn = with(FromLinting.WARN);
        try {
            // every owner paired with each of the two "a" notes: what the database does with the mistaken query
            assertEquals(List.of("ann", "ann", "bo", "bo"), run(warn, unjoined()), db());
            List<String> w = warn.compile(unjoined()).warnings();
            assertEquals(1, w.size(), db() + ": " + w);
            assertTrue(w.get(0).startsWith(product()), w.get(0));
            assertEquals(List.of("ann", "ann"), run(warn, joined()), db() + ": one row per matching note");
            assertEquals(List.of(), warn.compile(joined()).warnings());
        } finally {
            warn.close();
        }
    }

    @Test
    void raiseRefusesTheProductBeforeItRunsAndLetsTheRestThrough() {
        Engine strict = with(FromLinting.RAISE);
        try {
            for (int attempt = 0; attempt < 2; attempt++) { // the refused shape is not cached: refused again
                CompileError e = assertThrows(CompileError.class, () -> run(strict, unjoined()), db());
                assertTrue(e.getMessage().startsWith(product()), e.getMessage());
                assertTrue(e.getMessage().contains("[SQL: SELECT "), e.getMessage());
            }
            assertEquals(List.of("ann", "ann"), run(strict, joined()));
            // an explicit cross join says every combination is meant
            Select<Tuple1<String>> cross = select(owners.NAME).from(owners.crossJoin(notes)).where(notes.TEXT.like("a%")).orderBy(owners.NAME);
            assertEquals(List.of("ann", "ann", "bo", "bo"), run(strict, cross), db());
            // a correlated EXISTS is the other right way: the subquery's FROM is its own
            Select<Tuple1<String>> exists = select(owners.NAME).where(exists(select(literal(1)).from(notes)
                    .where(notes.OWNER.eq(owners.ID), notes.TEXT.like("a%")))).orderBy(owners.NAME);
            assertEquals(List.of("ann"), run(strict, exists));
        } finally {
            strict.close();
        }
        assertEquals(List.of("ann", "ann"), run(engine(), joined()), "the shared data source is the test's still");
    }

    @Test
    void offSkipsTheCheck() {
        Engine off = with(FromLinting.OFF);
        try {
            assertEquals(List.of("ann", "ann", "bo", "bo"), run(off, unjoined()));
        } finally {
            off.close();
        }
    }
}
