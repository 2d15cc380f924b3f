"""``binhdang results --plan ID --year Y [--json]``: a plan's results for a year, computed live."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Kết quả của một kế hoạch trong một năm: tỷ lệ đầy đủ, đúng hạn và từng chỉ tiêu "
        "(giá trị, tử số, mẫu số, mục tiêu của năm, trạng thái)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--plan", type=int, required=True, help="Mã số (ID) của kế hoạch")
        parser.add_argument("--year", type=int, required=True, help="Năm báo cáo, ví dụ 2026")
        parser.add_argument("--json", action="store_true", help="In kết quả dạng JSON")

    def handle(self, *args, plan: int, year: int, json: bool, **options):
        from binhdang.plans.models import Plan
        from binhdang.results.engine import plan_results
        from binhdang.results.formatting import vn_percent, with_unit

        found = Plan.objects.select_related("province").filter(pk=plan).first()
        if found is None:
            raise CommandError(f"Không có kế hoạch mã số {plan}.")
        results = plan_results(found, year)
        if json:
            self.stdout.write(_dumps(results.as_json()))
            return
        self.stdout.write(f"{found.title} — {found.province.name}, năm {year}")
        self.stdout.write(
            f"Đầy đủ: {vn_percent(results.completeness) or '-'}   Đúng hạn: {vn_percent(results.timeliness) or '-'}"
            f"   ({results.submitted}/{results.expected} đơn vị đã gửi, {results.on_time} đúng hạn)"
        )
        for item in results.indicators:
            value = with_unit(item.value, item.unit) if item.value is not None else "-"
            self.stdout.write(
                f"  {item.indicator.code:<5} {item.catalog_code or '':<9} {value:>14}   {item.assessment.label}"
            )


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
