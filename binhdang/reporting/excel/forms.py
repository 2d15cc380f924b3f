"""The upload form of filled Excel templates (several files at once)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

#: At most this many files in one upload (a province has up to ~250 expected units).
MAX_FILES = 300


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".xlsx"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple) and data:
            return [single(item, initial) for item in data]
        if isinstance(data, list | tuple):  # nothing chosen: the "required" error of a single file
            data = None
        return [single(data, initial)]


class ExcelUploadForm(forms.Form):
    uploads = MultipleFileField(
        label=_("Filled Excel templates (.xlsx)"),
        help_text=_("You can select several files at once: each file is checked and saved on its own."),
    )
    submit = forms.BooleanField(
        label=_("Submit the reports that pass every check (otherwise they are saved as drafts)"),
        required=False,
    )

    def clean_uploads(self):
        files = self.cleaned_data["uploads"]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(
                _("At most %(n)d files at once; you chose %(count)d.") % {"n": MAX_FILES, "count": len(files)}
            )
        return files
