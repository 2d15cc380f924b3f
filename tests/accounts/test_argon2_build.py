"""The password hash's C code built for the server's processor: which x86-64 level make setup builds,
the same hashes whatever the build, and a start refused on a processor the build cannot run on."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import argon2.low_level
import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

from binhdang.accounts import argon2_build
from binhdang.accounts.hashers import Argon2idHasher

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "binhdang" / "accounts" / "argon2_build.py"

# /proc/cpuinfo "flags" of three real kinds of server processor (abridged to what the levels need).
SSE2_ONLY = "fpu sse sse2 cx16 lahf_lm popcnt sse4_1 sse4_2 ssse3 avx xsave"  # Xeon E5 v2 (2013): no AVX2
AVX2 = SSE2_ONLY + " avx2 bmi1 bmi2 f16c fma abm movbe"  # EPYC 7003 (Zen 3): no AVX-512
AVX512 = AVX2 + " avx512f avx512bw avx512cd avx512dq avx512vl avx512_vnni"  # Xeon (Ice Lake)


def cpuinfo(flags: str, cores: int = 2) -> str:
    return "".join(f"processor\t: {n}\nmodel name\t: Test CPU\nflags\t\t: {flags}\n\n" for n in range(cores))


def marked(tmp_path: Path, level: str) -> Path:
    (tmp_path / argon2_build.MARKER).write_text(level + "\n", encoding="ascii")
    return tmp_path


def test_the_flags_are_the_first_flags_line_of_cpuinfo():
    assert argon2_build.cpu_flags(cpuinfo("sse2 avx2")) == {"sse2", "avx2"}
    assert argon2_build.cpu_flags("processor\t: 0\nmodel name\t: no flags here\n") == frozenset()


@pytest.mark.parametrize(
    ("flags", "machine", "level"),
    [
        (AVX512, "x86_64", "x86-64-v4"),
        (AVX2, "x86_64", "x86-64-v3"),
        (AVX512, "AMD64", "x86-64-v4"),
        (SSE2_ONLY, "x86_64", ""),
        (AVX2.replace(" movbe", ""), "x86_64", ""),  # one instruction of the level missing
        (AVX512, "aarch64", ""),  # only x86-64 is built for a level
    ],
)
def test_make_setup_builds_for_the_best_level_the_processor_has(flags, machine, level):
    assert argon2_build.best_level(argon2_build.cpu_flags(cpuinfo(flags)), machine) == level


@pytest.mark.parametrize(
    ("built", "wanted", "step"),
    [
        ("", "x86-64-v4", "build x86-64-v4"),
        ("x86-64-v4", "x86-64-v4", "keep"),
        ("x86-64-v4", "x86-64-v3", "build x86-64-v3"),  # moved to an older machine: built again
        ("x86-64-v3", "", "wheel"),  # BINHDANG_NATIVE_HASH=0, or no level: PyPI's build again
        ("", "", "keep"),
    ],
)
def test_setup_keeps_builds_or_goes_back_to_the_wheel(built, wanted, step):
    assert argon2_build.plan(built, wanted) == step


def test_the_environment_says_the_level_it_was_built_for(tmp_path):
    assert argon2_build.built_level(tmp_path) == ""
    assert argon2_build.built_level(marked(tmp_path, "x86-64-v3")) == "x86-64-v3"


def test_an_environment_built_for_avx512_is_refused_on_a_processor_without_it(tmp_path):
    refused = argon2_build.refusal(marked(tmp_path, "x86-64-v4"), cpuinfo(AVX2), "x86_64")
    assert refused is not None
    assert "avx512bw, avx512cd, avx512dq, avx512f, avx512vl" in refused
    assert "make setup" in refused and "chạy lại `make setup`" in refused


@pytest.mark.parametrize(
    ("level", "flags", "machine"),
    [
        ("x86-64-v3", AVX512, "x86_64"),  # a newer processor runs the older level
        ("x86-64-v4", AVX512, "x86_64"),
        ("", SSE2_ONLY, "x86_64"),  # PyPI's wheel runs anywhere
    ],
)
def test_an_environment_is_accepted_where_its_code_runs(tmp_path, level, flags, machine):
    environment = marked(tmp_path, level) if level else tmp_path
    assert argon2_build.refusal(environment, cpuinfo(flags), machine) is None


def test_an_x86_build_is_refused_on_another_architecture(tmp_path):
    refused = argon2_build.refusal(marked(tmp_path, "x86-64-v3"), cpuinfo("fp asimd"), "aarch64")
    assert refused is not None and "aarch64" in refused


def test_nothing_is_refused_where_the_processor_cannot_be_read(tmp_path):
    environment = marked(tmp_path, "x86-64-v4")
    assert argon2_build.refusal(environment, None, "x86_64") is None
    assert argon2_build.refusal(environment, "processor\t: 0\nmodel name\t: sandbox\n", "x86_64") is None


def test_the_start_stops_with_the_reason_on_a_processor_the_build_cannot_run_on(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "prefix", str(marked(tmp_path, "x86-64-v4")))
    proc = tmp_path / "cpuinfo"
    proc.write_text(cpuinfo(AVX2), encoding="utf-8")
    monkeypatch.setattr(argon2_build, "CPUINFO", proc)
    monkeypatch.setattr("platform.machine", lambda: "x86_64")
    with pytest.raises(ImproperlyConfigured, match="lacks avx512bw"):
        apps.get_app_config("accounts").ready()


def test_this_environment_starts_on_this_processor():
    assert argon2_build.refusal_here() is None


def test_an_environment_with_pypis_build_does_not_read_the_processor(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    monkeypatch.setattr(argon2_build, "read_cpuinfo", lambda: pytest.fail("cpuinfo read"))
    assert argon2_build.refusal_here() is None


@pytest.mark.argon2
def test_the_hash_is_the_same_whatever_the_build():
    """The environment's Argon2id at the parameters of accounts.hashers gives what PyPI's wheel gives
    (the value below was computed with the wheel and with builds for x86-64-v3 and -v4)."""
    hasher = Argon2idHasher()
    raw = argon2.low_level.hash_secret_raw(
        b"Mat khau 2026",
        b"binhdang-salt-16",
        time_cost=hasher.time_cost,
        memory_cost=hasher.memory_cost,
        parallelism=hasher.parallelism,
        hash_len=32,
        type=argon2.low_level.Type.ID,
    )
    assert raw.hex() == "6339942a5445630be2965389f925c98c71bbfb7c1bdaafcd09141e1cd8e2442a"


def run_script(*args: str, **env: str) -> subprocess.CompletedProcess:
    """The module as make setup runs it: a script of the standard library alone (-I -S: no site
    packages, so no Django)."""
    return subprocess.run(
        [sys.executable, "-I", "-S", str(SCRIPT), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
    )


def run_build_script(uv: str, environment: Path, **env: str) -> subprocess.CompletedProcess:
    """scripts/build-argon2.sh as make setup runs it, with ``uv`` and this interpreter, for the
    environment ``environment``."""
    return subprocess.run(
        [str(ROOT / "scripts" / "build-argon2.sh"), uv, sys.executable],
        capture_output=True,
        text=True,
        env={**os.environ, "UV_PROJECT_ENVIRONMENT": str(environment), **env},
        check=False,
    )


def test_the_script_needs_only_the_standard_library_and_obeys_binhdang_native_hash(tmp_path):
    level = run_script("level")
    assert level.returncode == 0, level.stderr
    assert level.stdout.strip() == argon2_build.wanted_level()
    assert run_script("level", BINHDANG_NATIVE_HASH="0").stdout == "\n"
    assert (
        run_script("plan", str(marked(tmp_path, "x86-64-v3")), BINHDANG_NATIVE_HASH="0").stdout == "wheel\n"
    )
    assert run_script("build").returncode == 2


def test_without_a_compiler_setup_keeps_the_wheel_and_says_what_is_missing(tmp_path):
    """scripts/build-argon2.sh in an environment with PyPI's build, on a machine without a C compiler:
    it says what to install and leaves the environment as it is (uv is not even called)."""
    if not argon2_build.wanted_level():
        pytest.skip("this processor has no level to build for")
    done = run_build_script("/bin/false", tmp_path, CC="/nonexistent/cc")
    assert done.returncode == 0, done.stderr
    assert "apt install gcc cmake python3-dev" in done.stderr
    assert not (tmp_path / argon2_build.MARKER).exists()


def test_an_environment_already_built_for_this_processor_is_kept(tmp_path):
    wanted = argon2_build.wanted_level()
    environment = marked(tmp_path, wanted) if wanted else tmp_path
    done = run_build_script("/bin/false", environment)
    assert done.returncode == 0 and done.stderr == ""


def test_the_script_alone_records_and_forgets_the_environments_level(tmp_path):
    """scripts/build-argon2.sh never names the record's file: it asks the module (standard library)."""
    assert run_script("built", str(tmp_path)).stdout == "\n"
    assert run_script("record", str(tmp_path), "x86-64-v3").returncode == 0
    assert run_script("built", str(tmp_path)).stdout == "x86-64-v3\n"
    assert argon2_build.built_level(tmp_path) == "x86-64-v3"
    assert run_script("record", str(tmp_path), "native").returncode == 2  # only a level built for
    assert run_script("forget", str(tmp_path)).returncode == 0
    assert argon2_build.built_level(tmp_path) == ""
    assert run_script("forget", str(tmp_path)).returncode == 0  # nothing to forget: still fine


def fake_uv(tmp_path: Path) -> tuple[Path, Path]:
    """A stand-in for uv that writes down how it was called and succeeds (the environment is left
    as it is: what is tested is what the script records)."""
    calls = tmp_path / "uv-calls.txt"
    uv = tmp_path / "uv"
    uv.write_text(f'#!/bin/sh\necho "$@" >> {calls}\n', encoding="ascii")
    uv.chmod(0o755)
    return uv, calls


def test_an_environment_built_before_goes_back_to_the_wheel_when_this_machine_cannot_build(tmp_path):
    """Built for a level earlier (an environment copied here), no compiler now: PyPI's build is put
    back and the environment's record is removed, so the next start does not look for that level."""
    wanted = argon2_build.wanted_level()
    if not wanted:
        pytest.skip("this processor has no level to build for")
    other = "x86-64-v3" if wanted == "x86-64-v4" else "x86-64-v4"
    (tmp_path / "env").mkdir()
    environment = marked(tmp_path / "env", other)
    uv, calls = fake_uv(tmp_path)
    done = run_build_script(str(uv), environment, CC="/nonexistent/cc")
    assert done.returncode == 0, done.stderr
    assert "--reinstall-package argon2-cffi-bindings" in calls.read_text()
    assert "--no-binary-package" not in calls.read_text()
    assert argon2_build.built_level(environment) == ""


def test_a_build_that_succeeds_is_recorded_with_its_level(tmp_path):
    wanted = argon2_build.wanted_level()
    if not wanted:
        pytest.skip("this processor has no level to build for")
    environment = tmp_path / "env"
    environment.mkdir()
    uv, calls = fake_uv(tmp_path)
    done = run_build_script(str(uv), environment)
    if "apt install gcc cmake python3-dev" in done.stderr:
        pytest.skip("this machine has no C compiler, CMake or Python headers")
    assert done.returncode == 0, done.stderr
    assert "--no-binary-package argon2-cffi-bindings" in calls.read_text()
    assert argon2_build.built_level(environment) == wanted
