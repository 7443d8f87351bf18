package org.athanor.postgres;

import org.athanor.core.routing.ReplicationLag;

/**
 * PostgreSQL's side of read-replica routing: how far a streaming standby is behind its primary.
 * <pre>{@code
 * RoutingEngine db = RoutingEngine.builder(primary).replica(standby)
 *         .maxLag(Duration.ofSeconds(2), PostgresReplication.standbyLag()).build();
 * }</pre>
 */
public final class PostgresReplication {
    private PostgresReplication() {}

    /**
     * The lag reported when the standby has WAL to replay (or is not receiving yet) but has replayed no
     * transaction since it started, so {@code pg_last_xact_replay_timestamp()} is NULL: how far behind
     * it is cannot be known, and it counts as a day behind, so a maximum lag keeps it out of use until
     * it has replayed something. (Counting it as caught up let a freshly restarted, paused standby be
     * read from; found on a fresh machine.)
     */
    static final long UNKNOWN_MS = 86_400_000L;

    /*
     * now() - pg_last_xact_replay_timestamp() is the age of the last transaction the standby replayed:
     * on an idle primary it grows although nothing is missing, so a standby that has replayed all the
     * WAL it received counts as caught up (0). A standby that stopped receiving (its primary or the
     * network gone) cannot tell; that is what the primary's pg_stat_replication shows (see docs/scale-out.md).
     * On a server that is not in recovery (a promoted standby, or the primary itself) the lag is 0. A
     * standby with WAL pending that has replayed no transaction since it started has no replay
     * timestamp: its lag is unknown and reported as UNKNOWN_MS.
     */
    private static final String LAG_SQL = "SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0"
            + " WHEN pg_last_wal_receive_lsn() IS NOT NULL AND pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
            + " ELSE COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000, " + UNKNOWN_MS + ") END";


    /** The replay delay of a PostgreSQL hot standby, from {@code pg_last_xact_replay_timestamp()}. */
    public static ReplicationLag standbyLag() {
        return ReplicationLag.millisecondsFrom(LAG_SQL);
    }
}
