"""Forms of the unit browser. Validation that needs the database lives in ``unit_services``."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from binhdang.accounts.unit_services import ADDABLE_TYPES, COMMUNE_DIVISIONS
from binhdang.orgunits.models import OrgUnit, OrgUnitType

ACTIVE_CHOICES = [("all", _("All")), ("active", _("Active only")), ("inactive", _("Inactive only"))]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class UnitFilterForm(forms.Form):
    """Search and filters of a province's unit tree (GET)."""

    q = forms.CharField(
        label=_("Search by name"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("e.g. Ea Kar, so y te"), "autocomplete": "off"}
        ),
    )
    type = forms.ChoiceField(label=_("Kind of unit"), required=False)
    active = forms.ChoiceField(label=_("Status"), required=False, choices=ACTIVE_CHOICES)

    def __init__(self, *args, url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        type_field = cast(forms.ChoiceField, self.fields["type"])
        type_field.choices = [("", _("All kinds"))] + [
            (value, label) for value, label in OrgUnitType.choices if value != OrgUnitType.PROVINCE
        ]
        if url:  # live results with htmx; the form still works as a plain GET form without JavaScript
            self.fields["q"].widget.attrs.update(
                {"hx-get": url, "hx-trigger": "input changed delay:300ms, search"}
            )
            for name in ("type", "active"):
                self.fields[name].widget.attrs.update({"hx-get": url, "hx-trigger": "change"})

    def filter(self, units):
        """``units`` narrowed by the valid filters of this form."""
        if not self.is_valid():
            return units
        data = self.cleaned_data
        if data.get("q"):
            units = units.search(data["q"])
        if data.get("type"):
            units = units.filter(type=data["type"])
        if data.get("active") == "active":
            units = units.filter(is_active=True)
        elif data.get("active") == "inactive":
            units = units.filter(is_active=False)
        return units

    def is_filtering(self) -> bool:
        return self.is_valid() and bool(
            self.cleaned_data.get("q")
            or self.cleaned_data.get("type")
            or self.cleaned_data.get("active") in ("active", "inactive")
        )


class UnitAddForm(forms.Form):
    type = forms.ChoiceField(label=_("Kind of unit"), choices=[])
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("Unique: a commune's official 5-digit code, or e.g. 66-SCT for an agency."),
    )
    name = forms.CharField(label=_("Name"), max_length=OrgUnit._meta.get_field("name").max_length)
    division = forms.ChoiceField(
        label=_("Administrative division (communes)"),
        required=False,
        choices=[("", "—")] + [(d, d) for d in COMMUNE_DIVISIONS],
    )
    valid_from = forms.DateField(label=_("Valid from"), required=False, widget=DateInput())
    email = forms.EmailField(label=_("E-mail"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(OrgUnitType.choices)
        cast(forms.ChoiceField, self.fields["type"]).choices = [
            (t.value, labels[t.value]) for t in ADDABLE_TYPES
        ]


class UnitRenameForm(forms.Form):
    name = forms.CharField(label=_("New name"), max_length=OrgUnit._meta.get_field("name").max_length)


class UnitDeactivateForm(forms.Form):
    valid_to = forms.DateField(
        label=_("Ceased to exist on"),
        widget=DateInput(),
        initial=timezone.localdate,
        help_text=_("The unit stays in past plans and reports; it is no longer expected to report."),
    )


class Dhis2UidForm(forms.Form):
    uid = forms.CharField(
        label=_("DHIS2 uid"),
        max_length=11,
        required=False,
        help_text=_("11 letters and digits, starting with a letter; empty removes the mapping."),
    )
