package org.athanor.migrations;

import static org.athanor.core.schema.Table.col;
import static org.athanor.core.schema.Table.Options.*;
import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.athanor.core.engine.Connection;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.ReferentialAction;
import org.athanor.core.schema.Table;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same scenario on every database: version 1 of a schema is generated from an empty database and
 * applied by Flyway; rows are added; version 2 changes every kind of thing the diff knows; the diff
 * finds each change, the generated V2 script is applied by Flyway, the rows survive, and the diff is
 * empty afterwards.
 */
abstract class MigrationScenario {
    abstract ScratchDatabase.Kind kind();

    ScratchDatabase db;
    @TempDir Path migrations;

    @BeforeEach void open() throws Exception { db = ScratchDatabase.open(kind()); }
    @AfterEach void close() throws Exception { if (db != null) db.close(); }

    /** Version 1. */
    static MetaData v1() {
        Table authors = Table.of("authors",
                col("id", BIGINT, primaryKey(), autoincrement()),
                col("name", varchar(50), notNull()),
                col("email", varchar(100)),
                col("nickname", varchar(40)),
                col("legacy", varchar(20)));
        Table.addUnique(authors, "uq_authors_email", List.of(authors.column("email")));
        Table books = Table.of("books",
                col("id", BIGINT, primaryKey(), autoincrement()),
                col("author_id", BIGINT, notNull(), references(() -> authors.column("id"))),
                col("translator_id", BIGINT, references(() -> authors.column("id")).named("fk_books_translator")),
                col("title", varchar(100), notNull()),
                col("isbn", varchar(20)));
        Table.addIndex(books, "ix_books_title", List.of(books.column("title")), false);
        Table tags = Table.of("tags", col("name", varchar(30), notNull()), col("label", varchar(30), notNull()));
        Table.addPrimaryKey(tags, List.of(tags.column("name")));
        Table obsolete = Table.of("obsolete", col("id", INTEGER, primaryKey()));
        return MetaData.of(authors, books, tags, obsolete);
    }

    /** Version 2: one of each kind of change. */
    static MetaData v2() {
        Table authors = Table.of("authors",
                col("id", BIGINT, primaryKey(), autoincrement()),
                col("name", varchar(80), notNull()),                     // type changed
                col("email", varchar(100), notNull()),                   // nullability changed
                col("nickname", varchar(40), serverDefault("'anon'")),   // default changed
                col("age", INTEGER));                                     // added; "legacy" removed
        Table.addUnique(authors, "uq_authors_name", List.of(authors.column("name"))); // unique added; email's removed
        Table books = Table.of("books",
                col("id", BIGINT, primaryKey(), autoincrement()),
                col("author_id", BIGINT, notNull(), references(() -> authors.column("id")).onDelete(ReferentialAction.CASCADE)), // FK changed
                col("translator_id", BIGINT),                              // FK removed
                col("editor_id", BIGINT, references(() -> authors.column("id"))), // column + FK added
                col("title", varchar(100), notNull()),
                col("isbn", varchar(20)));
        Table.addIndex(books, "ix_books_isbn", List.of(books.column("isbn")), false); // index added; title's removed
        Table tags = Table.of("tags", col("name", varchar(30), notNull()), col("label", varchar(30), notNull()));
        Table.addPrimaryKey(tags, List.of(tags.column("name"), tags.column("label"))); // primary key changed
        Table reviews = Table.of("reviews",                               // table added; "obsolete" removed
                col("id", BIGINT, primaryKey(), autoincrement()),
                col("book_id", BIGINT, notNull(), references(() -> books.column("id"))),
                col("stars", SMALLINT, notNull(), serverDefault("3")));
        return MetaData.of(authors, books, tags, reviews);
    }

    private Path migrate() {
        Flyway.configure().dataSource(db.engine.dataSource()).locations("filesystem:" + migrations.toAbsolutePath()).load().migrate();
        return migrations;
    }

    private static <C extends SchemaChange> void has(SchemaDiff diff, Class<C> kind, Predicate<C> which, String what) {
        assertTrue(diff.changes(kind).stream().anyMatch(which), () -> "expected " + what + " in\n" + diff);
    }

    @Test
    void everyKindOfChangeIsFoundScriptedAppliedByFlywayAndGone() throws Exception {
        MetaData v1 = v1();
        SchemaDiff initial = SchemaDiff.compare(v1, db.engine);
        assertEquals(4, initial.changes(SchemaChange.TableAdded.class).size(), initial::toString);
        Path first = MigrationScript.from(initial).writeTo(migrations, "initial schema");
        assertEquals("V1__initial_schema.sql", first.getFileName().toString());
        migrate();
        SchemaDiff none = SchemaDiff.compare(v1, db.engine);
        assertTrue(none.isEmpty(), () -> "after V1:\n" + none + "\n" + MigrationScript.from(none).render());
        SchemaValidator.validate(v1, db.engine);

        Table a1 = v1.table("authors"), b1 = v1.table("books"), t1 = v1.table("tags");
        db.engine.inTransaction(c -> {
            c.execute(insert(a1).columns(a1.column("name"), a1.column("email")).values("Ada", "ada@example.org").values("Bo", "bo@example.org"));
            long ada = c.scalar(select(a1.column("id", Long.class)).from(a1).where(a1.column("name", String.class).eq("Ada")));
            c.execute(insert(b1).columns(b1.column("author_id"), b1.column("title"), b1.column("isbn")).values(ada, "Notes", "1"));
            c.execute(insert(t1).columns(t1.column("name"), t1.column("label")).values("x", "y"));
        });

        MetaData v2 = v2();
        SchemaDiff diff = SchemaDiff.compare(v2, db.engine);
        has(diff, SchemaChange.TableAdded.class, c -> c.tableName().equals("reviews"), "table reviews added");
        has(diff, SchemaChange.TableRemoved.class, c -> c.tableName().equals("obsolete"), "table obsolete removed");
        has(diff, SchemaChange.ColumnAdded.class, c -> c.column().name().equals("age"), "column age added");
        has(diff, SchemaChange.ColumnRemoved.class, c -> c.column().name().equals("legacy"), "column legacy removed");
        has(diff, SchemaChange.ColumnChanged.class, c -> c.column().name().equals("name") && c.aspects().equals(java.util.Set.of(SchemaChange.Aspect.TYPE)), "type of name");
        has(diff, SchemaChange.ColumnChanged.class, c -> c.column().name().equals("email") && c.aspects().equals(java.util.Set.of(SchemaChange.Aspect.NULLABLE)), "nullability of email");
        has(diff, SchemaChange.ColumnChanged.class, c -> c.column().name().equals("nickname") && c.aspects().equals(java.util.Set.of(SchemaChange.Aspect.DEFAULT)), "default of nickname");
        has(diff, SchemaChange.PrimaryKeyChanged.class, c -> c.tableName().equals("tags"), "primary key of tags");
        has(diff, SchemaChange.ForeignKeyChanged.class, c -> c.foreignKey().columns().get(0).name().equals("author_id"), "books.author_id ON DELETE");
        has(diff, SchemaChange.ForeignKeyRemoved.class, c -> c.database().columns().equals(List.of("translator_id")), "books.translator_id FK removed");
        has(diff, SchemaChange.ForeignKeyAdded.class, c -> c.foreignKey().columns().get(0).name().equals("editor_id"), "books.editor_id FK added");
        has(diff, SchemaChange.IndexAdded.class, c -> c.index().name().equals("ix_books_isbn"), "index on isbn added");
        has(diff, SchemaChange.IndexRemoved.class, c -> c.database().columns().equals(List.of("title")), "index on title removed");
        has(diff, SchemaChange.UniqueAdded.class, c -> c.columns().get(0).name().equals("name"), "unique name added");
        has(diff, SchemaChange.UniqueRemoved.class, c -> c.columns().equals(List.of("email")), "unique email removed");

        SchemaValidationException e = assertThrows(SchemaValidationException.class, () -> SchemaValidator.validate(v2, db.engine));
        assertTrue(e.getMessage().contains("column \"authors\".\"legacy\" (") && e.getMessage().contains("is in the database but not in the model"), e.getMessage());
        assertTrue(e.getMessage().contains("table \"reviews\" is missing from the database"), e.getMessage());

        MigrationScript script = MigrationScript.from(diff);
        Path second = script.writeTo(migrations, "Authors: age, reviews!");
        assertEquals("V2__authors_age_reviews.sql", second.getFileName().toString());
        String text = Files.readString(second);
        assertTrue(text.startsWith("-- generated by Athanor"), text);
        assertEquals(kind() == ScratchDatabase.Kind.SQLITE, script.runsOutsideTransaction());
        if (kind() == ScratchDatabase.Kind.SQLITE) assertTrue(text.contains("RENAME TO"), text);
        migrate();

        SchemaDiff after = SchemaDiff.compare(v2, db.engine);
        assertTrue(after.isEmpty(), () -> "after V2:\n" + after + "\nscript was:\n" + text);
        SchemaValidator.validate(v2, db.engine);

        Table a2 = v2.table("authors"), b2 = v2.table("books");
        try (Connection c = db.engine.connect()) {
            assertEquals(2L, c.scalar(select(count()).from(a2)).longValue());
            assertEquals(List.of("Notes"), c.execute(select(b2.column("title", String.class)).from(b2)).all().stream().map(t -> t._1()).toList());
            c.execute(insert(a2).columns(a2.column("name"), a2.column("email")).values("Cy", "cy@example.org"));
            assertEquals("anon", c.scalar(select(a2.column("nickname", String.class)).from(a2).where(a2.column("name", String.class).eq("Cy"))));
        }
    }

    /** No false differences on a real schema: Chinook (mixed case, NUMERIC, TIMESTAMP, composite keys) right after createAll. */
    @Test
    void chinookMatchesItselfAfterCreateAll() throws Exception {
        Path copy = migrations.resolve("chinook.sqlite");
        Files.copy(Path.of("/work/shared/data/chinook/Chinook_Sqlite.sqlite"), copy);
        copy.toFile().setWritable(true);
        MetaData chinook;
        try (var source = org.athanor.core.engine.Engine.create("sqlite:///" + copy)) {
            chinook = MetaData.reflect(source);
            if (kind() == ScratchDatabase.Kind.SQLITE) {
                SchemaDiff self = SchemaDiff.compare(chinook, source);
                assertTrue(self.isEmpty(), self::toString);
            }
        }
        chinook.createAll(db.engine, false);
        SchemaDiff diff = SchemaDiff.compare(chinook, db.engine);
        assertTrue(diff.isEmpty(), diff::toString);
        SchemaValidator.validateStrict(chinook, db.engine);
    }

    @Test
    void validateAcceptsExtraTablesUnlessStrict() {
        MetaData v1 = v1();
        v1.createAll(db.engine);
        MetaData part = MetaData.of(v1.table("tags"));
        SchemaValidator.validate(part, db.engine);
        SchemaValidationException e = assertThrows(SchemaValidationException.class, () -> SchemaValidator.validateStrict(part, db.engine));
        assertTrue(e.diff().changes(SchemaChange.TableRemoved.class).size() == 3, e::getMessage);
    }
}
