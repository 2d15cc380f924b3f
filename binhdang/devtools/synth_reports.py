"""The synthetic reports of ``synth``: periods, expected units, reports and their values, in bulk.

Each (province, year, programme) draws from its own generator seeded by the seed, the province code,
the year and the programme, so the figures of a province-year do not depend on which other provinces
or years are generated. See ``synth`` for the overall picture.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection

from binhdang.orgunits.models import REPORTING_TYPES, OrgUnit
from binhdang.plans.models import Plan
from binhdang.reporting.models import DataValue, ExpectedReporter, Period, Submission
from binhdang.reporting.models.periods import LOCAL_TZ

BATCH = 2000


@dataclass
class Counts:
    periods: int = 0
    submissions: int = 0
    values: int = 0


@dataclass(frozen=True)
class Profile:
    """How a province reports and performs (drawn once per province)."""

    diligence: float
    late_share: float
    skill: float
    awareness: float
    gsim: float
    progress: float


def _profile(seed: int, code: str) -> Profile:
    rng = random.Random(f"{seed}:{code}:profile")
    return Profile(
        diligence=rng.uniform(0.74, 0.96),
        late_share=rng.uniform(0.04, 0.3),
        skill=rng.uniform(0.6, 1.05),
        awareness=rng.uniform(55, 72),
        gsim=rng.uniform(0.1, 0.6),
        progress=rng.uniform(0.3, 1.3),
    )


def _at(year: int, month: int, day: int, hour: int) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=LOCAL_TZ)


def _tt1790_values(rng: random.Random, unit: OrgUnit, year: int, p: Profile, focal: bool) -> dict:
    step = year - 2026
    sessions = max(0, round(rng.gauss(2.6 * p.skill + 0.3 * step, 1.5)))
    participants = sessions * rng.randint(15, 60)
    female = round(participants * rng.uniform(0.5, 0.72))
    am_plan = rng.random() < 0.72 + 0.05 * step + 0.15 * (p.skill - 0.8)
    trainings = rng.choice((0, 0, 1, 1, 2, 3))
    trainees = trainings * rng.randint(15, 40)
    trainee_women = round(trainees * rng.uniform(0.45, 0.7))
    values = {
        ("TT_SESSIONS", ""): sessions,
        ("TT_PARTICIPANTS", "MALE"): participants - female,
        ("TT_PARTICIPANTS", "FEMALE"): female,
        ("TT_AM_PLAN", ""): "true" if am_plan else "false",
        ("TT_AM_ACTIVITIES", ""): rng.randint(1, 5) if am_plan else 0,
        ("TT_NEWS", ""): rng.randint(0, 12),
        ("TT_TRAININGS", ""): trainings,
        ("TT_TRAINEES", "MALE"): trainees - trainee_women,
        ("TT_TRAINEES", "FEMALE"): trainee_women,
        ("TT_BUDGET_STATE", ""): rng.randint(0, 40) * 1_000_000,
        ("TT_BUDGET_OTHER", ""): rng.randint(0, 10) * 500_000,
    }
    if unit.type == "commune":
        conventions = rng.choice((0, 1, 1, 2, 2, 3, 4, 5))
        flawed = 1 if conventions and rng.random() < 0.14 - 0.02 * step else 0
        values[("TT_DIGITAL_MODELS", "")] = rng.randint(0, 2)
        values[("TT_CONVENTIONS", "")] = conventions
        values[("TT_CONVENTIONS_OK", "")] = conventions - flawed
    if unit.type == "media":
        draw = rng.random()
        official = p.gsim + 0.15 * step
        values[("TT_GSIM_STATUS", "")] = "OFFICIAL" if draw < official else "PILOT" if draw < 0.9 else "NONE"
    if focal:
        awareness = p.awareness + 2.4 * p.progress * step + rng.uniform(-0.8, 0.8)
        values[("TT_AWARENESS", "")] = f"{min(awareness, 99):.1f}"
    return values


def _strategy_values(rng: random.Random, suffix: str, year: int, p: Profile) -> dict:
    step = (year - 2025) * p.progress
    if suffix == "SNV":
        total = 40
        leaders = min(total, round(total * (0.45 + 0.055 * step + rng.uniform(-0.03, 0.03))))
        return {
            ("NQ28.1.1", "NUMERATOR"): leaders,
            ("NQ28.1.1", "DENOMINATOR"): total,
            ("NQ28.1.1", "NOTE"): "Thống kê của Sở Nội vụ",
            ("NQ28.2.2", "VALUE"): f"{38 - 2.4 * step + rng.uniform(-1, 1):.1f}",
            ("NQ28.2.2", "NOTE"): "Điều tra lao động - việc làm",
        }
    if suffix == "SYT":
        girls = rng.randint(9000, 20000)
        ratio = 112 - 1.3 * step + rng.uniform(-0.8, 0.8)
        return {
            ("NQ28.4.1", "NUMERATOR"): round(girls * ratio / 100),
            ("NQ28.4.1", "DENOMINATOR"): girls,
            ("NQ28.4.1", "NOTE"): "Số liệu sinh của ngành y tế",
            ("NQ28.4.2", "VALUE"): f"{52 - 2.2 * step + rng.uniform(-2, 2):.1f}",
            ("NQ28.4.2", "NOTE"): "Báo cáo của ngành y tế",
        }
    if suffix == "SGDDT":
        return {
            ("NQ28.5.1", "VALUE"): 1 if rng.random() < 0.65 + 0.08 * (year - 2026) else 0,
            ("NQ28.5.1", "NOTE"): "Chương trình đào tạo của các trường",
        }
    return {}


def _states(rng: random.Random, p: Profile, year: int, focal: bool):
    """(state or None, late) of one unit's report."""
    chance = min(0.99, p.diligence + 0.025 * (year - 2026) + (0.2 if focal else 0))
    draw = rng.random()
    late = rng.random() < p.late_share
    if draw < chance:
        roll = rng.random()
        state = "returned" if roll < 0.03 else "accepted" if roll < 0.6 else "submitted"
        return state, late
    if draw < chance + (1 - chance) * 0.5:
        return "draft", late
    return None, late


def _db_time(moment: dt.datetime):
    return connection.ops.adapt_datetimefield_value(moment)


def _insert(model, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Plain multi-row INSERTs: hundreds of thousands of values without building model instances."""
    qn = connection.ops.quote_name
    sql = (
        f"INSERT INTO {qn(model._meta.db_table)} ({', '.join(qn(c) for c in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH * 5):
            cursor.executemany(sql, rows[start : start + BATCH * 5])


def create_reports(
    plans: list[Plan], years: list[int], seed: int, agencies: dict[str, dict[str, OrgUnit]]
) -> Counts:
    """Periods, expected reporters, reports and values of ``plans`` for ``years``."""
    counts = Counts()
    units_by_province: dict[int | None, list[OrgUnit]] = defaultdict(list)
    for unit in OrgUnit.objects.filter(
        province_id__in={p.province_id for p in plans}, is_active=True, type__in=REPORTING_TYPES
    ).order_by("code"):
        units_by_province[unit.province_id].append(unit)
    periods = []
    for plan in plans:
        for year in years:
            strategy = plan.program == "strategy"
            deadline = dt.date(year, 12, 10) if strategy else dt.date(year, 11, 30)
            periods.append(
                Period(
                    plan=plan,
                    province_id=plan.province_id,
                    year=year,
                    form_code="NQ28" if strategy else "TT1790",
                    cutoff_start=dt.date(year - 1, 12, 15),
                    cutoff_end=dt.date(year, 12, 14),
                    deadline=deadline,
                    lock_date=dt.date(year, 12, 14),
                    focal_unit_id=plan.focal_agency_id,
                    opened_at=_at(year, 10, 1, 8),
                )
            )
    Period.objects.bulk_create(periods, batch_size=BATCH)
    counts.periods = len(periods)
    expected: list[tuple] = []
    submissions: list[Submission] = []
    values: list[tuple[Submission, str, str, str]] = []
    for period in periods:
        plan = period.plan
        code = plan.province.code
        profile = _profile(seed, code)
        rng = random.Random(f"{seed}:{code}:{period.year}:{plan.program}")
        if plan.program == "strategy":
            suffixes = {u.pk: s for s, u in agencies[code].items() if s in ("SNV", "SYT", "SGDDT")}
            units = [u for u in units_by_province[plan.province_id] if u.pk in suffixes]
        else:
            units = units_by_province[plan.province_id]
        opened = _db_time(period.opened_at)
        for unit in units:
            expected.append((period.pk, unit.pk, opened))
            focal = unit.pk == plan.focal_agency_id
            state, late = _states(rng, profile, period.year, focal)
            if state is None:
                continue
            if plan.program == "strategy":
                unit_values = _strategy_values(rng, suffixes[unit.pk], period.year, profile)
            else:
                unit_values = _tt1790_values(rng, unit, period.year, profile, focal)
            shift = dt.timedelta(days=rng.randint(1, 14) if late else -rng.randint(0, 25))
            day = period.deadline + shift
            at = _at(day.year, day.month, day.day, 8 + rng.randint(0, 9))
            submitted = state != "draft"
            submission = Submission(
                period=period,
                unit=unit,
                state=state,
                version=3 if submitted else 2,
                results="Đã triển khai các hoạt động truyền thông theo kế hoạch." if submitted else "",
                first_submitted_at=at if submitted else None,
                submitted_at=at if submitted else None,
                accepted_at=at + dt.timedelta(days=3) if state == "accepted" else None,
                created_at=at - dt.timedelta(days=5),
                updated_at=at,
            )
            submissions.append(submission)
            values.extend(
                (submission, element, coc, str(value)) for (element, coc), value in unit_values.items()
            )
    _insert(ExpectedReporter, ("period_id", "unit_id", "added_at"), expected)
    Submission.objects.bulk_create(submissions, batch_size=BATCH)
    _insert(
        DataValue,
        ("submission_id", "data_element", "category_option_combo", "value", "updated_at"),
        [(sub.pk, element, coc, text, _db_time(sub.updated_at)) for sub, element, coc, text in values],
    )
    counts.submissions, counts.values = len(submissions), len(values)
    return counts
