#!/usr/bin/env bash
# Runs a command with NARRASCOPE_TEST_PG pointing at a throwaway PostgreSQL server:
# initdb in a temporary directory, listening on 127.0.0.1:${PGPORT:-55432} only,
# trust authentication, stopped and deleted afterwards. Without PostgreSQL binaries it
# says so and runs the command anyway (the PostgreSQL tests then skip themselves).
#
#   crates/narrascope-store/scripts/with-postgres.sh cargo test -p narrascope-store
set -euo pipefail

initdb=$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z "$initdb" ]]; then
  echo "with-postgres: no PostgreSQL binaries (initdb) found; PostgreSQL tests will be skipped" >&2
  exec "$@"
fi
bin=$(dirname "$(readlink -f "$initdb")")
port=${PGPORT:-55432}
dir=$(mktemp -d -t narrascope-pg.XXXXXX)

# PostgreSQL refuses to run as root: use the `postgres` account when we are root.
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
[[ $(id -u) -eq 0 ]] && chown postgres "$dir"

stop() {
  as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres >"$dir/initdb.log" 2>&1 || {
  cat "$dir/initdb.log" >&2
  exit 1
}
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null

export NARRASCOPE_TEST_PG="postgres://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: NARRASCOPE_TEST_PG=$NARRASCOPE_TEST_PG" >&2
"$@"
