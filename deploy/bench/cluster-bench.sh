#!/usr/bin/env bash
# 1 node against 3 nodes on this machine, with wrk:
#   link verification: GET /api/public/verify?q=facebook.com/ConganThuDo (registry cache, no database)
#   tip intake:        POST /api/public/tips (JSON, one durable transaction per tip)
#   also: GET /api/public/units/{code} (a cached public read) and POST /api/units/01/children (an
#         authenticated acknowledged insert), kept from the first version for comparison
#   ceiling: GET /health/live on the same nodes in the same run (no database, no cluster call)
# With 3 nodes, one wrk per node runs at the same time and their rates are added up.
# Usage: deploy/bench/cluster-bench.sh [duration, default 10s] [connections in all, default 48]
# Build first: mvn -q package -DskipTests. Results are appended to deploy/bench/results.txt.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DURATION=${1:-10s}
CONNECTIONS=${2:-48}
PASSWORD=bench-password-1
OUT="$HERE/results.txt"
export BINHYEN_ACCESS_LOG_LEVEL=WARN BINHYEN_HTTP_BASE=8181 BINHYEN_HZ_BASE=5901 BINHYEN_PG_PORT=15532
export BINHYEN_CLUSTER_NAME=binhyen-bench BINHYEN_CLUSTER_DEMO_PASSWORD=$PASSWORD
# Public rate limits off: the bench measures the work, not 429s.
export BINHYEN_VERIFY_PER_MINUTE=0 BINHYEN_TIPS_SUBMIT_PER_MINUTE=100000000
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

rate() { awk '/Requests\/sec/ {print $2}'; }
p99() { awk '/ 99%/ {print $2}'; }
non2xx() { awk '/Non-2xx/ {print $5} END {print ""}' | head -1; }

# Runs wrk on every node at once ($1 = nodes, $2 = path, $3.. = extra wrk args); prints "rate p99 errors".
load() {
  local n=$1 path=$2; shift 2
  local per=$((CONNECTIONS / n)) i pids=()
  for ((i = 0; i < n; i++)); do
    BENCH_CODE_BASE=$((CODE_BASE + i * 10000)) BENCH_CODE_BLOCK=10000 \
      wrk -t1 -c"$per" -d"$DURATION" --latency "$@" "http://127.0.0.1:$((8181 + i))$path" >"$TMP/wrk-$i.txt" 2>&1 &
    pids+=($!)
  done
  wait "${pids[@]}"
  local total=0 worst=0 errors=0
  for ((i = 0; i < n; i++)); do
    total=$(awk -v a="$total" -v b="$(rate <"$TMP/wrk-$i.txt")" 'BEGIN {printf "%.0f", a + b}')
    worst=$(p99 <"$TMP/wrk-$i.txt" | sed 's/ms//;s/us/e-3/;s/^\([0-9.]*\)s$/\1e3/' | awk -v w="$worst" '{v = $1 + 0; print (v > w ? v : w)}')
    e=$(non2xx <"$TMP/wrk-$i.txt"); errors=$((errors + ${e:-0}))
  done
  echo "$total $worst $errors"
}

TMP=$(mktemp -d)
{
  echo "=== cluster-bench $(date -u '+%Y-%m-%d %H:%M UTC') on $(hostname): $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "wrk: $CONNECTIONS connections in all, $DURATION per figure; nodes: BINHYEN_HTTP_INSTANCES default (cores), -Xmx512m"
  printf '%-6s %-34s %10s %10s %8s\n' nodes what "req/s" "p99 ms" "non-2xx"
} | tee -a "$OUT"
CODE_BASE=40000
for n in 1 3; do
  export BINHYEN_RUN_DIR="$ROOT/deploy/run/bench-$n"
  rm -rf "$BINHYEN_RUN_DIR"
  "$ROOT/deploy/cluster.sh" start "$n" >/dev/null
  TOKEN=$(curl -fsS -X POST -H 'Content-Type: application/json' \
    -d "{\"username\":\"ministry-admin\",\"password\":\"$PASSWORD\"}" http://127.0.0.1:8181/api/auth/login \
    | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
  export BENCH_TOKEN=$TOKEN
  load "$n" /health/live >/dev/null   # warm-up
  load "$n" /api/public/units/00070 >/dev/null
  read -r r p e < <(load "$n" /health/live)
  printf '%-6s %-34s %10s %10s %8s\n' "$n" "ceiling GET /health/live" "$r" "$p" "$e" | tee -a "$OUT"
  read -r r p e < <(load "$n" /api/public/units/00070)
  printf '%-6s %-34s %10s %10s %8s\n' "$n" "read GET /api/public/units/{code}" "$r" "$p" "$e" | tee -a "$OUT"
  read -r r p e < <(load "$n" "" -s "$HERE/create-unit.lua")
  printf '%-6s %-34s %10s %10s %8s\n' "$n" "write POST /api/units/01/children" "$r" "$p" "$e" | tee -a "$OUT"
  read -r r p e < <(load "$n" "/api/public/verify?q=facebook.com%2FConganThuDo")
  printf '%-6s %-34s %10s %10s %8s\n' "$n" "link verification GET /api/public/verify" "$r" "$p" "$e" | tee -a "$OUT"
  read -r r p e < <(load "$n" "" -s "$HERE/submit-tip.lua")
  printf '%-6s %-34s %10s %10s %8s\n' "$n" "tip intake POST /api/public/tips" "$r" "$p" "$e" | tee -a "$OUT"
  "$ROOT/deploy/cluster.sh" stop >/dev/null
  CODE_BASE=$((CODE_BASE + 20000))
done
rm -rf "$TMP"
