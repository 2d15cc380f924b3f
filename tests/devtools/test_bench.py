"""``binhdang bench`` on a tiny dataset: it builds its own database and prints the specified lines.
No timing is asserted (the machine decides); ``make bench`` runs it on the national dataset."""

from __future__ import annotations

import re
from io import StringIO

from django.core.management import call_command

from binhdang.devtools.bench import percentile
from binhdang.devtools.management.commands.bench import bench_database_url

FINAL_LINES = (
    r"province_year_results_p95 \d+(\.\d+)? ms",
    r"national_rollup_median \d+(\.\d+)? ms",
    r"national_rollup_floor_median \d+(\.\d+)? ms",
    r"national_rollup_ratio \d+(\.\d+)?",
)


def test_bench_builds_its_dataset_and_ends_with_the_four_lines(tmp_path):
    out = StringIO()
    call_command(
        "bench", "--provinces", "Lai Châu", "--years", "2026", "--repeat", "3",
        "--database-url", f"sqlite:///{tmp_path / 'bench.sqlite3'}", stdout=out,
    )  # fmt: skip
    lines = out.getvalue().strip().splitlines()
    assert any(line.startswith("dataset 1 provinces, 2 plans, 2 periods") for line in lines)
    assert any(line.startswith("machine ") for line in lines)
    assert any(line.startswith("dashboard_render_median ") for line in lines)
    assert any(line.startswith("ministry_board_render_median ") for line in lines)
    assert any(re.fullmatch(r"national_report_docx_seconds \d+\.\d\d s", line) for line in lines)
    for pattern, line in zip(FINAL_LINES, lines[-4:], strict=True):
        assert re.fullmatch(pattern, line), line
    assert (tmp_path / "bench.sqlite3").exists()


def test_the_bench_database_sits_beside_the_configured_one(tmp_path):
    assert bench_database_url(None, tmp_path) == f"sqlite:///{tmp_path / 'bench' / 'bench.sqlite3'}"
    assert bench_database_url("sqlite:////srv/db.sqlite3", tmp_path).endswith("bench/bench.sqlite3")


def test_the_bench_database_on_postgresql_gets_its_own_name(tmp_path):
    url = "postgres://binhdang@127.0.0.1:5432/binhdang?sslmode=disable"
    assert (
        bench_database_url(url, tmp_path)
        == "postgres://binhdang@127.0.0.1:5432/binhdang_bench?sslmode=disable"
    )


def test_percentile_is_the_nearest_rank():
    samples = [float(n) for n in range(1, 101)]
    assert percentile(samples, 0.95) == 95.0
    assert percentile(samples, 0.5) == 50.0
    assert percentile([3.0], 0.95) == 3.0
