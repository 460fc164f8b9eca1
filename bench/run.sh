#!/usr/bin/env bash
# Contact Ledger benchmark: both sides as processes on PostgreSQL, driven over HTTP.
#   bench/run.sh --quick [--pg jdbc:postgresql://127.0.0.1:5432/test]   (about 2.5 minutes)
#   bench/run.sh [--pg ...]                                             (full mode, about 22 minutes)
# Writes bench/results/latest.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=full
pg=${LEDGER_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}
user=${LEDGER_TEST_PG_USER:-postgres}
password=${LEDGER_TEST_PG_PASSWORD:-}
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --pg) pg=$2; shift ;;
    --user) user=$2; shift ;;
    --only|--profile|--lag-rate|--command-instances) extra+=("$1" "$2"); shift ;;
    *) echo "usage: bench/run.sh [--quick] [--pg <jdbc-url>] [--user <name>] [--only <phase>] [--profile <file>] [--lag-rate <commands/s>] [--command-instances <n>]" >&2; exit 2 ;;
  esac
  shift
done
if [ ! -f bench/target/bench.jar ] || [ ! -f command-side/target/command-side.jar ] || [ ! -f query-side/target/query-side.jar ]; then
  mvn -B -q -DskipTests package
fi
exec java -Xmx1g -jar bench/target/bench.jar --mode "$mode" --pg "$pg" --user "$user" --password "$password" \
  --out bench/results/latest.json "${extra[@]}"
