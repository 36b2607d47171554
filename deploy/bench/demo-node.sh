# Sourced by the benchmark scripts: starts the demo jar on a private data folder, port and
# Hazelcast cluster, waits until it serves, and stops it (and removes the folder) on exit.
#   start_demo_node <http port> <cluster port> [VAR=value ...]   # extra environment for the node
# Sets DATA (the folder), LOG (the node's output), NODE_PID and BASE (http://localhost:<port>).
JAR=${JAR:-deploy/target/binhyen.jar}
HZ_OPENS="--add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.management/sun.management=ALL-UNNAMED --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED"

stop_demo_node() {
  if [[ -n ${NODE_PID:-} ]]; then kill "$NODE_PID" 2>/dev/null || true; wait "$NODE_PID" 2>/dev/null || true; fi
  if [[ -n ${DATA:-} ]]; then rm -rf "$DATA"; fi
}

start_demo_node() {
  local port=$1 cluster_port=$2
  shift 2
  DATA=$(mktemp -d /tmp/binhyen-bench.XXXXXX)
  LOG=$DATA/node.log
  trap stop_demo_node EXIT
  echo "== starting the demo node on port $port (data in $DATA)"
  env BINHYEN_DATA_DIR="$DATA" BINHYEN_HTTP_PORT="$port" BINHYEN_CLUSTER_PORT="$cluster_port" \
    BINHYEN_CLUSTER_MEMBERS="127.0.0.1:$cluster_port" BINHYEN_CLUSTER_NAME="bench-$$-$port" \
    BINHYEN_ACCESS_LOG_LEVEL=WARN "$@" \
    java $HZ_OPENS -Xmx1g -jar "$JAR" demo --password bench-password-1 >"$LOG" 2>&1 &
  NODE_PID=$!
  for _ in $(seq 1 180); do
    if grep -aq "demo is running" "$LOG"; then break; fi
    if ! kill -0 "$NODE_PID" 2>/dev/null; then cat "$LOG" >&2; exit 1; fi
    sleep 1
  done
  grep -aq "demo is running" "$LOG" || { echo "the node did not start" >&2; tail -50 "$LOG" >&2; exit 1; }
  BASE=http://localhost:$port
}
