"""Forms of the task updates and of the activity log (the services check the rules again)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from binhdang.core import formatting
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Campaign, Plan
from binhdang.work.models import MAX_DONG, MAX_PEOPLE, ActivityType, FundSource, TaskStatus

_BIG = {"class": "input-large"}


def _whole_number(label, maximum: int) -> forms.IntegerField:
    """A count of people or an amount of đồng: a whole number from 0 to its hard limit, typed on a
    phone's number pad."""
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=maximum,
        initial=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", **_BIG}),
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented recipe); cleans to a list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class TaskUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=TaskStatus.choices)
    note = forms.CharField(
        label=_("Progress note"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    file = forms.FileField(label=_("Evidence (PDF, Word, Excel, JPG, PNG)"), required=False)


class ActivityForm(forms.Form):
    """One screen, large inputs: type, date, place, unit (for a focal officer), campaign, people, money."""

    unit: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Unit"), queryset=OrgUnit.objects.none(), empty_label=None
    )
    type = forms.ChoiceField(label=_("Type of activity"), choices=ActivityType.choices)
    date = forms.DateField(
        label=_("Date"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date", **_BIG}, format="%Y-%m-%d"),
    )
    place = forms.CharField(label=_("Place"), max_length=255, widget=forms.TextInput(attrs=_BIG))
    campaign = forms.ModelChoiceField(
        label=_("Peak campaign"), queryset=Campaign.objects.none(), required=False, empty_label=_("(none)")
    )
    male = _whole_number(_("Male participants"), MAX_PEOPLE)
    female = _whole_number(_("Female participants"), MAX_PEOPLE)
    budget_state = _whole_number(_("State budget (đồng)"), MAX_DONG)
    budget_other = _whole_number(_("Other sources (đồng)"), MAX_DONG)
    description = forms.CharField(
        label=_("Short description"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    attachments = MultipleFileField(
        label=_("Photos or documents (PDF, Word, Excel, JPG, PNG)"), required=False
    )

    def __init__(self, *args, plan: Plan, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["campaign"].queryset = plan.campaigns.all()  # type: ignore[attr-defined]
        self.only_unit = units.first() if units.count() == 1 else None
        if self.only_unit is not None:
            self.fields["unit"].initial = self.only_unit
            self.fields["unit"].required = False
            self.fields["unit"].widget = forms.HiddenInput()

    def clean_unit(self):
        """A user who records for one unit only does not choose it."""
        return self.cleaned_data.get("unit") or self.only_unit


class CampaignForm(forms.Form):
    """A campaign or commemorative day of the plan (the service ``plans.campaigns`` checks the days)."""

    name = forms.CharField(label=_("Name"), max_length=500, widget=forms.TextInput(attrs=_BIG))
    start = forms.CharField(
        label=_("First day (dd/mm)"), max_length=10, widget=forms.TextInput(attrs={"placeholder": "15/11"})
    )
    end = forms.CharField(
        label=_("Last day (dd/mm), blank for a single day"),
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "15/12"}),
    )


class MoneyField(forms.CharField):
    """An amount of đồng as typed, grouped by thousands or not ("15.000.000"); blank is None."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", **_BIG})
        )
        super().__init__(*args, **kwargs)

    def clean(self, value):
        text = (super().clean(value) or "").strip()
        if not text:
            return None
        try:
            amount = formatting.parse_number(text)
        except formatting.NumberFormatError as error:
            raise forms.ValidationError(
                _("Enter a whole number of đồng, e.g. 15.000.000 (you typed “%(text)s”).") % {"text": text}
            ) from error
        if amount != amount.to_integral_value() or amount < 0 or amount > MAX_DONG:
            raise forms.ValidationError(
                _("Enter a whole number of đồng from 0 to %(limit)s.")
                % {"limit": formatting.number(MAX_DONG)}
            )
        return int(amount)


class PlannedFundsForm(forms.Form):
    """A unit's planned funds for a year, one amount per source (blank: none planned)."""

    unit: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Unit"), queryset=OrgUnit.objects.none(), empty_label=None
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        for source, label in FundSource.choices:
            self.fields[source] = MoneyField(label=label)

    def amounts(self) -> dict[str, int | None]:
        return {source: self.cleaned_data.get(source) for source in FundSource.values}
