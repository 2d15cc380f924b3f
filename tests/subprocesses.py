"""Compiled modules of the test processes and of the Python subprocesses tests start.

Where Python runs with PYTHONDONTWRITEBYTECODE (as on the development machines), every test process
compiled Django, the libraries, binhdang and every test module again (about 18 s of a core to collect
the suite; the same again in each pytest-xdist worker), and every subprocess a test starts (production
start, ``binhdang bench``) compiled Django and binhdang again (2 to 3 s). They all keep their compiled
modules in ``var/pycache`` instead (outside the packages, ignored by git; Python checks each against its
source, so an edited module is compiled again). Where bytecode is written as usual, nothing changes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PYCACHE = Path(__file__).resolve().parent.parent / "var" / "pycache"


def keep_compiled_modules() -> None:
    """This process, and the processes it starts, keep what they compile in ``var/pycache`` if bytecode
    writing is off (called by tests/__init__.py, before the conftest and the test modules are imported)."""
    if sys.dont_write_bytecode:
        sys.dont_write_bytecode = False
        sys.pycache_prefix = str(PYCACHE)
        # Inherited by every subprocess a test starts (the environment of the production start and of
        # ``binhdang bench`` is a copy of this one).
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
