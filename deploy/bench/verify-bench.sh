#!/usr/bin/env bash
# Verification benchmark: link verification and token verification against the demo jar, next to
# the hello-world ceiling (/bench/hello, BINHYEN_BENCH_ROUTES=true) and the raw BouncyCastle
# Ed25519 verify rate on as many threads as cores, all measured in the same run.
#
#   deploy/bench/verify-bench.sh            # from the repository root; builds the jar if missing
#   DURATION=20 CONNECTIONS=64 ROUNDS=3 deploy/bench/verify-bench.sh
#   BINHYEN_VERIFY_FAST_PATH=false deploy/bench/verify-bench.sh   # through the OpenAPI validator
#   BINHYEN_VERIFY_REMEMBER_TOKENS=false deploy/bench/verify-bench.sh   # every token's signature checked on every request
#
# Token runs cycle through every demo channel's token (deploy/bench/verify-tokens.lua).
#
# Needs wrk (Debian: apt-get install -y wrk), curl, python3 and a JDK 17.
# The public endpoints will be rate-limited: raise the limits for the bench (BINHYEN_RATE_LIMIT_*)
# rather than measuring 429s.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-2}
PORT=${PORT:-18480}
CLUSTER_PORT=${CLUSTER_PORT:-5891}
JAR=deploy/target/binhyen.jar
TEST_CLASSES=channel-verifier/target/test-classes
CORES=$(nproc)

command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 2; }
if [[ ! -f $JAR || ! -f $TEST_CLASSES/vn/binhyen/verifier/signing/VerifyRateBench.class ]]; then
  mvn -q -B -o package -DskipTests
fi

source deploy/bench/demo-node.sh

# Raw BouncyCastle Ed25519 verify rate on as many threads as cores (run next to the token runs).
raw_rate() {
  java -cp "$JAR:$TEST_CLASSES" vn.binhyen.verifier.signing.VerifyRateBench "$CORES" "$DURATION" | awk '/verifies\/s/ {print $NF}'
}

start_demo_node "$PORT" "$CLUSTER_PORT" BINHYEN_BENCH_ROUTES=true BINHYEN_VERIFY_PER_MINUTE=0 \
  BINHYEN_VERIFY_FAST_PATH="${BINHYEN_VERIFY_FAST_PATH:-true}" \
  BINHYEN_VERIFY_REMEMBER_TOKENS="${BINHYEN_VERIFY_REMEMBER_TOKENS:-true}"

TOKEN=$(curl -fsS "$BASE/api/public/units/01/channels" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["token"])')
ENC_TOKEN=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$TOKEN")
# Every demo channel's token, for the token runs (deploy/bench/verify-tokens.lua cycles through them).
export TOKENS_FILE=$DATA/tokens.txt
for unit in BCA 01 00004 00070 24133; do
  curl -fsS "$BASE/api/public/units/$unit/channels" | python3 -c '
import json, sys, urllib.parse
for item in json.load(sys.stdin)["items"]:
    if item.get("token"): print(urllib.parse.quote(item["token"], safe=""))'
done >"$TOKENS_FILE"
echo "tokens: $(wc -l <"$TOKENS_FILE") distinct, $(head -1 "$TOKENS_FILE" | python3 -c 'import sys,urllib.parse; print(len(urllib.parse.unquote(sys.stdin.read().strip())))') characters (first)"
while read -r t; do
  curl -fsS "$BASE/api/public/verify?q=$t" | grep -q '"verdict":"OFFICIAL"' || { echo "a demo token is not OFFICIAL" >&2; exit 1; }
done <"$TOKENS_FILE"
LINK_PATH="/api/public/verify?q=https%3A%2F%2Fm.facebook.com%2FConganThuDo%2F"
TOKEN_PATH="/api/public/verify?q=$ENC_TOKEN"
curl -fsS "$BASE$LINK_PATH" | grep -q '"verdict":"OFFICIAL"' || { echo "link verification is not OFFICIAL" >&2; exit 1; }
curl -fsS "$BASE$TOKEN_PATH" | grep -q '"verdict":"OFFICIAL"' || { echo "token verification is not OFFICIAL" >&2; exit 1; }

# Prints "<requests/s> <p99 ms>" of one wrk run, after a short warm-up. "tokens": every demo token in turn.
measure() {
  local target=("$BASE$1")
  if [[ $1 == tokens ]]; then target=(-s deploy/bench/verify-tokens.lua "$BASE/"); fi
  wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "${target[@]}" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${target[@]}" | python3 -c '
import re, sys
text = sys.stdin.read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
m = re.search(r"\s99%\s+([\d.]+)(us|ms|s)", text)
p99 = float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if errors: print("warning: %s non-2xx responses" % errors.group(1), file=sys.stderr)
print("%.0f %.2f" % (rps, p99))'
}

echo "== wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, same machine, $ROUNDS round(s) interleaved, best of each kept"
best() { # "<rps> <p99>" lines on stdin -> the line with the highest rps
  sort -k1,1nr | head -1
}
HELLO_RUNS=""; LINK_RUNS=""; TOK_RUNS=""; RAW_RUNS=""
for round in $(seq 1 "$ROUNDS"); do
  r=$(measure /bench/hello); HELLO_RUNS+="$r"$'\n'; echo "round $round hello-world:        $r (req/s, p99 ms)"
  r=$(measure "$LINK_PATH"); LINK_RUNS+="$r"$'\n'; echo "round $round link verification:  $r"
  r=$(raw_rate); RAW_RUNS+="$r"$'\n'; echo "round $round raw BC verify ($CORES threads): $r verifies/s"
  r=$(measure tokens); TOK_RUNS+="$r"$'\n'; echo "round $round token verification: $r"
done
read -r HELLO HELLO_P99 < <(printf '%s' "$HELLO_RUNS" | best)
read -r LINK LINK_P99 < <(printf '%s' "$LINK_RUNS" | best)
read -r TOK TOK_P99 < <(printf '%s' "$TOK_RUNS" | best)
RAW=$(printf '%s' "$RAW_RUNS" | sort -nr | head -1)
echo "best: hello $HELLO req/s p99 $HELLO_P99 ms; link $LINK req/s p99 $LINK_P99 ms; token $TOK req/s p99 $TOK_P99 ms; raw $RAW verifies/s"

# One connection: the cost of one request, less sensitive to other load on the machine.
single() {
  wrk -t1 -c1 -d"${DURATION}s" --latency "$BASE$1" | python3 -c '
import re, sys
t = sys.stdin.read()
m = re.search(r"\s50%\s+([\d.]+)(us|ms)", t)
print("%s req/s, median %s%s" % (re.search(r"Requests/sec:\s+([\d.]+)", t).group(1), m.group(1), m.group(2)))'
}
echo "== one connection (wrk -t1 -c1)"
echo "hello-world:        $(single /bench/hello)"
echo "link verification:  $(single "$LINK_PATH")"
echo "token verification (one token): $(single "$TOKEN_PATH")"

python3 - "$HELLO" "$LINK" "$LINK_P99" "$RAW" "$TOK" "$TOK_P99" <<'PY'
import sys
hello, link, link_p99, raw, tok, tok_p99 = map(float, sys.argv[1:])
print("== summary")
print("link  / hello-world = %.2f (target >= 0.60), p99 %.2f ms (target <= 10) -> %s"
      % (link / hello, link_p99, "PASS" if link / hello >= 0.6 and link_p99 <= 10 else "FAIL"))
print("token / raw verify  = %.2f (target >= 0.80), p99 %.2f ms -> %s"
      % (tok / raw, tok_p99, "PASS" if tok / raw >= 0.8 else "FAIL"))
PY
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
