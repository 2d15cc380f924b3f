"""Fixtures of the plan tests: uploaded and imported files go to a temporary MEDIA_ROOT."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _plans_media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
