#!/usr/bin/env bash
# The 2025 reform replayed over generated tips (tenant-admin ReformBench); figures go to
# docs/benchmarks.md ("Reorganisation at national scale").
#   deploy/bench/reform-bench.sh                 # 1 million tips
#   TIPS=10000000 deploy/bench/reform-bench.sh   # the issue's target size (needs ~30 GB of disk and time)
# Prints dry run and apply beside the ceiling of the same run (a plain UPDATE moving the same tips
# between the same units), the checks (count unchanged, every tip at a successor, roll-ups equal to
# a GROUP BY) and the national roll-up's p50/p95 on the partitioned counters beside a GROUP BY.
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); date: $(date -u +%FT%TZ)"
mvn -q -B -o -pl tenant-admin -am verify -Dtest='ReformBench' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench=true -Dbench.tips="${TIPS:-1000000}" -DtrimStackTrace=false 2>&1 | grep -E 'BENCH|ERROR|FAIL' || true
grep -h 'BENCH' tenant-admin/target/surefire-reports/*ReformBench-output.txt 2>/dev/null || true
