"""Django forms of the focal officer's pages for reports at other rhythms (``reporting.requests``):
an ad hoc request or one-off collection, and the quarters or months of a year."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from binhdang.orgunits.models import OrgUnit
from binhdang.reporting.forms import DateInput
from binhdang.reporting.models import PeriodKind
from binhdang.reporting.requests import QUESTION_TYPE_LABELS

#: Free questions a request form offers (empty rows are ignored).
QUESTION_ROWS = 5


def element_choices(form) -> list[tuple[str, str]]:
    """The data elements of a plan's annual form, as choices ("TT_NEWS — Số tin, bài ...")."""
    return [(e.code, f"{e.short_label or e.label}") for e in form.elements]


class UnitsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: OrgUnit) -> str:
        return obj.name


class RequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of request"),
        choices=[
            (PeriodKind.AD_HOC, PeriodKind.AD_HOC.label),
            (PeriodKind.ONE_OFF, _("Document collection")),
        ],
        initial=PeriodKind.AD_HOC,
        widget=forms.RadioSelect,
        help_text=_(
            "A document collection asks each unit for a document (e.g. its implementing plan) "
            "with its number and date."
        ),
    )
    title = forms.CharField(label=_("Title of the request"), max_length=255, required=False)
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=DateInput())
    units = UnitsField(label=_("Units asked"), queryset=OrgUnit.objects.none(), required=False)
    elements = forms.MultipleChoiceField(
        label=_("Figures of the report form"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, units, elements, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["units"]).queryset = units
        cast(forms.ChoiceField, self.fields["elements"]).choices = elements
        for n in range(1, QUESTION_ROWS + 1):
            self.fields[f"question_{n}"] = forms.CharField(
                label=_("Question %(n)d") % {"n": n}, max_length=500, required=False
            )
            self.fields[f"question_{n}_type"] = forms.ChoiceField(
                label=_("Type of answer"), choices=QUESTION_TYPE_LABELS, initial="text", required=False
            )
            self.fields[f"question_{n}_unit"] = forms.CharField(
                label=_("Unit of measure"), max_length=32, required=False
            )

    def question_rows(self) -> list[tuple]:
        return [
            (self[f"question_{n}"], self[f"question_{n}_type"], self[f"question_{n}_unit"])
            for n in range(1, QUESTION_ROWS + 1)
        ]

    def questions(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {
                "label": data.get(f"question_{n}", ""),
                "type": data.get(f"question_{n}_type") or "text",
                "unit": data.get(f"question_{n}_unit", ""),
            }
            for n in range(1, QUESTION_ROWS + 1)
        ]


class SubannualForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Rhythm"),
        choices=[(PeriodKind.QUARTERLY, _("Quarters")), (PeriodKind.MONTHLY, _("Months"))],
        initial=PeriodKind.QUARTERLY,
        widget=forms.RadioSelect,
    )
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    numbers = forms.TypedMultipleChoiceField(
        label=_("Quarters or months to open"),
        coerce=int,
        choices=[(n, str(n)) for n in range(1, 13)],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Quarters are 1 to 4, months 1 to 12."),
    )
    elements = forms.MultipleChoiceField(
        label=_("Figures reported each quarter or month"), required=False, widget=forms.CheckboxSelectMultiple
    )
    question = forms.CharField(
        label=_("Or a figure of your own, asked each quarter or month"),
        max_length=500,
        required=False,
        help_text=_("E.g. news items on gender equality on the grassroots information system."),
    )
    question_unit = forms.CharField(label=_("Unit of measure"), max_length=32, required=False)
    units = UnitsField(
        label=_("Units asked"),
        queryset=OrgUnit.objects.none(),
        required=False,
        help_text=_("Leave empty: the units that report the chosen figures in the annual form."),
    )
    minimum = forms.IntegerField(
        label=_("Minimum per quarter or month"),
        min_value=0,
        required=False,
        help_text=_(
            "E.g. 4 news items a quarter (plan NQ28, indicator 6.3): below it the unit is off track."
        ),
    )
    deadline_days = forms.IntegerField(
        label=_("Days after the end of each quarter or month to report"),
        min_value=0,
        max_value=60,
        initial=10,
    )

    def __init__(self, *args, elements, units, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["elements"]).choices = elements
        cast(forms.ModelMultipleChoiceField, self.fields["units"]).queryset = units

    def questions(self) -> list[dict]:
        label = self.cleaned_data.get("question", "")
        return (
            [{"label": label, "type": "number", "unit": self.cleaned_data.get("question_unit", "")}]
            if label
            else []
        )

    def targets(self) -> dict[str, int] | None:
        minimum = self.cleaned_data.get("minimum")
        if minimum is None:
            return None
        codes = list(self.cleaned_data["elements"]) + (["Q1"] if self.questions() else [])
        return dict.fromkeys(codes, minimum)
