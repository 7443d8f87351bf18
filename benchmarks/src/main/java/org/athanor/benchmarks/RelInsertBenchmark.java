package org.athanor.benchmarks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.athanor.orm.Session;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 15: 1,000 new users each with 10 new posts (held in the user's collection, each post's user set)
 * inserted in one flush and committed, every generated key assigned to its object and every post's
 * {@code user_id} the key of its user. Athanor: {@code addAll(users)} (the posts follow by the save-update
 * cascade), {@code commit}. Hibernate 7: {@code persist} per user (cascade ALL; IDENTITY keys, so Hibernate
 * inserts row by row — it cannot batch IDENTITY inserts). Hand-written JDBC: multi-row
 * {@code INSERT ... VALUES ... RETURNING id} in chunks of 1,000 rows, users first, then the posts with the
 * users' keys, keys assigned in the order RETURNING gives them. PostgreSQL; both tables emptied before
 * every iteration.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RelInsertBenchmark {
    static final int CHUNK = 1000;

    private RelDb rel;

    @Setup(Level.Trial)
    public void setUp() { rel = new RelDb(); }

    @Setup(Level.Iteration)
    public void empty() { rel.clear(); }

    @TearDown(Level.Trial)
    public void tearDown() { rel.close(); }

    private static List<RelUser> fresh() {
        List<RelUser> users = new ArrayList<>(RelDb.USER_COUNT);
        for (int i = 0; i < RelDb.USER_COUNT; i++) {
            RelUser u = new RelUser("user " + i);
            for (int j = 0; j < RelDb.POSTS_PER_USER; j++) u.addPost(new RelPost("post " + j + " of user " + i));
            users.add(u);
        }
        return users;
    }

    /** Every object has its key, and the database holds exactly these rows with these user keys. */
    private int check(List<RelUser> users) throws SQLException {
        int posts = 0;
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (RelUser u : users) {
            if (u.getId() == null || !seen.add(u.getId())) throw new IllegalStateException("user key missing or repeated: " + u.getId());
            for (RelPost p : u.getPosts()) {
                if (p.getId() == null || p.getUser() != u) throw new IllegalStateException("post key missing or post detached from its user");
                posts++;
            }
        }
        if (posts != RelDb.USER_COUNT * RelDb.POSTS_PER_USER) throw new IllegalStateException(posts + " posts");
        // outside the measured path's transaction: a count of posts whose user_id is not the user the objects say
        RelUser first = users.get(0), last = users.get(users.size() - 1);
        try (java.sql.Connection c = rel.db.jdbc.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*), count(*) FILTER (WHERE id = ? AND user_id = ?), "
                     + "count(*) FILTER (WHERE id = ? AND user_id = ?) FROM " + RelDb.POSTS)) {
            ps.setLong(1, first.getPosts().get(0).getId());
            ps.setLong(2, first.getId());
            ps.setLong(3, last.getPosts().get(RelDb.POSTS_PER_USER - 1).getId());
            ps.setLong(4, last.getId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != posts || rs.getLong(2) != 1 || rs.getLong(3) != 1)
                    throw new IllegalStateException("the database disagrees with the objects' keys: " + rs.getLong(1) + " posts");
            }
            c.rollback();
        }
        return posts;
    }

    @Benchmark
    public int athanor() throws SQLException {
        List<RelUser> users = fresh();
        try (Session s = rel.athanor.openSession()) {
            s.addAll(users);
            s.commit();
        }
        return check(users);
    }

    @Benchmark
    public int hibernate() throws SQLException {
        List<RelUser> users = fresh();
        try (org.hibernate.Session s = rel.hibernate.openSession()) {
            s.beginTransaction();
            for (RelUser u : users) s.persist(u);
            s.getTransaction().commit();
        }
        return check(users);
    }

    @Benchmark
    public int jdbcMultiRowReturning() throws SQLException {
        List<RelUser> users = fresh();
        try (java.sql.Connection c = rel.db.jdbc.getConnection();
             PreparedStatement insertUsers = c.prepareStatement(multiRow("INSERT INTO " + RelDb.USERS + " (name) VALUES ", "(?)"));
             PreparedStatement insertPosts = c.prepareStatement(multiRow("INSERT INTO " + RelDb.POSTS + " (title, user_id) VALUES ", "(?, ?)"))) {
            for (int from = 0; from < users.size(); from += CHUNK) {
                for (int i = 0; i < CHUNK; i++) insertUsers.setString(i + 1, users.get(from + i).getName());
                insertUsers.execute();
                try (ResultSet rs = insertUsers.getResultSet()) {
                    for (int i = from; rs.next(); i++) users.get(i).assignId(rs.getLong(1));
                }
            }
            List<RelPost> posts = new ArrayList<>(RelDb.USER_COUNT * RelDb.POSTS_PER_USER);
            for (RelUser u : users) posts.addAll(u.getPosts());
            for (int from = 0; from < posts.size(); from += CHUNK) {
                for (int i = 0; i < CHUNK; i++) {
                    RelPost p = posts.get(from + i);
                    insertPosts.setString(2 * i + 1, p.getTitle());
                    insertPosts.setLong(2 * i + 2, p.getUser().getId());
                }
                insertPosts.execute();
                try (ResultSet rs = insertPosts.getResultSet()) {
                    for (int i = from; rs.next(); i++) posts.get(i).assignId(rs.getLong(1));
                }
            }
            c.commit();
        }
        return check(users);
    }

    private static String multiRow(String head, String row) {
        StringBuilder sb = new StringBuilder(head);
        for (int i = 0; i < CHUNK; i++) sb.append(i == 0 ? "" : ", ").append(row);
        return sb.append(" RETURNING id").toString();
    }
}
