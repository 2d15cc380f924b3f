"""scripts/find-python.sh: which interpreter `make setup` builds the project's environment with.
BINHDANG_PYTHON names one by path (e.g. the distribution's, built with PGO and LTO); the side
environment that asks for a version of its own (3.13) still searches."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "find-python.sh"


def find_python(*args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {key: value for key, value in os.environ.items() if key != "BINHDANG_PYTHON"}
    return subprocess.run(
        [SCRIPT, *args], env={**environ, **env}, capture_output=True, text=True, check=False
    )


def test_binhdang_python_is_the_interpreter_chosen_for_the_project():
    found = find_python(BINHDANG_PYTHON=sys.executable)
    assert found.returncode == 0
    assert found.stdout.strip() == sys.executable


@pytest.fixture
def not_python(tmp_path) -> Path:
    """A program named python3 that is no Python (it answers every question with failure)."""
    program = tmp_path / "python3"
    program.write_text("#!/bin/sh\nexit 1\n")
    program.chmod(0o755)
    return program


def test_an_interpreter_too_old_or_not_python_is_refused_by_name(not_python):
    found = find_python(BINHDANG_PYTHON=str(not_python))
    assert found.returncode == 1
    assert found.stdout == ""
    assert f"BINHDANG_PYTHON={not_python} is not a Python 3.12 or newer." in found.stderr


def test_a_version_asked_for_searches_whatever_binhdang_python_says(not_python):
    without = find_python("3.12")
    found = find_python("3.12", BINHDANG_PYTHON=str(not_python))
    assert found.returncode == without.returncode == 0
    assert found.stdout == without.stdout
    assert str(not_python) not in found.stdout


def test_without_binhdang_python_a_python_of_3_12_or_newer_is_found():
    found = find_python()
    assert found.returncode == 0
    version = subprocess.run(
        [found.stdout.strip(), "-c", "import sys; print(sys.version_info >= (3, 12))"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert version.stdout.strip() == "True"
