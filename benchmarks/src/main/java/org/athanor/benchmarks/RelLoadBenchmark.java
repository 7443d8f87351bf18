package org.athanor.benchmarks;

import static org.athanor.orm.Loaders.joinedLoad;
import static org.athanor.orm.Loaders.selectinLoad;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Issue 15: 1,000 users each with 10 posts loaded in a fresh session/transaction, users in key order, each
 * user's posts in key order and pointing back at it (every variant's result goes through
 * {@link RelDb#check}). PostgreSQL.
 *
 * <ul>
 *   <li>select-in: Athanor {@code selectinLoad(RelUser_.posts)}; Hibernate 7 batch fetching
 *       ({@code default_batch_fetch_size} 1,000, the collections touched after the query); hand-written
 *       JDBC: two selects (users; posts {@code WHERE user_id = ANY(?)}) stitched through a map.</li>
 *   <li>joined: Athanor {@code joinedLoad(RelUser_.posts)}; Hibernate {@code left join fetch}; hand-written
 *       JDBC: one {@code LEFT JOIN} ordered by user and post key, stitched row by row.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RelLoadBenchmark {
    RelDb rel;

    @Setup(Level.Trial)
    public void setUp() {
        rel = new RelDb();
        rel.fill();
    }

    @TearDown(Level.Trial)
    public void tearDown() { rel.close(); }

    @Benchmark
    public int selectinAthanor() {
        try (Session s = rel.athanor.openSession()) {
            int n = RelDb.check(s.query(RelUser.class).orderBy(RelUser_.id).options(selectinLoad(RelUser_.posts)).all());
            s.commit();
            return n;
        }
    }

    @Benchmark
    public int selectinHibernate() {
        try (org.hibernate.Session s = rel.hibernate.openSession()) {
            s.beginTransaction();
            int n = RelDb.check(s.createSelectionQuery("from RelUser u order by u.id", RelUser.class).getResultList());
            s.getTransaction().commit();
            return n;
        }
    }

    @Benchmark
    public int selectinJdbc() throws SQLException {
        try (java.sql.Connection c = rel.db.jdbc.getConnection()) {
            List<RelUser> users = new ArrayList<>(RelDb.USER_COUNT);
            Map<Long, RelUser> byId = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM " + RelDb.USERS + " ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RelUser u = new RelUser(rs.getLong(1), rs.getString(2));
                    users.add(u);
                    byId.put(u.getId(), u);
                }
            }
            Long[] ids = byId.keySet().toArray(new Long[0]);
            try (PreparedStatement ps = c.prepareStatement("SELECT id, title, user_id FROM " + RelDb.POSTS
                    + " WHERE user_id = ANY(?) ORDER BY user_id, id")) {
                Array keys = c.createArrayOf("bigint", ids);
                ps.setArray(1, keys);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        RelUser u = byId.get(rs.getLong(3));
                        u.getPosts().add(new RelPost(rs.getLong(1), rs.getString(2), u));
                    }
                }
            }
            c.commit();
            return RelDb.check(users);
        }
    }

    @Benchmark
    public int joinedAthanor() {
        try (Session s = rel.athanor.openSession()) {
            int n = RelDb.check(s.query(RelUser.class).orderBy(RelUser_.id).options(joinedLoad(RelUser_.posts)).all());
            s.commit();
            return n;
        }
    }

    @Benchmark
    public int joinedHibernate() {
        try (org.hibernate.Session s = rel.hibernate.openSession()) {
            s.beginTransaction();
            int n = RelDb.check(s.createSelectionQuery("select u from RelUser u left join fetch u.posts order by u.id", RelUser.class)
                    .getResultList());
            s.getTransaction().commit();
            return n;
        }
    }

    @Benchmark
    public int joinedJdbc() throws SQLException {
        try (java.sql.Connection c = rel.db.jdbc.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT u.id, u.name, p.id, p.title FROM " + RelDb.USERS + " u LEFT OUTER JOIN "
                     + RelDb.POSTS + " p ON p.user_id = u.id ORDER BY u.id, p.id");
             ResultSet rs = ps.executeQuery()) {
            List<RelUser> users = new ArrayList<>(RelDb.USER_COUNT);
            RelUser current = null;
            while (rs.next()) {
                long id = rs.getLong(1);
                if (current == null || current.getId() != id) {
                    current = new RelUser(id, rs.getString(2));
                    users.add(current);
                }
                long postId = rs.getLong(3);
                if (!rs.wasNull()) current.getPosts().add(new RelPost(postId, rs.getString(4), current));
            }
            c.commit();
            return RelDb.check(users);
        }
    }
}
