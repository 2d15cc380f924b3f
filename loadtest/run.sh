#!/usr/bin/env bash
# Deadline-day load test (make loadtest): gunicorn on PostgreSQL on loopback, locust's reporters and
# focal officers, then loadtest/check.py finds every acknowledged submission in the database.
#
# Settings (environment): LOADTEST_USERS (200), LOADTEST_RATE users started per second (5; above 300
# users, a hundredth of them: 1,000 users log in over 100 s, as people arrive at work, not all in the same
# minute), LOADTEST_TIME (3m; 5m above 300 users), LOADTEST_PORT (8765), LOADTEST_DATABASE_URL (an empty PostgreSQL database to use;
# by default a throwaway PostgreSQL 15 cluster is started in a temporary directory and removed
# afterwards). gunicorn runs with gunicorn.conf.py, as in production (GUNICORN_WORKERS etc. apply), on
# .venv's interpreter or on LOADTEST_PYTHON's (loadtest/server_env.sh; README, Performance: "Eighth round:
# the interpreter's build").
set -euo pipefail
cd "$(dirname "$0")/.."

USERS=${LOADTEST_USERS:-200}
RATE=${LOADTEST_RATE:-$(( USERS > 300 ? (USERS + 99) / 100 : 5 ))}
TIME=${LOADTEST_TIME:-$([ "$USERS" -gt 300 ] && echo 5m || echo 3m)}
PORT=${LOADTEST_PORT:-8765}
BIN=.venv/bin
SERVER_BIN=$(loadtest/server_env.sh)
WORK=$(mktemp -d /tmp/binhdang-load.XXXXXX)
chmod 711 "$WORK"  # the PostgreSQL cluster inside belongs to another user when run as root
PGDIR=""
GUNICORN_PID=""
CPU_PID=""

cleanup() {
  [ -n "$CPU_PID" ] && kill "$CPU_PID" 2>/dev/null
  [ -n "$GUNICORN_PID" ] && kill "$GUNICORN_PID" 2>/dev/null && wait "$GUNICORN_PID" 2>/dev/null
  if [ -n "$PGDIR" ]; then as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -n "${LOADTEST_DATABASE_URL:-}" ]; then
  export DATABASE_URL=$LOADTEST_DATABASE_URL
else
  PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || dirname "$(command -v pg_ctl)")}
  PGDIR=$WORK/pg
  # Below the ephemeral ports (see .ci/run), and past a port another cluster still holds.
  PGPORT=${LOADTEST_PGPORT:-25499}
  while (echo >"/dev/tcp/127.0.0.1/$PGPORT") 2>/dev/null; do PGPORT=$((PGPORT + 1)); done
  # LOADTEST_PG_STATS=1: PostgreSQL counts each statement's time (pg_stat_statements), printed at the end.
  PG_STATS_OPTS=""
  [ -n "${LOADTEST_PG_STATS:-}" ] && PG_STATS_OPTS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all -c pg_stat_statements.track_planning=on"
  mkdir -p "$PGDIR"
  if [ "$(id -u)" = 0 ]; then
    # PostgreSQL refuses to run as root: the cluster belongs to an unprivileged user.
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PGDIR"
    as_pg() { runuser -u postgres -- "$@"; }
  else
    as_pg() { "$@"; }
  fi
  as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U binhdang --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
    -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=100 $PG_STATS_OPTS" start >/dev/null
  as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U binhdang binhdang
  export DATABASE_URL="postgres://binhdang@127.0.0.1:$PGPORT/binhdang"
fi

# Production mode, as behind the reverse proxy (which terminates TLS and says so in X-Forwarded-Proto).
export BINHDANG_PRODUCTION=1 BINHDANG_VAR_DIR=$WORK/var BINHDANG_SECRET_KEY=$(head -c 32 /dev/urandom | base64)
export BINHDANG_ALLOWED_HOSTS=127.0.0.1 BINHDANG_CSRF_TRUSTED_ORIGINS="https://127.0.0.1:$PORT"
export LOADTEST_SEED=$WORK/seed.json LOADTEST_ACKS=$WORK/acks.json LOADTEST_TIMES=$WORK/times.csv

echo "== preparing: migrate, static files, seed $USERS users"
$BIN/binhdang migrate --noinput >/dev/null
$BIN/binhdang collectstatic --noinput >/dev/null
$BIN/python loadtest/seed.py "$USERS" "$LOADTEST_SEED"

SERVER_PYTHON=$("$SERVER_BIN/python" -c 'import platform, sys; print(platform.python_version(), sys.base_prefix)')
echo "== gunicorn (gunicorn.conf.py, as in production; Python $SERVER_PYTHON) on 127.0.0.1:$PORT"
GUNICORN_BIND="127.0.0.1:$PORT" GUNICORN_ACCESS_LOG="$WORK/access.log" GUNICORN_ERROR_LOG="$WORK/gunicorn.log" \
  "$SERVER_BIN/gunicorn" -c gunicorn.conf.py --capture-output &
GUNICORN_PID=$!
for _ in $(seq 50); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done

# The machine's speed now (a virtual machine's moves with its neighbours): loadtest/reference.py.
REFERENCES=$($BIN/python loadtest/reference.py password page)  # a failed measure stops the run (set -e)
read -r REFERENCE_BEFORE REFERENCE_PAGE_BEFORE <<<"$REFERENCES"

echo "== locust: $USERS users, $RATE started per second, for $TIME"
# The cores busy and stolen by the host every 5 s while the load runs (loadtest/cpu.py), for check.py.
$BIN/python loadtest/cpu.py "$WORK/cpu.csv" 5 &
CPU_PID=$!
# gevent's default resolver hands every new connection's name lookup to a thread (sync workers close
# each connection, so every request): resolved in place, 127.0.0.1 costs locust about 0.1 of its 0.6 ms a request.
GEVENT_RESOLVER=block $BIN/locust -f loadtest/locustfile.py --headless --users "$USERS" --spawn-rate "$RATE" --run-time "$TIME" \
  --host "http://127.0.0.1:$PORT" --csv "$WORK/locust" --only-summary --stop-timeout 10 \
  --loglevel WARNING 2>&1 | tail -n 40 || true
kill "$CPU_PID" 2>/dev/null && wait "$CPU_PID" 2>/dev/null || true
CPU_PID=""

REFERENCES=$($BIN/python loadtest/reference.py password page)  # a failed measure stops the run (set -e)
read -r REFERENCE_AFTER REFERENCE_PAGE_AFTER <<<"$REFERENCES"

if [ -n "${LOADTEST_PG_STATS:-}" ] && [ -n "$PGDIR" ]; then
  echo "== PostgreSQL: the statements that took the most time (pg_stat_statements)"
  psql "$DATABASE_URL" -q -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" -P pager=off -c "
    SELECT calls, round(total_exec_time::numeric) AS total_ms, round(mean_exec_time::numeric, 2) AS mean_ms,
           round(total_plan_time::numeric) AS plan_ms, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 160) AS query
    FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT ${LOADTEST_PG_STATS_TOP:-25}"
fi

echo "== check"
status=0
$BIN/python loadtest/check.py "$LOADTEST_SEED" "$LOADTEST_ACKS" "$WORK/locust" "$LOADTEST_TIMES" "$WORK/cpu.csv" \
  || status=$?
# One password check's and one login page's CPU ms before and after the run: the machine's speed
# (loadtest/reference.py).
echo "loadtest_reference_ms $REFERENCE_BEFORE $REFERENCE_AFTER"
echo "loadtest_reference_page_ms $REFERENCE_PAGE_BEFORE $REFERENCE_PAGE_AFTER"
echo "loadtest_server_python $SERVER_PYTHON"
if grep -q "Traceback" "$WORK/gunicorn.log"; then
  echo "server errors in the gunicorn log:"; grep -A3 "Traceback" "$WORK/gunicorn.log" | tail -n 30; status=1
fi
exit $status
