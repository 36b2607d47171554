#!/usr/bin/env bash
# Impostor scoring through the public API: POST /api/public/check on a demo node whose registry
# holds >= 10,000 verified official channels (generated into its database), with the hello-world
# ceiling (GET /health/live) measured in the same run. Target: >= 2,000 checks/s, p99 <= 20 ms.
#
#   deploy/bench/impostor-bench.sh            # defaults: 2 threads, 16 then 64 connections, 15 s each
#   DURATION=30s CONNECTIONS=32 deploy/bench/impostor-bench.sh
#
# Both measurements run with the per-request access log off (BINHYEN_ACCESS_LOG_LEVEL=WARN: a
# synchronous console line per request costs more than the check) and with the JDK's common
# fork-join pool sized to 4: Hazelcast completes async operations (the cluster-wide rate limiter's
# counter) on that pool, and on a 2-core machine its default parallelism of 1 makes Hazelcast
# start a new thread for every completion.
#
# Needs wrk (installed from Debian's packages when missing) and psql. The node runs with its own
# data folder and a private one-member cluster; it is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."

THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-"16 64"}
DURATION=${DURATION:-15s}
PORT=${PORT:-18190}
CLUSTER_PORT=${CLUSTER_PORT:-5891}
JAR=deploy/target/binhyen.jar
WORK=$(mktemp -d /tmp/impostor-bench.XXXXXX)
LOG="$WORK/node.log"
NODE_PID=""

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
[ -f "$JAR" ] || mvn -q -B -o -pl deploy -am package -DskipTests

stop_node() {
  if [ -n "$NODE_PID" ] && kill -0 "$NODE_PID" 2>/dev/null; then
    kill "$NODE_PID"; wait "$NODE_PID" 2>/dev/null || true
  fi
  NODE_PID=""
}
trap 'stop_node' EXIT

start_node() {
  : > "$LOG"
  BINHYEN_DATA_DIR="$WORK/data" BINHYEN_HTTP_PORT=$PORT BINHYEN_CLUSTER_NAME="bench-$$" \
  BINHYEN_CLUSTER_PORT=$CLUSTER_PORT BINHYEN_CLUSTER_MEMBERS="127.0.0.1:$CLUSTER_PORT" \
  BINHYEN_IMPOSTOR_CHECKS_PER_MINUTE=1000000000 BINHYEN_ACCESS_LOG_LEVEL=WARN \
    java -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 --add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED \
      --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
      --add-opens java.management/sun.management=ALL-UNNAMED \
      --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED \
      -jar "$JAR" demo --port "$PORT" --password bench-password-1 >"$LOG" 2>&1 &
  NODE_PID=$!
  for _ in $(seq 1 240); do
    if grep -q "BinhYen demo is running" "$LOG"; then return 0; fi
    kill -0 "$NODE_PID" 2>/dev/null || { tail -30 "$LOG"; echo "node died" >&2; exit 1; }
    sleep 1
  done
  tail -30 "$LOG"; echo "node did not start in 240 s" >&2; exit 1
}

echo "== starting a demo node (data in $WORK)"
start_node
PG_PORT=$(grep -o "Embedded PostgreSQL on port [0-9]*" "$LOG" | head -1 | awk '{print $NF}')
# every login of the embedded server needs its password: the owner's is generated into the
# credentials file beside the data folder (base64url, so no properties escaping to undo)
PGPASSWORD=$(sed -n 's/^owner\.password=//p' "$WORK/data/postgres-credentials.properties")
export PGPASSWORD
PSQL=(psql -q -X -v ON_ERROR_STOP=1 -h localhost -p "$PG_PORT" -U postgres -d postgres)

echo "== generating official channels (3 per commune, 2 per province)"
"${PSQL[@]}" <<'SQL'
WITH units AS (
  SELECT id, code, name, path, level,
         'congan' || regexp_replace(name_folded, '[^a-z0-9]', '', 'g') || code AS handle
    FROM tenant WHERE valid_to IS NULL AND level IN ('commune', 'province')
), rows AS (
  SELECT u.id, u.path, 'facebook_page' AS platform, 'facebook.com/' || u.handle AS nid, 'Công an ' || u.name AS dname FROM units u
  UNION ALL
  SELECT u.id, u.path, 'zalo_oa', 'zalo.me/' || (4100000000 + u.id)::text, 'Công an ' || u.name FROM units u WHERE u.level = 'commune'
  UNION ALL
  SELECT u.id, u.path, 'tiktok', 'tiktok.com/@' || left(u.handle, 24), 'Công an ' || u.name || ' TikTok' FROM units u WHERE u.level = 'commune'
  UNION ALL
  SELECT u.id, u.path, 'website', 'congan' || u.code || '.gov.vn', 'Cổng thông tin Công an ' || u.name FROM units u WHERE u.level = 'province'
)
INSERT INTO channel (tenant_id, tenant_path, platform, normalized_id, url, display_name, name_folded, status, verified_at)
SELECT id, path, platform, nid, 'https://' || nid, dname, lower(dname), 'verified', now() FROM rows
ON CONFLICT (normalized_id) DO NOTHING;
SQL
CHANNELS=$("${PSQL[@]}" -t -A -c "SELECT count(*) FROM channel WHERE status = 'verified'")
echo "   verified channels: $CHANNELS"

echo "== writing the request mix"
LUA="$WORK/check.lua"
{
  echo 'wrk.method = "POST"'
  echo 'wrk.headers["Content-Type"] = "application/json"'
  echo 'local bodies = {'
  # Official links, one-letter typos of official handles, real unit names (accented, unaccented,
  # NFD), unknown links with a unit's name, scam phrases, and harmless names.
  "${PSQL[@]}" -t -A <<'SQL'
SELECT '[==[' || body || ']==],' FROM (
  (SELECT json_build_object('link', 'https://www.facebook.com/' || split_part(normalized_id, '/', 2))::text AS body
     FROM channel WHERE platform = 'facebook_page' ORDER BY md5(normalized_id) LIMIT 150)
  UNION ALL
  (SELECT json_build_object('link', 'https://facebook.com/' || overlay(split_part(normalized_id, '/', 2) placing 'l' from 8 for 1),
                            'name', display_name)::text
     FROM channel WHERE platform = 'facebook_page' ORDER BY md5(normalized_id || 'x') LIMIT 150)
  UNION ALL
  (SELECT json_build_object('name', 'Công an ' || name)::text FROM tenant WHERE valid_to IS NULL ORDER BY md5(code) LIMIT 100)
  UNION ALL
  (SELECT json_build_object('name', 'cong an ' || name_folded, 'link', 'https://zalo.me/09' || right(md5(code), 8))::text
     FROM tenant WHERE valid_to IS NULL ORDER BY md5(code || 'y') LIMIT 100)
  UNION ALL
  (SELECT json_build_object('name', normalize('Công an ' || name, NFD), 'link', 'https://facebook.com/hotro.' || code)::text
     FROM tenant WHERE valid_to IS NULL ORDER BY md5(code || 'z') LIMIT 100)
  UNION ALL
  (SELECT json_build_object('name', 'Hỗ trợ lấy lại tiền bị lừa đảo ' || name, 'about', 'Tiếp nhận hồ sơ thu hồi tiền lừa đảo qua mạng')::text
     FROM tenant WHERE valid_to IS NULL ORDER BY md5(code || 'w') LIMIT 50)
  UNION ALL
  (SELECT json_build_object('name', 'Nhóm cư dân tổ ' || (row_number() OVER ()) || ' ' || name)::text
     FROM tenant WHERE valid_to IS NULL ORDER BY md5(code || 'v') LIMIT 50)
) mix;
SQL
  echo '}'
  echo 'local i = 0'
  echo 'request = function() i = i + 1; return wrk.format(nil, nil, nil, bodies[(i % #bodies) + 1]) end'
} > "$LUA"
echo "   $(grep -c '^\[==\[' "$LUA") distinct requests"

echo "== restarting the node so its scorer is built from the generated registry"
stop_node
start_node
grep -o "Impostor directory rebuilt: [^$]*" "$LOG" | tail -1 || true
curl -sf -X POST -H 'Content-Type: application/json' -d '{"name":"Công an phường Ba Đình"}' \
  "http://localhost:$PORT/api/public/check" >/dev/null

echo "== warm-up (10 s)"
wrk -t"$THREADS" -c64 -d10s -s "$LUA" "http://localhost:$PORT/api/public/check" >/dev/null

rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
p99() { awk '$1 == "99%" {print $2}' "$1"; }
errors() { awk '/Non-2xx|Socket errors/ {sub(/^ +/, ""); printf "%s; ", $0}' "$1"; }
TABLE="$WORK/table.md"
{
  echo "| connections | GET /health/live (ceiling) req/s | its p99 | POST /api/public/check req/s | its p99 | errors |"
  echo "| --- | --- | --- | --- | --- | --- |"
} > "$TABLE"
for c in $CONNECTIONS; do
  echo "== $c connections: ceiling GET /health/live (the verifier's /bench/hello is not on this branch)"
  wrk -t"$THREADS" -c"$c" -d"$DURATION" --latency "http://localhost:$PORT/health/live" | tee "$WORK/hello-$c.txt"
  echo "== $c connections: POST /api/public/check against $CHANNELS official channels"
  wrk -t"$THREADS" -c"$c" -d"$DURATION" --latency -s "$LUA" "http://localhost:$PORT/api/public/check" | tee "$WORK/check-$c.txt"
  echo "| $c | $(rate "$WORK/hello-$c.txt") | $(p99 "$WORK/hello-$c.txt") | $(rate "$WORK/check-$c.txt") | $(p99 "$WORK/check-$c.txt") | $(errors "$WORK/check-$c.txt") |" >> "$TABLE"
done
echo
cat "$TABLE"
echo "($CHANNELS verified channels, $(grep -c '^\[==\[' "$LUA") distinct requests, threads $THREADS, $DURATION per run, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); log in $LOG)"
