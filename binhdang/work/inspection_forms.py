"""Forms of the inspections and their follow-up items (the services check every rule again)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Plan
from binhdang.work.inspection_access import inspectable_units
from binhdang.work.inspection_models import FOLLOW_UP_CHOICES, InspectionKind


def _date(label, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(attrs={"type": "date", "class": "input-large"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )


class InspectionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=InspectionKind.choices)
    title = forms.CharField(
        label=_("Subject of the inspection"),
        max_length=500,
        widget=forms.TextInput(attrs={"class": "input-large"}),
    )
    units: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_("Inspected units"),
        queryset=OrgUnit.objects.none(),
        help_text=_("Hold Ctrl (or ⌘) to choose several units."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    planned_date = _date(_("Planned date"))
    done_date = _date(_("Date carried out"), required=False)
    lead_agency: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Lead agency of the team"), queryset=OrgUnit.objects.none(), required=False
    )
    team = forms.CharField(
        label=_("Team members"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    findings = forms.CharField(
        label=_("Findings"), max_length=8000, required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    recommendations = forms.CharField(
        label=_("Recommendations"), max_length=8000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        units = inspectable_units(plan)
        self.fields["units"].queryset = units  # type: ignore[attr-defined]
        self.fields["lead_agency"].queryset = units.exclude(type="commune")  # type: ignore[attr-defined]


class FollowUpForm(forms.Form):
    """A follow-up item: every field for the focal officer; status and note for the responsible unit
    (``full=False``)."""

    text = forms.CharField(
        label=_("Follow-up item"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    unit: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Responsible unit"), queryset=OrgUnit.objects.none()
    )
    deadline = _date(_("Deadline for follow-up"))
    status = forms.ChoiceField(label=_("Status"), choices=FOLLOW_UP_CHOICES, required=False)
    note = forms.CharField(
        label=_("Progress note"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, plan: Plan, full: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if full:
            self.fields["unit"].queryset = inspectable_units(plan)  # type: ignore[attr-defined]
        else:
            for name in ("text", "unit", "deadline"):
                del self.fields[name]
