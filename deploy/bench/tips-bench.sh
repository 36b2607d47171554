#!/usr/bin/env bash
# Tips benchmarks: HTTP intake vs the durable single-INSERT ceiling (same run, same server), and
# the national roll-up over generated tips vs a GROUP BY. Figures go to docs/benchmarks.md ("Tips").
#   deploy/bench/tips-bench.sh            # both, 10 million tips
#   TIPS=1000000 deploy/bench/tips-bench.sh rollup
set -euo pipefail
cd "$(dirname "$0")/../.."
which="${1:-all}"
case "$which" in
  intake) tests='TipBench#intake_over_http_against_the_durable_single_insert_ceiling' ;;
  rollup) tests='TipBench#national_rollup_against_group_by' ;;
  *) tests='TipBench' ;;
esac
# The public intake is rate-limited per address; the load comes from one address.
export BINHYEN_TIPS_SUBMIT_PER_MINUTE="${BINHYEN_TIPS_SUBMIT_PER_MINUTE:-100000000}"
# Generated tips are answered already; keep the SLA sweep out of the measured window anyway.
export BINHYEN_TIPS_SLA_SWEEP_SECONDS="${BINHYEN_TIPS_SLA_SWEEP_SECONDS:-86400}"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); date: $(date -u +%FT%TZ)"
mvn -q -B -o -pl platform-core -am verify -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench=true -Dbench.tips="${TIPS:-10000000}" -Dbench.seconds="${SECONDS_PER_RUN:-15}" \
  -DtrimStackTrace=false 2>&1 | grep -E 'BENCH|ERROR|FAIL' || true
grep -h 'BENCH' platform-core/target/surefire-reports/*TipBench-output.txt 2>/dev/null || true
