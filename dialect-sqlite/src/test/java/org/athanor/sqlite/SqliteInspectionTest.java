package org.athanor.sqlite;

import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.inspect.ColumnInfo;
import org.athanor.core.inspect.ForeignKeyInfo;
import org.athanor.core.inspect.IndexInfo;
import org.athanor.core.inspect.Inspector;
import org.athanor.core.inspect.PrimaryKeyInfo;
import org.athanor.core.inspect.UniqueConstraintInfo;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.ReferentialAction;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Row;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** engine.inspect() and MetaData.reflect on a copy of the Chinook sample database and on Athanor-made tables. */
class SqliteInspectionTest {
    static final Path CHINOOK = Path.of("/work/shared/data/chinook/Chinook_Sqlite.sqlite");

    @TempDir Path dir;

    private Engine chinook() throws Exception {
        Path copy = dir.resolve("chinook.sqlite");
        Files.copy(CHINOOK, copy, StandardCopyOption.REPLACE_EXISTING); // never touch the shared file
        copy.toFile().setWritable(true);
        return Engine.create("sqlite:///" + copy);
    }

    @Test
    void inspectsChinook() throws Exception {
        try (Engine e = chinook()) {
            Inspector insp = e.inspect();
            assertEquals(List.of("Album", "Artist", "Customer", "Employee", "Genre", "Invoice", "InvoiceLine", "MediaType",
                    "Playlist", "PlaylistTrack", "Track"), insp.tableNames());
            List<ColumnInfo> track = insp.columns("Track");
            assertEquals(List.of("TrackId", "Name", "AlbumId", "MediaTypeId", "GenreId", "Composer", "Milliseconds", "Bytes", "UnitPrice"),
                    track.stream().map(ColumnInfo::name).toList());
            assertEquals(SqlTypes.varchar(200), track.get(1).type());
            assertFalse(track.get(1).nullable());
            assertTrue(track.get(5).nullable());
            assertEquals(SqlTypes.INTEGER, track.get(0).type());
            assertEquals(SqlTypes.numeric(10, 2), track.get(8).type());
            assertEquals(SqlTypes.TIMESTAMP, insp.columns("Invoice").get(2).type());
            assertEquals(new PrimaryKeyInfo(null, List.of("PlaylistId", "TrackId")).columns(), insp.primaryKey("PlaylistTrack").columns());
            assertEquals(List.of("TrackId"), insp.primaryKey("Track").columns());
            List<ForeignKeyInfo> fks = insp.foreignKeys("Track");
            assertEquals(3, fks.size());
            ForeignKeyInfo album = fks.stream().filter(f -> f.referredTable().equals("Album")).findFirst().orElseThrow();
            assertEquals(List.of("AlbumId"), album.columns());
            assertEquals(List.of("AlbumId"), album.referredColumns());
            assertEquals(ReferentialAction.NO_ACTION, album.onDelete());
            ForeignKeyInfo boss = insp.foreignKeys("Employee").get(0);
            assertEquals("Employee", boss.referredTable());
            assertEquals(List.of("ReportsTo"), boss.columns());
            List<IndexInfo> ix = insp.indexes("Track");
            assertEquals(List.of(new IndexInfo("IFK_TrackAlbumId", List.of("AlbumId"), false),
                    new IndexInfo("IFK_TrackGenreId", List.of("GenreId"), false),
                    new IndexInfo("IFK_TrackMediaTypeId", List.of("MediaTypeId"), false)), ix);
            assertTrue(insp.indexes("PlaylistTrack").stream().noneMatch(IndexInfo::unique), "the primary key's index is left out");
            assertEquals(List.of(), insp.uniqueConstraints("Track"));
            IllegalArgumentException err = assertThrows(IllegalArgumentException.class, () -> insp.columns("Nope"));
            assertTrue(err.getMessage().startsWith("no table 'Nope' to inspect; the tables are [Album, "), err.getMessage());
        }
    }

    @Test
    void reflectsChinookAndQueriesAtOnce() throws Exception {
        try (Engine e = chinook()) {
            MetaData md = MetaData.reflect(e);
            assertEquals(11, md.tables().size());
            Table artist = md.table("Artist"), album = md.table("Album"), track = md.table("Track");
            Table invoiceLine = md.table("InvoiceLine");
            // the join condition comes from the reflected foreign keys
            Column<String> artistName = artist.column("Name", String.class);
            Column<Integer> trackId = track.column("TrackId", Integer.class);
            Column<BigDecimal> price = invoiceLine.column("UnitPrice", BigDecimal.class);
            try (Connection c = e.connect()) {
                var top = c.execute(select(artistName, sum(price).as("revenue"))
                        .from(artist).join(album).join(track).join(invoiceLine)
                        .groupBy(artistName).orderBy(sum(price).desc(), artistName).limit(3)).all();
                assertEquals("Iron Maiden", top.get(0)._1);
                assertEquals(new BigDecimal("138.60"), top.get(0)._2);
                assertEquals(3, top.size());
                assertEquals(3503L, (Long) c.execute(select(count(trackId))).scalar());
                Table invoice = md.table("Invoice");
                Row first = c.execute(selectFrom(invoice).orderBy(invoice.column("InvoiceId")).limit(1)).one();
                assertEquals(LocalDateTime.of(2021, 1, 1, 0, 0), first.get("InvoiceDate"));
                // the self-referencing key of Employee joins through an alias
                Table emp = md.table("Employee"), boss = emp.as("boss");
                List<Row> reports = c.execute(select(emp.column("LastName"), boss.column("LastName"))
                        .from(emp).join(boss, emp.column("ReportsTo", Integer.class).eq(boss.column("EmployeeId", Integer.class)))
                        .where(boss.column("Title", String.class).eq("General Manager")).orderBy(emp.column("LastName"))
                        .withColumns(emp.column("LastName"), boss.column("LastName"))).all();
                assertEquals(List.of("Edwards", "Mitchell"), reports.stream().map(r -> r.get(0)).toList());
            }
            assertEquals(List.of("PlaylistId", "TrackId"), md.table("PlaylistTrack").primaryKeyColumns().stream().map(Column::name).toList());
            assertEquals(3, track.foreignKeys().size());
            assertEquals(3, track.indexes().size());
        }
    }

    @Test
    void athanorTablesRoundTrip() {
        try (Engine e = Engine.create("sqlite:///" + dir.resolve("own.db"))) {
            MetaData.of(USERS, POSTS).createAll(e);
            Inspector insp = e.inspect();
            assertEquals(List.of("posts", "users"), insp.tableNames());
            List<ColumnInfo> users = insp.columns("users");
            // the BIGINT autoincrement key is SQLite's INTEGER PRIMARY KEY
            assertEquals(List.of(SqlTypes.INTEGER.kind(), SqlTypes.varchar(50).kind(), SqlTypes.INTEGER.kind(), SqlTypes.VARCHAR.kind()),
                    users.stream().map(ci -> ci.type().kind()).toList());
            assertEquals(SqlTypes.varchar(50), users.get(1).type());
            assertTrue(users.get(0).autoincrement() || insp.primaryKey("users").columns().equals(List.of("id")));
            assertEquals(List.of(new UniqueConstraintInfo(null, List.of("email"))), insp.uniqueConstraints("users"));
            assertTrue(insp.indexes("users").contains(new IndexInfo("ix_users_age", List.of("age"), false)));
            ForeignKeyInfo fk = insp.foreignKeys("posts").get(0);
            assertEquals(List.of("user_id"), fk.columns());
            assertEquals("users", fk.referredTable());
            assertEquals(ReferentialAction.CASCADE, fk.onDelete());
            MetaData md = MetaData.reflect(e);
            Table users2 = md.table("users"), posts2 = md.table("posts");
            try (Connection c = e.connect()) {
                c.execute(insert(users2).set(users2.column("name", String.class), "Ann").set(users2.column("email", String.class), "a@x"));
                c.execute(insert(posts2).set(posts2.column("user_id", Long.class), 1L).set(posts2.column("title", String.class), "t"));
                assertEquals("Ann", c.execute(select(users2.column("name", String.class), posts2.column("title", String.class))
                        .from(users2).join(posts2)).one()._1);
            }
        }
    }

    @Test
    void inspectsAnInMemoryDatabaseThroughItsOneConnection() {
        try (Engine e = Engine.create("sqlite://")) {
            MetaData.of(USERS, POSTS).createAll(e);
            try (Connection c = e.connect()) {
                assertEquals(List.of("posts", "users"), c.inspect().tableNames());
                MetaData md = MetaData.reflect(c);
                Table users = md.table("users");
                c.execute(insert(users).set(users.column("name", String.class), "Bo"));
                assertEquals("Bo", c.execute(select(users.column("name", String.class))).one()._1);
            }
        }
    }
}
