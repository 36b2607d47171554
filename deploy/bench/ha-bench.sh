#!/usr/bin/env bash
# Tip intake with synchronous replication next to a single server, and a failover under load, in
# one run on one machine:
#   1. single: one demo node on a lone PostgreSQL 15 (fsync and synchronous_commit on, no replica);
#   2. HA: the same node on deploy/ha.sh's tier (three PostgreSQL 15 under Patroni, synchronous
#      replication, through HAProxy's primary port): every commit is on two servers before the 201;
#   3. failover: wrk keeps posting tips to the HA node; the leader's postmaster gets SIGKILL; a curl
#      loop measures the time from the kill to the first 201, wrk counts the refused answers (503).
# Both intake rounds: wrk posting JSON tips (deploy/bench/submit-tip.lua) with the same clients and
# duration after the same warm-up.
#
#   deploy/bench/ha-bench.sh
#   DURATION=20 CONNECTIONS=32 deploy/bench/ha-bench.sh
#
# Needs root, wrk, patroni, etcd-server, haproxy, postgresql-15, python3, a JDK 17.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-20}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18581}
CLUSTER_PORT=${CLUSTER_PORT:-5994}
PG_BIN=/usr/lib/postgresql/15/bin
JAR=deploy/target/binhyen.jar
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 2; }
[[ -f $JAR ]] || mvn -q -B -o package -DskipTests

WORK=$(mktemp -d /tmp/binhyen-ha-bench.XXXXXX)
chmod 755 "$WORK"
export BINHYEN_HA_DIR=$WORK/ha BINHYEN_HA_PORT_BASE=${PORT_BASE:-17100}
SINGLE_PORT=$((BINHYEN_HA_PORT_BASE + 60))
source deploy/bench/demo-node.sh

cleanup() {
  stop_demo_node
  deploy/ha.sh stop >/dev/null 2>&1 || true
  if [[ -f $WORK/single/postmaster.pid ]]; then
    setpriv --reuid=postgres --regid=postgres --init-groups "$PG_BIN/pg_ctl" -D "$WORK/single" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups env HOME=/tmp "$@"; }

intake() { # "<tips/s> <p50 ms> <p99 ms>"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s deploy/bench/submit-tip.lua "$BASE/api/public/tips" | python3 -c '
import re, sys
t = sys.stdin.read()
def ms(p):
    m = re.search(r"\s%s%%\s+([\d.]+)(us|ms|s)" % p, t)
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
if errors:
    sys.exit("intake answered %s non-2xx responses" % errors.group(1))
print("%.0f %.2f %.2f" % (float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1)), ms(50), ms(99)))'
}

# Starts the demo node on the database of $1 (owner URL) / $2 (binhyen_app's password) and warms
# it up; sets BASE (in this shell: not to be called in a subshell).
node_on() {
  start_demo_node "$PORT" "$CLUSTER_PORT" BINHYEN_DB_URL="$1" BINHYEN_DB_APP_PASSWORD="$2" \
    BINHYEN_TIPS_SUBMIT_PER_MINUTE=100000000 BINHYEN_TIPS_SLA_SWEEP_SECONDS=86400 >&2
  trap cleanup EXIT
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s deploy/bench/submit-tip.lua "$BASE/api/public/tips" >/dev/null
}

echo "== single PostgreSQL 15 on port $SINGLE_PORT (no replica)"
mkdir -p "$WORK/single"; chown postgres:postgres "$WORK/single"; chmod 700 "$WORK/single"
(umask 077; echo bench-super >"$WORK/single.pw"); chown postgres "$WORK/single.pw"
as_postgres "$PG_BIN/initdb" -D "$WORK/single" -E UTF8 --locale C.UTF-8 -A scram-sha-256 --pwfile="$WORK/single.pw" -U postgres >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$WORK/single" -l "$WORK/single/server.log" -w start \
  -o "-c port=$SINGLE_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK/single -c max_connections=200 -c shared_buffers=128MB -c fsync=on -c synchronous_commit=on" >/dev/null
PGPASSWORD=bench-super psql -X -q -h 127.0.0.1 -p "$SINGLE_PORT" -U postgres -d postgres \
  -c "CREATE ROLE binhyen LOGIN CREATEROLE BYPASSRLS PASSWORD 'bench-owner'" \
  -c "CREATE ROLE binhyen_app LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD 'bench-app'" \
  -c "GRANT binhyen_app TO binhyen WITH ADMIN OPTION" -c "CREATE DATABASE binhyen OWNER binhyen"
node_on "postgresql://binhyen:bench-owner@127.0.0.1:$SINGLE_PORT/binhyen" bench-app
read -r S_TIPS S_P50 S_P99 <<<"$(intake)"
echo "single server: $S_TIPS tips/s (p50 $S_P50 ms, p99 $S_P99 ms)"
stop_demo_node; NODE_PID=""; DATA=""
as_postgres "$PG_BIN/pg_ctl" -D "$WORK/single" -m fast -w stop >/dev/null

echo "== HA: deploy/ha.sh (Patroni, synchronous replication, HAProxy)"
deploy/ha.sh start 0 >/dev/null
DB_URL=$(sed -n 's/^BINHYEN_DB_URL=//p' "$BINHYEN_HA_DIR/db.env")
APP_PW=$(sed -n 's/^BINHYEN_DB_APP_PASSWORD=//p' "$BINHYEN_HA_DIR/db.env")
node_on "$DB_URL" "$APP_PW"
read -r H_TIPS H_P50 H_P99 <<<"$(intake)"
echo "synchronous replication: $H_TIPS tips/s (p50 $H_P50 ms, p99 $H_P99 ms)"

echo "== failover under load: SIGKILL to the leader's postmaster"
leader=$(curl -fsS "http://127.0.0.1:$((BINHYEN_HA_PORT_BASE + 31))/cluster" | python3 -c '
import json, sys
print([m["name"] for m in json.load(sys.stdin)["members"] if m["role"] == "leader"][0])')
wrk -t2 -c"$CONNECTIONS" -d40s -s deploy/bench/submit-tip.lua "$BASE/api/public/tips" >"$WORK/failover-wrk.txt" &
WRK=$!
sleep 10
kill -KILL "$(head -n 1 "$BINHYEN_HA_DIR/$leader/data/postmaster.pid")"
killed=$(date +%s%N)
back=""
for _ in $(seq 1 600); do
  code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"unit":"00004","category":"other","text":"Tin báo đo chuyển đổi dự phòng"}' "$BASE/api/public/tips" || true)
  if [[ $code == 201 ]]; then back=$(date +%s%N); break; fi
  sleep 0.1
done
wait "$WRK" || true
[[ -n $back ]] || { echo "intake did not come back within 60 s" >&2; exit 1; }
refused=$(sed -n 's/.*Non-2xx or 3xx responses: \([0-9]*\).*/\1/p' "$WORK/failover-wrk.txt")
answered=$(sed -n 's/.* \([0-9]*\) requests in.*/\1/p' "$WORK/failover-wrk.txt")
socket=$(grep -o "Socket errors.*" "$WORK/failover-wrk.txt" || echo "Socket errors: none")
echo "failover: $leader killed; first tip acknowledged $(( (back - killed) / 1000000 )) ms later;" \
  "${refused:-0} of $answered tips answered non-2xx during the 40 s run ($socket)"
deploy/ha.sh status | sed -n '1,6p'
echo "ratio (synchronous replication / single server): $(python3 -c "print('%.2f' % ($H_TIPS / $S_TIPS))")"
