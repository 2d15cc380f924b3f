#!/usr/bin/env bash
# Print the bin directory of the environment the load test's server runs in: .venv/bin (made by
# `make setup`), or, with LOADTEST_PYTHON set to an interpreter, var/loadtest-python/bin, made from
# uv.lock with that interpreter, to measure the server on another build of Python (README, Performance:
# "Eighth round: the interpreter's build"). Locust, the seed and the checks stay in .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${LOADTEST_PYTHON:-}" ]; then
  echo .venv/bin
  exit 0
fi
UV=${UV:-$(command -v uv 2>/dev/null || echo var/uv-bootstrap/bin/uv)}
export UV_PROJECT_ENVIRONMENT=var/loadtest-python
"$UV" sync --frozen --python "$LOADTEST_PYTHON" --quiet >&2
scripts/build-argon2.sh "$UV" "$LOADTEST_PYTHON" >&2  # the password hash built as make setup builds it
echo var/loadtest-python/bin
