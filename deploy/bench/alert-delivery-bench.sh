#!/usr/bin/env bash
# One scam alert delivered to generated Facebook pages (10,000 by default) through the outbox and
# the platform client, against the local Graph API fake; figures go to docs/benchmarks.md
# ("Alert delivery"). JUnit AlertDeliveryBench with -Dbench=true (not part of the test suite): the
# time to queue every delivery, the send rate until all are sent, and the fake's own ceiling
# (one post at a time, and 32 in flight) measured in the same run.
#   deploy/bench/alert-delivery-bench.sh
#   CHANNELS=2000 deploy/bench/alert-delivery-bench.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); load average $(cut -d' ' -f1-3 /proc/loadavg); date: $(date -u +%FT%TZ)"
mvn -q -B -o -pl channel-verifier -am verify -Dtest='AlertDeliveryBench' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true -Dbench.channels="${CHANNELS:-10000}" \
  -DtrimStackTrace=false 2>&1 | grep -E 'BENCH|ERROR|FAIL' || true
grep -h 'BENCH' channel-verifier/target/surefire-reports/*AlertDeliveryBench-output.txt 2>/dev/null || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
