"""The password hash's C code, built for the server's processor (README, Performance: "Eleventh round").

The Argon2 wheel on PyPI (argon2-cffi-bindings) is compiled for the oldest x86-64 processors (SSE2
only). Compiled for an x86-64 level the server's processor has (``x86-64-v3``: AVX2; ``x86-64-v4``:
AVX-512), the same hash with the same parameters (``accounts.hashers``: OWASP's 19 MiB and 2 passes)
costs 9-11 ms of a core instead of 19 on the machine of the load test: the same hashes, less of the
server's time at every login. ``make setup`` builds it that way when the machine can (``plan``); with
``BINHDANG_NATIVE_HASH=0``, or without a C compiler, it keeps the wheel.

Code built for a level runs on no processor without it (the kernel stops it with SIGILL at the first
login). The level is written in the environment (``MARKER``) and every start compares it with the
processor (``refusal``): an environment copied to, or a virtual machine restarted on, a processor
without those instructions refuses to start and says to run ``make setup`` again.

Only the standard library is used: ``make setup`` runs this file as a script before Django is
installed (``python binhdang/accounts/argon2_build.py level|plan|built|record|forget ...``), and it
alone knows where the environment keeps its level (``scripts/build-argon2.sh`` asks it).
"""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path

#: The file, in the environment's directory, naming the level its Argon2 code was built for.
MARKER = "binhdang-argon2-level"
CPUINFO = Path("/proc/cpuinfo")

# The x86-64 micro-architecture levels (psABI), as the kernel names their instructions in /proc/cpuinfo
# ("abm" is LZCNT).
_V2 = frozenset({"cx16", "lahf_lm", "popcnt", "sse4_1", "sse4_2", "ssse3"})
_V3 = _V2 | {"avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe", "xsave"}
_V4 = _V3 | {"avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"}
#: The levels worth building for, best first, with the instructions each needs.
LEVELS: dict[str, frozenset[str]] = {"x86-64-v4": _V4, "x86-64-v3": _V3}


def cpu_flags(cpuinfo: str) -> frozenset[str]:
    """The instructions the processor has: the first ``flags`` line of /proc/cpuinfo (every core of a
    machine has the same)."""
    for line in cpuinfo.splitlines():
        name, colon, value = line.partition(":")
        if colon and name.strip() == "flags":
            return frozenset(value.split())
    return frozenset()


def _is_x86_64(machine: str) -> bool:
    return machine.lower() in ("x86_64", "amd64")


def best_level(flags: frozenset[str], machine: str) -> str:
    """The best level this processor runs, or "" (not x86-64, or older than AVX2: keep the wheel)."""
    if not _is_x86_64(machine):
        return ""
    return next((level for level, needed in LEVELS.items() if needed <= flags), "")


def missing(level: str, flags: frozenset[str]) -> list[str]:
    """The instructions of ``level`` the processor lacks (all of them for a level not known here)."""
    needed = LEVELS.get(level)
    if needed is None:
        return [level]
    return sorted(needed - flags)


def built_level(environment: Path) -> str:
    """The level the environment's Argon2 code was built for ("" for PyPI's wheel)."""
    try:
        return (environment / MARKER).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def record(environment: Path, level: str) -> None:
    """Write that the environment's Argon2 code is built for ``level`` (after a build)."""
    (environment / MARKER).write_text(level + "\n", encoding="ascii")


def forget(environment: Path) -> None:
    """Write that the environment has PyPI's wheel again (after putting it back)."""
    (environment / MARKER).unlink(missing_ok=True)


def plan(built: str, wanted: str) -> str:
    """What ``make setup`` does: "keep" what is built, "build LEVEL", or go back to the "wheel"."""
    if built == wanted:
        return "keep"
    return f"build {wanted}" if wanted else "wheel"


def refusal(environment: Path, cpuinfo: str | None, machine: str) -> str | None:
    """Why this environment must not run on this processor, or None. Nothing is refused when the
    processor cannot be read (no /proc/cpuinfo, or one without its instructions' line): the check is
    not possible there, not failed."""
    level = built_level(environment)
    flags = cpu_flags(cpuinfo or "")
    if not level or not flags:
        return None
    lacking = missing(level, flags) if _is_x86_64(machine) else [machine]
    if not lacking:
        return None
    return (
        f"The password hash of {environment} was built for {level}, and this processor lacks "
        f"{', '.join(lacking)}: it would stop at the first login. Run `make setup` again on this machine. "
        f"(Mã băm mật khẩu được biên dịch cho {level}, bộ xử lý này thiếu {', '.join(lacking)}: "
        "chạy lại `make setup` trên máy này.)"
    )


def refusal_here() -> str | None:
    """``refusal`` for the running environment; /proc/cpuinfo is read only if it was built for a level."""
    environment = Path(sys.prefix)
    if not built_level(environment):
        return None
    return refusal(environment, read_cpuinfo(), platform.machine())


def read_cpuinfo() -> str | None:
    try:
        return CPUINFO.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def wanted_level() -> str:
    """The level ``make setup`` builds for on this machine ("" with ``BINHDANG_NATIVE_HASH=0``)."""
    if os.environ.get("BINHDANG_NATIVE_HASH", "1") == "0":
        return ""
    return best_level(cpu_flags(read_cpuinfo() or ""), platform.machine())


def main(argv: list[str]) -> int:
    if argv[1:2] == ["level"]:
        print(wanted_level())
        return 0
    if argv[1:2] == ["plan"] and len(argv) == 3:
        print(plan(built_level(Path(argv[2])), wanted_level()))
        return 0
    if argv[1:2] == ["built"] and len(argv) == 3:
        print(built_level(Path(argv[2])))
        return 0
    if argv[1:2] == ["record"] and len(argv) == 4 and argv[3] in LEVELS:
        record(Path(argv[2]), argv[3])
        return 0
    if argv[1:2] == ["forget"] and len(argv) == 3:
        forget(Path(argv[2]))
        return 0
    print(
        "usage: argon2_build.py level | plan ENVIRONMENT | built ENVIRONMENT | record ENVIRONMENT LEVEL"
        " | forget ENVIRONMENT",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
