"""The review page of a plan: a readable summary with the extracted values highlighted, each item
edited in place through a small form loaded on demand.

- :func:`highlight` marks the numbers, percentages, ranges and years of an indicator's words (<mark>);
- :func:`place_warnings` puts each extraction warning beside the item it concerns;
- :func:`summary` gathers the plan's goals, indicators, tasks, duties, deadlines and campaigns;
- :data:`ACTIONS`: every edit the page offers, ``(kind, action)`` -> :class:`Action` (its form, the
  service it calls, the part of the page shown again after it). The views only dispatch.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, cast

from django import forms
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from binhdang.core.formatting import NumberFormatError
from binhdang.core.formatting import number as vn_number
from binhdang.core.formatting import parse_number as parse_vn_number
from binhdang.orgunits.models import REPORTING_TYPES
from binhdang.plans import services
from binhdang.plans.forms import BindingForm, ResponsibleForm
from binhdang.plans.models import Indicator, Plan, ReportingObligation, TargetKind
from binhdang.plans.models.indicators import storable_number

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

#: A value of an indicator's words: "104 - 107", "42/100.000", "1,4 lần", "90%", "2030", "04 tin" (not a
#: code such as "5.1").
_VALUE = re.compile(
    r"(?<![\w/.])(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?(?:\s*[-–]\s*\d+(?:,\d+)?)?"
    r"(?:\s*%|/\d{1,3}(?:\.\d{3})*|\s+lần)?(?![\w.]\d|\w)"
)


def highlight(text: str) -> SafeString:
    """``text`` escaped, its numbers, percentages, ranges and years in <mark>."""
    out: list[str] = []
    last = 0
    for match in _VALUE.finditer(text or ""):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape((text or "")[last:]))
    return mark_safe("".join(out))  # every part is escaped above


_INDICATOR_CODE = re.compile(r"[Cc]hỉ tiêu\s+(\d+(?:\.\d+)*)")
_HEADER_WORDS = re.compile(
    r"^(Số kế hoạch|Ngày ban hành|Trích yếu|Thời gian|Cơ quan ban hành|Người ký)", re.I
)


def place_warnings(plan: Plan) -> dict[str, list[str]]:
    """The plan's extraction warnings by the item they concern: ``indicator:<code>``, ``header``,
    or ``general`` (the rest, shown at the top)."""
    codes = set(plan.indicators.values_list("code", flat=True))
    placed: dict[str, list[str]] = {}
    for warning in plan.warnings or []:
        text = str(warning.get("message") if isinstance(warning, dict) else warning)
        match = _INDICATOR_CODE.search(text)
        if match and match.group(1) in codes:
            key = f"indicator:{match.group(1)}"
        elif _HEADER_WORDS.search(text):
            key = "header"
        else:
            key = "general"
        placed.setdefault(key, []).append(text)
    return placed


def indicators_of(plan: Plan):
    return plan.indicators.select_related("catalog", "goal").prefetch_related("targets", "responsible")


def summary(plan: Plan) -> dict:
    """What the review page shows: goals with their indicators (those without a goal last), task
    groups with their tasks, agency duties, reporting deadlines, campaigns, placed warnings."""
    indicators = list(indicators_of(plan))
    goals = []
    for goal in plan.goals.all():
        goals.append({"goal": goal, "indicators": [i for i in indicators if i.goal_id == goal.pk]})
    loose = [i for i in indicators if i.goal_id is None]
    if loose or not goals:
        goals.append({"goal": None, "indicators": loose, "alone": not goals})
    groups = list(plan.task_groups.prefetch_related("tasks__lead", "tasks__cooperating"))
    loose_tasks = list(plan.tasks.filter(group__isnull=True).select_related("lead"))
    return {
        "goals": goals,
        "indicator_count": len(indicators),
        "target_count": sum(len(i.targets.all()) for i in indicators),
        "groups": groups,
        "loose_tasks": loose_tasks,
        "task_count": plan.tasks.count(),
        "duties": list(plan.duties.select_related("agency")),
        "obligations": list(plan.obligations.select_related("reporter_unit")),
        "campaigns": list(plan.campaigns.all()),
        "warnings": place_warnings(plan),
    }


# ------------------------------------------------------------------------------------------- forms


class VietnameseNumberField(forms.CharField):
    """A number typed the Vietnamese way ("1,4", "1.000"); cleans to a Decimal or None."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 32)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "size": 6})

    def prepare_value(self, value):
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return vn_number(value)
        return value

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        try:
            number = parse_vn_number(text)
        except NumberFormatError:
            raise forms.ValidationError(
                _("“%(text)s” is not a number (write e.g. 1,4 or 90)."), params={"text": text}
            ) from None
        if not storable_number(number):
            raise forms.ValidationError(
                _("“%(text)s” is too large: a plan number has at most 12 digits before the comma."),
                params={"text": text},
            )
        return number


class IndicatorForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=16, widget=forms.TextInput(attrs={"size": 5}))
    text = forms.CharField(label=_("Indicator"), widget=forms.Textarea(attrs={"rows": 3}))


class HeaderForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    number = forms.CharField(label=_("Number"), max_length=64, required=False)
    date = forms.DateField(
        label=_("Date issued"),
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "30/11/2026", "size": 10}),
    )
    period_start = forms.IntegerField(label=_("From year"), required=False, min_value=1990, max_value=2100)
    period_end = forms.IntegerField(label=_("To year"), required=False, min_value=1990, max_value=2100)


class TargetForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=TargetKind.choices)
    value = VietnameseNumberField(label=_("Value"))
    min = VietnameseNumberField(label=_("From"))
    max = VietnameseNumberField(label=_("To"))
    unit = forms.CharField(
        label=pgettext_lazy("unit of measure", "Unit"),
        max_length=64,
        required=False,
        widget=forms.TextInput(attrs={"size": 8}),
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)
    annual = forms.BooleanField(label=_("Every year"), required=False)

    def data_for_service(self) -> services.TargetData:
        data = self.cleaned_data
        return services.TargetData(
            kind=data["kind"],
            value=data.get("value"),
            min=data.get("min"),
            max=data.get("max"),
            unit=data.get("unit") or "",
            year=data.get("year"),
            annual=bool(data.get("annual")),
        )


class DutyForm(forms.Form):
    agency: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=None, label=_("Unit of the province"), required=False
    )
    name = forms.CharField(label=_("Agency as the plan names it"), max_length=500, required=False)
    duties = forms.CharField(
        label=_("Duties, one per line"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["agency"]).queryset = services.duty_agency_choices(plan)


class LeadForm(forms.Form):
    lead: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=None, label=_("Lead agency"), required=False
    )

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["lead"]).queryset = services.lead_choices(plan)


class ObligationForm(forms.Form):
    """Who must report under an obligation (kinds of units, or one unit) and by which day."""

    kinds = forms.MultipleChoiceField(
        label=_("Kinds of units that report"),
        choices=[(str(t.value), t.label) for t in REPORTING_TYPES],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    unit: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=None, label=_("Or one unit of the province"), required=False
    )
    deadline_day = forms.IntegerField(label=_("Deadline day"), min_value=1, max_value=31)
    deadline_month = forms.IntegerField(label=_("Deadline month"), min_value=1, max_value=12)

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["unit"]).queryset = services.duty_agency_choices(plan)


def _obligation_form(item, plan: Plan, data):
    return ObligationForm(
        data,
        plan=plan,
        initial={
            "kinds": list(item.reporter_kinds),
            "unit": item.reporter_unit,
            "deadline_day": item.deadline_day,
            "deadline_month": item.deadline_month,
        },
    )


class ConfirmDeleteForm(forms.Form):
    """Nothing to fill in: the button confirms the removal."""


# ----------------------------------------------------------------------------------------- actions


@dataclass(frozen=True)
class Action:
    """One edit of the review page: ``form(item, plan, data)`` builds its form (bound when ``data``),
    ``apply(item, form, user)`` calls the service (``EditError`` is shown on the form), ``scope(item)``
    is the part of the page shown again afterwards (an indicator, a goal, a duty, a task)."""

    title: StrOrPromise  # a lazy translation
    form: Callable
    apply: Callable
    scope: Callable


def _indicator_form(item: Indicator, plan: Plan, data):
    return IndicatorForm(data, initial={"code": item.code, "text": item.text})


def _target_initial(target) -> dict:
    return {
        "kind": target.kind,
        "value": target.value,
        "min": target.min,
        "max": target.max,
        "unit": target.unit,
        "year": target.year,
        "annual": target.annual or bool(target.from_year),
    }


def _responsible_form(item: Indicator, plan: Plan, data):
    return ResponsibleForm(
        data,
        units=services.responsible_choices(plan),
        initial={"units": list(item.responsible.all()), "others": "\n".join(item.responsible_text or [])},
    )


def _new_target_form(item: Indicator, plan: Plan, data):
    return TargetForm(data, initial={"kind": TargetKind.MIN, "unit": item.unit, "year": plan.period_end})


def _duty_form(item, plan: Plan, data):
    return DutyForm(
        data,
        plan=plan,
        initial={"agency": item.agency, "name": item.agency_name, "duties": "\n".join(item.duties)},
    )


def _add_indicator(goal, form, user):
    plan = goal.plan
    return services.add_indicator(
        plan, goal=goal, code=form.cleaned_data["code"], text=form.cleaned_data["text"], user=user
    )


def _scope_self(item):
    return item


@dataclass(frozen=True)
class LooseIndicators:
    """The indicators of a plan outside any goal (a plan without goals has all of them here): the
    part of the page shown again after one is added there."""

    plan: Plan
    pk: str = "none"


def _add_loose_indicator(plan, form, user):
    return services.add_indicator(
        plan, goal=None, code=form.cleaned_data["code"], text=form.cleaned_data["text"], user=user
    )


ACTIONS: dict[tuple[str, str], Action] = {
    ("plan", "edit"): Action(
        _("Correct the plan's title, number, date and period"),
        lambda item, plan, data: HeaderForm(
            data,
            initial={
                "title": item.title,
                "number": item.number,
                "date": item.date,
                "period_start": item.period_start,
                "period_end": item.period_end,
            },
        ),
        lambda item, form, user: services.edit_plan_header(item, user=user, **form.cleaned_data),
        _scope_self,
    ),
    ("indicator", "edit"): Action(
        _("Correct the indicator"),
        _indicator_form,
        lambda item, form, user: services.edit_indicator(item, user=user, **form.cleaned_data),
        _scope_self,
    ),
    ("indicator", "responsible"): Action(
        _("Responsible agencies"),
        _responsible_form,
        lambda item, form, user: services.set_indicator_responsible(
            item, form.cleaned_data["units"], form.other_lines(), user
        ),
        _scope_self,
    ),
    ("indicator", "binding"): Action(
        _("Catalog indicator"),
        lambda item, plan, data: BindingForm(
            data, program=plan.program, initial={"catalog": item.catalog.code if item.catalog else ""}
        ),
        lambda item, form, user: services.set_indicator_binding(
            item, form.cleaned_data["catalog"] or None, user
        ),
        _scope_self,
    ),
    ("indicator", "add_target"): Action(
        _("Add a target"),
        _new_target_form,
        lambda item, form, user: services.save_target(item, None, form.data_for_service(), user),
        _scope_self,
    ),
    ("indicator", "delete"): Action(
        _("Remove this indicator?"),
        lambda item, plan, data: ConfirmDeleteForm(data),
        lambda item, form, user: services.remove_indicator(item, user),
        lambda item: None,
    ),
    ("target", "edit"): Action(
        _("Correct the target"),
        lambda item, plan, data: TargetForm(data, initial=_target_initial(item)),
        lambda item, form, user: services.save_target(item.indicator, item, form.data_for_service(), user),
        lambda item: item.indicator,
    ),
    ("target", "delete"): Action(
        _("Remove this target?"),
        lambda item, plan, data: ConfirmDeleteForm(data),
        lambda item, form, user: services.remove_target(item, user),
        lambda item: item.indicator,
    ),
    ("plan", "add_indicator"): Action(
        _("Add an indicator the extraction missed"),
        lambda item, plan, data: IndicatorForm(data),
        _add_loose_indicator,
        LooseIndicators,
    ),
    ("goal", "add_indicator"): Action(
        _("Add an indicator the extraction missed"),
        lambda item, plan, data: IndicatorForm(data),
        _add_indicator,
        _scope_self,
    ),
    ("duty", "edit"): Action(
        _("Correct the agency and its duties"),
        _duty_form,
        lambda item, form, user: services.edit_duty(
            item,
            agency=form.cleaned_data["agency"],
            name=form.cleaned_data["name"],
            duties=form.cleaned_data["duties"].splitlines(),
            user=user,
        ),
        _scope_self,
    ),
    ("obligation", "edit"): Action(
        _("Who reports, and by which day"),
        _obligation_form,
        lambda item, form, user: services.edit_obligation(
            item,
            kinds=form.cleaned_data["kinds"],
            unit=form.cleaned_data["unit"],
            deadline_day=form.cleaned_data["deadline_day"],
            deadline_month=form.cleaned_data["deadline_month"],
            user=user,
        ),
        _scope_self,
    ),
    ("task", "lead"): Action(
        _("Lead agency of the task"),
        lambda item, plan, data: LeadForm(data, plan=plan, initial={"lead": item.lead}),
        lambda item, form, user: services.set_task_lead(item, form.cleaned_data["lead"], user),
        _scope_self,
    ),
}


def scope_kind(item) -> str:
    """The fragment template's name for a scope object."""
    if isinstance(item, LooseIndicators):
        return "goal"
    return (
        type(item).__name__.lower().replace("agencyduty", "duty").replace("reportingobligation", "obligation")
    )


def refresh(item):
    """The scope object read again with what its fragment shows (after an edit)."""
    if isinstance(item, Indicator):
        return indicators_of(item.plan).get(pk=item.pk)
    if isinstance(item, Plan):
        return Plan.objects.select_related("org_unit", "focal_agency").get(pk=item.pk)
    if isinstance(item, ReportingObligation):
        return ReportingObligation.objects.select_related("reporter_unit").get(pk=item.pk)
    return type(item).objects.get(pk=item.pk)
