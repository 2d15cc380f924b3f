"""``binhdang report --plan ID|SLUG --year Y --format docx|xlsx --out PATH [--unit CODE]``;
``binhdang report --national --year Y --format docx|xlsx --out PATH``: the ministry's national report;
a review over a span: ``binhdang report --plan ID|SLUG --years 2026-2028 ...`` or
``--national --years 2026-2028 ...`` (``documents.review_files``)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from binhdang.core import formatting
from binhdang.documents import national_report, review_files, services
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Plan
from binhdang.reporting.models import Submission


class Command(BaseCommand):
    help = (
        "Tạo báo cáo năm của một kế hoạch (Word theo Nghị định 30, hoặc phụ lục Excel), hoặc báo cáo "
        "của một đơn vị (--unit MÃ_ĐƠN_VỊ) từ báo cáo đơn vị đã nhập."
    )

    def add_arguments(self, parser):
        parser.add_argument("--plan", help="Mã số (ID) hoặc slug của kế hoạch")
        parser.add_argument("--year", type=int, help="Năm báo cáo, ví dụ 2026")
        parser.add_argument("--years", help="Giai đoạn sơ kết, tổng kết, ví dụ 2026-2028 (thay cho --year)")
        parser.add_argument(
            "--national",
            action="store_true",
            help="Báo cáo của Bộ Nội vụ tổng hợp từ các tỉnh (thay cho --plan)",
        )
        parser.add_argument(
            "--format", choices=("docx", "xlsx"), default="docx", help="docx (mặc định) hoặc xlsx"
        )
        parser.add_argument("--out", required=True, help="Đường dẫn tệp kết quả")
        parser.add_argument("--unit", help="Mã đơn vị: tạo báo cáo của đơn vị đó (chỉ docx)")

    def handle(
        self, *args, plan: str | None, year: int | None, format: str, out: str, unit: str | None, **options
    ):
        years, national = options.get("years"), bool(options.get("national"))
        if years is not None:
            _write(self, _review(plan, year, years, national, unit, format), out)
            return
        if national:
            if plan or unit:
                raise CommandError("--national không đi cùng --plan hoặc --unit.")
            if year is None:
                raise CommandError("Hãy cho --year (báo cáo toàn quốc năm) hoặc --years (sơ kết, tổng kết).")
            _write(self, _national(year, format), out)
            return
        if plan is None:
            raise CommandError(
                "Cần --plan MÃ_SỐ_HOẶC_SLUG (hoặc --national cho báo cáo toàn quốc, --years cho sơ kết)."
            )
        if year is None:
            raise CommandError("Hãy cho --plan và --year (báo cáo năm) hoặc --years (sơ kết, tổng kết).")
        found = _plan(plan)
        try:
            period = services.find_period(found, year)
            if unit:
                if format != "docx":
                    raise CommandError("Báo cáo của đơn vị chỉ có dạng docx (bỏ --format xlsx).")
                generated = services.unit_report(_submission(period, unit))
            elif format == "xlsx":
                generated = services.annual_annex(found, year)
            else:
                generated = services.annual_report(found, year)
        except services.DocumentError as error:
            raise CommandError(str(error)) from error
        _write(self, generated, out)


def _write(command, generated, out: str) -> None:
    path = Path(out)
    if not path.parent.is_dir():
        raise CommandError(f"Thư mục {path.parent} không tồn tại.")
    path.write_bytes(generated.content)
    command.stdout.write(f"Đã ghi {path} ({formatting.number(len(generated.content))} byte).")


def _review(plan: str | None, year: int | None, years: str, national: bool, unit: str | None, format: str):
    """A review over ``years``: the plan's, or with ``--national`` the ministry's."""
    if year is not None or unit:
        raise CommandError("--years (sơ kết, tổng kết) không đi cùng --year hay --unit.")
    if national == bool(plan):
        raise CommandError("Với --years, hãy cho --plan (báo cáo của tỉnh) hoặc --national (của Bộ Nội vụ).")
    try:
        return review_files.for_command(_plan(plan) if plan else None, years, format)
    except services.DocumentError as error:
        raise CommandError(str(error)) from error


def _national(year: int, format: str):
    try:
        made = (
            national_report.national_annex(year)
            if format == "xlsx"
            else national_report.national_report(year)
        )
    except services.DocumentError as error:
        raise CommandError(str(error)) from error
    return made


def _plan(text: str):

    found = Plan.objects.select_related("province", "focal_agency").by_reference(text)
    if found is None:
        raise CommandError(f'Không có kế hoạch có mã số hoặc slug "{text}".')
    return found


def _submission(period, code: str):

    unit = OrgUnit.objects.filter(code=code, province_id=period.province_id).first()
    if unit is None:
        raise CommandError(f'Không có đơn vị mã "{code}" trong {period.province.name}.')
    submission = (
        Submission.objects.select_related("period", "period__plan", "unit")
        .filter(period=period, unit=unit)
        .first()
    )
    if submission is None:
        raise CommandError(f"{unit.name} chưa có báo cáo năm {period.year} của kế hoạch này.")
    return submission
