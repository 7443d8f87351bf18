package org.athanor.examples.readme;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.examples.readme.Users.USERS;

import io.vavr.Tuple2;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.core.routing.RoutingEngine;
import org.athanor.core.routing.RoutingEngine.ReadFrom;
import org.athanor.core.routing.ShardKeys;
import org.athanor.core.routing.ShardSet;
import org.athanor.core.schema.MetaData;
import org.athanor.orm.Registry;
import org.athanor.orm.Session;
import org.athanor.orm.SessionFactory;
import org.athanor.orm.sharding.ShardedSession;
import org.athanor.orm.sharding.ShardedSessionFactory;

/**
 * The Java snippets of the README's scale-out section, run on
 * SQLite files by ScaleOutReadmeSnippetsTest: the "replica" is a second engine on the primary's file
 * (SQLite has no replication; PostgresReplicaRoutingTest and PostgresRoutedSessionTest run the same
 * calls on a real streaming standby), and the shards are files.
 */
final class ScaleOutReadmeSnippets {
    private ScaleOutReadmeSnippets() {}

    private static String file(Path dir, String name) { return "sqlite:///" + dir.resolve(name + ".db"); }

    static void readReplicas(Path dir) {
        String primaryUrl = file(dir, "app");
        String replicaUrl = file(dir, "app");
        try (Engine setup = Engine.create(primaryUrl)) {
            MetaData.of(USERS).createAll(setup);
            Registry.of(User.class).metadata().createAll(setup);
        }

        Engine primary = Engine.create(primaryUrl);
        Engine replica = Engine.create(replicaUrl, EngineOptions.defaults().connectionTimeout(Duration.ofSeconds(1)).prePing(true));
        RoutingEngine db = RoutingEngine.builder(primary)
                .replica(replica)                                  // replica(engine, weight) for several
                .retryDownAfter(Duration.ofSeconds(5))             // a replica that failed is skipped this long
                .build();

        db.inTransaction(c -> c.execute(insert(USERS).set(USERS.NAME, "ann").set(USERS.AGE, 31)));   // the primary
        long users = db.fromRead(c -> c.scalar(select(count()).from(USERS)));                         // a replica
        long mine = db.fromRead(ReadFrom.PRIMARY, c -> c.scalar(select(count()).from(USERS)));      // read-your-writes
        System.out.println(users + " " + mine);                                                       // 1 1

        SessionFactory sessions = SessionFactory.of(db, Registry.of(User.class));
        try (Session session = sessions.openSession()) {
            List<User> all = session.query(User.class).all();      // read from a replica
            session.add(new User("wendy", "wendy@example.com", 29));
            session.commit();                                      // flushed on the primary, which the session keeps until commit
            System.out.println(all.size() + " " + session.query(User.class).count());                  // 0 1
        }
        db.close();
    }

    static void shardedReports(Path dir) {
        Engine euEngine = Engine.create(file(dir, "eu"));
        Engine usEngine = Engine.create(file(dir, "us"));
        MetaData.of(USERS).createAll(euEngine);
        MetaData.of(USERS).createAll(usEngine);
        euEngine.inTransaction(c -> c.execute(insert(USERS).set(USERS.NAME, "jean").set(USERS.AGE, 41)));
        usEngine.inTransaction(c -> c.execute(insert(USERS).set(USERS.NAME, "jane").set(USERS.AGE, 35)));

        try (ShardSet shards = ShardSet.builder().shard("eu", euEngine).shard("us", usEngine).build()) {
            List<Tuple2<String, Integer>> oldest = shards.executeAll(
                    select(USERS.NAME, USERS.AGE).from(USERS).orderBy(USERS.AGE.desc()).limit(10));   // ORDER BY, LIMIT across shards
            long total = shards.sumAll(select(count()).from(USERS));                                   // COUNT added up
            Map<String, Integer> updated = shards.executeAll(update(USERS).set(USERS.FULLNAME, "?"));   // all shards, or none
            System.out.println(oldest + " " + total + " " + updated);   // [(jean, 41), (jane, 35)] 2 {eu=1, us=1}
        }
    }

    static void shardedSession(Path dir) {
        Engine euEngine = Engine.create(file(dir, "eu-orm"));
        Engine usEngine = Engine.create(file(dir, "us-orm"));
        Registry registry = Registry.of(User.class);
        registry.metadata().createAll(euEngine);
        registry.metadata().createAll(usEngine);

        ShardedSessionFactory sessions = ShardedSessionFactory.builder(registry)
                .shard("eu", euEngine).shard("us", usEngine)
                .shardChooser(user -> ((User) user).getEmail().endsWith(".eu") ? "eu" : "us")    // where a new object goes
                .queryChooser(query -> ShardKeys.pinnedValues(query.criterion(), User_.email)    // which shards a query visits
                        .map(emails -> emails.stream().map(e -> e.toString().endsWith(".eu") ? "eu" : "us").distinct().toList())
                        .orElse(List.of("eu", "us")))
                .build();

        try (ShardedSession session = sessions.openSession()) {
            session.add(new User("jean", "jean@example.eu", 41));
            session.add(new User("jane", "jane@example.com", 35));
            session.commit();

            List<User> byAge = session.query(User.class).orderBy(User_.age.desc()).limit(10).all();   // both shards, merged
            User jean = session.query(User.class).filter(User_.email.eq("jean@example.eu")).first();   // the "eu" shard only
            long users = session.query(User.class).count();                                            // summed over the shards
            User one = session.get(User.class, 1L, "eu");                                               // id 1 is on both shards:
            User other = session.get(User.class, 1L, "us");                                             // two objects
            System.out.println(byAge.get(0).getName() + " " + session.shardOf(jean) + " " + users + " " + (one != other));   // jean eu 2 true
        }
        euEngine.close();
        usEngine.close();
    }
}
