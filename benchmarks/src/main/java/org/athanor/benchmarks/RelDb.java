package org.athanor.benchmarks;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Properties;
import org.athanor.orm.Registry;
import org.athanor.orm.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * The issue 15 database (PostgreSQL): the mapped tables {@code bench_rel_user} and {@code bench_rel_post}
 * (with an index on the post's foreign key, as any schema would have), an Athanor SessionFactory, and a
 * Hibernate 7 SessionFactory over the same tables with batch fetching on
 * ({@code hibernate.default_batch_fetch_size}), JDBC batching and ordered inserts. The tables' names are fixed
 * by the entities' annotations, so each run creates them in a schema of its own ({@code bench_rel_<random>},
 * every client's search path), dropped on close: two runs at once do not meet.
 */
final class RelDb implements AutoCloseable {
    static final String USERS = "bench_rel_user", POSTS = "bench_rel_post";
    static final int USER_COUNT = 1000, POSTS_PER_USER = 10;

    final BenchDb db;
    final SessionFactory athanor;
    final org.hibernate.SessionFactory hibernate;

    RelDb() {
        db = new BenchDb("postgres", 0, BenchDb.uniqueSchema("bench_rel"));
        db.sql("CREATE TABLE " + USERS + " (id BIGSERIAL PRIMARY KEY, name VARCHAR(255))");
        db.sql("CREATE TABLE " + POSTS + " (id BIGSERIAL PRIMARY KEY, title VARCHAR(255), "
                + "user_id BIGINT NOT NULL REFERENCES " + USERS + " (id))");
        db.sql("CREATE INDEX " + POSTS + "_user_id ON " + POSTS + " (user_id)");
        athanor = SessionFactory.of(db.engine, Registry.of(RelUser.class, RelPost.class));
        Properties p = new Properties();
        p.put("hibernate.connection.url", db.jdbcUrl());
        p.put("hibernate.connection.username", BenchDb.PG_USER);
        p.put("hibernate.connection.pool_size", "2");
        p.put("hibernate.hbm2ddl.auto", "none");
        p.put("hibernate.jdbc.batch_size", "1000");
        p.put("hibernate.order_inserts", "true");
        // one batch loads the posts of all 1,000 users (PostgreSQL: one array parameter)
        p.put("hibernate.default_batch_fetch_size", String.valueOf(USER_COUNT));
        p.put("hibernate.jpa.static_metamodel.population", "disabled");
        hibernate = new Configuration().addProperties(p).addAnnotatedClass(RelUser.class).addAnnotatedClass(RelPost.class)
                .buildSessionFactory();
    }

    /** Empties both tables and restarts their ids. */
    void clear() { db.sqlApart("TRUNCATE " + POSTS + ", " + USERS + " RESTART IDENTITY"); }

    /** Inserts {@link #USER_COUNT} users with ids 1..n and {@link #POSTS_PER_USER} posts each, through JDBC. */
    void fill() {
        clear();
        try (java.sql.Connection c = db.jdbc.getConnection();
             PreparedStatement u = c.prepareStatement("INSERT INTO " + USERS + " (id, name) VALUES (?, ?)");
             PreparedStatement p = c.prepareStatement("INSERT INTO " + POSTS + " (id, title, user_id) VALUES (?, ?, ?)")) {
            long postId = 1;
            for (int i = 1; i <= USER_COUNT; i++) {
                u.setLong(1, i);
                u.setString(2, "user " + i);
                u.addBatch();
                for (int j = 0; j < POSTS_PER_USER; j++) {
                    p.setLong(1, postId);
                    p.setString(2, "post " + postId++ + " of user " + i);
                    p.setLong(3, i);
                    p.addBatch();
                }
            }
            u.executeBatch();
            p.executeBatch();
            c.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("filling " + USERS + "/" + POSTS + ": " + e.getMessage(), e);
        }
        db.sql("SELECT setval('" + USERS + "_id_seq', " + USER_COUNT + ")");
        db.sql("SELECT setval('" + POSTS + "_id_seq', " + USER_COUNT * POSTS_PER_USER + ")");
        db.sql("ANALYZE " + USERS);
        db.sql("ANALYZE " + POSTS);
        db.freshConnections();
    }

    /**
     * The check every load variant runs on its result: all users in key order, each with its ten posts in
     * key order, each post pointing back at its user and carrying its title. Returns the number of posts.
     */
    static int check(List<RelUser> users) {
        if (users.size() != USER_COUNT) throw new IllegalStateException("loaded " + users.size() + " users, expected " + USER_COUNT);
        int posts = 0;
        long lastUser = 0;
        for (RelUser u : users) {
            if (u.getId() <= lastUser) throw new IllegalStateException("users out of key order at " + u.getId());
            lastUser = u.getId();
            long lastPost = 0;
            for (RelPost p : u.getPosts()) {
                if (p.getUser() != u) throw new IllegalStateException("post " + p.getId() + " does not point back at user " + u.getId());
                if (p.getId() <= lastPost) throw new IllegalStateException("posts of user " + u.getId() + " out of key order");
                if (p.getTitle() == null) throw new IllegalStateException("post " + p.getId() + " has no title");
                lastPost = p.getId();
                posts++;
            }
            if (u.getPosts().size() != POSTS_PER_USER)
                throw new IllegalStateException("user " + u.getId() + " has " + u.getPosts().size() + " posts, expected " + POSTS_PER_USER);
        }
        return posts;
    }

    @Override
    public void close() {
        try {
            hibernate.close();
        } finally {
            db.close(); // drops the run's schema with both tables
        }
    }
}
