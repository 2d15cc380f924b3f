"""The demo's inspections and supervision: a year of the focal agency's checks on the demo province's
communication plan (the first active plan with campaigns): done inspections of communes (the demo
commune's reporter ``xa.demo`` among them) and agencies with findings, recommendations and follow-up
items at every stage (done, in progress, overdue, not yet due), and a planned interagency inspection.

:func:`build_demo_inspections(province, focal, today)` goes through ``work.inspections`` (so the audit
trail names the focal officer) and is idempotent: a plan that already has inspections is left alone.
Dates never pass ``today``.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from binhdang.accounts.models import Role, User
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Plan
from binhdang.work import inspections
from binhdang.work.inspection_models import FollowUpStatus, Inspection, InspectionKind


def _demo_commune(province: OrgUnit) -> OrgUnit | None:
    """The commune of the demo's commune reporter, else the first commune by name."""
    assigned = (
        OrgUnit.objects.filter(
            role_assignments__user__username="xa.demo",
            role_assignments__role=Role.REPORTER,
            province=province,
        )
        .order_by("name")
        .first()
    )
    return assigned or OrgUnit.objects.filter(province=province, type="commune").order_by("name").first()


def _unit(province: OrgUnit, name: str, kind: str | None = None) -> OrgUnit | None:
    units = OrgUnit.objects.filter(province=province, valid_to__isnull=True)
    found = units.filter(name__icontains=name).order_by("name").first()
    if found is None and kind:
        found = units.filter(type=kind).order_by("name").first()
    return found


def _plans(province: OrgUnit) -> list[Plan]:
    plans = list(Plan.objects.filter(province=province, status="active").order_by("pk"))
    return [p for p in plans if p.campaigns.exists()] or plans


def _on(today: dt.date, month: int, day: int) -> dt.date:
    """A day of ``today``'s year, never after ``today``."""
    return min(dt.date(today.year, month, day), today)


def build_demo_inspections(province: OrgUnit, focal: User, today: dt.date) -> int:
    """Record the demo's inspections; returns how many were recorded (0 when already there)."""
    plans = _plans(province)
    if not plans or Inspection.objects.filter(plan=plans[0]).exists():
        return 0
    plan = plans[0]
    commune = _demo_commune(province)
    health = _unit(province, "Y tế", "department")
    culture = _unit(province, "Văn hóa", "department")
    noi_vu = plan.focal_agency or _unit(province, "Nội vụ", "department")
    womens_union = _unit(province, "Phụ nữ", "mass_org")
    if commune is None or health is None:
        return 0
    other_commune = (
        OrgUnit.objects.filter(province=province, type="commune")
        .exclude(pk=commune.pk)
        .order_by("name")
        .first()
    )
    if other_commune is None:
        return 0
    recorded = []
    with transaction.atomic():
        first = inspections.record(
            plan,
            focal,
            {
                "kind": InspectionKind.INSPECTION,
                "title": f"Kiểm tra việc thực hiện Kế hoạch truyền thông về bình đẳng giới năm {today.year} "
                f"tại {commune.name}",
                "units": [commune],
                "planned_date": _on(today, 9, 10),
                "done_date": _on(today, 9, 12),
                "lead_agency": noi_vu,
                "team": "Bà Nguyễn Thị Hoa, Sở Nội vụ (trưởng đoàn); bà H'Hen Mlô, Hội LHPN tỉnh; "
                "ông Trần Văn Nam, Sở Văn hóa, Thể thao và Du lịch",
                "findings": "Xã đã ban hành kế hoạch năm và tổ chức 6 buổi truyền thông tại các thôn, buôn. "
                "Hương ước của 2/9 thôn còn nội dung chưa bảo đảm bình đẳng giới (phân công việc tang, "
                "cưới theo giới); chưa lưu đủ biên bản, danh sách người tham dự các buổi truyền thông.",
                "recommendations": "Rà soát, sửa đổi hương ước thôn 3 và buôn Ea Sar; lưu hồ sơ hoạt động "
                "truyền thông đầy đủ, tách số người tham dự theo giới.",
            },
            [
                {
                    "text": "Rà soát, sửa đổi hương ước thôn 3 và buôn Ea Sar",
                    "unit": commune,
                    "deadline": _on(today, 12, 31),
                },
                {
                    "text": "Bổ sung biên bản, danh sách người tham dự các buổi truyền thông quý III",
                    "unit": commune,
                    "deadline": _on(today, 10, 31),
                },
            ],
        )
        recorded.append(first)
        second = inspections.record(
            plan,
            focal,
            {
                "kind": InspectionKind.SUPERVISION,
                "title": f"Giám sát việc lồng ghép bình đẳng giới trong truyền thông y tế năm {today.year}",
                "units": [health],
                "planned_date": _on(today, 6, 15),
                "done_date": _on(today, 6, 18),
                "lead_agency": noi_vu,
                "team": "Sở Nội vụ (trưởng đoàn), Ủy ban MTTQ tỉnh",
                "findings": "Sở đã lồng ghép nội dung bình đẳng giới trong 4 chiến dịch truyền thông dân số; "
                "chưa có số liệu tách biệt theo giới của người được tư vấn.",
                "recommendations": "Bổ sung chỉ tiêu tách biệt theo giới trong báo cáo định kỳ.",
            },
            [
                {
                    "text": "Bổ sung biểu mẫu thống kê người được tư vấn tách theo giới",
                    "unit": health,
                    "deadline": _on(today, 9, 30),
                }
            ],
        )
        recorded.append(second)
        inspections.update_follow_up(
            second.follow_ups.get(),
            focal,
            {"status": FollowUpStatus.DONE, "note": "Sở Y tế đã ban hành biểu mẫu mới từ tháng 8."},
        )
        third = inspections.record(
            plan,
            focal,
            {
                "kind": InspectionKind.INSPECTION,
                "title": f"Kiểm tra công tác truyền thông về bình đẳng giới tại {other_commune.name}",
                "units": [other_commune],
                "planned_date": _on(today, 5, 20),
                "done_date": _on(today, 5, 21),
                "lead_agency": noi_vu,
                "team": "Sở Nội vụ, Hội LHPN tỉnh",
                "findings": "Chưa bố trí kinh phí riêng cho hoạt động bình đẳng giới; chưa thành lập câu "
                "lạc bộ thủ lĩnh của sự thay đổi.",
                "recommendations": "Bố trí kinh phí năm sau; thành lập ít nhất 01 câu lạc bộ.",
            },
            [
                {
                    "text": "Thành lập câu lạc bộ thủ lĩnh của sự thay đổi tại trường THCS",
                    "unit": other_commune,
                    "deadline": _on(today, 8, 31),
                },
                {
                    "text": "Đề xuất kinh phí hoạt động bình đẳng giới trong dự toán năm sau",
                    "unit": other_commune,
                    "deadline": _on(today, 12, 31),
                },
            ],
        )
        recorded.append(third)
        latest = third.follow_ups.order_by("deadline").last()
        assert latest is not None
        inspections.update_follow_up(
            latest,
            focal,
            {"status": FollowUpStatus.IN_PROGRESS, "note": "Đã gửi đề xuất tới Phòng Tài chính - Kế hoạch."},
        )
        interagency_units = [u for u in (culture, womens_union) if u is not None] or [health]
        recorded.append(
            inspections.record(
                plan,
                focal,
                {
                    "kind": InspectionKind.INTERAGENCY,
                    "title": "Kiểm tra liên ngành các hoạt động Tháng hành động vì bình đẳng giới",
                    "units": interagency_units,
                    "planned_date": max(today, dt.date(today.year, 12, 10)),
                    "lead_agency": noi_vu,
                    "team": "Sở Nội vụ, Sở Văn hóa, Thể thao và Du lịch, Hội LHPN tỉnh, Công an tỉnh",
                },
            )
        )
    return len(recorded)
