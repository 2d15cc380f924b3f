"""Forms of the plan pages: upload, status, catalog binding. The review screen's forms are in ``review``."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from binhdang.orgunits.models import OrgUnit
from binhdang.plans.catalog import ensure_catalog
from binhdang.plans.models import CatalogIndicator, PlanStatus
from binhdang.plans.services import ALLOWED_EXTENSIONS, UploadError, check_upload


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Plan document"),
        help_text=_("The plan as issued: a Word file (.docx), or text (.txt, .md)."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)}),
        error_messages={"required": _("Choose the plan file to upload."), "empty": _("The file is empty.")},
    )
    province: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=None, label=_("Province"), empty_label=None
    )

    def __init__(self, *args, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["province"]).queryset = provinces
        if provinces.count() == 1:
            self.fields["province"].initial = provinces.first()
            self.fields["province"].widget = forms.HiddenInput()

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        try:
            check_upload(uploaded.name, uploaded.size)
        except UploadError as error:
            raise forms.ValidationError(str(error)) from error
        return uploaded


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=PlanStatus.choices, label=_("Status"))


def catalog_choices(program: str | None = None) -> list[tuple[str, str]]:
    """("" = direct entry) then the catalog entries, those of the plan's programme first."""
    ensure_catalog()
    entries = list(CatalogIndicator.objects.filter(is_active=True))
    if program in ("communication", "strategy"):
        entries.sort(key=lambda e: (e.program != program, e.sort_order))
    return [("", str(_("— Direct entry (no catalog indicator) —")))] + [
        (e.code, f"{e.code} · {e.name}") for e in entries
    ]


class BindingForm(forms.Form):
    catalog = forms.ChoiceField(label=_("Catalog indicator"), required=False)

    def __init__(self, *args, program: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["catalog"]).choices = catalog_choices(program)


class ResponsibleForm(forms.Form):
    """The agencies responsible for an indicator: units of the province, and groups named in words."""

    units = forms.ModelMultipleChoiceField(
        queryset=OrgUnit.objects.none(),
        label=_("Agencies of the province"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    others = forms.CharField(
        label=_("Other responsible agencies, one per line"),
        help_text=_("Groups that are not one unit, e.g. “UBND các xã, phường”."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["units"]).queryset = units

    def other_lines(self) -> list[str]:
        return [line for line in (self.cleaned_data.get("others") or "").splitlines() if line.strip()]
