#!/usr/bin/env bash
# Fills a PostgreSQL database with N generated learners (bench/scale-data.sql says what):
#   bench/scale-data.sh N [database]      (database: stepwise_bench_N by default)
# The database is created when missing; the packaged app (./mvnw -DskipTests package)
# starts once against it so that Flyway makes the schema and the default curricula are
# imported. An already filled database is refused: drop it to fill it again.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
N="${1:?usage: bench/scale-data.sh N [database]}"
DB="${2:-stepwise_bench_$N}"
trap stop_app EXIT

ensure_role
if ! as_postgres psql -p "$PG_PORT" -Atc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
  as_postgres createdb -p "$PG_PORT" -O "$PG_ROLE" "$DB"
fi
if [ "$(sql -d "$DB" -c "select count(*) from information_schema.tables where table_name = 'curriculum'")" = 0 ]; then
  [ -n "$(app_jar)" ] || ./mvnw -B -ntp -q -DskipTests package
  log "schema and curricula for $DB (the app's first start)"
  start_app "$DB"
  stop_app
fi
log "filling $DB with $N learners"
started=$(date +%s)
sql -d "$DB" -P footer=off -F ' | ' -v n="$N" -v hash="$BENCH_HASH" -f bench/scale-data.sql
log "filled $DB in $(($(date +%s) - started)) s"
