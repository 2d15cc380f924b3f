"""The load test's Python scripts (``loadtest/``), loaded as modules for their tests: they are programs,
not part of the ``binhdang`` package."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

LOADTEST = Path(__file__).resolve().parent.parent / "loadtest"


def load(script: str) -> ModuleType:
    """``loadtest/<script>.py`` as the module ``loadtest_<script>`` (registered, so that its dataclasses
    find their module)."""
    spec = importlib.util.spec_from_file_location(f"loadtest_{script}", LOADTEST / f"{script}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
