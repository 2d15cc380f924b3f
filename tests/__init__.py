"""The test suite. Importing it first (pytest imports tests/conftest.py as ``tests.conftest``) lets the
test processes keep their compiled modules where bytecode writing is off (tests/subprocesses.py)."""

from tests.subprocesses import keep_compiled_modules

keep_compiled_modules()
