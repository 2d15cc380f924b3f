#!/usr/bin/env bash
# Build the password hash's C code (argon2-cffi-bindings, from its source pinned in uv.lock) for this
# machine's x86-64 level, or go back to PyPI's wheel: binhdang/accounts/argon2_build.py decides, and
# README, Performance: "Eleventh round" says why. Run after `uv sync` by `make setup` and by
# loadtest/server_env.sh, with the same uv and interpreter, the environment being UV_PROJECT_ENVIRONMENT
# (.venv by default).
#
#   scripts/build-argon2.sh UV PYTHON
#
# BINHDANG_NATIVE_HASH=0 keeps (or puts back) the wheel. Without a C compiler, CMake or Python's headers
# the wheel stays, with a message; nothing fails.
set -euo pipefail
cd "$(dirname "$0")/.."
UV=$1
PY=$2
ENV_DIR=${UV_PROJECT_ENVIRONMENT:-.venv}
# What the environment's build is, and where that is written, is argon2_build.py's alone.
decide() { "$PY" binhdang/accounts/argon2_build.py "$@"; }

step=$(decide plan "$ENV_DIR")
case $step in
  keep)
    exit 0
    ;;
  build\ *)
    level=${step#build }
    headers=$("$PY" -c 'import os, sysconfig; print(os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))')
    if ! command -v "${CC:-cc}" >/dev/null || ! command -v cmake >/dev/null || [ "$headers" != True ]; then
      echo "The password hash stays PyPI's build: building it for $level needs a C compiler, CMake and" \
        "Python's headers (Debian: apt install gcc cmake python3-dev)." >&2
      [ -n "$(decide built "$ENV_DIR")" ] || exit 0
    else
      echo "Building the password hash (argon2-cffi-bindings) for $level"
      # No cache: uv keeps one build of a source whatever the flags, and this one is for this processor.
      if CFLAGS="-O2 -march=$level" "$UV" sync --frozen --python "$PY" --quiet --no-cache \
        --no-binary-package argon2-cffi-bindings --reinstall-package argon2-cffi-bindings; then
        decide record "$ENV_DIR" "$level"
        exit 0
      fi
      echo "Could not build the password hash for $level: PyPI's build is used." >&2
    fi
    ;;
esac
"$UV" sync --frozen --python "$PY" --quiet --reinstall-package argon2-cffi-bindings
decide forget "$ENV_DIR"
