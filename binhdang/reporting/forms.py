"""Django forms of the reporting pages (the report itself is built from the form catalog, see
``entry.py``)."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from binhdang.plans.models import Plan
from binhdang.reporting.attachments import MAX_ATTACHMENT_BYTES


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class OpenPeriodForm(forms.Form):
    plan = forms.ModelChoiceField(label=_("Plan"), queryset=Plan.objects.none(), empty_label=None)
    year = forms.IntegerField(label=_("Reporting year"), min_value=2000, max_value=2100)
    deadline = forms.DateField(
        label=_("Deadline"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty to take it from the plan's reporting regime."),
    )
    cutoff_start = forms.DateField(
        label=_("Data cutoff from"),
        required=False,
        widget=DateInput(),
        help_text=_("Default: 15/12 of the previous year (Decree 09/2019)."),
    )
    cutoff_end = forms.DateField(
        label=_("Data cutoff to"),
        required=False,
        widget=DateInput(),
        help_text=_("Default: 14/12 of the reporting year."),
    )
    lock_date = forms.DateField(
        label=_("Lock date"),
        required=False,
        widget=DateInput(),
        help_text=_(
            "After this day reporters can no longer change their reports. "
            "Default: the later of the deadline and the cutoff end."
        ),
    )

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["plan"]).queryset = plans


class PeriodDatesForm(forms.Form):
    deadline = forms.DateField(label=_("Deadline"), widget=DateInput())
    cutoff_start = forms.DateField(label=_("Data cutoff from"), widget=DateInput())
    cutoff_end = forms.DateField(label=_("Data cutoff to"), widget=DateInput())
    lock_date = forms.DateField(label=_("Lock date"), required=False, widget=DateInput())


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=4000
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Evidence file"),
        help_text=_("PDF, Word (.docx), Excel (.xlsx), JPG or PNG, at most %(mb)d MB.")
        % {"mb": MAX_ATTACHMENT_BYTES // 1024 // 1024},
    )
    description = forms.CharField(label=_("Description"), required=False, max_length=255)


class DataUploadForm(forms.Form):
    file = forms.FileField(label=_("Data value set file (JSON)"))
    dry_run = forms.BooleanField(label=_("Only check the file, do not import"), required=False)


class ReminderForm(forms.Form):
    message = forms.CharField(label=_("Message added to the reminder"), required=False, max_length=500)
