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

    /** The dialect serves MySQL 8 too, which has no sequences: createAll/dropAll leave them out, even on MariaDB. */
    @Test
    void sequencesAreLeftOut() {
        MetaData md = MetaData.of(Users.USERS).add(Sequence.of("order_no"));
        assertEquals(List.of("CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT, name VARCHAR(50) NOT NULL, "
                        + "age INT, email VARCHAR(100), PRIMARY KEY (id), UNIQUE (email)) "
                        + "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin", "CREATE INDEX ix_users_age ON users (age)"),
                ddl.createStatements(md, false));
        assertEquals(List.of("DROP TABLE IF EXISTS users"), ddl.dropStatements(md, true));
        DdlCompiler maria = MysqlCompilerTest.MARIADB.ddl();
        assertEquals(maria.createStatements(MetaData.of(Users.USERS), true), maria.createStatements(md, true));
        assertEquals(List.of("DROP TABLE users"), maria.dropStatements(md, false));
        CompileError e = assertThrows(CompileError.class, () -> ddl.createSequence(Sequence.of("order_no"), true));
        assertEquals("MySQL/MariaDB has no sequences, so there is no CREATE SEQUENCE for order_no "
                + "(MetaData.createAll and dropAll skip sequences on such databases)", e.getMessage());
    }
}
