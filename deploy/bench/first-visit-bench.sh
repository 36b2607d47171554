#!/usr/bin/env bash
# A citizen's first visit to /verify on a poor connection: bytes transferred (compressed, with
# headers) until the service worker is ready and the network idle, bytes of a second visit, and
# the time from pasting a poster's token to the verdict online and with the network off, in
# Debian's Chromium with DevTools "Slow 4G" throttling, next to an unthrottled run.
#
#   deploy/bench/first-visit-bench.sh        # from the repository root; builds the jar if missing
#
# Needs Debian's chromium, node (20 or later), curl, python3 and a JDK 17.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-18490}
CLUSTER_PORT=${CLUSTER_PORT:-5893}
JAR=deploy/target/binhyen.jar
[[ -f $JAR ]] || mvn -q -B -o package -DskipTests
source deploy/bench/demo-node.sh
start_demo_node "$PORT" "$CLUSTER_PORT"
TOKEN=$(curl -sf "$BASE/api/public/units/00004/channels" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["token"])')
echo "== machine: $(nproc) cores, $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg), $(/usr/bin/chromium --version 2>/dev/null), node $(node --version)"
for profile in slow4g none; do
  echo "== $profile"
  node --experimental-websocket deploy/bench/first-visit.mjs "$BASE" "$TOKEN" "$profile" 2>&1 | grep -v ExperimentalWarning
done
