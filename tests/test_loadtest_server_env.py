"""loadtest/server_env.sh: the environment the load test's server runs in. By default the project's
own (.venv); with LOADTEST_PYTHON, one made from uv.lock with that interpreter, so that a run can be
measured on another build of Python (README, Performance: "Eighth round: the interpreter's build")."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "loadtest" / "server_env.sh"


def checkout(tmp_path: Path) -> Path:
    """A copy of the script where it lives in the repository, so that what it makes stays in tmp_path."""
    (tmp_path / "loadtest").mkdir()
    shutil.copy(SCRIPT, tmp_path / "loadtest" / "server_env.sh")
    return tmp_path / "loadtest" / "server_env.sh"


def recording_uv(tmp_path: Path) -> Path:
    """A ``uv`` that writes down how it was called (its arguments and the environment it was told to make)."""
    uv = tmp_path / "uv"
    uv.write_text('#!/bin/sh\necho "$UV_PROJECT_ENVIRONMENT $*" >> "$(dirname "$0")/uv-calls"\n')
    uv.chmod(0o755)
    return uv


def run(script: Path, **env: str) -> subprocess.CompletedProcess:
    environ = {key: value for key, value in os.environ.items() if key not in {"LOADTEST_PYTHON", "UV"}}
    return subprocess.run([script], env={**environ, **env}, capture_output=True, text=True, check=False)


def test_by_default_the_server_runs_in_the_projects_environment(tmp_path):
    uv = recording_uv(tmp_path)
    found = run(checkout(tmp_path), UV=str(uv))
    assert found.returncode == 0
    assert found.stdout == ".venv/bin\n"
    assert not (tmp_path / "uv-calls").exists()


def test_loadtest_python_makes_an_environment_of_its_own_from_the_lock(tmp_path):
    uv = recording_uv(tmp_path)
    found = run(checkout(tmp_path), UV=str(uv), LOADTEST_PYTHON="/opt/python/bin/python3.13")
    assert found.returncode == 0
    assert found.stdout == "var/loadtest-python/bin\n"
    assert (tmp_path / "uv-calls").read_text() == (
        "var/loadtest-python sync --frozen --python /opt/python/bin/python3.13 --quiet\n"
    )


def test_an_environment_that_cannot_be_made_stops_the_load_test(tmp_path):
    uv = tmp_path / "uv"
    uv.write_text("#!/bin/sh\necho 'No interpreter found at path' >&2\nexit 2\n")
    uv.chmod(0o755)
    found = run(checkout(tmp_path), UV=str(uv), LOADTEST_PYTHON="/nowhere/python3")
    assert found.returncode != 0
    assert found.stdout == ""
    assert "No interpreter found" in found.stderr
