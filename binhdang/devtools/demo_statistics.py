"""The demo's strategy plan: its 2026 reporting year opened (every department, mass organisation and
commune its reporting section names, by 10/12) and a few years of the province's gender statistics,
each figure with its source and the agency that gives it.

:func:`build_demo_statistics(province, year)` is idempotent: a period already open is kept, a figure
already recorded the same is left as it is.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from binhdang.orgunits.matching import match_unit
from binhdang.orgunits.models import OrgUnit
from binhdang.reporting import plan_adapter, services
from binhdang.reporting.models import Period
from binhdang.results.genderstats import services as statistics
from binhdang.results.models import GenderStatistic

#: (indicator, agency, source of each year, {year: (total, women, men)}); None where not published.
FIGURES: tuple[tuple[str, str, str, dict[int, tuple[str | None, str | None, str | None]]], ...] = (
    (
        "NQ28.2.1",
        "Thống kê tỉnh",
        "Thống kê tỉnh Đắk Lắk, niên giám thống kê {year}",
        {2023: ("45.1", "41.8", "48.2"), 2024: ("46.3", "43.0", "49.4"), 2025: ("47.2", "44.1", "50.1")},
    ),
    (
        "NQ28.2.2",
        "Thống kê tỉnh",
        "Thống kê tỉnh Đắk Lắk, điều tra lao động việc làm {year}",
        {2023: ("58.4", None, None), 2024: ("56.9", None, None), 2025: ("55.3", None, None)},
    ),
    (
        "NQ28.4.1",
        "Sở Y tế",
        "Sở Y tế, báo cáo công tác dân số năm {year}",
        {
            2023: ("111.2", None, None),
            2024: ("110.5", None, None),
            2025: ("109.8", None, None),
            2026: ("109.4", None, None),
        },
    ),
    (
        "NQ28.5.4",
        "Thống kê tỉnh",
        "Thống kê tỉnh Đắk Lắk, niên giám thống kê {year}",
        {2024: ("38.6", None, None), 2025: ("39.4", None, None)},
    ),
)


@transaction.atomic
def build_demo_statistics(province: OrgUnit, year: int = 2026) -> dict:
    """Open ``year`` for the province's strategy plan and record the demo's gender statistics.

    Returns ``{"period": Period | None, "figures": n}`` (n: figures recorded by this run)."""
    plan = plan_adapter.active_plan(province, "strategy")
    period = None
    if plan is not None:
        period = Period.objects.filter(plan=plan, year=year, kind="annual").first() or services.open_period(
            plan, year, None
        )
    before = GenderStatistic.objects.filter(province=province).count()
    for series, agency_name, source, years in FIGURES:
        agency = match_unit(province, agency_name)
        for figure_year, (total, women, men) in years.items():
            values = {
                sex: Decimal(text) if text is not None else None
                for sex, text in (("_T", total), ("F", women), ("M", men))
            }
            statistics.record(
                province,
                series,
                figure_year,
                values,
                source=source.format(year=figure_year),
                user=None,
                agency=agency,
            )
    return {"period": period, "figures": GenderStatistic.objects.filter(province=province).count() - before}
