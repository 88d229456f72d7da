#!/usr/bin/env bash
# `npm test`: everything CI runs — typecheck, lint, format, unit, integration (PGlite
# and PostgreSQL), build, and the browser tests (JavaScript on and off).
#
# After the build, three lanes run side by side: the browser tests; the integration tests; typecheck, lint,
# format and the unit tests one after another. Alone, each step left part of the 2-core machine idle (they wait
# on pages, jobs and databases); side by side they keep both cores busy (docs/performance.md, "Test suite
# time"). A lane step writes its output to reports/logs/, prints one line when it ends, and its log when the
# run ends (in full when it failed). The run fails when any step fails, and prints each step's time at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-node.sh

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "jip: PostgreSQL is not answering on 127.0.0.1:5432; trying to start it" >&2
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
fi
# The browser tests run in Debian's headless shell when it is installed (playwright.config.ts), else in its chromium.
if [ -n "${CHROMIUM_PATH:-}" ] && [ ! -x "$CHROMIUM_PATH" ]; then
  echo "jip: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2
  exit 1
fi
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium-headless-shell ] && [ ! -x /usr/bin/chromium ]; then
  echo "jip: no Chromium: install Debian's headless shell (apt-get install chromium-headless-shell) or its chromium" >&2
  exit 1
fi

rm -rf reports test-results && mkdir -p reports/logs reports/steps
suite_start=$(date +%s)

# step NAME COMMAND...: runs COMMAND, recording "start end status name" in reports/steps/.
step() {
  local name="$1" start rc=0
  shift
  start=$(date +%s)
  "$@" || rc=$?
  printf '%s %s %s %s\n' "$start" "$(date +%s)" "$rc" "$name" > "reports/steps/$(date +%s%N)"
  return $rc
}
# lane_step NAME COMMAND...: as step, with the output in reports/logs/NAME.log and one line on the console.
lane_step() {
  local name="$1" rc=0 log
  log="reports/logs/$(sed 's/ (.*//; s/[^A-Za-z0-9]\{1,\}/-/g' <<< "$name").log"
  echo "$log" >> reports/logs/order
  step "$@" > "$log" 2>&1 || rc=$?
  if [ $rc -eq 0 ]; then echo "== $name: passed (beside the browser tests; log $log)"; else
    echo "$log" >> reports/logs/failed
    echo "== $name: FAILED (exit $rc; log $log)"
  fi
  return $rc
}
step_times() {
  local rc=$? now
  now=$(date +%s)
  printf '\nstep times (s; start is seconds after the run began):\n  start  time  result  step\n'
  cat reports/steps/* 2>/dev/null | sort -n | while read -r s e r n; do
    printf '  %5d %5d  %-6s  %s\n' "$((s - suite_start))" "$((e - s))" "$([ "$r" = 0 ] && echo ok || echo FAILED)" "$n"
  done
  printf '        %5d          total (wall)\n' "$((now - suite_start))"
  return $rc
}
trap step_times EXIT
# Ctrl-C or a CI cancel stops the lane's runners too (they are in this script's process group).
trap 'trap - INT TERM; kill 0' INT TERM

typecheck() { npx react-router typegen && npx tsc --noEmit; }
format_check() {
  npx prettier --check . > /dev/null && return 0
  npx prettier --list-different .
  echo "jip: files above are not formatted: run npm run format" >&2
  return 1
}
unit() { npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=reports/unit.json; }
integration() { npx vitest run --project integration --reporter=default --reporter=json --outputFile.json=reports/integration.json; }

# Beside the browser tests, two lanes: the integration tests, and the static checks with the unit tests. A lane
# keeps going after a failure, so that one run reports every broken step, and fails when any of its steps failed.
checks_lane() {
  local rc=0
  lane_step "typecheck" typecheck || rc=1
  lane_step "lint" npx eslint . || rc=1
  lane_step "format (prettier --check; fix with npm run format)" format_check || rc=1
  lane_step "unit tests" unit || rc=1
  return $rc
}

printf '\n== build\n'
step "build" npx react-router build > /dev/null
lane_step "integration tests (PGlite and PostgreSQL)" integration &
integration_pid=$!
checks_lane &
checks_pid=$!
printf '\n== browser tests (Chromium; JavaScript on/PostgreSQL, off/PGlite), beside the other steps\n'
e2e_rc=0
step "browser tests (Chromium; JavaScript on/PostgreSQL, off/PGlite)" npx playwright test || e2e_rc=$?
lane_rc=0
wait "$integration_pid" || lane_rc=1
wait "$checks_pid" || lane_rc=1

# The lanes' logs, in the order they started: in full when a step failed, else its last lines.
while read -r log; do
  if grep -qxF "$log" reports/logs/failed 2>/dev/null; then
    printf '\n== %s (FAILED): the whole log\n' "$log"
    cat "$log"
  else
    printf '\n== %s: its last lines\n' "$log"
    tail -n 6 "$log"
  fi
done < reports/logs/order
summary_rc=0
node scripts/test-summary.mjs || summary_rc=$?
[ "$e2e_rc" -eq 0 ] && [ "$lane_rc" -eq 0 ] && [ "$summary_rc" -eq 0 ]
