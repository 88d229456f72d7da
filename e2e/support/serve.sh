#!/usr/bin/env bash
# Starts a fresh platform for the browser tests: `serve.sh pglite PORT` or
# `serve.sh postgres PORT`. Each start gets a new data folder (and, for
# PostgreSQL, a new uniquely named database, dropped by e2e/global-teardown.ts).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/ensure-node.sh
kind="$1"; port="$2"
export DATA_DIR="$PWD/reports/e2e-data-$kind-$port"
rm -rf "$DATA_DIR"; mkdir -p "$DATA_DIR"
if [ "$kind" = postgres ]; then
  db="jip_e2e_$(date +%s)_$$"
  psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $db" >/dev/null
  echo "$db" > "$DATA_DIR/database-name"
  export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db"
fi
# E2E_PUBLIC_URL: the address the server believes it has (https behind a proxy: HSTS, secure cookie names).
export PORT="$port" PUBLIC_URL="${E2E_PUBLIC_URL:-http://localhost:$port}" NODE_ENV=production
bin/jip migrate >/dev/null
bin/jip seed --demo >/dev/null
exec node server.js
