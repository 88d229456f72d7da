#!/usr/bin/env bash
# `npm start`: everything a fresh machine needs to run the platform.
#   Node 24 when the machine's is older (into .node/), dependencies when
#   missing or stale, a build when sources changed, migrations, demo data on
#   first start, then the server on http://localhost:${PORT:-3000}.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-node.sh

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "jip: installing dependencies (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error
fi
if [ ! -f build/server/index.js ] || [ -n "$(find app src public package-lock.json vite.config.ts react-router.config.ts -newer build/server/index.js -print -quit 2>/dev/null)" ]; then
  echo "jip: building the app…"
  npx react-router build >/dev/null
fi
bin/jip migrate
bin/jip seed --demo
echo
NODE_ENV=production exec node server.js
