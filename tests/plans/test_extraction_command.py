"""``binhdang plan extract FILE [--json]`` (binhdang/plans/management/commands/plan.py)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from binhdang.plans.extraction import extract_file
from tests.plans.samples import SAMPLES

SAMPLE = SAMPLES / "commune_ban_giang_2026.txt"
ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> str:
    out = io.StringIO()
    with translation.override("vi"):
        call_command("plan", *args, stdout=out)
    return out.getvalue()


def test_json_output_is_the_extraction():
    printed = run("extract", str(SAMPLE), "--json")
    assert json.loads(printed) == extract_file(SAMPLE)
    assert "Bản Giang" in printed  # UTF-8, not \\u escapes
    assert printed.startswith('{\n  "issuer"')


def test_without_json_a_readable_vietnamese_summary_is_printed():
    printed = run("extract", str(SAMPLE))
    assert "Kế hoạch: Thực hiện công tác bình đẳng giới" in printed
    assert "UBND xã Bản Giang" in printed
    assert "1.1." in printed and "≥ 3 buổi (2026)" in printed
    assert "15/12" in printed and "hằng năm" in printed
    assert "Lò Văn Thành" in printed


def test_a_file_that_is_not_a_plan_is_a_command_error_in_vietnamese(tmp_path):
    path = tmp_path / "thu.txt"
    path.write_text("Kính gửi ông An, xin cảm ơn.", encoding="utf-8")
    with pytest.raises(CommandError, match="không phải là kế hoạch"), translation.override("vi"):
        call_command("plan", "extract", str(path), "--json")


def test_from_the_shell_bad_input_goes_to_stderr_with_a_non_zero_exit(tmp_path):
    path = tmp_path / "anh.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "binhdang.settings", "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "binhdang", "plan", "extract", str(path), "--json"],
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    assert done.stdout == b""
    assert "hình ảnh" in done.stderr.decode("utf-8")
