"""``binhdang results --plan ID|SLUG --year Y [--json | --format csv|json|sdmx] [--out PATH]``: a plan's
results for a year, computed live.

- without ``--format``: a Vietnamese text summary, or with ``--json`` the engine's JSON
  (``PlanResults.as_json``);
- ``--format csv|json|sdmx``: the open data files of ``results.opendata`` (CSV with a byte-order mark,
  JSON with metadata, SDMX-CSV), on standard output or into ``--out PATH``.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from binhdang.core import formatting
from binhdang.plans.models import Plan
from binhdang.results import opendata
from binhdang.results.engine import plan_results, plan_years


class Command(BaseCommand):
    help = (
        "Kết quả của một kế hoạch trong một năm: tỷ lệ đầy đủ, đúng hạn và từng chỉ tiêu "
        "(giá trị, tử số, mẫu số, mục tiêu của năm, trạng thái); dữ liệu mở CSV, JSON, SDMX-CSV."
    )

    def add_arguments(self, parser):
        parser.add_argument("--plan", required=True, help="Mã số (ID) hoặc slug của kế hoạch")
        parser.add_argument("--year", type=int, required=True, help="Năm báo cáo, ví dụ 2026")
        parser.add_argument("--json", action="store_true", help="In kết quả dạng JSON của bộ tính")
        parser.add_argument(
            "--format", choices=("csv", "json", "sdmx"), help="Dữ liệu mở: csv, json hoặc sdmx (SDMX-CSV)"
        )
        parser.add_argument("--out", help="Ghi vào tệp này (mặc định: in ra màn hình)")

    def handle(self, *args, plan: str, year: int, json: bool, **options):

        found = _find_plan(str(plan))
        years = plan_years(found)
        if year not in years:
            raise CommandError(
                f"Kế hoạch {found.slug} không có năm {year} (các năm của kế hoạch: "
                f"{', '.join(str(y) for y in years)})."
            )
        fmt, out = options.get("format"), options.get("out")
        if fmt:
            self._emit(opendata.render(found, year, fmt), out)
            return
        results = plan_results(found, year)
        if json:
            self._emit(_dumps(results.as_json()), out)
            return
        self._emit(_text(found, year, results), out)

    def _emit(self, text: str, out: str | None) -> None:
        """``text`` on standard output, or into the file ``out`` (UTF-8; a CSV keeps its byte-order mark)."""
        text = text if text.endswith("\n") else text + "\n"
        if not out:
            self.stdout.write(text, ending="")
            return
        try:
            Path(out).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"Không ghi được tệp {out}: {exc}") from exc
        self.stdout.write(f"Đã ghi {out}.")


def _find_plan(reference: str):

    found = Plan.objects.select_related("province").by_reference(reference)
    if found is None:
        raise CommandError(f"Không có kế hoạch mã số {reference} (ID hoặc slug).")
    return found


def _text(found, year: int, results) -> str:

    lines = [
        f"{found.title} — {found.province.name}, năm {year}",
        f"Đầy đủ: {formatting.percent(results.completeness) or '-'}   Đúng hạn: {formatting.percent(results.timeliness) or '-'}"
        f"   ({results.submitted}/{results.expected} đơn vị đã gửi, {results.on_time} đúng hạn)",
    ]
    for item in results.indicators:
        value = formatting.with_unit(item.value, item.unit) if item.value is not None else "-"
        lines.append(
            f"  {item.indicator.code:<5} {item.catalog_code or '':<9} {value:>14}   {item.assessment.label}"
        )
    return "\n".join(lines) + "\n"


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
