package org.athanor.examples;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.examples.Posts.POSTS;
import static org.athanor.examples.Users.USERS;

import io.vavr.Tuple2;
import io.vavr.Tuple3;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.MetaData;
import org.athanor.core.sql.Row;

/** The Core half of the quickstart: SQLAlchemy's Core tutorial, in Java. */
final class CoreTutorial {
    private CoreTutorial() {}

    static void run(Engine engine) {
        section("Create the tables (parents first)");
        MetaData metadata = MetaData.of(USERS, POSTS);
        metadata.createAll(engine);

        try (Connection conn = engine.connect()) {
            section("Insert one row, then many rows in one multi-row INSERT, ids returned");
            conn.execute(insert(USERS).set(USERS.NAME, "spongebob").set(USERS.FULLNAME, "Spongebob Squarepants").set(USERS.AGE, 22));
            List<Long> ids = conn.insertReturningKeys(insert(USERS).columns(USERS.NAME, USERS.FULLNAME, USERS.AGE)
                    .values("sandy", "Sandy Cheeks", 31)
                    .values("patrick", "Patrick Star", 28)
                    .values("squidward", "Squidward Tentacles", 40), USERS.ID);
            say("new ids: " + ids);
            conn.execute(insert(POSTS).columns(POSTS.USER_ID, POSTS.TITLE)
                    .values(1L, "Hello from Bikini Bottom")
                    .values(2L, "Karate tips")
                    .values(2L, "Life in a dome"));
            conn.commit();

            section("Filter, order, limit/offset");
            List<Tuple2<String, Integer>> adults = conn.execute(select(USERS.NAME, USERS.AGE)
                    .where(USERS.AGE.gt(25), USERS.NAME.startsWith("s"))
                    .orderBy(USERS.AGE.desc())
                    .limit(10).offset(0)).all();
            say("over 25, name starting with s: " + adults);

            section("A join: ON is inferred from the foreign key");
            List<Tuple2<String, String>> posts = conn.execute(select(USERS.NAME, POSTS.TITLE).join(POSTS)
                    .orderBy(POSTS.ID)).all();
            posts.forEach(p -> say(p._1 + " wrote \"" + p._2 + "\""));

            section("Aggregates with GROUP BY / HAVING");
            for (Tuple3<String, Long, Integer> r : conn.execute(select(USERS.NAME, count(POSTS.ID).as("posts"), max(USERS.AGE))
                    .join(POSTS).groupBy(USERS.NAME).having(count(POSTS.ID).ge(1L)).orderBy(USERS.NAME)).all())
                say(r._1 + ": " + r._2 + " post(s)");

            section("Update and delete");
            int updated = conn.execute(update(USERS).set(USERS.FULLNAME, "Patrick Q. Star").where(USERS.NAME.eq("patrick")));
            say(updated + " row updated");
            int deleted = conn.execute(deleteFrom(USERS).where(USERS.NAME.eq("squidward")));
            say(deleted + " row deleted");
            conn.commit();

            section("Read rows of a dynamic select as Row");
            for (Row row : conn.execute(selectFrom(USERS).orderBy(USERS.ID)).all())
                say(row.get(USERS.ID) + " " + row.get(USERS.NAME) + " (" + row.get("fullname") + ")");
            Long count = conn.scalar(select(count()).from(USERS));
            say(count + " users left");
        }
    }

    static void section(String title) { System.out.println("\n== " + title); }

    static void say(String line) { System.out.println("   " + line); }
}
