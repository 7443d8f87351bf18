package org.athanor.examples;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.athanor.examples.Posts.POSTS;
import static org.athanor.examples.Users.USERS;

import io.vavr.Tuple2;
import java.util.List;
import java.util.Map;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.NestedTransaction;
import org.athanor.core.schema.MetaData;

/** The README's Core guide, kept here so that the build proves it compiles; run by the quickstart. */
final class ReadmeSnippets {
    private ReadmeSnippets() {}

    static void coreGuide(String url) {
        try (Engine engine = Engine.create(url)) {
            MetaData.of(USERS, POSTS).createAll(engine);

            try (Connection conn = engine.connect()) {
                conn.execute(insert(USERS).set(USERS.NAME, "spongebob").set(USERS.AGE, 22));
                List<Long> ids = conn.insertReturningKeys(insert(USERS).columns(USERS.NAME, USERS.AGE)
                        .values("sandy", 31).values("patrick", 28), USERS.ID);
                conn.commit();

                List<Tuple2<String, Integer>> rows = conn.execute(select(USERS.NAME, USERS.AGE)
                        .where(USERS.AGE.gt(25), USERS.NAME.startsWith("s"))
                        .orderBy(USERS.AGE.desc())
                        .limit(10).offset(0)).all();

                conn.execute(select(USERS.NAME, POSTS.TITLE).join(POSTS)).all();
                conn.execute(update(USERS).set(USERS.FULLNAME, "Patrick Star").where(USERS.NAME.eq("patrick")));
                try (NestedTransaction sp = conn.beginNested()) {
                    conn.execute(deleteFrom(USERS).where(USERS.ID.in(1, 2, 3)));
                    sp.rollback();
                }
                conn.executeMany(update(USERS).set(USERS.AGE, bindParam("age", INTEGER)).where(USERS.ID.eq(bindParam("id", BIGINT))),
                        List.of(Map.of("age", 23, "id", ids.get(0)), Map.of("age", 32, "id", ids.get(1))));
                conn.commit();
                if (rows.isEmpty()) throw new IllegalStateException("the README's query found no rows");
            }
            engine.inTransaction(c -> { c.execute(insert(USERS).set(USERS.NAME, "gary")); });
        }
    }
}
