# Shared by bench/run and bench/scale-data.sh: the PostgreSQL role the benchmark uses,
# and starting and stopping the packaged app against one database.
PG_PORT="${BENCH_PG_PORT:-5432}"
PG_ROLE="${BENCH_PG_ROLE:-stepwise_ci}"
PG_PASSWORD="${BENCH_PG_PASSWORD:-stepwise_ci}"
APP_PORT="${BENCH_APP_PORT:-18080}"
JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms512m -Xmx512m}"
# The known password of every generated learner and mentor (a BCrypt hash of cost 4, so
# logging in hundreds of them before a run takes seconds).
BENCH_PASSWORD="stepwise-bench-1"
BENCH_HASH='{bcrypt}$2a$04$JEGk6z8mUZra8PXdY0jeX.q8tQO8rUaFOUppkrr8wUNKMfQPI2apK'
export PGPASSWORD="$PG_PASSWORD"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "[bench] need root (or sudo) for: $*" >&2; exit 1
  fi
}
as_postgres() { (cd /tmp && as_root runuser -u postgres -- "$@"); }
sql() { psql -q -X -At -h 127.0.0.1 -p "$PG_PORT" -U "$PG_ROLE" -v ON_ERROR_STOP=1 "$@"; }
log() { printf '[bench] %s\n' "$*" >&2; }

app_jar() { ls target/stepwise-*.jar 2>/dev/null | grep -v plain | head -1; }

APP_PID=""
STARTUP_MS=""
# Starts the app on database $1 and waits for the home page; STARTUP_MS is the time from
# launch to the first answered request.
start_app() {
  # On a loaded machine the first connection can miss the driver's connect timeout: the
  # app then ends at once, and is started again.
  local attempt
  for attempt in 1 2 3; do
    start_app_once "$1" && return 0
    [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null && return 1
  done
  return 1
}

start_app_once() {
  local db="$1" started now
  started=$(date +%s%N)
  STEPWISE_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" STEPWISE_DB_USER="$PG_ROLE" \
    STEPWISE_DB_PASSWORD="$PG_PASSWORD" \
    java $JAVA_OPTS -jar "$(app_jar)" --spring.profiles.active=postgres --server.port="$APP_PORT" \
    >"${APP_LOG:-/dev/null}" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 6000); do
    if curl -s -o /dev/null -f "http://127.0.0.1:$APP_PORT/"; then
      now=$(date +%s%N)
      STARTUP_MS=$(((now - started) / 1000000))
      return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || { log "the app ended during startup (log: ${APP_LOG:-none})"; return 1; }
    sleep 0.05
  done
  log "the app did not answer within 300 s"; return 1
}

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

ensure_role() {
  as_postgres psql -q -p "$PG_PORT" -v ON_ERROR_STOP=1 <<SQL
do \$\$ begin
  if not exists (select from pg_roles where rolname = '$PG_ROLE') then
    create role $PG_ROLE login password '$PG_PASSWORD';
  end if;
end \$\$;
SQL
}

learners_in() { sql -d "$1" -c "select count(*) from app_user where role = 'LEARNER'" 2>/dev/null || echo -1; }
