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
}
