package org.athanor.examples.readme;

import java.nio.file.Path;
import org.athanor.core.engine.Engine;
import org.athanor.orm.Registry;
import org.athanor.orm.sharding.ShardedSession;
import org.athanor.orm.sharding.ShardedSessionFactory;

/**
 * The sharded-session options snippet proposed in docs/fixes-readme-section.md, run on two SQLite files by
 * ShardedOptionsReadmeSnippetsTest.
 */
final class ShardedOptionsReadmeSnippets {
    private ShardedOptionsReadmeSnippets() {}

    static void shardedSessionOptions(Path dir) {
        Engine euEngine = Engine.create("sqlite:///" + dir.resolve("eu-options.db").toAbsolutePath());
        Engine usEngine = Engine.create("sqlite:///" + dir.resolve("us-options.db").toAbsolutePath());
        Registry registry = Registry.of(User.class);
        registry.metadata().createAll(euEngine);
        registry.metadata().createAll(usEngine);

        ShardedSessionFactory sessions = ShardedSessionFactory.builder(registry)
                .shard("eu", euEngine).shard("us", usEngine)
                .shardChooser(user -> ((User) user).getEmail().endsWith(".eu") ? "eu" : "us")
                .sessionOptions(f -> f.withStatementReport().raiseLazyLoadsOver(10))   // every shard's SessionFactory
                .build();

        try (ShardedSession session = sessions.openSession()) {
            session.add(new User("jean", "jean@example.eu", 41));
            session.add(new User("jane", "jane@example.com", 35));
            session.commit();
            System.out.println(session.statementReports());   // {eu=1 statement: flush 1, us=1 statement: flush 1}
        }
        euEngine.close();
        usEngine.close();
    }
}
