package org.athanor.benchmarks;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * How far {@link RelLoadBenchmark}'s select-in goal is from what any snapshot-based ORM must do: hand-written JDBC
 * (the goal's baseline), and the same JDBC code doing only the bookkeeping an ORM without bytecode enhancement cannot
 * skip — each row read into a values array kept as the object's snapshot, a state per object in an identity map by
 * key and in an attach list, and at commit a dirty check comparing every object's fields with its snapshot. No
 * mapping metadata, no callbacks, no statement building: a floor, not an ORM.
 *
 * <pre>
 * java -cp benchmarks.jar org.athanor.benchmarks.Interleaved RelLoadFloor - 10 100 selectinJdbc selectinFloor selectinAthanor
 * </pre>
 */
public class RelLoadFloor {
    private final RelLoadBenchmark peer = new RelLoadBenchmark();

    @Setup(Level.Trial)
    public void setUp() { peer.setUp(); }

    @TearDown(Level.Trial)
    public void tearDown() { peer.tearDown(); }

    public int selectinJdbc() throws SQLException { return peer.selectinJdbc(); }

    public int selectinAthanor() { return peer.selectinAthanor(); }

    /** One object's bookkeeping: the object and the values it was loaded with. */
    private record State(Object obj, Object[] snapshot) {}

    public int selectinFloor() throws SQLException {
        List<State> attached = new ArrayList<>();
        Map<Object, State> users = new HashMap<>(), posts = new HashMap<>();
        try (java.sql.Connection c = peer.rel.db.jdbc.getConnection()) {
            List<RelUser> result = new ArrayList<>(RelDb.USER_COUNT);
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM " + RelDb.USERS + " ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] v = {rs.getLong(1), rs.getString(2)};
                    RelUser u = new RelUser((Long) v[0], (String) v[1]);
                    State st = new State(u, v);
                    users.put(v[0], st);
                    attached.add(st);
                    result.add(u);
                }
            }
            Long[] ids = users.keySet().toArray(new Long[0]);
            try (PreparedStatement ps = c.prepareStatement("SELECT id, title, user_id FROM " + RelDb.POSTS
                    + " WHERE user_id = ANY(?) ORDER BY user_id, id")) {
                Array keys = c.createArrayOf("bigint", ids);
                ps.setArray(1, keys);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Object[] v = {rs.getLong(1), rs.getString(2), rs.getLong(3)};
                        RelUser u = (RelUser) users.get(v[2]).obj();
                        RelPost p = new RelPost((Long) v[0], (String) v[1], u);
                        State st = new State(p, v);
                        posts.put(v[0], st);
                        attached.add(st);
                        u.getPosts().add(p);
                    }
                }
            }
            // commit: the dirty check over every object, then COMMIT
            int dirty = 0;
            for (State st : attached) {
                Object[] s = st.snapshot();
                if (st.obj() instanceof RelPost p) {
                    if (!Objects.equals(p.getId(), s[0]) || !Objects.equals(p.getTitle(), s[1])
                            || !Objects.equals(p.getUser() == null ? null : p.getUser().getId(), s[2])) dirty++;
                } else {
                    RelUser u = (RelUser) st.obj();
                    if (!Objects.equals(u.getId(), s[0]) || !Objects.equals(u.getName(), s[1])) dirty++;
                }
            }
            if (dirty != 0) throw new IllegalStateException(dirty + " objects changed");
            c.commit();
            return RelDb.check(result);
        }
    }
}
