#!/usr/bin/env bash
# A local BinhYen cluster on this machine: one PostgreSQL and N nodes (default 3) joined through
# Hazelcast on 127.0.0.1, each on its own HTTP port (8081, 8082, ...), sharing one master key.
#
#   deploy/cluster.sh start [N]   start PostgreSQL and N nodes, wait until every node is ready;
#                                 run again, it restarts whatever died (PostgreSQL, nodes)
#   deploy/cluster.sh stop        stop the nodes (SIGTERM, a clean leave), then PostgreSQL
#   deploy/cluster.sh status      whether PostgreSQL runs and accepts connections now, which
#                                 nodes run and what /health/ready says
#
# The embedded PostgreSQL asks every connection for a password; its logins are generated into
# $RUN/postgres/postgres-credentials.properties (mode 600) and handed to the nodes in their
# environment (owner for migrations in BINHYEN_DB_URL, binhyen_app in BINHYEN_DB_APP_PASSWORD).
#
# Build the jar first: mvn -q package -DskipTests
# Environment (all optional):
#   BINHYEN_DB_URL           use this PostgreSQL (e.g. Debian's) instead of the embedded one
#   BINHYEN_DB_APP_PASSWORD  with BINHYEN_DB_URL: binhyen_app's own password (recommended)
#   BINHYEN_CLUSTER_DEMO_PASSWORD  seed the demo country through node 1, every demo user with this password
#   BINHYEN_RUN_DIR          run folder: pid files, logs, data (default deploy/run/cluster)
#   BINHYEN_HTTP_BASE        first HTTP port (default 8081); BINHYEN_HZ_BASE first Hazelcast port (default 5801)
#   BINHYEN_PG_PORT          port of the embedded PostgreSQL (default 15432)
#   JAVA_OPTS                extra JVM options per node (default -Xmx512m)
#   BINHYEN_CLASSPATH        run from this class path instead of the jar (the deploy tests do)
#   BINHYEN_PG_CHECK         "jar": check PostgreSQL by a login through the jar even where
#                            pg_isready is installed (default: pg_isready when present)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${BINHYEN_JAR:-$ROOT/deploy/target/binhyen.jar}
# Tests run the script before the jar is packaged: BINHYEN_CLASSPATH replaces the jar then.
CP=${BINHYEN_CLASSPATH:-$JAR}
RUN=${BINHYEN_RUN_DIR:-$ROOT/deploy/run/cluster}
HTTP_BASE=${BINHYEN_HTTP_BASE:-8081}
HZ_BASE=${BINHYEN_HZ_BASE:-5801}
PG_PORT=${BINHYEN_PG_PORT:-15432}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
HZ_FLAGS="--add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.management/sun.management=ALL-UNNAMED --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED"

die() { echo "cluster.sh: $*" >&2; exit 1; }
alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Waits until a URL answers 200 (or the process behind the pid file dies); bounded.
wait_for() {
  local url=$1 pidfile=$2 what=$3 log=$4
  for _ in $(seq 1 240); do
    alive "$pidfile" || { tail -n 30 "$log" >&2; die "$what exited; see $log"; }
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  die "$what not ready after 120 s; see $log"
}

CRED() { echo "$RUN/postgres/postgres-credentials.properties"; }
prop() { sed -n "s/^$1=//p" "$(CRED)" | head -n 1; }

# The PostgreSQL server's own pid (postmaster.pid), printed only if that process is alive and is
# a postgres (after kill -9 the file stays behind and its pid may be reused).
pg_pid() {
  local p
  p=$(head -n 1 "$RUN/postgres/data/postmaster.pid" 2>/dev/null) || return 1
  [[ $p =~ ^[0-9]+$ ]] || return 1
  local state comm
  read -r state comm < <(ps -p "$p" -o stat=,comm= 2>/dev/null) || return 1
  # A zombie (Z) is dead; only its parent has not collected it yet.
  [[ $comm == postgres && $state != Z* ]] && echo "$p"
}

# Whether PostgreSQL accepts connections right now: pg_isready when installed, otherwise a real
# login through the jar (DatabaseCommand --check). Never a log line.
pg_ready() {
  if [[ ${BINHYEN_PG_CHECK:-auto} != jar ]] && command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h 127.0.0.1 -p "$PG_PORT" -t 3
  else
    java -cp "$CP" vn.binhyen.deploy.DatabaseCommand --check --port "$PG_PORT" \
      --data-dir "$RUN/postgres" >/dev/null 2>&1
  fi
}

# Up = its supervisor (DatabaseCommand) runs, the server process runs, and it accepts connections.
pg_up() { alive "$RUN/db.pid" && pg_pid >/dev/null && pg_ready; }

start_db() {
  if [[ -n "${BINHYEN_DB_URL:-}" ]]; then
    echo "PostgreSQL: using BINHYEN_DB_URL"
    DB_URL=$BINHYEN_DB_URL
    DB_APP_PASSWORD=${BINHYEN_DB_APP_PASSWORD:-}
    return
  fi
  if pg_up; then
    echo "PostgreSQL already running (pid $(cat "$RUN/db.pid"), server pid $(pg_pid))"
  else
    if alive "$RUN/db.pid"; then
      echo "PostgreSQL (pid $(cat "$RUN/db.pid")) does not answer: restarting it"
      stop_pid "$RUN/db.pid" PostgreSQL
    fi
    local orphan
    if orphan=$(pg_pid); then
      # Its supervisor died (kill -9) and left the server running: a fast shutdown (SIGINT).
      echo "PostgreSQL server pid $orphan runs without its supervisor: stopping it"
      kill -INT "$orphan" 2>/dev/null || true
      for _ in $(seq 1 60); do pg_pid >/dev/null || break; sleep 0.5; done
    fi
    # A fresh log per start: nothing below reads an old run's lines.
    [[ -f "$RUN/logs/db.log" ]] && mv -f "$RUN/logs/db.log" "$RUN/logs/db.log.1"
    java -cp "$CP" vn.binhyen.deploy.DatabaseCommand --port "$PG_PORT" --data-dir "$RUN/postgres" \
      >"$RUN/logs/db.log" 2>&1 &
    echo $! >"$RUN/db.pid"
    local up=""
    for _ in $(seq 1 120); do
      alive "$RUN/db.pid" || { tail -n 30 "$RUN/logs/db.log" >&2; die "PostgreSQL exited; see $RUN/logs/db.log"; }
      if [[ -f "$(CRED)" ]] && pg_up; then up=1; break; fi
      sleep 0.5
    done
    [[ -n $up ]] || die "PostgreSQL not accepting connections after 60 s; see $RUN/logs/db.log"
    echo "PostgreSQL on port $PG_PORT (pid $(cat "$RUN/db.pid"), server pid $(pg_pid), data in $RUN/postgres)"
  fi
  DB_URL="postgresql://$(prop owner.user):$(prop owner.password)@localhost:$PG_PORT/postgres"
  DB_APP_PASSWORD=$(prop app.password)
}

start_node() {
  local i=$1 members=$2 command=serve
  local http=$((HTTP_BASE + i - 1)) hz=$((HZ_BASE + i - 1))
  if alive "$RUN/node$i.pid"; then echo "node$i already running (pid $(cat "$RUN/node$i.pid"))"; return; fi
  local extra=()
  if [[ $i == 1 && -n "${BINHYEN_CLUSTER_DEMO_PASSWORD:-}" ]]; then
    command=demo; extra=(--password "$BINHYEN_CLUSTER_DEMO_PASSWORD")
  fi
  mkdir -p "$RUN/node$i"
  # Exported in a subshell, not `env VAR=...` arguments: the passwords never appear in `ps`.
  (
    export BINHYEN_DB_URL="$DB_URL"
    if [[ -n "${DB_APP_PASSWORD:-}" ]]; then export BINHYEN_DB_APP_PASSWORD="$DB_APP_PASSWORD"; fi
    export BINHYEN_HTTP_PORT="$http" \
      BINHYEN_DATA_DIR="$RUN/node$i" \
      BINHYEN_MASTER_KEY_FILE="$RUN/master.key" \
      BINHYEN_CLUSTER_NAME="${BINHYEN_CLUSTER_NAME:-binhyen-local}" \
      BINHYEN_CLUSTER_HOST=127.0.0.1 \
      BINHYEN_CLUSTER_PORT="$hz" \
      BINHYEN_CLUSTER_MEMBERS="$members" \
      BINHYEN_PUBLIC_URL="${BINHYEN_PUBLIC_URL:-http://localhost:$HTTP_BASE}"
    # shellcheck disable=SC2086
    exec java $JAVA_OPTS $HZ_FLAGS -cp "$CP" vn.binhyen.deploy.Main "$command" "${extra[@]}"
  ) >>"$RUN/logs/node$i.log" 2>&1 &
  echo $! >"$RUN/node$i.pid"
}

start() {
  local n=${1:-3}
  [[ $n =~ ^[1-9][0-9]?$ ]] || die "N must be 1-99 (got $n)"
  [[ -n "${BINHYEN_CLASSPATH:-}" || -f $JAR ]] || die "no jar at $JAR: run 'mvn -q package -DskipTests' first"
  mkdir -p "$RUN/logs"
  echo "$n" >"$RUN/size"
  if [[ ! -f "$RUN/master.key" ]]; then
    (umask 077; head -c 32 /dev/urandom | base64 >"$RUN/master.key")
  fi
  start_db
  local members="" i
  for ((i = 1; i <= n; i++)); do members+="${members:+,}127.0.0.1:$((HZ_BASE + i - 1))"; done
  # Node 1 first and alone: it applies the migrations (and seeds the demo) and is the oldest member.
  start_node 1 "$members"
  wait_for "http://127.0.0.1:$HTTP_BASE/health/ready" "$RUN/node1.pid" node1 "$RUN/logs/node1.log"
  if [[ -n "${BINHYEN_CLUSTER_DEMO_PASSWORD:-}" ]]; then
    # The node is ready before the demo country and its users are in.
    for _ in $(seq 1 240); do
      grep -q "BinhYen demo is running" "$RUN/logs/node1.log" && break
      alive "$RUN/node1.pid" || die "node1 exited while seeding; see $RUN/logs/node1.log"
      sleep 0.5
    done
  fi
  for ((i = 2; i <= n; i++)); do start_node "$i" "$members"; done
  for ((i = 2; i <= n; i++)); do
    wait_for "http://127.0.0.1:$((HTTP_BASE + i - 1))/health/ready" "$RUN/node$i.pid" "node$i" "$RUN/logs/node$i.log"
  done
  status
}

stop_pid() {
  local pidfile=$1 what=$2
  if alive "$pidfile"; then
    local pid; pid=$(cat "$pidfile")
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then echo "$what did not stop in 30 s: SIGKILL"; kill -KILL "$pid"; fi
    echo "stopped $what (pid $pid)"
  fi
  rm -f "$pidfile"
}

stop() {
  [[ -d $RUN ]] || { echo "nothing to stop ($RUN does not exist)"; return; }
  local f
  for f in "$RUN"/node*.pid; do [[ -e $f ]] && stop_pid "$f" "$(basename "$f" .pid)" & done
  wait
  stop_pid "$RUN/db.pid" PostgreSQL
  local orphan
  if orphan=$(pg_pid); then
    echo "stopping PostgreSQL server pid $orphan (its supervisor was gone)"
    kill -INT "$orphan" 2>/dev/null || true
    for _ in $(seq 1 60); do pg_pid >/dev/null || break; sleep 0.5; done
  fi
}

status() {
  [[ -d $RUN ]] || { echo "not started ($RUN does not exist)"; return; }
  local n; n=$(cat "$RUN/size" 2>/dev/null || echo 0)
  if [[ -z "${BINHYEN_DB_URL:-}" && ( -f "$RUN/db.pid" || -d "$RUN/postgres" ) ]]; then
    local server; server=$(pg_pid || true)
    if ! alive "$RUN/db.pid"; then
      echo "PostgreSQL  DOWN: not running${server:+ (but a server pid $server runs without its supervisor)}"
    elif [[ -z $server ]]; then
      echo "PostgreSQL  DOWN: pid $(cat "$RUN/db.pid") runs but its server process is gone"
    elif pg_ready; then
      echo "PostgreSQL  pid $(cat "$RUN/db.pid")  server pid $server  port $PG_PORT  running, accepting connections"
    else
      echo "PostgreSQL  DOWN: server pid $server runs but does not accept connections on port $PG_PORT"
    fi
  fi
  local i
  for ((i = 1; i <= n; i++)); do
    local http=$((HTTP_BASE + i - 1)) state="not running" ready=""
    if alive "$RUN/node$i.pid"; then
      state="pid $(cat "$RUN/node$i.pid")"
      ready=$(curl -sS -m 3 "http://127.0.0.1:$http/health/ready" 2>/dev/null || echo "no answer")
    fi
    echo "node$i  http://localhost:$http  $state  $ready"
  done
}

case "${1:-}" in
  start) start "${2:-3}" ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start [N] | stop | status" >&2; exit 2 ;;
esac
