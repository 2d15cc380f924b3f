"""The demo province: Đắk Lắk with its 102 communes and wards, its agencies, demo accounts for every
role, its two 2026-2030 plans (and a legacy district plan), the 2026 reporting year, and the year's
work (tasks followed, activity log: ``demo_work.py``).

``build_demo()`` is idempotent: running it again changes nothing that is already there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from binhdang.accounts.models import Role, RoleAssignment, User
from binhdang.devtools.demo_inspections import build_demo_inspections
from binhdang.devtools.demo_reports import build_demo_reports
from binhdang.devtools.demo_rhythms import build_demo_rhythms
from binhdang.devtools.demo_statistics import build_demo_statistics
from binhdang.devtools.demo_work import build_demo_work
from binhdang.orgunits.loader import load_province
from binhdang.orgunits.matching import match_unit
from binhdang.orgunits.models import OrgUnit, OrgUnitType
from binhdang.plans.extraction import extract_file
from binhdang.plans.extraction.records import as_json
from binhdang.plans.importing import file_sha256, import_plan
from binhdang.plans.models import Plan, PlanStatus

DEMO_PROVINCE = "Đắk Lắk"
DEMO_PASSWORD = "binhdang2026"
DATA_DIR = Path(__file__).resolve().parent / "demo_data"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    role: str | None
    #: How the unit is found in the province: None = the province itself (or no unit for
    #: ministry/admin), "commune" = the first commune by name, otherwise an agency name.
    unit: str | None
    description: str


DEMO_ACCOUNTS = [
    DemoAccount("admin", "Quản trị hệ thống", None, None, "Quản trị viên (superuser)"),
    DemoAccount("daumoi", "Nguyễn Thị Hoa", Role.FOCAL_OFFICER, None, "Cán bộ đầu mối, Sở Nội vụ Đắk Lắk"),
    DemoAccount("lanhdao", "Phạm Văn Quang", Role.LEADER, None, "Lãnh đạo UBND tỉnh Đắk Lắk"),
    DemoAccount("bonoivu", "Trần Minh Đức", Role.MINISTRY_VIEWER, None, "Cán bộ Bộ Nội vụ (xem mọi tỉnh)"),
    DemoAccount("xa.demo", "Y Bih Niê", Role.REPORTER, "commune", "Cán bộ báo cáo của một xã/phường"),
    DemoAccount("so.yte", "Lê Thu Trang", Role.REPORTER, "Sở Y tế", "Cán bộ báo cáo, Sở Y tế"),
    DemoAccount(
        "hoi.phunu", "H'Hen Mlô", Role.REPORTER, "Hội Liên hiệp Phụ nữ tỉnh", "Cán bộ báo cáo, Hội LHPN tỉnh"
    ),
    DemoAccount(
        "bao.ptth",
        "Đỗ Văn Bình",
        Role.REPORTER,
        "Báo và Phát thanh, Truyền hình",
        "Cán bộ báo cáo, Báo và PT-TH",
    ),
]


@dataclass(frozen=True)
class DemoPlan:
    file: str
    province: str
    status: str


#: The seed plans: Đắk Lắk's two 2026-2030 plans, active, and a 2022 district plan kept as history.
DEMO_PLANS = [
    DemoPlan("dak-lak-truyen-thong-2026-2030.txt", DEMO_PROVINCE, PlanStatus.ACTIVE),
    DemoPlan("dak-lak-chien-luoc-2026-2030.txt", DEMO_PROVINCE, PlanStatus.ACTIVE),
    DemoPlan("trieu-son-truyen-thong-2022.txt", "Thanh Hóa", PlanStatus.ARCHIVED),
]
DEMO_YEAR = 2026


@dataclass
class DemoLogin:
    username: str
    password: str
    role: str
    unit: str


def _unit_for(account: DemoAccount, province: OrgUnit) -> OrgUnit | None:
    if account.role in (None, Role.MINISTRY_VIEWER):
        return None
    if account.unit is None:
        return province
    if account.unit == "commune":
        communes = OrgUnit.objects.filter(province=province, type=OrgUnitType.COMMUNE, is_active=True)
        return communes.filter(division="Xã").order_by("name").first() or communes.order_by("name").first()
    unit = match_unit(province, account.unit)
    if unit is None:
        raise RuntimeError(f"Không tìm thấy đơn vị '{account.unit}' trong {province.name}")
    return unit


@transaction.atomic
def create_demo_accounts(province: OrgUnit) -> list[DemoLogin]:
    """Create (or leave as they are) the demo accounts; return what to print."""
    logins = []
    for account in DEMO_ACCOUNTS:
        unit = _unit_for(account, province)
        user = User.objects.filter(username=account.username).first()
        if user is None:
            user = User(username=account.username, full_name=account.full_name, is_active=True)
            user.set_password(DEMO_PASSWORD)
            if account.role is None:
                user.is_superuser = user.is_staff = True
            user.save()
        if account.role is not None:
            RoleAssignment.objects.get_or_create(user=user, role=account.role, org_unit=unit)
        unit_name = unit.name if unit is not None else "-"
        logins.append(DemoLogin(account.username, DEMO_PASSWORD, account.description, unit_name))
    return logins


def import_demo_plans(log=print) -> list[Plan]:
    """Import the seed plans once each (a plan already imported from the same file is kept)."""
    plans = []
    for demo in DEMO_PLANS:
        path = DATA_DIR / demo.file
        province = load_province(demo.province).provinces[0]
        plan = Plan.objects.filter(province=province, source_sha256=file_sha256(path.read_bytes())).first()
        if plan is None:
            plan = import_plan(as_json(extract_file(path)), province, path, None, status=demo.status)
            log(f"Đã nhập kế hoạch: {plan.title} ({plan.get_status_display()}).")
        plans.append(plan)
    return plans


def build_demo(log=print) -> list[DemoLogin]:
    """Build the whole demo (idempotent) and return the demo logins."""
    result = load_province(DEMO_PROVINCE)
    province = result.provinces[0]
    log(f"Đã nạp {province.name}: {result.created} đơn vị mới, {result.unchanged} đơn vị không đổi.")
    logins = create_demo_accounts(province)
    import_demo_plans(log)
    demo_commune = _unit_for(DEMO_ACCOUNTS[4], province)
    reports = build_demo_reports(province, DEMO_YEAR, keep_open=[demo_commune] if demo_commune else [])
    if reports["counts"]:
        summary = ", ".join(f"{outcome}: {n}" for outcome, n in sorted(reports["counts"].items()))
        log(f"Đã mở kỳ báo cáo năm {DEMO_YEAR} với báo cáo mẫu ({summary}).")
    strategy = build_demo_statistics(province, DEMO_YEAR)
    if strategy["period"] is not None:
        log(
            f"Kỳ báo cáo năm {DEMO_YEAR} của kế hoạch thực hiện Chiến lược: "
            f"{strategy['period'].expected_reporters.count()} đơn vị phải báo cáo; "
            f"thống kê giới: {strategy['figures']} số liệu mới."
        )
    rhythms = build_demo_rhythms(reports["period"], min(timezone.localdate(), dt.date(DEMO_YEAR, 12, 31)))
    if rhythms:
        log(f"Đã mở các quý, thu thập kế hoạch triển khai và một yêu cầu đột xuất ({rhythms}).")
    focal = User.objects.get(username="daumoi")
    today = min(timezone.localdate(), dt.date(DEMO_YEAR, 12, 31))
    work = build_demo_work(province, focal, today)
    if work:
        log(
            f"Đã ghi tiến độ nhiệm vụ và sổ hoạt động mẫu ({work['task updates']} cập nhật, {work['activities']} hoạt động)."
        )
    checked = build_demo_inspections(province, focal, today)
    if checked:
        log(f"Đã ghi {checked} cuộc kiểm tra, giám sát mẫu với kết quả và việc khắc phục.")
    return logins
