"""Forms of the reports to the ministry (labels and messages in Vietnamese through gettext)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class SendForm(forms.Form):
    signed = forms.FileField(
        label=_("Signed report (PDF or scan, at most 10 MB)"),
        error_messages={
            "required": _("Signed report: choose the signed PDF or the scan of the signed report.")
        },
    )
    note = forms.CharField(
        label=_("Note to the ministry"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    difficulties = forms.CharField(
        label=_("The province's difficulties (one per line)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    proposals = forms.CharField(
        label=_("The province's proposals to the ministry (one per line)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("Comments for the province"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Comment: say what the province must correct before returning its report.")
        },
    )


class DeadlineForm(forms.Form):
    deadline = forms.DateField(
        label=_("Deadline"),
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={"invalid": _("Deadline: write the day as dd/mm/yyyy, e.g. 05/12/2026.")},
    )
