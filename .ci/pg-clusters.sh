#!/usr/bin/env bash
# The extra PostgreSQL clusters the scale-out tests run on (docs/scale-out.md), separate from the
# shared server on 5432 (which this script never touches):
#   5433  primary   (wal_level=replica, accepts a streaming standby)
#   5434  standby   (made with pg_basebackup -R from the primary; hot standby, read-only)
#   5435  shard1    (an independent server)
#   5436  shard2    (an independent server)
# Each has a database "test", user postgres, trust auth on loopback, small shared_buffers.
# Data lives under $ATHANOR_PG_ROOT (default /var/tmp/athanor-pg/<name>), outside the repository.
#
#   pg-clusters.sh start    create what is missing, start what is down (idempotent; fast when all are up)
#   pg-clusters.sh stop     stop all four (fast shutdown); the data stays for the next start
#   pg-clusters.sh status   one line per cluster
#   pg-clusters.sh destroy  stop and delete the data directories
#   pg-clusters.sh start-spare / stop-spare   a disposable second standby on 5437 (created on first
#                           use) that the fail-over test starts, stops mid-run and starts again
set -euo pipefail

ROOT="${ATHANOR_PG_ROOT:-/var/tmp/athanor-pg}"
BIN="${ATHANOR_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
PRIMARY_PORT=5433
STANDBY_PORT=5434
SHARD_PORTS=(5435 5436)
SPARE_PORT=5437

if [[ -z "$BIN" || ! -x "$BIN/initdb" ]]; then
  echo "pg-clusters: no PostgreSQL server binaries found (looked in /usr/lib/postgresql/*/bin; set ATHANOR_PG_BIN)" >&2
  exit 1
fi

# The server refuses to run as root: run its tools as the postgres OS user when we are root.
as_pg() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

dir_of() { echo "$ROOT/$1"; }
port_up() { "$BIN/pg_isready" -q -h 127.0.0.1 -p "$1" >/dev/null 2>&1; }

write_conf() { # dir port
  cat >>"$1/postgresql.conf" <<EOF
# --- athanor scale-out test cluster ---
listen_addresses = '127.0.0.1'
port = $2
unix_socket_directories = '/tmp'
shared_buffers = 16MB
max_connections = 60
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = replica
max_wal_senders = 4
wal_keep_size = 64MB
max_slot_wal_keep_size = 1GB
hot_standby = on
hot_standby_feedback = on
logging_collector = off
EOF
  cat >"$1/pg_hba.conf" <<EOF
local   all          all                 trust
host    all          all   127.0.0.1/32  trust
local   replication  all                 trust
host    replication  all   127.0.0.1/32  trust
EOF
}

init_server() { # name port
  local d; d="$(dir_of "$1")"
  [[ -f "$d/PG_VERSION" ]] && return 0
  echo "pg-clusters: creating $1 on port $2 in $d"
  mkdir -p "$d"; chown postgres:postgres "$ROOT" "$d" 2>/dev/null || true; chmod 700 "$d"
  as_pg "$BIN/initdb" -D "$d" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  write_conf "$d" "$2"
}

start_server() { # name port
  local d; d="$(dir_of "$1")"
  port_up "$2" && return 0
  rm -f "$d/postmaster.pid" 2>/dev/null || true # a stale pid file from a killed machine
  as_pg "$BIN/pg_ctl" -D "$d" -l "$d/server.log" -w -t 60 start >/dev/null
}

ensure_test_db() { # port
  if ! as_pg "$BIN/psql" -h 127.0.0.1 -p "$1" -U postgres -d postgres -Atqc "select 1 from pg_database where datname='test'" | grep -q 1; then
    as_pg "$BIN/psql" -h 127.0.0.1 -p "$1" -U postgres -d postgres -qc "create database test" >/dev/null
  fi
}

init_standby() { # name port
  local d; d="$(dir_of "$1")"
  [[ -f "$d/PG_VERSION" ]] && return 0
  echo "pg-clusters: creating $1 on port $2 from the primary (pg_basebackup -R)"
  rm -rf "$d"; mkdir -p "$d"; chown postgres:postgres "$d"; chmod 700 "$d"
  # a replication slot keeps the WAL a stopped standby still needs (bounded by max_slot_wal_keep_size)
  as_pg "$BIN/psql" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -Atqc \
    "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = 'athanor_$1'" >/dev/null
  as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$d" -R -X stream -c fast -C -S "athanor_$1" >/dev/null
  # the copy carries the primary's port: give the standby its own
  sed -i "s/^port = $PRIMARY_PORT\$/port = $2/" "$d/postgresql.conf"
}

await_recovery() { # name port
  for _ in $(seq 1 60); do
    if as_pg "$BIN/psql" -h 127.0.0.1 -p "$2" -U postgres -d test -Atqc "select pg_is_in_recovery()" 2>/dev/null | grep -q t; then
      return 0
    fi
    sleep 0.5
  done
  echo "pg-clusters: the $1 on :$2 did not come up in recovery with database test" >&2
  return 1
}

start_all() {
  mkdir -p "$ROOT"; chown postgres:postgres "$ROOT" 2>/dev/null || true
  init_server primary "$PRIMARY_PORT"
  start_server primary "$PRIMARY_PORT"
  ensure_test_db "$PRIMARY_PORT"
  init_standby standby "$STANDBY_PORT"
  start_server standby "$STANDBY_PORT"
  local i=1
  for p in "${SHARD_PORTS[@]}"; do
    init_server "shard$i" "$p"
    start_server "shard$i" "$p"
    ensure_test_db "$p"
    i=$((i + 1))
  done
  # the standby has the primary's database "test" once it has replayed its creation
  await_recovery standby "$STANDBY_PORT"
  # the fail-over test's spare standby, if an earlier run made it and left it down
  if [[ -f "$(dir_of spare)/PG_VERSION" ]]; then start_server spare "$SPARE_PORT"; fi
  echo "pg-clusters: primary :$PRIMARY_PORT, standby :$STANDBY_PORT, shards :${SHARD_PORTS[*]} are up"
}

# A second, disposable standby (5437) that the fail-over test stops mid-run, so that the shared
# standby on 5434 stays up for every other test (and for other test runs on this machine).
start_spare() {
  port_up "$PRIMARY_PORT" || start_all
  init_standby spare "$SPARE_PORT"
  start_server spare "$SPARE_PORT"
  await_recovery spare "$SPARE_PORT"
}

stop_one() { # name
  local d; d="$(dir_of "$1")"
  [[ -f "$d/postmaster.pid" ]] || return 0
  as_pg "$BIN/pg_ctl" -D "$d" -m fast -w -t 60 stop >/dev/null || true
}

status_all() {
  local rc=0
  for entry in primary:$PRIMARY_PORT standby:$STANDBY_PORT shard1:${SHARD_PORTS[0]} shard2:${SHARD_PORTS[1]}; do
    local name=${entry%%:*} port=${entry##*:}
    if port_up "$port"; then echo "$name :$port up"; else echo "$name :$port down"; rc=3; fi
  done
  return $rc
}

case "${1:-}" in
  start) start_all ;;
  stop) for n in spare standby primary shard1 shard2; do stop_one "$n"; done ;;
  status) status_all ;;
  start-spare) start_spare ;;
  stop-spare) stop_one spare ;;
  destroy) for n in spare standby primary shard1 shard2; do stop_one "$n"; done; rm -rf "$ROOT" ;;
  *) echo "usage: $0 start|stop|status|start-spare|stop-spare|destroy" >&2; exit 2 ;;
esac
