"""Demo reports: a reporting year of a province's communication plan with a realistic mix of reports.

:func:`build_demo_reports(province, year, seed)` opens the year for the province's active
communication plan and fills it: most units submitted on time (some accepted), some late, some
drafts, some returned with the focal officer's comment, some missing. Figures are plausible per unit
type (communes, departments, mass organisations, media; the focal agency adds the awareness survey).
The same seed gives the same data; submission times are placed relative to the deadline (not to
today), so the mix does not depend on when the demo is built. Running it again on a year that
already has reports changes nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Iterable

from django.db import transaction

from binhdang.accounts.models import Role, User
from binhdang.orgunits.models import OrgUnit
from binhdang.reporting import access, plan_adapter, services
from binhdang.reporting.forms_catalog import DEFAULT_COC, FEMALE, MALE
from binhdang.reporting.models import Period
from binhdang.reporting.models.periods import LOCAL_TZ

#: Outcome of a unit's report and its weight in the mix.
OUTCOMES = (("on_time", 52), ("accepted", 14), ("late", 10), ("returned", 7), ("draft", 7), ("missing", 10))

RESULTS = {
    "commune": "Tổ chức {s} cuộc truyền thông lồng ghép tại các buổi sinh hoạt thôn, buôn, tổ dân phố với "
    "{p} lượt người tham dự; duy trì chuyên mục bình đẳng giới trên hệ thống thông tin cơ sở; "
    "hưởng ứng Tháng hành động vì bình đẳng giới bằng {a} hoạt động.",
    "department": "Phổ biến chính sách, pháp luật về bình đẳng giới cho công chức, viên chức qua {s} hội nghị "
    "với {p} lượt người tham dự; đăng {n} tin, bài trên trang thông tin điện tử của đơn vị.",
    "mass_org": "Tổ chức {s} buổi truyền thông tại cơ sở cho hội viên với {p} lượt người tham dự; phối hợp "
    "triển khai Tháng hành động vì bình đẳng giới với {a} hoạt động.",
    "media": "Đăng, phát {n} tin, bài, phóng sự về bình đẳng giới; duy trì chuyên mục trên báo in, báo điện "
    "tử và phát thanh, truyền hình.",
}
DIFFICULTIES = (
    "Kinh phí bố trí cho công tác truyền thông còn hạn chế.",
    "Đội ngũ làm công tác bình đẳng giới kiêm nhiệm, thường xuyên thay đổi.",
    "Địa bàn rộng, dân cư phân tán, một bộ phận người dân chưa tiếp cận được thông tin.",
    "Tài liệu truyền thông bằng tiếng dân tộc thiểu số còn ít.",
)
PROPOSALS = (
    "Đề nghị tỉnh tổ chức tập huấn kỹ năng truyền thông cho cán bộ cơ sở.",
    "Đề nghị bố trí thêm kinh phí cho hoạt động Tháng hành động.",
    "Đề nghị cung cấp tài liệu truyền thông song ngữ Việt - Ê Đê, Việt - M'nông.",
)
RETURN_COMMENTS = (
    "Đề nghị bổ sung số lượt người được tập huấn chia theo giới tính.",
    "Số kinh phí chưa khớp với báo cáo tài chính, đề nghị kiểm tra lại.",
    "Đề nghị bổ sung minh chứng (kế hoạch hưởng ứng Tháng hành động).",
    "Số hương ước, quy ước không có nội dung phân biệt đối xử về giới chưa đúng, đề nghị rà soát.",
)


def _money(rng: random.Random, low: int, high: int) -> str:
    return str(rng.randint(low // 500_000, high // 500_000) * 500_000)


def demo_values(unit: OrgUnit, rng: random.Random, *, focal: bool = False) -> dict[tuple[str, str], str]:
    """A complete, plausible TT1790 report for a unit of this type."""
    kind = unit.type
    sessions = {"commune": (2, 12), "department": (1, 8), "mass_org": (4, 20), "media": (1, 5)}[kind]
    per_session = {"commune": (25, 70), "department": (20, 60), "mass_org": (40, 120), "media": (10, 30)}[
        kind
    ]
    s = rng.randint(*sessions)
    men = sum(rng.randint(*per_session) for _ in range(s)) // 2
    women = men + rng.randint(0, men // 2 + 5) if kind != "media" else men
    trainings = rng.choice((0, 1, 1, 2, 3)) if kind != "media" else rng.choice((0, 1))
    values = {
        ("TT_SESSIONS", DEFAULT_COC): str(s),
        ("TT_PARTICIPANTS", MALE): str(men),
        ("TT_PARTICIPANTS", FEMALE): str(women),
        ("TT_AM_PLAN", DEFAULT_COC): "true" if rng.random() < 0.9 else "false",
        ("TT_NEWS", DEFAULT_COC): str(rng.randint(30, 200) if kind == "media" else rng.randint(2, 30)),
        ("TT_TRAININGS", DEFAULT_COC): str(trainings),
        ("TT_TRAINEES", MALE): str(sum(rng.randint(10, 25) for _ in range(trainings))),
        ("TT_TRAINEES", FEMALE): str(sum(rng.randint(12, 35) for _ in range(trainings))),
        ("TT_BUDGET_OTHER", DEFAULT_COC): _money(rng, 0, 10_000_000 if kind != "mass_org" else 50_000_000),
    }
    plan_issued = values[("TT_AM_PLAN", DEFAULT_COC)] == "true"
    values[("TT_AM_ACTIVITIES", DEFAULT_COC)] = str(rng.randint(1, 6) if plan_issued else 0)
    budget = {
        "commune": (5_000_000, 40_000_000),
        "department": (10_000_000, 80_000_000),
        "mass_org": (20_000_000, 150_000_000),
        "media": (5_000_000, 30_000_000),
    }[kind]
    values[("TT_BUDGET_STATE", DEFAULT_COC)] = _money(rng, *budget)
    if kind == "commune":
        conventions = rng.randint(0, 8)
        values[("TT_DIGITAL_MODELS", DEFAULT_COC)] = str(rng.choice((0, 1, 1, 1, 2)))
        values[("TT_CONVENTIONS", DEFAULT_COC)] = str(conventions)
        values[("TT_CONVENTIONS_OK", DEFAULT_COC)] = str(
            conventions - (1 if conventions and rng.random() < 0.2 else 0)
        )
    if kind == "media":
        values[("TT_GSIM_STATUS", DEFAULT_COC)] = rng.choices(("OFFICIAL", "PILOT", "NONE"), (5, 3, 2))[0]
    if focal:
        values[("TT_AWARENESS", DEFAULT_COC)] = f"{rng.randint(600, 850) / 10:g}"
    return values


def _narrative(unit: OrgUnit, values, rng: random.Random) -> dict[str, str]:
    participants = int(values[("TT_PARTICIPANTS", MALE)]) + int(values[("TT_PARTICIPANTS", FEMALE)])
    return {
        "results": RESULTS[unit.type].format(
            s=values[("TT_SESSIONS", DEFAULT_COC)],
            p=participants,
            a=values[("TT_AM_ACTIVITIES", DEFAULT_COC)],
            n=values[("TT_NEWS", DEFAULT_COC)],
        ),
        "difficulties": rng.choice(DIFFICULTIES),
        "proposals": rng.choice(PROPOSALS),
    }


def _moment(day: dt.date, rng: random.Random) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(rng.randint(7, 16), rng.randint(0, 59)), tzinfo=LOCAL_TZ)


def _reporter(unit: OrgUnit, report) -> User | None:
    """The unit's reporter when they may still change the report (the history then shows them)."""
    user = User.objects.filter(role_assignments__role=Role.REPORTER, role_assignments__org_unit=unit).first()
    return user if user is not None and access.can_edit_submission(user, report) else None


@transaction.atomic
def build_demo_reports(
    province: OrgUnit, year: int = 2026, seed: int = 2026, *, keep_open: Iterable[OrgUnit] = ()
) -> dict:
    """Open ``year`` for the province's active communication plan and fill it with demo reports.

    ``keep_open``: units left without a report (e.g. the demo reporter's commune, so the demo user
    has something to fill). Returns ``{"period": Period | None, "counts": {outcome: n}}``; the
    period is None when the province has no active communication plan.
    """
    plan = plan_adapter.active_plan(province, "communication")
    if plan is None:
        return {"period": None, "counts": {}}
    period = Period.objects.filter(plan=plan, year=year, kind="annual").first()
    if period is not None and period.submissions.exists():
        return {"period": period, "counts": {}}
    period = period or services.open_period(plan, year, None)
    officer = (
        User.objects.filter(role_assignments__role=Role.FOCAL_OFFICER, role_assignments__org_unit=province)
        .order_by("pk")
        .first()
    )
    rng = random.Random(f"{seed}-{province.code}-{year}")
    skip = {u.pk for u in keep_open}
    counts: Counter = Counter()
    deadline = period.deadline
    units = [e.unit for e in period.expected_reporters.select_related("unit").order_by("unit__code")]
    for unit in units:
        outcome = "missing" if unit.pk in skip else rng.choices(*zip(*OUTCOMES, strict=True))[0]
        counts[outcome] += 1
        if outcome == "missing":
            continue
        report = services.get_or_create_submission(period, unit)
        reporter = _reporter(unit, report)
        values = demo_values(unit, rng, focal=unit.pk == period.focal_unit_id)
        narrative = _narrative(unit, values, rng)
        if outcome == "draft":
            keys = sorted(values)
            values = {k: values[k] for k in rng.sample(keys, len(keys) // 2)}
            narrative = {"results": narrative["results"]}
        services.save_draft(report, values, narrative, reporter, expected_version=None)
        if outcome == "draft":
            continue
        if outcome == "late":
            moment = _moment(deadline + dt.timedelta(days=rng.randint(1, 8)), rng)
        else:
            moment = _moment(deadline - dt.timedelta(days=rng.randint(0, 25)), rng)
        services.submit(report, reporter, at=moment)
        if outcome == "accepted":
            services.accept(report, officer)
        elif outcome == "returned":
            services.return_submission(report, officer, rng.choice(RETURN_COMMENTS))
    return {"period": period, "counts": dict(counts)}
