#!/usr/bin/env bash
# `npm test`: everything CI runs — typecheck, lint, unit, integration (PGlite
# and PostgreSQL), build, and the browser tests (JavaScript on and off).
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
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "jip: Chromium not found at $chromium (install Debian's package: apt-get install chromium)" >&2
  exit 1
fi

rm -rf reports test-results && mkdir -p reports
# Each step's wall time, printed as a table when the run ends (also when a step fails).
step_names=()
step_starts=()
suite_start=$(date +%s)
step() {
  step_names+=("$*")
  step_starts+=("$(date +%s)")
  printf '\n== %s\n' "$*"
}
step_times() {
  local rc=$? now i end
  now=$(date +%s)
  printf '\nstep times (s):\n'
  for i in "${!step_names[@]}"; do
    end=${step_starts[$((i + 1))]:-$now}
    printf '  %5d  %s\n' "$((end - step_starts[i]))" "${step_names[$i]}"
  done
  printf '  %5d  total\n' "$((now - suite_start))"
  return $rc
}
trap step_times EXIT
step "typecheck"
npx react-router typegen
npx tsc --noEmit
step "lint"
npx eslint .
step "format (prettier --check; fix with npm run format)"
npx prettier --check . >/dev/null || { npx prettier --list-different .; echo "jip: files above are not formatted: run npm run format" >&2; exit 1; }
step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=reports/unit.json
step "integration tests (PGlite and PostgreSQL)"
npx vitest run --project integration --reporter=default --reporter=json --outputFile.json=reports/integration.json
step "build"
npx react-router build >/dev/null
step "browser tests (Chromium; JavaScript on/PostgreSQL, off/PGlite)"
npx playwright test
node scripts/test-summary.mjs
