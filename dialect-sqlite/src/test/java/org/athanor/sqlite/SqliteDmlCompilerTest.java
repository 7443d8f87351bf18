package org.athanor.sqlite;

import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.schema.Table.col;
import static org.athanor.core.sql.Sql.*;
import static org.athanor.sqlite.SqliteCompilerTest.assertSql;
import static org.athanor.sqlite.Tags.TAGS;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Insert;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.Test;

/** Exact SQLite SQL for INSERT, UPDATE, DELETE, RETURNING, and identifier quoting. */
class SqliteDmlCompilerTest {
    static final Table WEIRD = Table.of("order",
            col("id", SqlTypes.BIGINT, Table.Options.primaryKey()),
            col("Select", SqlTypes.INTEGER),
            col("my col", SqlTypes.TEXT),
            col("we\"ird", SqlTypes.TEXT),
            col("group", SqlTypes.TEXT),
            col("CamelCase", SqlTypes.TEXT));

    @Test
    void insertSingleRow() {
        assertSql("INSERT INTO users (name, age) VALUES (?, ?)", insert(USERS).set(USERS.NAME, "Alice").set(USERS.AGE, 30), "Alice", 30);
        // setting a column twice keeps its place and takes the last value
        assertSql("INSERT INTO users (name, age) VALUES (?, ?)",
                insert(USERS).set(USERS.NAME, "A").set(USERS.AGE, 1).set(USERS.NAME, "B"), "B", 1);
        assertSql("INSERT INTO users (name, age) VALUES (upper(?), ?)",
                insert(USERS).set(USERS.NAME, upper(param("a"))).set(USERS.AGE, param(3)), "a", 3);
    }

    @Test
    void insertManyRowsAsOneValuesList() {
        assertSql("INSERT INTO users (name, age) VALUES (?, ?), (?, ?), (?, ?)",
                insert(USERS).columns(USERS.NAME, USERS.AGE).values("a", 1).values("b", 2).values("c", null), "a", 1, "b", 2, "c", null);
        assertSql("INSERT INTO users (name, age) VALUES (?, ?), (?, ?)",
                insert(USERS).values(List.of(Insert.row(USERS.NAME, "a", USERS.AGE, 1), Insert.row(USERS.NAME, "b", USERS.AGE, 2))),
                "a", 1, "b", 2);
    }

    @Test
    void defaultValues() {
        assertSql("INSERT INTO users DEFAULT VALUES", insert(USERS).defaultValues());
        assertSql("INSERT INTO posts DEFAULT VALUES", insert(POSTS));
    }

    @Test
    void clientSideDefaultsAreFilledIn() {
        assertSql("INSERT INTO tags (label, color) VALUES (?, ?)", insert(TAGS).set(TAGS.LABEL, "x"), "x", "red");
        assertSql("INSERT INTO tags (label, color) VALUES (?, ?), (?, ?)",
                insert(TAGS).columns(TAGS.LABEL).values("a").values("b"), "a", "red", "b", "red");
        // a value given explicitly wins over the default, null included
        assertSql("INSERT INTO tags (label, color) VALUES (?, ?)", insert(TAGS).set(TAGS.LABEL, "x").set(TAGS.COLOR, "blue"), "x", "blue");
        assertSql("INSERT INTO tags (color, label) VALUES (?, ?)", insert(TAGS).set(TAGS.COLOR, (String) null).set(TAGS.LABEL, "x"), null, "x");
    }

    @Test
    void insertFromSelect() {
        assertSql("INSERT INTO tags (label) SELECT users.name FROM users WHERE users.age > ?",
                insert(TAGS).fromSelect(List.of(TAGS.LABEL), select(USERS.NAME).where(USERS.AGE.gt(3))), 3);
    }

    @Test
    void updateAndDelete() {
        assertSql("UPDATE users SET age = ? WHERE users.name = ?", update(USERS).set(USERS.AGE, 31).where(USERS.NAME.eq("Alice")), 31, "Alice");
        assertSql("UPDATE users SET age = users.age + ?, name = ?", update(USERS).set(USERS.AGE, USERS.AGE.plus(1)).set(USERS.NAME, "n"), 1, "n");
        assertSql("UPDATE users SET email = ? WHERE users.id IN (?, ?)", update(USERS).set(USERS.EMAIL, (String) null).where(USERS.ID.in(1L, 2L)), null, 1L, 2L);
        assertSql("DELETE FROM users WHERE users.age < ? AND users.name LIKE ?",
                deleteFrom(USERS).where(USERS.AGE.lt(18)).where(USERS.NAME.like("x%")), 18, "x%");
        assertSql("DELETE FROM users", deleteFrom(USERS));
    }

    @Test
    void subqueriesInUpdateAndDeleteCorrelateToTheTargetTable() {
        assertSql("DELETE FROM users WHERE NOT EXISTS (SELECT posts.id FROM posts WHERE posts.user_id = users.id)",
                deleteFrom(USERS).where(notExists(select(POSTS.ID).where(POSTS.USER_ID.eq(USERS.ID)))));
        assertSql("UPDATE users SET age = (SELECT count(posts.id) FROM posts WHERE posts.user_id = users.id)",
                update(USERS).set(USERS.AGE, select(count(POSTS.ID)).where(POSTS.USER_ID.eq(USERS.ID)).<Integer>scalarSubquery()));
    }

    @Test
    void returningOnEveryDmlStatement() {
        assertSql("INSERT INTO users (name) VALUES (?) RETURNING id, name", insert(USERS).set(USERS.NAME, "a").returning(USERS.ID, USERS.NAME), "a");
        assertSql("INSERT INTO users (name) VALUES (?), (?) RETURNING id",
                insert(USERS).columns(USERS.NAME).values("a").values("b").returning(USERS.ID), "a", "b");
        assertSql("UPDATE users SET age = ? WHERE users.id = ? RETURNING id, age AS new_age",
                update(USERS).set(USERS.AGE, 5).where(USERS.ID.eq(1L)).returning(USERS.ID, USERS.AGE.as("new_age")), 5, 1L);
        assertSql("DELETE FROM users WHERE users.id = ? RETURNING id, name",
                deleteFrom(USERS).where(USERS.ID.eq(9L)).returning(USERS.ID, USERS.NAME), 9L);
    }

    @Test
    void identifiersAreQuotedWhenReservedMixedCaseSpacedOrQuoted() {
        Column<Integer> select = WEIRD.column("Select", Integer.class);
        Column<String> space = WEIRD.column("my col", String.class);
        Column<String> quote = WEIRD.column("we\"ird", String.class);
        Column<String> group = WEIRD.column("group", String.class);
        Column<String> camel = WEIRD.column("CamelCase", String.class);
        assertSql("SELECT \"order\".id, \"order\".\"Select\", \"order\".\"my col\", \"order\".\"we\"\"ird\", \"order\".\"group\", "
                + "\"order\".\"CamelCase\" FROM \"order\"", selectFrom(WEIRD));
        assertSql("SELECT \"order\".\"group\" AS \"select\" FROM \"order\" WHERE \"order\".\"Select\" = ? ORDER BY \"select\"",
                select(group.as("select")).where(select.eq(1)).orderBy(group.as("select")), 1);
        assertSql("INSERT INTO \"order\" (\"my col\", \"we\"\"ird\", \"CamelCase\") VALUES (?, ?, ?)",
                insert(WEIRD).set(space, "a").set(quote, "b").set(camel, "c"), "a", "b", "c");
        assertSql("UPDATE \"order\" SET \"group\" = ? WHERE \"order\".\"my col\" IS NULL RETURNING \"Select\"",
                update(WEIRD).set(group, "g").where(space.isNull()).returning(select), "g");
        Table aliased = WEIRD.as("Weird Alias");
        assertSql("SELECT \"Weird Alias\".\"we\"\"ird\" FROM \"order\" AS \"Weird Alias\"", select(aliased.column("we\"ird")));
    }
}
