"""``binhdang worklog export`` (``work/management/commands/worklog.py``): the WORKLOG data value sets on
the command line."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from binhdang.work.models import Activity, ActivityType
from tests.reporting.conftest import make_plan


def test_the_command_exports_the_log_of_a_year_for_a_unit_or_all(daklak, focal_officer, tmp_path):
    plan = make_plan(daklak.root)
    for unit, female in ((daklak.commune_a, 7), (daklak.commune_b, 2)):
        Activity.objects.create(
            plan=plan,
            unit=unit,
            type=ActivityType.CONVENTION,
            date=dt.date(2026, 4, 2),
            place="Thôn 3",
            female=female,
            created_by=focal_officer,
        )
    out = StringIO()
    call_command(
        "worklog",
        "export",
        "--plan",
        str(plan.pk),
        "--year",
        "2026",
        "--unit",
        daklak.commune_a.code,
        stdout=out,
    )
    sets = json.loads(out.getvalue())["dataValueSets"]
    assert [s["orgUnit"] for s in sets] == [daklak.commune_a.code]
    assert {"dataElement": "WL_PARTICIPANTS", "categoryOptionCombo": "FEMALE", "value": "7"} in sets[0][
        "dataValues"
    ]
    target = tmp_path / "worklog.json"
    call_command(
        "worklog", "export", "--plan", plan.slug, "--year", "2026", "--out", str(target), stdout=StringIO()
    )
    assert len(json.loads(target.read_text(encoding="utf-8"))["dataValueSets"]) == 2


def test_an_unknown_plan_or_unit_is_refused(daklak):
    plan = make_plan(daklak.root)
    with pytest.raises(CommandError, match="nowhere"):
        call_command("worklog", "export", "--plan", "nowhere", "--year", "2026")
    with pytest.raises(CommandError, match="XX-404"):
        call_command("worklog", "export", "--plan", str(plan.pk), "--year", "2026", "--unit", "XX-404")
