"""``binhdang report --plan ID|SLUG --year Y --format docx|xlsx --out PATH [--unit CODE]``;
``binhdang report --national --year Y --format docx|xlsx --out PATH``: the ministry's national report."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from binhdang.core import formatting
from binhdang.documents import national_report, services
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
        parser.add_argument(
            "--national", action="store_true", help="Báo cáo toàn quốc của Bộ Nội vụ (thay cho --plan)"
        )
        parser.add_argument("--year", type=int, required=True, help="Năm báo cáo, ví dụ 2026")
        parser.add_argument(
            "--format", choices=("docx", "xlsx"), default="docx", help="docx (mặc định) hoặc xlsx"
        )
        parser.add_argument("--out", required=True, help="Đường dẫn tệp kết quả")
        parser.add_argument("--unit", help="Mã đơn vị: tạo báo cáo của đơn vị đó (chỉ docx)")

    def handle(self, *args, plan: str, year: int, format: str, out: str, unit: str | None, **options):
        if options.get("national"):
            if plan or unit:
                raise CommandError("--national không đi cùng --plan hoặc --unit.")
            _write(out, _national(year, format))
            self.stdout.write(f"Đã ghi {out} (báo cáo toàn quốc năm {year}).")
            return
        if not plan:
            raise CommandError("Cần --plan MÃ_SỐ_HOẶC_SLUG (hoặc --national cho báo cáo toàn quốc).")
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
        path = Path(out)
        if not path.parent.is_dir():
            raise CommandError(f"Thư mục {path.parent} không tồn tại.")
        path.write_bytes(generated.content)
        self.stdout.write(f"Đã ghi {path} ({formatting.number(len(generated.content))} byte).")


def _national(year: int, format: str) -> bytes:
    try:
        made = (
            national_report.national_annex(year)
            if format == "xlsx"
            else national_report.national_report(year)
        )
    except services.DocumentError as error:
        raise CommandError(str(error)) from error
    return made.content


def _write(out: str, content: bytes) -> None:
    path = Path(out)
    if not path.parent.is_dir():
        raise CommandError(f"Thư mục {path.parent} không tồn tại.")
    path.write_bytes(content)


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
