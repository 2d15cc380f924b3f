"""A plan document imported twice: recognising it, and never two plans in force under one number.

A document is the same as a plan already imported for the province when its file is byte for byte
the same (SHA-256), or when it carries the same number and date of issue ("Số 123/KH-UBND ngày
15/01/2026"): a re-saved or re-scanned copy of one decision is still one decision.

A province never has two plans in force with the same number (:func:`check_single_active`, called
wherever a plan is put in force; the database holds the same rule as a partial unique constraint,
``plans_one_active_plan_per_number``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from binhdang.core.text import fold
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.errors import PlanImportError
from binhdang.plans.models import Plan, PlanStatus

_PREFIX = re.compile(r"^(so|number|no\.?)\s*[:.]?\s*")


def number_key(number: str | None) -> str:
    """The number as compared: case, accents, spaces and a leading "Số:" do not matter
    (" Số: 123/KH-UBND " and "123/kh-ubnd" are the same number)."""
    text = fold(str(number or "")).strip().lower()
    return re.sub(r"\s+", "", _PREFIX.sub("", text))


def _same_number(plans, number: str | None) -> list[Plan]:
    key = number_key(number)
    if not key:
        return []
    return [plan for plan in plans if number_key(plan.number) == key]


@dataclass(frozen=True)
class Duplicate:
    """A plan already imported from the same document; ``same_file``: byte for byte the same file
    (else the same number and date of issue)."""

    plan: Plan
    same_file: bool


def find_duplicate(
    province: OrgUnit, sha256: str = "", number: str | None = "", date: dt.date | None = None
) -> Duplicate | None:
    """The newest plan of ``province`` imported from the same file, else from a document with the
    same number and date of issue; None when the document is new."""
    plans = Plan.objects.filter(province=province).order_by("-version", "-pk")
    if sha256:
        same_file = plans.filter(source_sha256=sha256).first()
        if same_file is not None:
            return Duplicate(same_file, True)
    if date is not None:
        same = _same_number(plans.filter(date=date).exclude(number=""), number)
        if same:
            return Duplicate(same[0], False)
    return None


def duplicate_message(duplicate: Duplicate) -> str:
    plan = duplicate.plan
    values = {
        "province": plan.province.name,
        "title": plan.title,
        "version": plan.version,
        "number": plan.number,
        "date": plan.date.strftime("%d/%m/%Y") if plan.date else "",
    }
    if duplicate.same_file:
        return (
            _(
                "This file was already imported for %(province)s as “%(title)s” (version %(version)s): "
                "a new version of it would be an identical copy. Open that plan to correct it, or discard "
                "this upload."
            )
            % values
        )
    return (
        _(
            "Plan number %(number)s of %(date)s was already imported for %(province)s as “%(title)s” "
            "(version %(version)s). Import it as a new version if this document replaces it."
        )
        % values
    )


def check_single_active(plan: Plan) -> None:
    """Refuse to put ``plan`` in force while another plan of its province is in force under the same
    number (its own earlier versions must be archived first)."""
    if plan.status != PlanStatus.ACTIVE:
        return
    others = Plan.objects.active().filter(province=plan.province_id).exclude(pk=plan.pk).exclude(number="")
    clash = _same_number(others, plan.number)
    if clash:
        raise PlanImportError(
            _(
                "Plan number %(number)s is already in force for %(province)s: “%(title)s”. "
                "Archive that plan first, or import this document as a new version of it."
            )
            % {"number": clash[0].number, "province": plan.province.name, "title": clash[0].title}
        )
