"""Forms of the task updates and of the activity log (the services check the rules again)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Campaign, Plan
from binhdang.work.models import MAX_DONG, MAX_PEOPLE, ActivityType, TaskStatus

_BIG = {"class": "input-large"}


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
    male = forms.IntegerField(
        label=_("Male participants"),
        min_value=0,
        max_value=MAX_PEOPLE,
        initial=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", **_BIG}),
    )
    female = forms.IntegerField(
        label=_("Female participants"),
        min_value=0,
        max_value=MAX_PEOPLE,
        initial=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", **_BIG}),
    )
    budget_state = forms.IntegerField(
        label=_("State budget (đồng)"),
        min_value=0,
        max_value=MAX_DONG,
        initial=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", **_BIG}),
    )
    budget_other = forms.IntegerField(
        label=_("Other sources (đồng)"),
        min_value=0,
        max_value=MAX_DONG,
        initial=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", **_BIG}),
    )
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
