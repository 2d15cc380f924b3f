"""Demo reports at other rhythms (issue 17), beside the demo's reporting year (``demo_reports``):

- the four quarters of the year for the news items (``TT_NEWS``, at least 4 a quarter): each unit's
  yearly figure split over the quarters already due, most submitted, some below the minimum;
- the units' implementing plans (a one-off collection due 20/6): number, date and document from most
  departments and mass organisations, a few late, a few missing;
- an ad hoc request to ten communes on the Action Month, half answered.

Deterministic for a seed; built once (nothing is done when the year already has quarters).
"""

from __future__ import annotations

import datetime as dt
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from binhdang.reporting import attachments, services
from binhdang.reporting.models import Period, PeriodKind
from binhdang.reporting.models.periods import LOCAL_TZ

NEWS = "TT_NEWS"
ACTION_MONTH_QUESTIONS = (
    {"label": "Số hoạt động hưởng ứng Tháng hành động đã tổ chức", "type": "number", "unit": "hoạt động"},
    {"label": "Số lượt người tham gia", "type": "number", "unit": "lượt người"},
    {"label": "Hoạt động nổi bật", "type": "text"},
)
HIGHLIGHTS = (
    "Mít tinh hưởng ứng tại hội trường xã với sự tham gia của các thôn, buôn.",
    "Thi tìm hiểu pháp luật về bình đẳng giới cho hội viên phụ nữ và đoàn viên thanh niên.",
    "Treo băng rôn, phát thanh tuyên truyền trên hệ thống loa truyền thanh cơ sở.",
)


def _at(day: dt.date, rng: random.Random) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(rng.randint(8, 16), rng.randint(0, 59)), tzinfo=LOCAL_TZ)


def _fill(period: Period, unit, values: dict):
    """The unit's report in ``period`` with ``values`` saved by the system (a draft)."""
    report = services.get_or_create_submission(period, unit)
    services.save_draft(report, values, {}, None, expected_version=None)
    report.refresh_from_db()
    return report


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def _quarters(annual: Period, today: dt.date, rng: random.Random) -> int:
    quarters = services.open_subannual(
        annual.plan,
        annual.year,
        None,
        numbers=[1, 2, 3, 4],
        element_codes=[NEWS],
        targets={NEWS: 4},
        today=dt.date(annual.year, 1, 2),
    )
    yearly = {
        s.unit_id: s.value_map().get((NEWS, ""), "") for s in annual.submissions.prefetch_related("values")
    }
    due = [q for q in quarters if q.deadline < today]
    filed = 0
    for entry in quarters[0].expected_reporters.select_related("unit").order_by("unit__code"):
        total = yearly.get(entry.unit_id) or ""
        if not total.isdigit() or not due:
            continue
        # the yearly figure was reported before the last quarter ended: it is the quarters' sum so far
        for quarter, value in zip(due, _split(int(total), len(due), rng), strict=True):
            report = _fill(quarter, entry.unit, {(NEWS, ""): str(value)})
            services.submit(
                report, None, at=_at(quarter.deadline - dt.timedelta(days=rng.randint(0, 9)), rng)
            )
            filed += 1
    return filed


def _implementing_plans(annual: Period, rng: random.Random) -> int:
    units = [
        e.unit
        for e in annual.expected_reporters.select_related("unit").order_by("unit__code")
        if e.unit.type in ("department", "mass_org")
    ]
    deadline = dt.date(annual.year, 6, 20)
    collection = services.open_request(
        annual.plan,
        None,
        kind=PeriodKind.ONE_OFF,
        title=f"Kế hoạch triển khai thực hiện Kế hoạch năm {annual.year}",
        deadline=deadline,
        units=units,
        today=dt.date(annual.year, 5, 25),
    )
    filed = 0
    for number, unit in enumerate(units, start=1):
        if rng.random() < 0.15:
            continue
        issued = deadline - dt.timedelta(days=rng.randint(-6, 30))
        values = {
            ("DOC_NUMBER", ""): f"{number * 7 + 12}/KH-{unit.code}",
            ("DOC_DATE", ""): issued.isoformat(),
        }
        report = _fill(collection, unit, values)
        document = SimpleUploadedFile(f"ke-hoach-trien-khai-{unit.code}.pdf", b"%PDF-1.4\n% ke hoach\n")
        attachments.add_attachment(report, document, None, "Kế hoạch triển khai")
        services.submit(report, None, at=_at(issued + dt.timedelta(days=rng.randint(0, 3)), rng))
        filed += 1
    return filed


def _action_month_request(annual: Period, today: dt.date, rng: random.Random) -> int:
    communes = [
        e.unit
        for e in annual.expected_reporters.select_related("unit").order_by("unit__code")
        if e.unit.type == "commune"
    ][:10]
    deadline = dt.date(annual.year, 12, 20)
    request = services.open_request(
        annual.plan,
        None,
        title="Báo cáo nhanh kết quả Tháng hành động vì bình đẳng giới",
        deadline=deadline,
        units=communes,
        questions=ACTION_MONTH_QUESTIONS,
        today=min(today, dt.date(annual.year, 11, 20)),
    )
    filed = 0
    for unit in communes[::2]:
        activities = rng.randint(2, 8)
        values = {
            ("Q1", ""): str(activities),
            ("Q2", ""): str(activities * rng.randint(40, 120)),
            ("Q3", ""): rng.choice(HIGHLIGHTS),
        }
        report = _fill(request, unit, values)
        if today > dt.date(annual.year, 12, 1):
            services.submit(report, None, at=_at(dt.date(annual.year, 12, 1), rng))
        filed += 1
    return filed


@transaction.atomic
def build_demo_rhythms(annual: Period | None, today: dt.date, seed: int = 2026) -> dict[str, int]:
    """Quarters, implementing plans and an ad hoc request beside the demo's ``annual`` period."""
    if (
        annual is None
        or Period.objects.filter(plan=annual.plan, year=annual.year, kind=PeriodKind.QUARTERLY).exists()
    ):
        return {}
    rng = random.Random(f"{seed}-rhythms-{annual.province_id}-{annual.year}")
    return {
        "quarter reports": _quarters(annual, today, rng),
        "implementing plans": _implementing_plans(annual, rng),
        "ad hoc answers": _action_month_request(annual, today, rng),
    }
