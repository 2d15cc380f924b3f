"""Fixtures of the plan tests: uploaded and imported files go to a temporary MEDIA_ROOT."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _plans_media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def pytest_terminal_summary(terminalreporter) -> None:
    """Name the tests that need files outside the repository (marker ``shared``) and what became of them:
    a fresh clone without ``../shared`` skips only these, and CI (``BINHDANG_REQUIRE_SHARED=1``) fails them."""
    lines = []
    for outcome in ("passed", "failed", "skipped", "error"):
        for report in terminalreporter.stats.get(outcome, []):
            if getattr(report, "when", "call") in ("call", "setup") and "shared" in getattr(
                report, "keywords", {}
            ):
                lines.append(f"{outcome.upper()} {report.nodeid}")
    if lines:
        terminalreporter.section("tests that need files outside the repository (../shared)")
        for line in sorted(set(lines)):
            terminalreporter.write_line(line)
