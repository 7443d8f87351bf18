package org.athanor.mysql;

import static org.athanor.core.schema.Table.Options.*;
import static org.athanor.core.schema.Table.col;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import org.athanor.core.dialect.DdlCompiler;
import org.athanor.core.error.CompileError;
import org.athanor.core.fixtures.Posts;
import org.athanor.core.fixtures.Users;
import org.athanor.core.schema.Index;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Sequence;
import org.athanor.core.schema.Table;
import org.junit.jupiter.api.Test;

/** Exact DDL; no database needed. */
class MysqlDdlTest {
    enum Mood { HAPPY, SAD }

    final DdlCompiler ddl = MysqlDialect.INSTANCE.ddl();

    @Test
    void createTableWithAutoIncrementAndTableOptions() {
        assertEquals(List.of("CREATE TABLE IF NOT EXISTS users (id BIGINT NOT NULL AUTO_INCREMENT, name VARCHAR(50) NOT NULL, "
                        + "age INT, email VARCHAR(100), PRIMARY KEY (id), UNIQUE (email)) "
                        + "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"),
                ddl.createTable(Users.USERS, true, Set.of()));
        assertEquals("CREATE TABLE posts (id BIGINT NOT NULL AUTO_INCREMENT, user_id BIGINT NOT NULL, title VARCHAR(200) NOT NULL, "
                        + "body LONGTEXT, PRIMARY KEY (id), FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE) "
                        + "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin",
                ddl.createTable(Posts.POSTS, false, Set.of()).get(0));
    }

    @Test
    void everyTypeSpelling() {
        Table t = Table.of("all_types", col("a", SMALLINT), col("b", INTEGER), col("c", BIGINT), col("d", BOOLEAN),
                col("e", varchar(10)), col("f", TEXT), col("g", numeric(38, 10)), col("h", NUMERIC), col("i", REAL),
                col("j", DOUBLE), col("k", DATE), col("l", TIME), col("m", TIMESTAMP), col("n", TIMESTAMPTZ), col("o", UUID),
                col("p", BYTES), col("q", JSON), col("r", enumOf(Mood.class)));
        assertEquals("CREATE TABLE all_types (a SMALLINT, b INT, c BIGINT, d TINYINT(1), e VARCHAR(10), f LONGTEXT, "
                        + "g DECIMAL(38, 10), h DECIMAL(65, 30), i DOUBLE, j DOUBLE, k DATE, l TIME(6), m DATETIME(6), "
                        + "n DATETIME(6), o CHAR(36), p LONGBLOB, q JSON, r ENUM('HAPPY', 'SAD')) "
                        + "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin",
                ddl.createTable(t, false, Set.of()).get(0));
    }

    @Test
    void varcharNeedsALength() {
        Table t = Table.of("no_len", col("v", VARCHAR));
        CompileError e = assertThrows(CompileError.class, () -> ddl.createTable(t, false, Set.of()));
        assertEquals("MySQL/MariaDB needs a length for VARCHAR columns: use varchar(n) or TEXT", e.getMessage());
    }

    @Test
    void indexesGivePrefixLengthsToTextAndBlobColumns() {
        Table t = Table.of("docs", col("id", BIGINT, primaryKey()), col("title", varchar(100)), col("body", TEXT),
                col("raw", BYTES), col("doc", JSON));
        assertEquals("CREATE INDEX ix_docs ON docs (title, body(255), raw(255), doc(255))",
                ddl.createIndex(new Index("ix_docs", t, List.of(t.column("title"), t.column("body"), t.column("raw"),
                        t.column("doc")), false), true));
        assertEquals("CREATE UNIQUE INDEX `select` ON docs (title)",
                ddl.createIndex(new Index("select", t, List.of(t.column("title")), true), false));
    }

    @Test
    void commentsAndReservedNames() {
        Table t = Table.of("order", col("key", INTEGER, primaryKey()), col("desc", varchar(5), serverDefault("'x'")));
        assertEquals("CREATE TABLE `order` (`key` INT NOT NULL, `desc` VARCHAR(5) DEFAULT 'x', PRIMARY KEY (`key`)) "
                + "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin", ddl.createTable(t, false, Set.of()).get(0));
        assertEquals("DROP TABLE IF EXISTS `order`", ddl.dropTable(t, true));
    }

    @Test
    void foreignKeysAddedByAlterAreNamedSoTheyCanBeDropped() {
        var fk = Posts.POSTS.foreignKeys().get(0);
        assertEquals("ALTER TABLE posts ADD CONSTRAINT fk_posts_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE",
                ddl.addForeignKey(fk));
        assertEquals(List.of("ALTER TABLE posts DROP FOREIGN KEY fk_posts_user_id"), ddl.dropForeignKey(fk));
        assertEquals("ALTER TABLE posts ADD CONSTRAINT fk_posts_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE",
                ddl.addForeignKey(fk, true), "MySQL 8 has no IF NOT EXISTS here");
        assertEquals("ALTER TABLE posts ADD CONSTRAINT fk_posts_user_id FOREIGN KEY IF NOT EXISTS (user_id) REFERENCES users (id) "
                + "ON DELETE CASCADE", MysqlCompilerTest.MARIADB.ddl().addForeignKey(fk, true));
        assertEquals(List.of("ALTER TABLE IF EXISTS posts DROP FOREIGN KEY IF EXISTS fk_posts_user_id"),
                MysqlCompilerTest.MARIADB.ddl().dropForeignKey(fk));
    }

    /** MySQL 8 has no sequences: createAll/dropAll leave them out, and asking for one names MySQL and AUTO_INCREMENT. */
    @Test
    void sequencesAreLeftOutOnMySql() {
        MetaData md = MetaData.of(Users.USERS).add(Sequence.of("order_no"));
        DdlCompiler mysql8 = MysqlCompilerTest.MYSQL8.ddl();
        assertEquals(List.of("CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT, name VARCHAR(50) NOT NULL, "
                        + "age INT, email VARCHAR(100), PRIMARY KEY (id), UNIQUE (email)) "
                        + "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin", "CREATE INDEX ix_users_age ON users (age)"),
                mysql8.createStatements(md, false));
        assertEquals(List.of("DROP TABLE IF EXISTS users"), mysql8.dropStatements(md, true));
        assertEquals(ddl.createStatements(MetaData.of(Users.USERS), true), ddl.createStatements(md, true), "before a server is known: none");
        CompileError e = assertThrows(CompileError.class, () -> mysql8.createSequence(Sequence.of("order_no"), true));
        assertEquals("MySQL has no sequences, so there is no CREATE SEQUENCE for order_no (MetaData.createAll and dropAll skip "
                + "sequences on such databases) (MariaDB has sequences from 10.3, MySQL none): use an AUTO_INCREMENT column there "
                + "(autoincrement() in Core, GenerationType.IDENTITY in the ORM)", e.getMessage());
        e = assertThrows(CompileError.class, () -> mysql8.dropSequence(Sequence.of("order_no"), true));
        assertTrue(e.getMessage().startsWith("MySQL has no sequences, so there is no DROP SEQUENCE for order_no"), e.getMessage());
    }

    /** MariaDB 10.3+ has sequences: createAll creates them before the tables, dropAll drops them after. */
    @Test
    void sequencesAreCreatedOnMariaDb() {
        MetaData md = MetaData.of(Users.USERS, Posts.POSTS).add(Sequence.of("order_no").startWith(1000).incrementBy(5));
        DdlCompiler maria = MysqlCompilerTest.MARIADB.ddl();
        List<String> create = maria.createStatements(md, true);
        assertEquals("CREATE SEQUENCE IF NOT EXISTS order_no START WITH 1000 INCREMENT BY 5", create.get(0));
        assertTrue(create.get(1).startsWith("CREATE TABLE IF NOT EXISTS users"), create.toString());
        List<String> drop = maria.dropStatements(md, true);
        assertEquals("DROP SEQUENCE IF EXISTS order_no", drop.get(drop.size() - 1));
        assertEquals("DROP SEQUENCE `select`", maria.dropSequence(Sequence.of("select"), false));
        DdlCompiler old = MysqlDialect.INSTANCE.adaptTo(ServerVersion.parse("5.5.5-10.2.44-MariaDB")).ddl();
        assertTrue(assertThrows(CompileError.class, () -> old.createSequence(Sequence.of("s"), false)).getMessage()
                .startsWith("MariaDB has no sequences"), "MariaDB 10.2 has none");
    }
}
