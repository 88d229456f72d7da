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
# E2E_SEEDED_FROM: a server of a spec's own starts from the copy the shared
# server of its kind kept right after seeding, instead of migrating and
# seeding again. The shared servers keep that copy in "$DATA_DIR.seeded".
from="${E2E_SEEDED_FROM:-}"
if [ -n "$from" ] && [ ! -f "$from/ready" ]; then from=""; fi
if [ -n "$from" ]; then cp -a "$from/." "$DATA_DIR/"; rm -f "$DATA_DIR/ready"; fi
if [ "$kind" = postgres ]; then
  db="jip_e2e_$(date +%s)_$$"
  template=""
  if [ -n "$from" ]; then template=" template $(cat "$from/database-name")"; fi
  psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $db$template" >/dev/null
  echo "$db" > "$DATA_DIR/database-name"
  export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db"
fi
# E2E_PUBLIC_URL: the address the server believes it has (https behind a proxy: HSTS, secure cookie names).
export PORT="$port" PUBLIC_URL="${E2E_PUBLIC_URL:-http://localhost:$port}" NODE_ENV=production
if [ -z "$from" ]; then
  bin/jip migrate >/dev/null
  bin/jip seed --demo >/dev/null
  if [ -z "${E2E_SEEDED_FROM+set}" ]; then
    seeded="$DATA_DIR.seeded"
    rm -rf "$seeded"; cp -a "$DATA_DIR" "$seeded"
    if [ "$kind" = postgres ]; then
      psql -h 127.0.0.1 -U postgres -d postgres -qc "create database ${db}_seeded template $db" >/dev/null
      echo "${db}_seeded" > "$seeded/database-name"
    fi
    touch "$seeded/ready"
  fi
fi
exec node server.js
