#!/usr/bin/env bash
# A local BinhYen cluster on this machine: one PostgreSQL and N nodes (default 3) joined through
# Hazelcast on 127.0.0.1, each on its own HTTP port (8081, 8082, ...), sharing one master key.
#
#   deploy/cluster.sh start [N]   start PostgreSQL and N nodes, wait until every node is ready
#   deploy/cluster.sh stop        stop the nodes (SIGTERM, a clean leave), then PostgreSQL
#   deploy/cluster.sh status      which processes run and what /health/ready says
#
# Build the jar first: mvn -q package -DskipTests
# Environment (all optional):
#   BINHYEN_DB_URL           use this PostgreSQL (e.g. Debian's) instead of the embedded one
#   BINHYEN_CLUSTER_DEMO_PASSWORD  seed the demo country through node 1, every demo user with this password
#   BINHYEN_RUN_DIR          run folder: pid files, logs, data (default deploy/run/cluster)
#   BINHYEN_HTTP_BASE        first HTTP port (default 8081); BINHYEN_HZ_BASE first Hazelcast port (default 5801)
#   BINHYEN_PG_PORT          port of the embedded PostgreSQL (default 15432)
#   JAVA_OPTS                extra JVM options per node (default -Xmx512m)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${BINHYEN_JAR:-$ROOT/deploy/target/binhyen.jar}
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

start_db() {
  if [[ -n "${BINHYEN_DB_URL:-}" ]]; then
    echo "PostgreSQL: using BINHYEN_DB_URL"
    DB_URL=$BINHYEN_DB_URL
    return
  fi
  DB_URL="postgresql://postgres@localhost:$PG_PORT/postgres"
  if alive "$RUN/db.pid"; then echo "PostgreSQL already running (pid $(cat "$RUN/db.pid"))"; return; fi
  java -cp "$JAR" vn.binhyen.deploy.DatabaseCommand --port "$PG_PORT" --data-dir "$RUN/postgres" \
    >>"$RUN/logs/db.log" 2>&1 &
  echo $! >"$RUN/db.pid"
  for _ in $(seq 1 120); do
    alive "$RUN/db.pid" || { tail -n 30 "$RUN/logs/db.log" >&2; die "PostgreSQL exited; see $RUN/logs/db.log"; }
    grep -q "PostgreSQL is running" "$RUN/logs/db.log" 2>/dev/null && break
    sleep 0.5
  done
  echo "PostgreSQL on port $PG_PORT (pid $(cat "$RUN/db.pid"), data in $RUN/postgres)"
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
  # shellcheck disable=SC2086
  env BINHYEN_DB_URL="$DB_URL" \
      BINHYEN_HTTP_PORT="$http" \
      BINHYEN_DATA_DIR="$RUN/node$i" \
      BINHYEN_MASTER_KEY_FILE="$RUN/master.key" \
      BINHYEN_CLUSTER_NAME="${BINHYEN_CLUSTER_NAME:-binhyen-local}" \
      BINHYEN_CLUSTER_HOST=127.0.0.1 \
      BINHYEN_CLUSTER_PORT="$hz" \
      BINHYEN_CLUSTER_MEMBERS="$members" \
      BINHYEN_PUBLIC_URL="${BINHYEN_PUBLIC_URL:-http://localhost:$HTTP_BASE}" \
      java $JAVA_OPTS $HZ_FLAGS -jar "$JAR" "$command" "${extra[@]}" >>"$RUN/logs/node$i.log" 2>&1 &
  echo $! >"$RUN/node$i.pid"
}

start() {
  local n=${1:-3}
  [[ $n =~ ^[1-9][0-9]?$ ]] || die "N must be 1-99 (got $n)"
  [[ -f $JAR ]] || die "no jar at $JAR: run 'mvn -q package -DskipTests' first"
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
}

status() {
  [[ -d $RUN ]] || { echo "not started ($RUN does not exist)"; return; }
  local n; n=$(cat "$RUN/size" 2>/dev/null || echo 0)
  if [[ -f "$RUN/db.pid" ]]; then
    alive "$RUN/db.pid" && echo "PostgreSQL  pid $(cat "$RUN/db.pid")  port $PG_PORT  running" \
      || echo "PostgreSQL  not running"
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
