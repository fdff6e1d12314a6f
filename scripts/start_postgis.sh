#!/usr/bin/env bash
# Starts a local PostgreSQL 15 with PostGIS for the register tests, idempotently.
#
# As root (CI, a fresh Debian 12 machine): the Debian cluster 15/main is started with pg_ctlcluster.
# As another user: a private cluster is made under build/postgis (initdb) and started on port 54329.
# Either way the role and database `open_territory_test` (password `open_territory_test`) exist with
# the postgis extension, and the libpq connection string is written to build/postgis/dsn, where the
# tests read it (OPEN_TERRITORY_TEST_PG overrides it).
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=open_territory_test
STATE=build/postgis
mkdir -p "$STATE"
PG_BIN=/usr/lib/postgresql/15/bin
if [ ! -x "$PG_BIN/postgres" ]; then
  echo "start_postgis: PostgreSQL 15 is not installed (Debian package postgresql-15-postgis-3, see scripts/setup.sh)" >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  PORT=5432
  if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 \+main '; then
    pg_createcluster 15 main >/dev/null
  fi
  if ! pg_lsclusters -h | grep -q '^15 \+main .* online'; then
    pg_ctlcluster 15 main start
  fi
  as_admin() { runuser -u postgres -- "$@"; }
  HOST=127.0.0.1
  ADMIN_ARGS=(-h /var/run/postgresql -p "$PORT")
else
  PORT=54329
  DATA="$STATE/data"
  SOCKETS="$(pwd)/$STATE/sockets"
  mkdir -p "$SOCKETS"
  if [ ! -f "$DATA/PG_VERSION" ]; then
    "$PG_BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  fi
  if ! "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    "$PG_BIN/pg_ctl" -D "$DATA" -l "$STATE/server.log" -w \
      -o "-p $PORT -k $SOCKETS -c listen_addresses=127.0.0.1" start >/dev/null
  fi
  as_admin() { "$@"; }
  HOST=127.0.0.1
  ADMIN_ARGS=(-h "$SOCKETS" -p "$PORT")
fi

# Wait until the server accepts connections (a fresh start may take a few seconds).
for _ in $(seq 1 30); do
  as_admin psql "${ADMIN_ARGS[@]}" -U postgres -d postgres -Atqc "SELECT 1" >/dev/null 2>&1 && break
  sleep 1
done

psql_admin() { PGOPTIONS="-c client_min_messages=warning" as_admin psql "${ADMIN_ARGS[@]}" -U postgres -v ON_ERROR_STOP=1 -Atq "$@"; }
if [ "$(psql_admin -d postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$NAME'")" != "1" ]; then
  psql_admin -d postgres -c "CREATE ROLE $NAME LOGIN PASSWORD '$NAME'"
fi
if [ "$(psql_admin -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$NAME'")" != "1" ]; then
  psql_admin -d postgres -c "CREATE DATABASE $NAME OWNER $NAME"
fi
psql_admin -d "$NAME" -c "CREATE EXTENSION IF NOT EXISTS postgis"

echo "host=$HOST port=$PORT dbname=$NAME user=$NAME password=$NAME" > "$STATE/dsn"
echo "start_postgis: PostgreSQL with PostGIS ready ($(cat "$STATE/dsn" | sed 's/password=[^ ]*/password=***/'))"
