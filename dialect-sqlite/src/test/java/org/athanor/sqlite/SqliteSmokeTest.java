package org.athanor.sqlite;

import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple2;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.MetaData;
import org.junit.jupiter.api.Test;

class SqliteSmokeTest {
    @Test
    void endToEnd() {
        try (Engine engine = Engine.create("sqlite://")) {
            MetaData md = MetaData.of(USERS, POSTS);
            md.createAll(engine);
            try (Connection c = engine.connect()) {
                List<Long> ids = c.insertReturningKeys(insert(USERS).columns(USERS.NAME, USERS.AGE).values("Alice", 30).values("Bob", 25), USERS.ID);
                assertEquals(List.of(1L, 2L), ids);
                c.execute(insert(POSTS).set(POSTS.USER_ID, 1L).set(POSTS.TITLE, "Hello"));
                List<Tuple2<String, String>> rows = c.execute(select(USERS.NAME, POSTS.TITLE).join(POSTS)).all();
                assertEquals(List.of(new Tuple2<>("Alice", "Hello")), rows);
                assertEquals(1, c.execute(update(USERS).set(USERS.AGE, 31).where(USERS.NAME.eq("Alice"))));
                assertEquals(31, c.execute(select(USERS.AGE).where(USERS.ID.eq(1L))).one()._1);
                assertEquals(2L, (Long) c.execute(select(count()).from(USERS)).scalar());
                c.commit();
            }
        }
    }
}
