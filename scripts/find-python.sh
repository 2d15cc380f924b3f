#!/bin/sh
# Print the path of a Python >= 3.12 (or >= the version given, e.g. `scripts/find-python.sh 3.13`): on PATH
# first, then under pyenv. Exit 1 with advice when none. For the project's own environment (no version
# given) BINHDANG_PYTHON, when set, names the interpreter instead, e.g. the distribution's
# /usr/bin/python3.13, built with PGO and LTO (README, Performance: "Eighth round: the interpreter's build").
want=${1:-3.12}
major=${want%%.*}
minor=${want#*.}
ok() { "$1" -c "import sys; sys.exit(0 if sys.version_info >= ($major, $minor) else 1)" >/dev/null 2>&1; }
if [ -z "${1:-}" ] && [ -n "${BINHDANG_PYTHON:-}" ]; then
  if ok "$BINHDANG_PYTHON"; then "$BINHDANG_PYTHON" -c 'import sys; print(sys.executable)'; exit 0; fi
  echo "BINHDANG_PYTHON=$BINHDANG_PYTHON is not a Python $want or newer." >&2
  exit 1
fi
for name in python3.13 python3.12 python3 python; do
  p=$(command -v "$name" 2>/dev/null) || continue
  if ok "$p"; then "$p" -c 'import sys; print(sys.executable)'; exit 0; fi
done
for p in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3 /usr/local/bin/python3.1[2-9] /usr/bin/python3.1[2-9]; do
  [ -x "$p" ] && ok "$p" && { echo "$p"; exit 0; }
done
echo "binhdang needs Python $want or newer and none was found on PATH or under pyenv." >&2
echo "Install one, e.g. 'apt-get install python$want', 'pyenv install $want', or from python.org, then run make again." >&2
exit 1
