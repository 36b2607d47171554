#!/usr/bin/env bash
# BinhYen with a highly available database on this machine: one etcd member, three PostgreSQL 15
# servers managed by Patroni with synchronous streaming replication, HAProxy in front of them
# (a primary port that follows the leader, a replica port), and N BinhYen nodes (deploy/cluster.sh)
# whose BINHYEN_DB_URL is HAProxy's primary port. Loopback ports only; everything under one state
# directory. Needs the Debian packages patroni, etcd-server, haproxy and postgresql-15; run as root
# (PostgreSQL and Patroni run as the postgres user).
#
#   deploy/ha.sh start [N]   start etcd, the three Patroni members, HAProxy and N nodes (default 3;
#                            0: the database tier only); waits until the leader takes writes and
#                            every node is ready. Run again, it starts whatever is not running.
#   deploy/ha.sh stop        stop the nodes, HAProxy, Patroni (and its PostgreSQL), etcd
#   deploy/ha.sh status      the leader, each member's state and replication lag, each node's readiness
#   deploy/ha.sh env         the BINHYEN_DB_URL / BINHYEN_DB_APP_PASSWORD lines for HAProxy's primary
#                            port (mode 600 file; for tools and tests)
#   deploy/ha.sh backup      a base backup of the primary into $STATE/backups/<UTC time> (prints its path);
#                            with the WAL archive ($STATE/wal-archive) it restores to any later moment
#   deploy/ha.sh restore BASE TIME DIR PORT   point-in-time restore of base backup BASE into the
#                            fresh directory DIR up to TIME, started alone on PORT (stopped by stop)
#
# Environment (all optional):
#   BINHYEN_HA_DIR        state directory (default deploy/run/ha)
#   BINHYEN_HA_PORT_BASE  first port (default 16000): etcd client +0, etcd peer +1, HAProxy primary
#                         +10, replicas +11, PostgreSQL member i +20+i, Patroni REST member i +30+i
#   BINHYEN_HA_MEMBERS    PostgreSQL servers (default 3)
#   and deploy/cluster.sh's variables for the nodes (BINHYEN_HTTP_BASE, BINHYEN_CLASSPATH, ...).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE=${BINHYEN_HA_DIR:-$ROOT/deploy/run/ha}
BASE=${BINHYEN_HA_PORT_BASE:-16000}
MEMBERS=${BINHYEN_HA_MEMBERS:-3}
PG_BIN=${BINHYEN_HA_PG_BIN:-/usr/lib/postgresql/15/bin}
ETCD_CLIENT=$BASE
ETCD_PEER=$((BASE + 1))
PRIMARY_PORT=$((BASE + 10))
REPLICA_PORT=$((BASE + 11))
SCOPE=binhyen

die() { echo "ha.sh: $*" >&2; exit 1; }
alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }
pg_port() { echo $((BASE + 20 + $1)); }
rest_port() { echo $((BASE + 30 + $1)); }
secret() { sed -n "s/^$1=//p" "$STATE/secrets.properties" | head -n 1; }

need() {
  local missing=()
  command -v etcd >/dev/null || missing+=(etcd-server)
  command -v patroni >/dev/null || missing+=(patroni)
  command -v haproxy >/dev/null || missing+=(haproxy)
  [[ -x $PG_BIN/postgres ]] || missing+=(postgresql-15)
  ((${#missing[@]} == 0)) || die "missing: apt-get install ${missing[*]}"
  [[ $(id -u) == 0 ]] || die "run as root (Patroni and PostgreSQL run as the postgres user)"
}

# Waits (bounded) until a command succeeds.
await() {
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || die "$what not within $seconds s (logs in $STATE/logs)"
    sleep 0.5
  done
}

secrets() {
  [[ -f $STATE/secrets.properties ]] && return
  local k
  (umask 077
    for k in superuser replication rewind owner app; do
      echo "$k=$(head -c 18 /dev/urandom | base64 | tr '+/' 'xy')"
    done >"$STATE/secrets.properties")
}

start_etcd() {
  if alive "$STATE/etcd.pid"; then return; fi
  etcd --name etcd1 --data-dir "$STATE/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_CLIENT" --advertise-client-urls "http://127.0.0.1:$ETCD_CLIENT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER" \
    --initial-cluster "etcd1=http://127.0.0.1:$ETCD_PEER" --initial-cluster-state new \
    --initial-cluster-token "binhyen-$BASE" >>"$STATE/logs/etcd.log" 2>&1 &
  echo $! >"$STATE/etcd.pid"
  await 30 "etcd answering on $ETCD_CLIENT" curl -fsS "http://127.0.0.1:$ETCD_CLIENT/health"
}

# One Patroni member's configuration. Dynamic settings (bootstrap.dcs) are written to etcd by the
# first member that initialises the cluster; the rest are local to each member.
patroni_config() {
  local i=$1 dir=$STATE/pg$1
  cat <<EOF
scope: $SCOPE
namespace: /binhyen-ha/
name: pg$i
log:
  level: INFO
restapi:
  listen: 127.0.0.1:$(rest_port "$i")
  connect_address: 127.0.0.1:$(rest_port "$i")
etcd3:
  hosts: 127.0.0.1:$ETCD_CLIENT
bootstrap:
  dcs:
    ttl: 10
    loop_wait: 2
    retry_timeout: 5
    maximum_lag_on_failover: 1048576
    # A crashed leader's PostgreSQL is not restarted in place: a synchronous replica takes over.
    primary_start_timeout: 0
    synchronous_mode: true
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        wal_level: replica
        hot_standby: "on"
        wal_log_hints: "on"
        synchronous_commit: "on"
        max_connections: 200
        max_wal_senders: 10
        max_replication_slots: 10
        wal_keep_size: 256MB
        password_encryption: scram-sha-256
        archive_mode: "on"
        archive_command: "test ! -f $STATE/wal-archive/%f && cp %p $STATE/wal-archive/%f"
        archive_timeout: 60
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
    - data-checksums
postgresql:
  listen: 127.0.0.1:$(pg_port "$i")
  connect_address: 127.0.0.1:$(pg_port "$i")
  data_dir: $dir/data
  bin_dir: $PG_BIN
  pgpass: $dir/pgpass
  authentication:
    superuser:
      username: postgres
      password: $(secret superuser)
    replication:
      username: replicator
      password: $(secret replication)
    rewind:
      username: rewinder
      password: $(secret rewind)
  parameters:
    unix_socket_directories: $dir
    shared_buffers: 128MB
  pg_hba:
    - local all postgres peer
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
tags:
  nofailover: false
  noloadbalance: false
  clonefrom: false
EOF
}

start_member() {
  local i=$1 dir=$STATE/pg$1
  if alive "$dir/patroni.pid"; then return; fi
  mkdir -p "$dir"
  patroni_config "$i" >"$dir/patroni.yml"
  chown -R postgres:postgres "$dir"
  chmod 700 "$dir"
  chmod 600 "$dir/patroni.yml"
  # setpriv execs Patroni in place (no runuser parent in between): the pid file is Patroni's.
  setpriv --reuid=postgres --regid=postgres --init-groups --reset-env \
    env HOME="$dir" PATH=/usr/bin:/bin patroni "$dir/patroni.yml" >>"$STATE/logs/pg$i.log" 2>&1 &
  echo $! >"$dir/patroni.pid"
}

haproxy_config() {
  local i
  cat <<EOF
global
  maxconn 2000
defaults
  mode tcp
  timeout connect 2s
  timeout client 30m
  timeout server 30m
  timeout check 2s
  default-server inter 1s fastinter 500ms downinter 1s fall 2 rise 2 on-marked-down shutdown-sessions
# Writes: only the member whose Patroni REST answers 200 on /primary. A demoted primary is marked
# down within about a second and its open connections are cut (on-marked-down shutdown-sessions).
listen primary
  bind 127.0.0.1:$PRIMARY_PORT
  option httpchk GET /primary
  http-check expect status 200
EOF
  for ((i = 1; i <= MEMBERS; i++)); do
    echo "  server pg$i 127.0.0.1:$(pg_port "$i") check port $(rest_port "$i")"
  done
  cat <<EOF
# Stale-tolerant reads: the streaming replicas.
listen replicas
  bind 127.0.0.1:$REPLICA_PORT
  balance roundrobin
  option httpchk GET /replica
  http-check expect status 200
EOF
  for ((i = 1; i <= MEMBERS; i++)); do
    echo "  server pg$i 127.0.0.1:$(pg_port "$i") check port $(rest_port "$i")"
  done
}

start_haproxy() {
  if alive "$STATE/haproxy.pid"; then return; fi
  haproxy_config >"$STATE/haproxy.cfg"
  haproxy -db -f "$STATE/haproxy.cfg" >>"$STATE/logs/haproxy.log" 2>&1 &
  echo $! >"$STATE/haproxy.pid"
}

leader_rest() { curl -fsS -m 2 "http://127.0.0.1:$(rest_port "$1")/primary" >/dev/null 2>&1; }
any_leader() { local i; for ((i = 1; i <= MEMBERS; i++)); do leader_rest "$i" && return 0; done; return 1; }
sync_standby() {
  curl -fsS -m 2 "http://127.0.0.1:$(rest_port 1)/cluster" 2>/dev/null | grep -q '"sync_standby"'
}

# psql as the superuser through HAProxy's primary port.
su_psql() {
  PGPASSWORD=$(secret superuser) psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres "$@"
}

# The owner (migrations; may create roles) and the application's login role, created once.
# binhyen_app is created here with a login; the core migration V1 finds it and only grants.
roles() {
  su_psql -d postgres -tA -c "SELECT 1 FROM pg_roles WHERE rolname = 'binhyen'" | grep -q 1 && return
  su_psql -d postgres \
    -c "CREATE ROLE binhyen LOGIN CREATEROLE BYPASSRLS PASSWORD '$(secret owner)'" \
    -c "CREATE ROLE binhyen_app LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '$(secret app)'" \
    -c "GRANT binhyen_app TO binhyen WITH ADMIN OPTION" \
    -c "CREATE DATABASE binhyen OWNER binhyen"
}

write_env() {
  (umask 077
    echo "BINHYEN_DB_URL=postgresql://binhyen:$(secret owner)@127.0.0.1:$PRIMARY_PORT/binhyen"
    echo "BINHYEN_DB_APP_PASSWORD=$(secret app)"
    echo "BINHYEN_DB_READ_URL=postgresql://binhyen_app:$(secret app)@127.0.0.1:$REPLICA_PORT/binhyen"
    echo "PATRONI_CONFIG=$STATE/pg1/patroni.yml"
    echo "PRIMARY_PORT=$PRIMARY_PORT"
    echo "REPLICA_PORT=$REPLICA_PORT"
  ) >"$STATE/db.env"
}

start() {
  local n=${1:-3} i
  [[ $n =~ ^[0-9][0-9]?$ ]] || die "N must be 0-99 (got $n)"
  need
  mkdir -p "$STATE/logs" "$STATE/wal-archive"
  chmod 755 "$STATE"
  chown postgres:postgres "$STATE/wal-archive"
  echo "$n" >"$STATE/size"
  secrets
  start_etcd
  for ((i = 1; i <= MEMBERS; i++)); do start_member "$i"; done
  start_haproxy
  await 120 "a Patroni leader" any_leader
  await 60 "a writable primary behind HAProxy" su_psql -d postgres -c "SELECT 1 WHERE NOT pg_is_in_recovery()"
  await 120 "a synchronous standby" sync_standby
  roles
  write_env
  if ((n > 0)); then
    set -a; . "$STATE/db.env"; set +a
    BINHYEN_RUN_DIR="$STATE/cluster" "$ROOT/deploy/cluster.sh" start "$n" >/dev/null
  fi
  status
}

stop_pid() {
  local pidfile=$1 what=$2 seconds=${3:-30}
  if alive "$pidfile"; then
    local pid; pid=$(cat "$pidfile")
    kill -TERM "$pid"
    local deadline=$((SECONDS + seconds))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then echo "$what did not stop in $seconds s: SIGKILL"; kill -KILL "$pid"; fi
    echo "stopped $what (pid $pid)"
  fi
  rm -f "$pidfile"
}

# A member's postmaster, if it outlived its Patroni (Patroni was killed with SIGKILL).
postmaster() {
  local p
  p=$(head -n 1 "$STATE/pg$1/data/postmaster.pid" 2>/dev/null) || return 1
  [[ $p =~ ^[0-9]+$ ]] && [[ $(ps -p "$p" -o comm= 2>/dev/null) == postgres ]] && echo "$p"
}

stop() {
  [[ -d $STATE ]] || { echo "nothing to stop ($STATE does not exist)"; return; }
  local i p
  if [[ -d $STATE/cluster ]]; then BINHYEN_RUN_DIR="$STATE/cluster" "$ROOT/deploy/cluster.sh" stop; fi
  stop_restores
  stop_pid "$STATE/haproxy.pid" HAProxy
  # Patroni stops its PostgreSQL (fast shutdown) before it exits.
  for ((i = 1; i <= MEMBERS; i++)); do stop_pid "$STATE/pg$i/patroni.pid" "Patroni pg$i" 60 & done
  wait
  for ((i = 1; i <= MEMBERS; i++)); do
    if p=$(postmaster "$i"); then
      echo "stopping PostgreSQL pg$i (pid $p, its Patroni was gone)"
      kill -INT "$p" 2>/dev/null || true
      local deadline=$((SECONDS + 30))
      while kill -0 "$p" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
      kill -KILL "$p" 2>/dev/null || true
    fi
  done
  stop_pid "$STATE/etcd.pid" etcd
}

status() {
  [[ -d $STATE ]] || { echo "not started ($STATE does not exist)"; return; }
  local i json
  if alive "$STATE/etcd.pid"; then echo "etcd      pid $(cat "$STATE/etcd.pid")  client port $ETCD_CLIENT"
  else echo "etcd      DOWN"; fi
  if alive "$STATE/haproxy.pid"; then
    echo "HAProxy   pid $(cat "$STATE/haproxy.pid")  primary port $PRIMARY_PORT  replica port $REPLICA_PORT"
  else echo "HAProxy   DOWN"; fi
  json=""
  for ((i = 1; i <= MEMBERS; i++)); do
    json=$(curl -fsS -m 2 "http://127.0.0.1:$(rest_port "$i")/cluster" 2>/dev/null) && break
  done
  if [[ -z $json ]]; then
    echo "Patroni   no member answers"
  else
    # One line per member: name, role, state, timeline, lag in MB behind the leader.
    python3 -c '
import json, sys
c = json.loads(sys.argv[1])
leader = [m["name"] for m in c["members"] if m["role"] == "leader"]
print("leader    " + (leader[0] if leader else "NONE"))
for m in sorted(c["members"], key=lambda m: m["name"]):
    lag = m.get("lag", 0 if m["role"] == "leader" else "unknown")
    print("member    %-4s %-12s %-10s timeline %-3s lag %s bytes  port %s" % (m["name"], m["role"], m["state"],
          m.get("timeline", "?"), lag, m.get("port", "?")))
' "$json"
  fi
  for ((i = 1; i <= MEMBERS; i++)); do
    alive "$STATE/pg$i/patroni.pid" || echo "member    pg$i Patroni not running"
  done
  if [[ -d $STATE/cluster ]]; then BINHYEN_RUN_DIR="$STATE/cluster" "$ROOT/deploy/cluster.sh" status; fi
}

# As the postgres user, with a clean environment (passwords only as variables, never arguments).
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups env HOME=/tmp "$@"; }

# A base backup of the current primary through HAProxy (replication protocol, as replicator), with
# the WAL it needs; together with the WAL archive ($STATE/wal-archive, filled by archive_command
# on whichever member leads) it restores to any moment after it.
backup() {
  [[ -f $STATE/secrets.properties ]] || die "not started ($STATE)"
  local dir
  dir=$STATE/backups/$(date -u +%Y%m%dT%H%M%SZ)
  mkdir -p "$STATE/backups"
  chown postgres:postgres "$STATE/backups"
  (export PGPASSWORD; PGPASSWORD=$(secret replication)
    as_postgres "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U replicator -D "$dir" \
      -X stream -c fast --no-password >/dev/null)
  echo "$dir"
}

# Restores a base backup into a fresh directory and replays the archive up to a moment (any
# PostgreSQL timestamp, e.g. '2026-12-02 18:40:00+00'), then starts it alone on a port of its
# own, writable, cut off from the archive and from the synchronous standbys Patroni had named.
restore() {
  local base=$1 target=$2 dir=$3 port=$4
  [[ -d $base ]] || die "no base backup at $base"
  [[ ! -e $dir ]] || die "$dir exists: restore into a fresh directory"
  mkdir -p "$dir"
  cp -a "$base/." "$dir/"
  rm -f "$dir/postmaster.pid" "$dir/standby.signal"
  {
    echo "restore_command = 'cp $STATE/wal-archive/%f %p'"
    echo "recovery_target_time = '$target'"
    echo "recovery_target_action = 'promote'"
  } >>"$dir/postgresql.auto.conf"
  touch "$dir/recovery.signal"
  chown -R postgres:postgres "$dir"
  chmod 700 "$dir"
  echo "$dir" >>"$STATE/restores.list"
  as_postgres "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/restore.log" -w -t 300 start \
    -o "-c port=$port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c archive_mode=off -c synchronous_standby_names='' -c hba_file=$dir/pg_hba.conf -c ident_file=$dir/pg_ident.conf" >/dev/null
  # Done once recovery reached the target and promoted (bounded).
  local deadline=$((SECONDS + 300))
  until [[ $(as_postgres psql -X -h "$dir" -p "$port" -U postgres -d postgres -tAc "SELECT pg_is_in_recovery()" 2>/dev/null) == f ]]; do
    ((SECONDS < deadline)) || die "restore did not finish within 300 s; see $dir/restore.log"
    sleep 0.5
  done
  echo "restored to $target in $dir, port $port"
}

stop_restores() {
  [[ -f $STATE/restores.list ]] || return 0
  local dir
  while read -r dir; do
    if [[ -f $dir/postmaster.pid ]]; then
      as_postgres "$PG_BIN/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null && echo "stopped restored server $dir"
    fi
  done <"$STATE/restores.list"
  rm -f "$STATE/restores.list"
}

case "${1:-}" in
  start) start "${2:-3}" ;;
  stop) stop ;;
  status) status ;;
  env) cat "$STATE/db.env" ;;
  backup) backup ;;
  restore) [[ $# == 5 ]] || die "usage: $0 restore BASE-BACKUP-DIR TARGET-TIME NEW-DIR PORT"; restore "$2" "$3" "$4" "$5" ;;
  *) echo "usage: $0 start [N] | stop | status | env | backup | restore BASE TARGET-TIME NEW-DIR PORT" >&2; exit 2 ;;
esac
