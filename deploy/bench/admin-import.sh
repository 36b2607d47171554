#!/usr/bin/env bash
# Times the national unit lists and the 2025 reform replay through the CLI, each in a fresh
# embedded database: units-2025.csv, units-pre2025.csv (imported twice: the second run must
# create nothing), then replay-reform from units-pre2025 to units-2025 (dry run, then apply).
# Usage: deploy/bench/admin-import.sh [path/to/binhyen.jar]   (build it with mvn -pl deploy -am package)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
jar="${1:-$here/deploy/target/binhyen.jar}"
data="$here/platform-core/src/main/resources/data"
work="$(mktemp -d /tmp/binhyen-admin-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
java_opts=(--add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens java.management/sun.management=ALL-UNNAMED
  --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED)
# Keep the bench's one-node cluster off the default ports and away from other nodes on the machine.
export BINHYEN_CLUSTER_PORT="${BINHYEN_CLUSTER_PORT:-5891}"
export BINHYEN_CLUSTER_MEMBERS="127.0.0.1:$BINHYEN_CLUSTER_PORT"
export BINHYEN_CLUSTER_NAME="admin-bench-$$"

run() { # run <data dir> <args...>: prints the command's own timing lines and the wall time
  local dir="$1"; shift
  local t0; t0=$(date +%s%N)
  BINHYEN_DATA_DIR="$dir" java "${java_opts[@]}" -jar "$jar" "$@" 2>/dev/null \
    | grep -E '"created"|"renamed"|"closed"|"usersMoved"|"channelsMoved"| ms$|refused' || true
  echo "  wall time including node start: $(( ($(date +%s%N) - t0) / 1000000 )) ms"
}

echo "== import-units units-2025.csv (34 + 3,321) =="
run "$work/w2025" import-units "$data/units-2025.csv"
echo "== import-units units-pre2025.csv (63 + 696 + 10,035) =="
run "$work/wpre" import-units "$data/units-pre2025.csv"
echo "== again (idempotent: nothing created) =="
run "$work/wpre" import-units "$data/units-pre2025.csv"
echo "== replay-reform --dry-run =="
run "$work/wpre" replay-reform --old "$data/units-pre2025.csv" --new "$data/units-2025.csv" \
  --mapping "$data/reform-2025-mapping.csv" --dry-run
echo "== replay-reform (apply) =="
run "$work/wpre" replay-reform --old "$data/units-pre2025.csv" --new "$data/units-2025.csv" \
  --mapping "$data/reform-2025-mapping.csv"
