"""A plan's calendar for a year, and the deadlines a unit must meet."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.base import ContentFile

from binhdang.plans.calendar import calendar_years, obligations_for_unit, plan_calendar
from binhdang.plans.importing import import_plan
from tests.plans import extractions

pytestmark = pytest.mark.django_db


def imported(extraction, province, status="active", content=b"x"):
    return import_plan(extraction, province, ContentFile(content, name="kh.txt"), None, status=status)


def test_the_calendar_lists_deadlines_and_campaigns_by_date(daklak):
    plan = imported(extractions.communication(), daklak.root)

    entries = plan_calendar(plan, 2026)

    assert [(e.when, e.kind) for e in entries] == [
        ("08/03/2026", "campaign"),
        ("15/11/2026 - 15/12/2026", "campaign"),
        ("30/11/2026", "deadline"),
        ("05/12/2026", "deadline"),
    ]
    assert entries[2].title == "Các cơ quan, đơn vị, địa phương báo cáo UBND tỉnh, Sở Nội vụ"


def test_a_one_off_deadline_appears_only_in_its_year(daklak):
    plan = imported(extractions.strategy(), daklak.root)

    def deadlines(year):
        return [e.start for e in plan_calendar(plan, year) if e.kind == "deadline"]

    assert deadlines(2026) == [date(2026, 6, 20), date(2026, 12, 10)]
    assert deadlines(2027) == [date(2027, 12, 10)]


def test_the_years_to_pick_are_the_plans_period(daklak):
    plan = imported(extractions.communication(), daklak.root)

    assert calendar_years(plan) == [2026, 2027, 2028, 2029, 2030]


def test_a_commune_must_meet_the_deadlines_of_the_plans_in_force_of_its_province(daklak, laichau):
    imported(extractions.communication(), daklak.root, content=b"a")
    imported(extractions.strategy(), daklak.root, content=b"b")
    imported(extractions.strategy(), daklak.root, status="draft", content=b"c")
    imported(extractions.communication(locality="Lai Châu"), laichau.root, content=b"d")

    due = obligations_for_unit(daklak.commune_a, 2026)

    assert [d.deadline for d in due] == [date(2026, 6, 20), date(2026, 11, 30), date(2026, 12, 10)]
    assert {d.plan.province for d in due} == {daklak.root}


def test_the_focal_agency_has_its_own_consolidation_deadline(daklak):
    imported(extractions.communication(), daklak.root)

    due = obligations_for_unit(daklak.noi_vu, 2027)

    assert [d.deadline for d in due] == [date(2027, 11, 30), date(2027, 12, 5)]


def test_media_agencies_are_not_covered_by_an_obligation_of_departments_and_communes(daklak):
    imported(extractions.strategy(), daklak.root)

    assert obligations_for_unit(daklak.newspaper, 2026) == []
    assert len(obligations_for_unit(daklak.womens_union, 2026)) == 2
