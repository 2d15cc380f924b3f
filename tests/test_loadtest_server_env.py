"""loadtest/server_env.sh: the environment the load test's server runs in. By default the project's
own (.venv); with LOADTEST_PYTHON, one made from uv.lock with that interpreter, so that a run can be
measured on another build of Python (README, Performance: "Eighth round: the interpreter's build")."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from binhdang.accounts import argon2_build

ROOT = Path(__file__).resolve().parent.parent
#: The script and what it runs, at their places in the repository.
FILES = ("loadtest/server_env.sh", "scripts/build-argon2.sh", "binhdang/accounts/argon2_build.py")


def checkout(tmp_path: Path) -> Path:
    """A copy of the script and what it runs where they live in the repository, so that what they make
    stays in tmp_path."""
    for name in FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path / "loadtest" / "server_env.sh"


def recording_uv(tmp_path: Path) -> Path:
    """A ``uv`` that writes down how it was called (its arguments, the environment it was told to make and
    the C compiler's flags)."""
    uv = tmp_path / "uv"
    uv.write_text(
        '#!/bin/sh\necho "$UV_PROJECT_ENVIRONMENT $*${CFLAGS:+ CFLAGS=$CFLAGS}" >> "$(dirname "$0")/uv-calls"\n'
    )
    uv.chmod(0o755)
    return uv


def run(script: Path, **env: str) -> subprocess.CompletedProcess:
    drop = {"LOADTEST_PYTHON", "UV", "BINHDANG_NATIVE_HASH", "CFLAGS", "UV_PROJECT_ENVIRONMENT"}
    environ = {key: value for key, value in os.environ.items() if key not in drop}
    return subprocess.run([script], env={**environ, **env}, capture_output=True, text=True, check=False)


def test_by_default_the_server_runs_in_the_projects_environment(tmp_path):
    uv = recording_uv(tmp_path)
    found = run(checkout(tmp_path), UV=str(uv))
    assert found.returncode == 0
    assert found.stdout == ".venv/bin\n"
    assert not (tmp_path / "uv-calls").exists()


def test_loadtest_python_makes_an_environment_of_its_own_from_the_lock(tmp_path):
    uv = recording_uv(tmp_path)
    found = run(checkout(tmp_path), UV=str(uv), LOADTEST_PYTHON=sys.executable, BINHDANG_NATIVE_HASH="0")
    assert found.returncode == 0, found.stderr
    assert found.stdout == "var/loadtest-python/bin\n"
    assert (tmp_path / "uv-calls").read_text() == (
        f"var/loadtest-python sync --frozen --python {sys.executable} --quiet\n"
    )


def test_its_password_hash_is_built_for_the_processor_as_make_setup_builds_it(tmp_path):
    level = argon2_build.wanted_level()
    if not level or not (shutil.which("cc") and shutil.which("cmake")):
        pytest.skip("this machine builds no password hash of its own")
    uv = recording_uv(tmp_path)
    script = checkout(tmp_path)
    (tmp_path / "var" / "loadtest-python").mkdir(parents=True)
    found = run(script, UV=str(uv), LOADTEST_PYTHON=sys.executable)
    assert found.returncode == 0, found.stderr
    assert found.stdout == "var/loadtest-python/bin\n"
    assert (tmp_path / "uv-calls").read_text().splitlines() == [
        f"var/loadtest-python sync --frozen --python {sys.executable} --quiet",
        f"var/loadtest-python sync --frozen --python {sys.executable} --quiet --no-cache"
        " --no-binary-package argon2-cffi-bindings --reinstall-package argon2-cffi-bindings"
        f" CFLAGS=-O2 -march={level}",
    ]
    assert argon2_build.built_level(tmp_path / "var" / "loadtest-python") == level


def test_an_environment_that_cannot_be_made_stops_the_load_test(tmp_path):
    uv = tmp_path / "uv"
    uv.write_text("#!/bin/sh\necho 'No interpreter found at path' >&2\nexit 2\n")
    uv.chmod(0o755)
    found = run(checkout(tmp_path), UV=str(uv), LOADTEST_PYTHON="/nowhere/python3")
    assert found.returncode != 0
    assert found.stdout == ""
    assert "No interpreter found" in found.stderr
