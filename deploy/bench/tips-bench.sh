#!/usr/bin/env bash
# Tips benchmarks; figures go to docs/benchmarks.md ("Tips").
#   deploy/bench/tips-bench.sh intake     # HTTP intake vs the durable single-INSERT ceiling (tips-intake-bench.sh)
#   deploy/bench/tips-bench.sh rollup     # national roll-up over generated tips vs a GROUP BY (10 million)
#   TIPS=1000000 deploy/bench/tips-bench.sh rollup
#   deploy/bench/tips-bench.sh            # both
set -euo pipefail
cd "$(dirname "$0")/../.."
which="${1:-all}"
if [[ $which == intake || $which == all ]]; then
  deploy/bench/tips-intake-bench.sh
fi
if [[ $which == rollup || $which == all ]]; then
  # Generated tips are answered already; keep the SLA sweep out of the measured window anyway.
  export BINHYEN_TIPS_SLA_SWEEP_SECONDS="${BINHYEN_TIPS_SLA_SWEEP_SECONDS:-86400}"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); date: $(date -u +%FT%TZ)"
  mvn -q -B -o -pl platform-core -am verify -Dtest='TipBench#national_rollup_against_group_by' \
    -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true -Dbench.tips="${TIPS:-10000000}" \
    -DtrimStackTrace=false 2>&1 | grep -E 'BENCH|ERROR|FAIL' || true
  grep -h 'BENCH' platform-core/target/surefire-reports/*TipBench-output.txt 2>/dev/null || true
fi
