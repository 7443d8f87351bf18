package org.athanor.examples.readme;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.athanor.examples.readme.Posts.POSTS;
import static org.athanor.examples.readme.Users.USERS;

import io.vavr.Tuple2;
import java.util.List;
import java.util.Map;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.NestedTransaction;
import org.athanor.core.schema.MetaData;

public class CoreGuide {
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "sqlite:///app.db";       // or postgresql://user@host/db, mysql://...
        try (Engine engine = Engine.create(url)) {
            MetaData.of(USERS, POSTS).createAll(engine);                     // CREATE TABLE IF NOT EXISTS, parents first

            try (Connection conn = engine.connect()) {                       // a transaction begins at once
                conn.execute(insert(USERS).set(USERS.NAME, "spongebob").set(USERS.AGE, 22));
                List<Long> ids = conn.insertReturningKeys(insert(USERS).columns(USERS.NAME, USERS.AGE)
                        .values("sandy", 31).values("patrick", 28), USERS.ID); // RETURNING, or JDBC generated keys
                conn.execute(insert(POSTS).set(POSTS.USER_ID, ids.get(0)).set(POSTS.TITLE, "Hello"));
                conn.commit();

                List<Tuple2<String, Integer>> rows = conn.execute(select(USERS.NAME, USERS.AGE)
                        .where(USERS.AGE.gt(25), USERS.NAME.startsWith("s"))  // values are always bound parameters
                        .orderBy(USERS.AGE.desc())
                        .limit(10).offset(0)).all();
                System.out.println(rows);                                    // [(sandy, 31)]

                List<Tuple2<String, String>> titles = conn.execute(select(USERS.NAME, POSTS.TITLE)
                        .join(POSTS)).all();                                 // ON inferred from the foreign key
                System.out.println(titles);                                  // [(sandy, Hello)]

                conn.execute(update(USERS).set(USERS.FULLNAME, "Patrick Star").where(USERS.NAME.eq("patrick")));
                conn.executeMany(update(USERS).set(USERS.AGE, bindParam("age", INTEGER))
                                .where(USERS.ID.eq(bindParam("id", BIGINT))),   // one JDBC batch
                        List.of(Map.of("age", 32, "id", ids.get(0)), Map.of("age", 29, "id", ids.get(1))));
                try (NestedTransaction sp = conn.beginNested()) {            // SAVEPOINT
                    conn.execute(deleteFrom(USERS).where(USERS.NAME.in("spongebob", "sandy")));
                    sp.rollback();                                           // back to the savepoint
                }
                conn.commit();                                               // close() rolls back what was not committed
            }
            engine.inTransaction(c -> c.execute(insert(USERS).set(USERS.NAME, "gary")));   // commit on success
        }
    }
}
