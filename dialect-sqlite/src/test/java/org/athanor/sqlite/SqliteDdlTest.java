package org.athanor.sqlite;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.ReferentialAction;
import org.athanor.core.schema.Table;
import org.junit.jupiter.api.Test;

/** SQLite DDL for the schema options (composite keys, actions, checks, uniques, indexes, enums, defaults), and that SQLite enforces them. */
class SqliteDdlTest {
    enum Role { ADMIN, GUEST }

    static final class Memberships extends Table {
        static final Memberships MEMBERSHIPS = new Memberships();
        final Column<Long> USER_ID = column("user_id", BIGINT, references(USERS.ID).onDelete(ReferentialAction.CASCADE)
                .onUpdate(ReferentialAction.RESTRICT).named("fk_member_user"));
        final Column<String> GROUP = column("group", varchar(30));
        final Column<Role> ROLE = column("role", enumOf(Role.class), notNull(), serverDefault("'GUEST'"));
        final Column<Integer> RANK = column("rank", INTEGER, check("rank >= 0"));
        final Column<String> CODE = column("code", TEXT);

        private Memberships() {
            super("memberships");
            primaryKey(USER_ID, GROUP);
            uniqueConstraint("uq_member_code", CODE);
            uniqueIndex("ux_member_rank", GROUP, RANK);
            check("ck_code_len", "length(code) <= 8");
        }
    }

    static final Memberships M = Memberships.MEMBERSHIPS;

    @Test
    void createTableSpellsEveryOption() {
        var ddl = SqliteDialect.INSTANCE.ddl();
        assertEquals(List.of("CREATE TABLE memberships (user_id BIGINT NOT NULL, \"group\" VARCHAR(30) NOT NULL, "
                        + "role VARCHAR(5) DEFAULT 'GUEST' NOT NULL CHECK (role IN ('ADMIN', 'GUEST')), rank INTEGER CHECK (rank >= 0), code TEXT, "
                        + "PRIMARY KEY (user_id, \"group\"), CONSTRAINT uq_member_code UNIQUE (code), "
                        + "CONSTRAINT fk_member_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE RESTRICT, "
                        + "CONSTRAINT ck_code_len CHECK (length(code) <= 8))"),
                ddl.createTable(M, false, Set.of()));
        assertEquals("CREATE UNIQUE INDEX IF NOT EXISTS ux_member_rank ON memberships (\"group\", rank)", ddl.createIndex(M.indexes().get(0), true));
        assertEquals("DROP TABLE memberships", ddl.dropTable(M, false));
        assertEquals(List.of(M.USER_ID, M.GROUP), M.primaryKeyColumns());
    }

    @Test
    void sqliteEnforcesWhatTheDdlDeclares() {
        try (Engine engine = Engine.create("sqlite://")) {
            MetaData.of(M, USERS).createAll(engine);
            try (Connection c = engine.connect()) {
                long uid = c.insertReturningKeys(insert(USERS).set(USERS.NAME, "u"), USERS.ID).get(0);
                c.execute(insert(M).set(M.USER_ID, uid).set(M.GROUP, "g").set(M.RANK, 1).set(M.CODE, "a"));
                assertEquals(Role.GUEST, c.execute(select(M.ROLE)).one()._1, "server default");
                assertThrows(IntegrityError.class, () -> c.execute(insert(M).set(M.USER_ID, uid).set(M.GROUP, "g").set(M.RANK, 2)), "composite key");
                assertThrows(IntegrityError.class, () -> c.execute(insert(M).set(M.USER_ID, uid).set(M.GROUP, "h").set(M.CODE, "a")), "unique constraint");
                assertThrows(IntegrityError.class, () -> c.execute(insert(M).set(M.USER_ID, uid).set(M.GROUP, "g2").set(M.RANK, -1)), "column check");
                assertThrows(IntegrityError.class, () -> c.execute(insert(M).set(M.USER_ID, uid).set(M.GROUP, "g3").set(M.CODE, "123456789")), "table check");
                assertThrows(IntegrityError.class, () -> c.execute(text("INSERT INTO memberships (user_id, \"group\", role) VALUES (:u, 'x', 'ROOT')").bind("u", uid)), "enum check");
                c.execute(insert(M).set(M.USER_ID, uid).set(M.GROUP, "k").set(M.RANK, 5));
                long uid2 = c.insertReturningKeys(insert(USERS).set(USERS.NAME, "v"), USERS.ID).get(0);
                IntegrityError ix = assertThrows(IntegrityError.class, () -> c.execute(insert(M).set(M.USER_ID, uid2).set(M.GROUP, "k").set(M.RANK, 5)));
                assertTrue(ix.getMessage().contains("UNIQUE constraint failed: memberships.group, memberships.rank"), ix.getMessage());
                c.execute(deleteFrom(USERS).where(USERS.ID.eq(uid2)));
                assertThrows(IntegrityError.class, () -> c.execute(update(USERS).set(USERS.ID, 99L)), "ON UPDATE RESTRICT");
                assertEquals(1, c.execute(deleteFrom(USERS)));
                assertEquals(0L, (Long) c.execute(select(count()).from(M)).scalar(), "ON DELETE CASCADE");
            }
        }
    }
}
