#!/usr/bin/env bash
# Tip intake over HTTP against the durable single-INSERT ceiling, on the same server in the same
# run: the demo jar on its embedded PostgreSQL (fsync and synchronous_commit on, checked), then
# interleaved rounds of
#   - the ceiling: pgbench, single-row autocommit INSERTs into a plain table, prepared;
#   - intake: wrk posting JSON tips to POST /api/public/tips (deploy/bench/submit-tip.lua: every
#     tip to one ward, the hottest case for the roll-up rows), the whole path: contract
#     validation, the cluster-wide rate limiter, tip + first event + roll-ups in one transaction;
# both with the same number of concurrent clients; the best round of each is kept. Afterwards
# every roll-up row is compared with a GROUP BY over the tips (must be 0 differences) and the
# stored tips are counted against the 201 answers.
#
# Each round also reports the CPU time spent per operation (from /proc: the node's JVM, the
# PostgreSQL server with every backend, and the load generator), in microseconds: on a shared
# machine the rates follow the other tenants' load, the CPU cost per tip much less.
#
#   deploy/bench/tips-intake-bench.sh
#   DURATION=20 CONNECTIONS=64 ROUNDS=3 WARMUP=60 deploy/bench/tips-intake-bench.sh
#   JAR=/tmp/other-build.jar deploy/bench/tips-intake-bench.sh    # another build, same script
#
# Needs wrk, pgbench and psql (Debian: apt-get install -y wrk postgresql-15), python3, a JDK 17.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-32}
ROUNDS=${ROUNDS:-2}
PORT=${PORT:-18481}
CLUSTER_PORT=${CLUSTER_PORT:-5894}
JAR=${JAR:-deploy/target/binhyen.jar}

command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 2; }
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1 || true)
PSQL=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | tail -1 || true)
[[ -n $PGBENCH && -n $PSQL ]] || { echo "pgbench/psql missing: apt-get install -y postgresql-15" >&2; exit 2; }
[[ -f $JAR ]] || mvn -q -B -o package -DskipTests

source deploy/bench/demo-node.sh
# The public intake is rate-limited per address and all the load comes from one: raise the limit.
start_demo_node "$PORT" "$CLUSTER_PORT" BINHYEN_TIPS_SUBMIT_PER_MINUTE=100000000 BINHYEN_TIPS_SLA_SWEEP_SECONDS=86400
PGPORT=$(grep -ao "Embedded PostgreSQL on port [0-9]*" "$LOG" | head -1 | awk '{print $NF}')
# Every login of the embedded server needs its password: the owner's is generated into the
# credentials file beside the PostgreSQL folder (base64url, so no properties escaping to undo).
PGPASSWORD=$(sed -n 's/^owner\.password=//p' "$(find "$DATA" -maxdepth 2 -name postgres-credentials.properties | head -1)")
export PGPASSWORD
sql() { "$PSQL" -h localhost -p "$PGPORT" -U postgres -d postgres -At -c "$1"; }
for setting in fsync synchronous_commit; do
  [[ $(sql "SHOW $setting") == on ]] || { echo "$setting is not on: not a durable server" >&2; exit 1; }
done
sql "CREATE TABLE bench_insert (id bigserial PRIMARY KEY, body text NOT NULL, at timestamptz NOT NULL DEFAULT now())" >/dev/null
echo "INSERT INTO bench_insert (body) VALUES ('Có người lạ mạo danh công an gọi điện yêu cầu chuyển tiền');" >"$DATA/insert.sql"
TIPS_BEFORE=$(sql "SELECT count(*) FROM tip")

POSTMASTER=$(head -1 "$(find "$DATA" -maxdepth 3 -name postmaster.pid | head -1)")
cpu_seconds() { # "<node JVM> <PostgreSQL: postmaster, its live backends and the ones it reaped>" CPU seconds
  python3 - "$NODE_PID" "$POSTMASTER" <<'PY'
import os, subprocess, sys
tick = os.sysconf("SC_CLK_TCK")
def stat(pid):
    try:
        return open("/proc/%s/stat" % pid).read().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return None
def own(pid):
    f = stat(pid)
    return 0 if f is None else int(f[11]) + int(f[12])
node, pm = sys.argv[1], sys.argv[2]
f = stat(pm)
pg = int(f[11]) + int(f[12]) + int(f[13]) + int(f[14])
pg += sum(own(c) for c in subprocess.run(["pgrep", "-P", pm], capture_output=True, text=True).stdout.split())
print("%.2f %.2f" % (own(node) / tick, pg / tick))
PY
}
per_op() { # <before> <after> <operations> <client CPU seconds> -> "<node us> <pg us> <client us>" per operation
  python3 -c 'import sys; b = sys.argv[1].split(); a = sys.argv[2].split(); n = int(sys.argv[3])
print("%.0f %.0f %.0f" % (1e6 * (float(a[0]) - float(b[0])) / n, 1e6 * (float(a[1]) - float(b[1])) / n, 1e6 * float(sys.argv[4]) / n))' "$@"
}
client_cpu() { # runs the command; prints its output, then its own CPU seconds on the last line
  python3 -c 'import os, subprocess, sys
out = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout
t = os.times(); print(out); print("%.3f" % (t.children_user + t.children_system))' "$@"
}

ceiling() { # "<inserts/s> <average latency ms> <pg us per insert> <pgbench us per insert>"
  local before after out
  before=$(cpu_seconds)
  out=$(client_cpu "$PGBENCH" -h localhost -p "$PGPORT" -U postgres -n -M prepared -c "$CONNECTIONS" -j 2 -T "$DURATION" \
    -f "$DATA/insert.sql" postgres)
  after=$(cpu_seconds)
  read -r rate lat n < <(printf '%s' "$out" | python3 -c '
import re, sys
t = sys.stdin.read()
print("%.0f %.2f %s" % (float(re.search(r"tps = ([\d.]+)", t).group(1)), float(re.search(r"latency average = ([\d.]+) ms", t).group(1)),
      re.search(r"number of transactions actually processed: (\d+)", t).group(1)))')
  read -r _ pg client < <(per_op "$before" "$after" "$n" "$(printf '%s' "$out" | tail -1)")
  echo "$rate $lat $pg $client"
}
intake() { # "<tips/s> <p50 ms> <p99 ms> <201s> <node us per tip> <pg us per tip> <wrk us per tip>"
  local before after out
  before=$(cpu_seconds)
  out=$(client_cpu wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s deploy/bench/submit-tip.lua "$BASE/api/public/tips")
  after=$(cpu_seconds)
  read -r rate p50 p99 n < <(printf '%s' "$out" | python3 -c '
import re, sys
t = sys.stdin.read()
def ms(p):
    m = re.search(r"\s%s%%\s+([\d.]+)(us|ms|s)" % p, t)
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
if errors:
    sys.exit("intake answered %s non-2xx responses" % errors.group(1))
total = int(re.search(r"(\d+) requests in", t).group(1))
print("%.0f %.2f %.2f %d" % (float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1)), ms(50), ms(99), total))')
  [[ -n ${n:-} ]] || exit 1
  echo "$rate $p50 $p99 $n $(per_op "$before" "$after" "$n" "$(printf '%s' "$out" | tail -1)")"
}

echo "== $ROUNDS round(s), $CONNECTIONS clients, ${DURATION} s each, interleaved; best of each kept"
# Warm-up: the JIT needs about 20 s of this load to reach steady state (rates rose 30-50 % over
# the first three 10 s runs of a fresh node); the rounds measure the steady state.
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-25}s" -s deploy/bench/submit-tip.lua "$BASE/api/public/tips" >/dev/null
CEIL_RUNS=""; TIP_RUNS=""
for round in $(seq 1 "$ROUNDS"); do
  r=$(ceiling); CEIL_RUNS+="$r"$'\n'; echo "round $round single-INSERT ceiling: $r (inserts/s, avg latency ms; CPU us per insert: PostgreSQL, pgbench)"
  r=$(intake); TIP_RUNS+="$r"$'\n'; echo "round $round HTTP intake:          $r (tips/s, p50 ms, p99 ms, answers; CPU us per tip: node, PostgreSQL, wrk)"
done
read -r CEIL CEIL_LAT CEIL_PG CEIL_CLIENT < <(printf '%s' "$CEIL_RUNS" | sort -k1,1nr | head -1)
read -r TIPS TIPS_P50 TIPS_P99 _ TIPS_NODE TIPS_PG TIPS_CLIENT < <(printf '%s' "$TIP_RUNS" | sort -k1,1nr | head -1)

# Every acknowledged tip is stored (the warm-up's included), and the roll-ups are exact.
STORED=$(( $(sql "SELECT count(*) FROM tip") - TIPS_BEFORE ))
ACKED=$(printf '%s' "$TIP_RUNS" | awk '{s += $4} END {print s}')
(( STORED >= ACKED )) || { echo "only $STORED tips stored for $ACKED acknowledged" >&2; exit 1; }
DIFF=$(sql "$(python3 - <<'PY'
import re
src = open("platform-core/src/test/java/vn/binhyen/core/testing/TipRollups.java", encoding="utf-8").read()
print(re.search(r'DIFF = """(.*?)""";', src, re.S).group(1))
PY
)")
echo "tips acknowledged in the measured rounds: $ACKED; stored during the run (warm-up included): $STORED; roll-up rows differing from a GROUP BY: $DIFF"
[[ $DIFF == 0 ]] || { echo "roll-ups differ from the tips" >&2; exit 1; }

python3 - "$TIPS" "$TIPS_P50" "$TIPS_P99" "$CEIL" "$CEIL_LAT" "$TIPS_NODE" "$TIPS_PG" "$TIPS_CLIENT" "$CEIL_PG" "$CEIL_CLIENT" <<'PY'
import sys
tips, p50, p99, ceil, lat, node, pg, wrk, cpg, cclient = map(float, sys.argv[1:])
print("== summary")
print("CPU per operation in those rounds: a tip %.0f us (node %.0f, PostgreSQL %.0f, wrk %.0f); an INSERT %.0f us (PostgreSQL %.0f, pgbench %.0f)"
      % (node + pg + wrk, node, pg, wrk, cpg + cclient, cpg, cclient))
print("HTTP intake %.0f tips/s (p50 %.1f ms, p99 %.1f ms) / single-INSERT ceiling %.0f/s (avg %.2f ms) = %.2f (target >= 1.0, issue 15) -> %s"
      % (tips, p50, p99, ceil, lat, tips / ceil, "PASS" if tips / ceil >= 1.0 else "FAIL"))
PY
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
