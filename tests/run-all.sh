#!/usr/bin/env bash
# `npm test`: every check that matters, in order of cost. Each suite prints its own results; the
# last line adds them up. Stops at the first failing step.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

step() {
  local name=$1
  shift
  echo
  echo "=== $name: $*"
  "$@" 2>&1 | tee "$log/$name.out"
}

if [ -z "${DATABASE_URL:-}" ]; then echo "note: DATABASE_URL not set: the PostgreSQL suites report as not configured (skipped)."; fi
if [ -z "${REDIS_URL:-}" ]; then echo "note: REDIS_URL not set: the two-node Redis suite reports as not configured (skipped)."; fi

step typecheck npm run --silent typecheck
step lint npm run --silent lint
step build npm run --silent build
step size npm run --silent size
step server npm run --silent test:server
step widget npm run --silent test:widget
step e2e npm run --silent test:e2e

# node:test ends with "# pass N" / "# fail N" / "# skipped N"; web-test-runner with "N passed, N failed".
sum() { grep -hoE "$1" "$log"/*.out | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}'; }
node_pass=$(sum '^# pass [0-9]+')
node_fail=$(sum '^# fail [0-9]+')
node_skip=$(sum '^# skipped [0-9]+')
wtr_pass=$(grep -hoE '[0-9]+ passed, [0-9]+ failed' "$log/widget.out" | tail -1 | grep -oE '^[0-9]+' || echo 0)
wtr_fail=$(grep -hoE '[0-9]+ passed, [0-9]+ failed' "$log/widget.out" | tail -1 | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' || echo 0)
echo
echo "server+e2e (node:test): $node_pass passed, $node_fail failed, $node_skip skipped; widget (Chromium): $wtr_pass passed, $wtr_fail failed"
echo "total: $((node_pass + wtr_pass)) passed, $((node_fail + wtr_fail)) failed, $node_skip skipped"
