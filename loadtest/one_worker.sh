#!/usr/bin/env bash
# One gunicorn worker in production mode, for loadtest/flow.py to measure what each deadline-day step
# costs the worker (README, Performance: "Cost per request"). Runs in the background.
#
#   DATABASE_URL=postgres://... loadtest/one_worker.sh PORT     # the database seeded by loadtest/seed.py
#   .venv/bin/python loadtest/flow.py PORT SEED_JSON FIRST N
#   kill "$(cat var/one-worker-PORT.pid)"
#
# Static files are collected into var/one-worker-PORT/ (production serves them through whitenoise).
# LOADTEST_PYTHON=/path/to/python runs the worker on that interpreter (loadtest/server_env.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:?usage: one_worker.sh PORT}
VAR=$PWD/var/one-worker-$PORT
BIN=$(loadtest/server_env.sh)
mkdir -p "$VAR"
export BINHDANG_PRODUCTION=1 BINHDANG_VAR_DIR=$VAR BINHDANG_ALLOWED_HOSTS=127.0.0.1
export BINHDANG_SECRET_KEY=${BINHDANG_SECRET_KEY:-$(head -c 32 /dev/urandom | base64)}
export BINHDANG_CSRF_TRUSTED_ORIGINS="https://127.0.0.1"
"$BIN/binhdang" collectstatic --noinput >/dev/null
GUNICORN_WORKERS=1 GUNICORN_MAX_REQUESTS=1000000 GUNICORN_BIND="127.0.0.1:$PORT" \
  GUNICORN_ACCESS_LOG="$VAR/access.log" GUNICORN_ERROR_LOG="$VAR/gunicorn.log" \
  "$BIN/gunicorn" -c gunicorn.conf.py --pid "$PWD/var/one-worker-$PORT.pid" --daemon
for _ in $(seq 50); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && break; sleep 0.2; done
echo "gunicorn (one worker, $("$BIN/python" -VV | head -n 1)) on 127.0.0.1:$PORT, master pid $(cat "var/one-worker-$PORT.pid"), log $VAR/gunicorn.log"
