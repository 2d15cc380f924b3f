"""The form an agency (or the focal officer) records one indicator's figures of a year with."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from binhdang.orgunits.models import REPORTING_TYPES, OrgUnit
from binhdang.plans.review import VietnameseNumberField
from binhdang.results.models import MAX_YEAR, MIN_YEAR


class StatisticForm(forms.Form):
    series = forms.ChoiceField(label=_("Indicator"))
    year = forms.IntegerField(label=_("Year"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    total = VietnameseNumberField(label=_("Total"))
    female = VietnameseNumberField(label=_("Women"))
    male = VietnameseNumberField(label=_("Men"))
    source = forms.CharField(
        label=_("Source of the figures"),
        max_length=500,
        help_text=_("e.g. Cục Thống kê tỉnh, niên giám thống kê 2026"),
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    agency: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=OrgUnit.objects.none(), label=_("Agency giving the figures"), required=False
    )

    def __init__(self, *args, series: dict[str, str], province: OrgUnit, choose_agency: bool, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["series"]).choices = list(series.items())
        for name in ("total", "female", "male"):
            self.fields[name].widget.attrs["size"] = 10
        if choose_agency:
            cast(forms.ModelChoiceField, self.fields["agency"]).queryset = OrgUnit.objects.filter(
                province=province, type__in=REPORTING_TYPES[:3], is_active=True
            ).order_by("type", "name")
        else:
            del self.fields["agency"]


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Statistics file (.xlsx or .csv)"))
