"""The environment of the Python subprocesses a test starts (production start, ``binhdang bench``).

Where Python runs with PYTHONDONTWRITEBYTECODE (as on the development machines), every such subprocess
compiled Django, the other libraries and binhdang again: 2 to 3 s of a core per process. Theirs share
compiled modules in ``var/pycache`` instead (outside the packages, ignored by git; Python checks each one
against its source, so an edited module is compiled again).
"""

from __future__ import annotations

from pathlib import Path

PYCACHE = Path(__file__).resolve().parent.parent / "var" / "pycache"


def with_shared_bytecode(env: dict[str, str]) -> dict[str, str]:
    """``env`` (changed in place and returned) letting its Python processes share compiled modules."""
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env
