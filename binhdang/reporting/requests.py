"""Reports at other rhythms (issue 17): ad hoc requests, quarterly and monthly periods, one-off
collections. They are periods like the annual ones (same workflow, board, reminders, overdue), of
another ``kind``, that collect what they ask: some of the plan form's data elements
(``Period.element_codes``) and free questions (``Period.questions``: text, number with a unit, date).

- :func:`request_form(period)` builds the form of such a period (used by ``forms_catalog.form_for_period``).
- :func:`open_request` opens an ad hoc request or a one-off collection (a document and its date).
- :func:`open_subannual` opens the quarters (or months) of a year for chosen data elements.

Each service runs in one transaction and changes nothing when refused. Re-exported by
:mod:`reporting.services`.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from binhdang.accounts.models import User
from binhdang.core import audit, formatting
from binhdang.orgunits.models import OrgUnit
from binhdang.reporting import access, forms_catalog, plan_adapter
from binhdang.reporting.errors import AccessDenied, ReportingError
from binhdang.reporting.forms_catalog import (
    ALL_REPORTING_TYPES,
    FOCAL_AGENCY,
    DataElement,
    FormDefinition,
    Section,
    ValueType,
    unit_fills,
)
from binhdang.reporting.models import ExpectedReporter, Period, PeriodKind

#: Types of a free question and the value type of its answers.
QUESTION_TYPES: dict[str, str] = {"text": ValueType.TEXT, "number": ValueType.NUMBER, "date": ValueType.DATE}
QUESTION_TYPE_LABELS = (
    ("text", gettext_lazy("Free text")),
    ("number", gettext_lazy("Number")),
    ("date", gettext_lazy("Date")),
)
#: Every unit asked answers every question of a request (the officer chose the units).
EVERY_UNIT = ALL_REPORTING_TYPES | {FOCAL_AGENCY}
#: Questions of a one-off collection of documents (the units' implementing plans).
DOCUMENT_QUESTIONS: tuple[dict, ...] = (
    {"code": "DOC_NUMBER", "label": "Số hiệu văn bản", "type": "text", "unit": ""},
    {"code": "DOC_DATE", "label": "Ngày ban hành", "type": "date", "unit": ""},
)
#: Days after the end of a quarter or month by which units report it (default).
SUBANNUAL_DEADLINE_DAYS = 10


def question_element(question: Mapping) -> DataElement:
    """A free question as a form element (its code is ``Q1``, ``Q2``... or a document field's)."""
    value_type = QUESTION_TYPES[question["type"]]
    return DataElement(
        code=question["code"],
        label=question["label"],
        value_type=value_type,
        filled_by=EVERY_UNIT,
        unit=question.get("unit", "") if value_type == ValueType.NUMBER else "",
        limit="figure" if value_type == ValueType.NUMBER else None,
    )


def base_form(period: Period) -> FormDefinition:
    """The plan's annual form (TT1790 or the plan's strategy form) the period's elements come from."""
    if period.form_code == forms_catalog.STRATEGY_FORM_CODE:
        return forms_catalog.strategy_form(period.plan)
    form = forms_catalog.get_form(period.form_code)
    if form is None:
        raise LookupError(f"unknown form code {period.form_code!r}")
    return form


def request_form(period: Period) -> FormDefinition:
    """The form of a period that is not annual: its data elements, then its free questions; every
    expected unit answers all of them (no narrative)."""
    base = base_form(period)
    asked = [e for code in period.element_codes if (e := base.element(code)) is not None]
    figures = tuple(replace(e, filled_by=EVERY_UNIT) for e in asked)
    questions = tuple(question_element(q) for q in period.questions)
    sections = []
    if figures:
        sections.append(Section("FIGURES", gettext_lazy("Figures asked"), figures))
    if questions:
        sections.append(Section("QUESTIONS", gettext_lazy("Questions"), questions))
    return FormDefinition(
        code=period.form_code,
        title=period.label,
        sections=tuple(sections),
        narrative=(),
        plan_id=period.plan_id,
    )


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise AccessDenied(message)


def plan_span(plan) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day of the plan's years (None when the plan states no span)."""
    start, end = plan.period_start or plan.period_end, plan.period_end or plan.period_start
    if start is None:
        return None, None
    return dt.date(start, 1, 1), dt.date(end, 12, 31)


def _check_deadline(plan, deadline: dt.date | None, today: dt.date, errors: list[str]) -> None:
    if deadline is None:
        errors.append(_("Deadline: give the day by which units must answer."))
        return
    if deadline < today:
        errors.append(
            _("Deadline: %(day)s has already passed; choose today (%(today)s) or a later day.")
            % {"day": formatting.date(deadline), "today": formatting.date(today)}
        )
    first, last = plan_span(plan)
    if first is not None and last is not None and not first <= deadline <= last:
        errors.append(
            _("Deadline: %(day)s is outside the plan's period %(first)s - %(last)s.")
            % {
                "day": formatting.date(deadline),
                "first": formatting.date(first),
                "last": formatting.date(last),
            }
        )


def _clean_questions(questions: Iterable[Mapping], errors: list[str]) -> list[dict]:
    cleaned: list[dict] = []
    for number, question in enumerate(questions, start=1):
        label = (question.get("label") or "").strip()
        kind = question.get("type") or "text"
        if not label:
            continue
        if kind not in QUESTION_TYPES:
            errors.append(_("Question %(n)d: choose text, number or date.") % {"n": number})
            continue
        if len(label) > 500:
            errors.append(_("Question %(n)d: at most 500 characters.") % {"n": number})
            continue
        unit = (question.get("unit") or "").strip()[:32] if kind == "number" else ""
        cleaned.append({"code": f"Q{len(cleaned) + 1}", "label": label, "type": kind, "unit": unit})
    return cleaned


def _check_elements(plan, codes: Sequence[str], errors: list[str]) -> list[str]:
    form_code = forms_catalog.form_code_for(plan)
    if form_code is None:
        return []
    probe = Period(plan=plan, form_code=form_code)
    base = base_form(probe)
    unknown = [c for c in codes if base.element(c) is None]
    if unknown:
        errors.append(
            _("These data elements are not in the plan's report form: %(codes)s")
            % {"codes": ", ".join(unknown)}
        )
    return [c for c in dict.fromkeys(codes) if base.element(c) is not None]


def _next_sequence(plan, year: int, kind: str) -> int:
    current = Period.objects.filter(plan=plan, year=year, kind=kind).aggregate(n=Max("sequence"))["n"]
    return (current or 0) + 1


def _create(plan, user: User | None, units: list[OrgUnit], **fields) -> Period:
    form_code = forms_catalog.form_code_for(plan) or ""
    period = Period(
        plan=plan,
        province=plan.province,
        form_code=form_code,
        opened_by=user,
        focal_unit=plan_adapter.focal_unit(plan),
        **fields,
    )
    audit.by(period, user)
    period.save()
    foreign = [u.name for u in units if u.province_id != period.province_id]
    if foreign:
        raise ReportingError(
            _("These units are not in the plan's province: %(names)s") % {"names": ", ".join(foreign)}
        )
    ExpectedReporter.objects.bulk_create([ExpectedReporter(period=period, unit=u) for u in units])
    return period


@transaction.atomic
def open_request(
    plan,
    user: User | None,
    *,
    title: str,
    deadline: dt.date | None,
    units: Iterable[OrgUnit],
    element_codes: Sequence[str] = (),
    questions: Iterable[Mapping] = (),
    kind: str = PeriodKind.AD_HOC,
    today: dt.date | None = None,
) -> Period:
    """Open an ad hoc request (``kind`` ``adhoc``) or a one-off collection of a document with its number
    and date (``kind`` ``oneoff``: submitting needs an uploaded document) for ``units``.

    Refused, with every problem named in Vietnamese: no title, no unit, nothing asked, an element not in
    the plan's form, a deadline already past or outside the plan's years."""
    if user is not None:
        _require(access.can_open_period(user, plan), _("You cannot open a period for this plan."))
    today = today or timezone.localdate()
    errors: list[str] = []
    if forms_catalog.form_code_for(plan) is None:
        errors.append(
            _("This plan has no report form: only communication and strategy plans are reported on.")
        )
    title = (title or "").strip()
    if not title:
        errors.append(_("Title: give the request a title, e.g. what it is about."))
    units = list(units)
    if not units:
        errors.append(_("Units: choose at least one unit to ask."))
    _check_deadline(plan, deadline, today, errors)
    codes = _check_elements(plan, list(element_codes), errors)
    asked = _clean_questions(questions, errors)
    if kind == PeriodKind.ONE_OFF:
        asked = [dict(q) for q in DOCUMENT_QUESTIONS] + [
            {**q, "code": f"Q{i}"} for i, q in enumerate(asked, 1)
        ]
    elif kind != PeriodKind.AD_HOC:
        errors.append(_("Only an ad hoc request or a one-off collection is opened here."))
    if not codes and not asked:
        errors.append(_("Questions: choose at least one data element or write at least one question."))
    if errors or deadline is None:
        raise ReportingError(errors)
    year = deadline.year
    return _create(
        plan,
        user,
        units,
        year=year,
        kind=kind,
        sequence=_next_sequence(plan, year, kind),
        title=title[:255],
        cutoff_start=min(dt.date(year, 1, 1), today),
        cutoff_end=deadline,
        deadline=deadline,
        lock_date=None,
        element_codes=codes,
        questions=asked,
        requires_document=kind == PeriodKind.ONE_OFF,
    )


def subperiod_span(kind: str, year: int, number: int) -> tuple[dt.date, dt.date]:
    """First and last day of quarter or month ``number`` of ``year``."""
    first_month, months = ((number - 1) * 3 + 1, 3) if kind == PeriodKind.QUARTERLY else (number, 1)
    last_month = first_month + months - 1
    return dt.date(year, first_month, 1), dt.date(year, last_month, calendar.monthrange(year, last_month)[1])


def default_subannual_units(plan, codes: Sequence[str]) -> list[OrgUnit]:
    """The units that fill any of ``codes`` in the plan's annual form (e.g. the media agencies for
    the news items)."""
    form_code = forms_catalog.form_code_for(plan)
    if form_code is None:
        return []
    probe = Period(plan=plan, form_code=form_code)
    base = base_form(probe)
    focal = plan_adapter.focal_unit(plan)
    elements = [e for c in codes if (e := base.element(c)) is not None]
    units = OrgUnit.objects.filter(province=plan.province, is_active=True).exclude(type="province")
    return [u for u in units.order_by("type", "name") if any(unit_fills(e, u, focal) for e in elements)]


@transaction.atomic
def open_subannual(
    plan,
    year: int,
    user: User | None,
    *,
    kind: str = PeriodKind.QUARTERLY,
    numbers: Iterable[int],
    element_codes: Sequence[str],
    questions: Iterable[Mapping] = (),
    units: Iterable[OrgUnit] | None = None,
    deadline_days: int = SUBANNUAL_DEADLINE_DAYS,
    targets: Mapping[str, int] | None = None,
    today: dt.date | None = None,
) -> list[Period]:
    """Open quarters (``kind`` ``quarterly``, numbers 1-4) or months (``monthly``, 1-12) of ``year``
    for ``element_codes``; each is due ``deadline_days`` after its end. ``targets`` (element code ->
    minimum per period, e.g. 4 news items a quarter) are kept in the period's questions metadata and
    shown as off track below them; a free question's minimum is keyed by its code (``Q1``), e.g. a
    strategy plan asking the communes their news items on the grassroots information system each
    quarter (NQ28 6.3). A quarter already open, or whose deadline has passed, is refused."""
    if user is not None:
        _require(access.can_open_period(user, plan), _("You cannot open a period for this plan."))
    today = today or timezone.localdate()
    errors: list[str] = []
    numbers = sorted(set(numbers))
    top = 4 if kind == PeriodKind.QUARTERLY else 12
    if kind not in (PeriodKind.QUARTERLY, PeriodKind.MONTHLY):
        errors.append(_("Only quarters or months are opened here."))
    if not numbers or any(not 1 <= n <= top for n in numbers):
        errors.append(_("Choose the quarters (1-4) or months (1-12) to open."))
    codes = _check_elements(plan, list(element_codes), errors)
    asked = [q for q in _clean_questions(questions, errors) if q["type"] == "number"]
    if not codes and not asked:
        errors.append(_("Data elements: choose at least one data element reported per quarter or month."))
    first, last = plan_span(plan)
    if first is not None and last is not None and not first.year <= year <= last.year:
        errors.append(_("Year: %(year)s is outside the plan's period.") % {"year": year})
    for number in numbers if not errors else ():
        start, end = subperiod_span(kind, year, number)
        label = Period(kind=kind, sequence=number, year=year).label
        if Period.objects.filter(plan=plan, year=year, kind=kind, sequence=number).exists():
            errors.append(_("%(period)s is already open.") % {"period": label})
        deadline = end + dt.timedelta(days=deadline_days)
        if deadline < today:
            errors.append(
                _("%(period)s: its deadline %(day)s has already passed.")
                % {"period": label, "day": formatting.date(deadline)}
            )
    if errors:
        raise ReportingError(errors)
    chosen = list(units) if units is not None else default_subannual_units(plan, codes)
    if not chosen:
        raise ReportingError([_("Units: no unit fills these data elements; choose the units.")])
    numeric = set(codes) | {q["code"] for q in asked}
    goals = [{"code": c, "minimum": int(v)} for c, v in (targets or {}).items() if c in numeric]
    opened = []
    for number in numbers:
        start, end = subperiod_span(kind, year, number)
        opened.append(
            _create(
                plan,
                user,
                chosen,
                year=year,
                kind=kind,
                sequence=number,
                cutoff_start=start,
                cutoff_end=end,
                deadline=end + dt.timedelta(days=deadline_days),
                lock_date=None,
                element_codes=codes,
                questions=asked,
                targets=goals,
            )
        )
    return opened
