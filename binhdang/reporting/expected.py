"""Who is expected to report on a plan's year, read from the plan's reporting section.

A strategy plan (NQ 28) asks, in its "Tổ chức thực hiện" section, every department, mass
organisation and commune to report ("Các sở, ban, ngành, đoàn thể tỉnh và UBND các xã, phường ...
Định kỳ tổng hợp báo cáo ... trước ngày 10/12 hằng năm"): the importer keeps the kinds of units each
reporting obligation covers (``ReportingObligation.reporter_kinds``, corrected on the plan's review
page), and opening the year expects every active unit of those kinds, media agencies only if named,
plus the responsible agencies of the plan's indicators (a statistics office that is not of a named
kind still records its figures). A communication plan (programme 1790) keeps domain §6's default:
every department, mass organisation, media agency and commune.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from binhdang.orgunits.models import REPORTING_TYPES, OrgUnit
from binhdang.reporting import plan_adapter

STRATEGY = "strategy"


def section_kinds(plan, year: int) -> list[str]:
    """The unit kinds the plan's annual reporting obligations falling due in ``year`` cover."""
    kinds: list[str] = []
    for obligation in plan.obligations.all():
        if obligation.recurrence != "annual" or obligation.deadline_in(year) is None:
            continue
        kinds.extend(k for k in obligation.reporter_kinds if k not in kinds)
    return [str(t) for t in REPORTING_TYPES if str(t) in kinds]


def responsible_unit_ids(plan) -> set[int]:
    """The org units responsible for the plan's directly entered indicators."""
    return set().union(*(i.responsible_unit_ids for i in plan_adapter.direct_indicators(plan)))


def expected_units(plan, year: int) -> QuerySet[OrgUnit]:
    """The units expected to report on ``plan`` for ``year`` (see the module's text)."""
    units = OrgUnit.objects.filter(province=plan.province, is_active=True)
    if plan.program != STRATEGY:
        return units.filter(type__in=REPORTING_TYPES)
    kinds = section_kinds(plan, year)
    responsible = responsible_unit_ids(plan)
    if not kinds:  # a plan whose text names no group of reporters: its responsible agencies
        return units.filter(pk__in=responsible) if responsible else units.filter(type__in=REPORTING_TYPES)
    return units.filter(Q(type__in=kinds) | Q(pk__in=responsible))
