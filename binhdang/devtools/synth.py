"""A realistic synthetic national dataset: ``binhdang synth --provinces all --years 2026-2030 --seed N``.

For every chosen province (all 34 by default): the official communes and the standard agencies
(``orgunits.loader``), the two standard plans in force — the programme-1790 communication plan with the
five national targets of seed 000 (some provinces with a roadmap annex of yearly milestones) and a
strategy plan with five NQ 28 indicators entered directly (seed 003) — then, for every year, the
reporting period and the reports of its expected units with realistic gaps: each province has its own
diligence (which improves a little every year), some units never report, some only save a draft, a
few reports are returned for correction, some come after the deadline.

Deterministic: the same seed gives the same dataset (every province draws from its own generator,
seeded by the seed and the province code, so a subset of provinces gets the same figures as in the
full run). Rows are written in bulk (no audit rows: nobody entered these figures) inside one
transaction; run it on a database without synthetic data (the bench builds a fresh one).

The reports themselves are drawn by ``synth_reports``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from binhdang.devtools import synth_reports
from binhdang.orgunits.loader import load_all, load_province
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import CatalogIndicator, Indicator, Milestone, Plan, ReportingObligation, Target
from binhdang.reporting.models import DataValue, Submission

SLUG_PREFIX = "synth-"
YEARS = tuple(range(2026, 2031))


class SynthError(Exception):
    """The dataset cannot be generated; the message (Vietnamese) says why."""


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    catalog: str
    text: str
    unit: str
    direction: str
    targets: tuple[dict, ...]
    baseline_year: int | None = None
    baseline_value: str | None = None
    #: Suffix of the standard agency that enters the figure (strategy indicators).
    responsible: str = ""


COMMUNICATION = (
    IndicatorSpec(
        "1",
        "1790.1",
        "Hằng năm, các cơ quan, tổ chức, doanh nghiệp và người dân được truyền thông, phổ "
        "biến, cập nhật thông tin về pháp luật, chính sách về bình đẳng giới ít nhất 02 cuộc",
        "cuộc",
        "increase",
        ({"kind": "min", "value": "2", "unit": "cuộc", "annual": True},),
    ),
    IndicatorSpec(
        "2",
        "1790.2",
        "Hằng năm, 100% sở, ban, ngành, đơn vị, địa phương xây dựng kế hoạch, triển khai "
        "hoạt động Tháng hành động vì bình đẳng giới",
        "%",
        "increase",
        ({"kind": "min", "value": "100", "unit": "%", "annual": True},),
    ),
    IndicatorSpec(
        "3",
        "1790.3",
        "Đến năm 2030 nhận thức về bình đẳng giới của các nhóm đối tượng tăng từ 10 - 15% so với năm 2026",
        "%",
        "increase",
        ({"kind": "increase", "min": "10", "max": "15", "unit": "%", "year": 2030, "baseline_year": 2026},),
        baseline_year=2026,
    ),
    IndicatorSpec(
        "4",
        "1790.4",
        "Đến năm 2030 đạt 90% cơ quan truyền thông chính thức áp dụng Bộ chỉ số về giới trong truyền thông",
        "%",
        "increase",
        ({"kind": "min", "value": "90", "unit": "%", "year": 2030},),
    ),
    IndicatorSpec(
        "5",
        "1790.5",
        "Đến năm 2030 đạt 100% hương ước, quy ước được thông qua không có sự phân biệt đối xử về giới",
        "%",
        "increase",
        ({"kind": "min", "value": "100", "unit": "%", "year": 2030},),
    ),
)
#: The roadmap annex some provinces attach (indicator code -> value per year).
ROADMAP = {
    "4": {2026: 50, 2027: 60, 2028: 70, 2029: 80, 2030: 90},
    "5": {2026: 96, 2027: 97, 2028: 98, 2029: 99},
}

STRATEGY = (
    IndicatorSpec(
        "1.1",
        "NQ28.1.1",
        "Đến năm 2030 đạt 75% cơ quan quản lý nhà nước, chính quyền địa phương các cấp "
        "có lãnh đạo chủ chốt là nữ",
        "%",
        "increase",
        ({"kind": "min", "value": "75", "unit": "%", "year": 2030},),
        baseline_year=2025,
        baseline_value="45",
        responsible="SNV",
    ),
    IndicatorSpec(
        "2.2",
        "NQ28.2.2",
        "Giảm tỷ trọng lao động nữ làm việc trong khu vực nông nghiệp xuống dưới 25% vào năm 2030",
        "%",
        "decrease",
        ({"kind": "max", "value": "25", "unit": "%", "year": 2030, "strict": True},),
        baseline_year=2025,
        baseline_value="38",
        responsible="SNV",
    ),
    IndicatorSpec(
        "4.1",
        "NQ28.4.1",
        "Tỷ số giới tính khi sinh ở mức 104 - 107 bé trai/100 bé gái sinh ra sống vào năm 2030",
        "bé trai/100 bé gái",
        "range",
        ({"kind": "range", "min": "104", "max": "107", "unit": "bé trai/100 bé gái", "year": 2030},),
        responsible="SYT",
    ),
    IndicatorSpec(
        "4.2",
        "NQ28.4.2",
        "Tỷ lệ tử vong bà mẹ liên quan đến thai sản giảm xuống dưới 42/100.000 trẻ sinh sống vào năm 2030",
        "/100.000 trẻ sinh sống",
        "decrease",
        ({"kind": "max", "value": "42", "unit": "/100.000 trẻ sinh sống", "year": 2030, "strict": True},),
        baseline_year=2025,
        baseline_value="52",
        responsible="SYT",
    ),
    IndicatorSpec(
        "5.1",
        "NQ28.5.1",
        "Nội dung về giới, bình đẳng giới được đưa vào chương trình giảng dạy từ năm 2026 trở đi",
        "",
        "boolean",
        ({"kind": "boolean", "from_year": 2026},),
        responsible="SGDDT",
    ),
)


@dataclass
class SynthResult:
    provinces: int = 0
    plans: int = 0
    periods: int = 0
    submissions: int = 0
    values: int = 0
    seconds: float = 0.0
    plan_ids: list[int] = field(default_factory=list)


def parse_years(text: str) -> list[int]:
    """``"2026-2030"`` -> [2026, ..., 2030]; ``"2026"`` -> [2026]; ``"2026,2028"`` -> [2026, 2028]."""
    years: set[int] = set()
    try:
        for part in str(text).split(","):
            part = part.strip()
            if "-" in part:
                start, end = (int(p) for p in part.split("-", 1))
                years.update(range(start, end + 1))
            elif part:
                years.add(int(part))
    except ValueError:
        years = set()
    if not years or min(years) < 2000 or max(years) > 2100:
        raise SynthError(f"Năm không hợp lệ: “{text}” (ví dụ: 2026-2030).")
    return sorted(years)


def _load_provinces(provinces: str) -> list[OrgUnit]:
    if provinces.strip().lower() == "all":
        return sorted(load_all().provinces, key=lambda p: p.code)
    loaded: dict[str, OrgUnit] = {}
    for name in (n.strip() for n in provinces.split(",")):
        if name:
            for province in load_province(name).provinces:
                loaded[province.code] = province
    return sorted(loaded.values(), key=lambda p: p.code)


def _province_word(province: OrgUnit) -> str:
    return province.division.lower() if province.division else "tỉnh"


def _create_plans(provinces: list[OrgUnit], agencies: dict[str, dict[str, OrgUnit]], seed: int) -> list[Plan]:
    """The communication and strategy plans of every province, with indicators, targets, milestones."""
    catalog = {c.code: c for c in CatalogIndicator.objects.all()}
    plans: list[Plan] = []
    for province in provinces:
        focal = agencies[province.code].get("SNV")
        for program, word in (("communication", "truyen-thong"), ("strategy", "chien-luoc")):
            plans.append(
                Plan(
                    province=province,
                    org_unit=province,
                    issuer=f"Ủy ban nhân dân {province.name}",
                    level="province",
                    program=program,
                    number=f"{100 + len(plans)}/KH-UBND",
                    date=dt.date(2025, 12, 15),
                    title=(
                        "Kế hoạch thực hiện Chương trình Truyền thông về bình đẳng giới giai đoạn 2026 - 2030"
                        if program == "communication"
                        else "Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2026 - 2030"
                    ),
                    period_start=2026,
                    period_end=2030,
                    focal_agency=focal,
                    focal_agency_name="Sở Nội vụ",
                    status="active",
                    slug=f"{SLUG_PREFIX}{province.code}-{word}-2026-2030",
                )
            )
    plans = Plan.objects.bulk_create(plans)
    indicators: list[tuple[Indicator, IndicatorSpec, Plan]] = []
    for plan in plans:
        for order, spec in enumerate(COMMUNICATION if plan.program == "communication" else STRATEGY, start=1):
            indicator = Indicator(  # type: ignore[misc]  # nullable decimals declared via **NUMBER (invisible to django-stubs)
                plan=plan,
                code=spec.code,
                text=spec.text,
                catalog=catalog[spec.catalog],
                binding_confidence=1.0,
                binding_reason="dữ liệu tổng hợp",
                unit=spec.unit,
                direction=spec.direction,
                baseline_year=spec.baseline_year,
                baseline_value=Decimal(spec.baseline_value) if spec.baseline_value else None,
                order=order,
            )
            indicators.append((indicator, spec, plan))
    Indicator.objects.bulk_create([i for i, _s, _p in indicators])
    targets, milestones, responsible = [], [], []
    through = Indicator.responsible.through
    for indicator, spec, plan in indicators:
        with_roadmap = random.Random(f"{seed}:{plan.province.code}:roadmap").random() < 0.5
        years_done: set[int] = set()
        if with_roadmap and spec.code in ROADMAP and plan.program == "communication":
            for year, value in ROADMAP[spec.code].items():
                milestones.append(
                    Milestone(indicator=indicator, year=year, value=Decimal(value), note="Phụ lục")
                )
                years_done.add(year)
        for order, data in enumerate(spec.targets, start=1):
            target = Target(  # type: ignore[misc]  # nullable decimals declared via **NUMBER (invisible to django-stubs)
                indicator=indicator,
                order=order,
                kind=data["kind"],
                unit=data.get("unit", ""),
                value=_dec(data.get("value")),
                min=_dec(data.get("min")),
                max=_dec(data.get("max")),
                year=data.get("year"),
                from_year=data.get("from_year"),
                annual=data.get("annual", False),
                baseline_year=data.get("baseline_year"),
                strict=data.get("strict", False),
            )
            targets.append(target)
            years = list(YEARS) if target.annual else [target.year] if target.year else []
            bounds = target.bounds()
            for year in years:
                if year in years_done or bounds is None:
                    continue
                years_done.add(year)
                low, high = bounds
                if target.kind in ("range", "increase"):
                    milestones.append(Milestone(indicator=indicator, year=year, min=low, max=high))
                else:
                    milestones.append(Milestone(indicator=indicator, year=year, value=low))
        unit = agencies[plan.province.code].get(spec.responsible) if spec.responsible else None
        if unit is not None:
            responsible.append(through(indicator_id=indicator.pk, orgunit_id=unit.pk))
    Target.objects.bulk_create(targets)
    Milestone.objects.bulk_create(milestones)
    through.objects.bulk_create(responsible)
    ReportingObligation.objects.bulk_create(
        [
            ReportingObligation(
                plan=plan,
                reporter_text="Các cơ quan, đơn vị, địa phương",
                reporter_kinds=["department", "mass_org", "media", "commune"],
                receivers=["UBND tỉnh", "Sở Nội vụ"],
                deadline_month=11,
                deadline_day=30,
                recurrence="annual",
                order=1,
            )
            for plan in plans
        ]
    )
    return plans


def _dec(value) -> Decimal | None:
    return Decimal(str(value)) if value is not None else None


def _agencies(provinces: list[OrgUnit]) -> dict[str, dict[str, OrgUnit]]:
    """{province code: {standard agency suffix: unit}}."""
    found: dict[str, dict[str, OrgUnit]] = {p.code: {} for p in provinces}
    for unit in OrgUnit.objects.filter(province__in=provinces).exclude(type__in=("province", "commune")):
        province_code, _dash, suffix = unit.code.partition("-")
        if province_code in found and suffix:
            found[province_code][suffix] = unit
    return found


def synthesize(
    provinces: str = "all", years: list[int] | None = None, seed: int = 1, log=None
) -> SynthResult:
    """Generate the dataset (see the module docstring); raises :class:`SynthError` if there is one."""
    import time

    started = time.perf_counter()
    years = sorted(years or YEARS)
    say = log or (lambda _message: None)
    if Plan.objects.filter(slug__startswith=SLUG_PREFIX).exists():
        raise SynthError("Cơ sở dữ liệu đã có dữ liệu tổng hợp: hãy dùng một cơ sở dữ liệu mới.")
    with transaction.atomic():
        chosen = _load_provinces(provinces)
        say(f"Đã nạp {len(chosen)} tỉnh, thành phố với các xã, phường và cơ quan chuẩn.")
        agencies = _agencies(chosen)
        plans = _create_plans(chosen, agencies, seed)
        say(f"Đã tạo {len(plans)} kế hoạch.")
        counts = synth_reports.create_reports(plans, years, seed, agencies)
    result = SynthResult(
        provinces=len(chosen),
        plans=len(plans),
        periods=counts.periods,
        submissions=counts.submissions,
        values=counts.values,
        seconds=time.perf_counter() - started,
        plan_ids=[p.pk for p in plans],
    )
    say(
        f"Đã tạo {result.periods} kỳ báo cáo, {result.submissions} báo cáo, {result.values} giá trị "
        f"trong {result.seconds:.1f} giây."
    )
    return result


def dataset_digest() -> str:
    """A fingerprint of the synthetic reports (independent of primary keys and of when they were made)."""
    digest = hashlib.sha256()
    submissions = (
        Submission.objects.filter(period__plan__slug__startswith=SLUG_PREFIX)
        .values_list("pk", "period__plan__slug", "period__year", "unit__code", "state", "first_submitted_at")
        .order_by("period__plan__slug", "period__year", "unit__code")
    )
    keys = {}
    for pk, slug, year, unit, state, first in submissions:
        keys[pk] = f"{slug}|{year}|{unit}"
        digest.update(f"{keys[pk]}|{state}|{first.isoformat() if first else ''}\n".encode())
    values = sorted(
        f"{keys[s]}|{code}|{coc}|{value}"
        for s, code, coc, value in DataValue.objects.filter(submission_id__in=list(keys)).values_list(
            "submission_id", "data_element", "category_option_combo", "value"
        )
    )
    for line in values:
        digest.update(line.encode())
    return digest.hexdigest()
