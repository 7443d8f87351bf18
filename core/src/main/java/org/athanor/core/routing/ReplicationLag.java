package org.athanor.core.routing;

import java.time.Duration;
import org.athanor.core.engine.Connection;

/**
 * How far a replica is behind its primary, asked on one of the replica's connections. A database
 * module supplies the one for its server (PostgreSQL: {@code PostgresReplication.standbyLag()},
 * from {@code pg_last_xact_replay_timestamp()}); an application may write its own (a heartbeat
 * table, say) as a lambda.
 * <pre>{@code
 * RoutingEngine.builder(primary).replica(standby).maxLag(Duration.ofSeconds(5), PostgresReplication.standbyLag()).build();
 * }</pre>
 */
@FunctionalInterface
public interface ReplicationLag {
    /** The replica's delay behind the primary, never negative; {@link Duration#ZERO} when it is caught up. */
    Duration lag(Connection replica);

    /**
     * A probe that runs {@code sql} on the replica and reads its one value as milliseconds behind
     * (a number; null or negative counts as caught up). The statement goes through the connection's
     * one execution path (listeners, timeouts, error translation); a database module supplies the
     * query for its server (PostgreSQL: {@code PostgresReplication.standbyLag()}).
     */
    static ReplicationLag millisecondsFrom(String sql) {
        java.util.Objects.requireNonNull(sql, "sql");
        return replica -> {
            Object v = replica.execute(org.athanor.core.sql.Sql.text(sql)).scalar();
            if (v == null) return Duration.ZERO;
            if (!(v instanceof Number n))
                throw new IllegalStateException("the replication lag query returned " + v.getClass().getName()
                        + ", expected a number of milliseconds: " + sql);
            return Duration.ofMillis(Math.max(0, Math.round(n.doubleValue())));
        };
    }
}
