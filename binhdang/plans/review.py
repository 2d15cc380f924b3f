"""The review screen: the extracted content as editable forms, and the edits applied back to it.

``ReviewForms(extraction, data)`` builds a header form and formsets for indicators, targets, reporting
deadlines and campaigns (each keeps the index of its item, so the item's source sentence can be shown
beside it); ``ReviewForms.apply()`` returns the edited extraction (same schema; an indicator carries the
officer's ``catalog`` choice). Tasks and duties are shown, not edited here.
"""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from binhdang.core import formatting
from binhdang.core.formatting import NumberFormatError, parse_day_month
from binhdang.plans.catalog import bind_indicator
from binhdang.plans.forms import catalog_choices
from binhdang.plans.models import Level, PlanStatus, Program, Recurrence, TargetKind
from binhdang.plans.models.indicators import storable_number


class VietnameseNumberField(forms.CharField):
    """A number typed the Vietnamese way ("1,4", "1.000"); cleans to a Decimal or None."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 32)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "size": 6})

    def prepare_value(self, value):
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return formatting.number(value)
        return value

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        try:
            number = formatting.parse_number(text)
        except NumberFormatError:
            raise forms.ValidationError(
                _("“%(text)s” is not a number (write e.g. 1,4 or 90)."), params={"text": text}
            ) from None
        if not storable_number(number):
            raise forms.ValidationError(
                _("“%(text)s” is too large: a plan number has at most 12 digits before the comma."),
                params={"text": text},
            )
        return number


class DayMonthField(forms.CharField):
    """A day of the year typed "30/11"; cleans to "MM-DD" (the schema's form)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 10)
        super().__init__(**kwargs)
        self.widget.attrs.update({"placeholder": "30/11", "size": 6})

    def prepare_value(self, value):
        if isinstance(value, str) and len(value) == 5 and value[2] == "-":
            return formatting.day_month(int(value[:2]), int(value[3:]))
        return value

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        try:
            month, day = parse_day_month(text)
        except ValueError:
            raise forms.ValidationError(
                _("“%(text)s” is not a day of the year (write day/month, e.g. 30/11)."), params={"text": text}
            ) from None
        return f"{month:02d}-{day:02d}"


def _number_out(value: Decimal | None):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


class HeaderForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    program = forms.ChoiceField(label=_("Programme"), choices=Program.choices)
    level = forms.ChoiceField(label=_("Level"), choices=Level.choices)
    issuer = forms.CharField(label=_("Issuer"), max_length=255, required=False)
    locality = forms.CharField(label=_("Locality"), max_length=255, required=False)
    number = forms.CharField(label=_("Number"), max_length=64, required=False)
    date = forms.DateField(
        label=_("Date issued"),
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "30/11/2026"}),
    )
    period_start = forms.IntegerField(label=_("From year"), required=False, min_value=1990, max_value=2100)
    period_end = forms.IntegerField(label=_("To year"), required=False, min_value=1990, max_value=2100)
    focal_agency = forms.CharField(label=_("Focal agency"), max_length=255, required=False)

    def clean(self):
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", _("The period ends before it starts."))
        return data


class IndicatorForm(forms.Form):
    """An indicator read from the plan (``index`` = its position) or, without an index, a new one the
    officer adds (left blank, it is ignored)."""

    index = forms.IntegerField(widget=forms.HiddenInput, required=False)
    code = forms.CharField(label=_("Code"), max_length=14, widget=forms.TextInput(attrs={"size": 5}))
    text = forms.CharField(label=_("Indicator"), widget=forms.Textarea(attrs={"rows": 3}))
    catalog = forms.ChoiceField(label=_("Catalog indicator"), required=False)

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["catalog"]).choices = choices


class TargetForm(forms.Form):
    """A target read from the plan, or (initial ``new``) the blank row under each indicator where the
    officer adds one: left blank, that row is ignored."""

    index = forms.IntegerField(widget=forms.HiddenInput, required=False)
    indicator = forms.IntegerField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("Kind"), choices=TargetKind.choices)
    value = VietnameseNumberField(label=_("Value"))
    min = VietnameseNumberField(label=_("From"))
    max = VietnameseNumberField(label=_("To"))
    unit = forms.CharField(
        label=_("Unit"), max_length=64, required=False, widget=forms.TextInput(attrs={"size": 8})
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)
    annual = forms.BooleanField(label=_("Every year"), required=False)
    baseline_year = forms.IntegerField(
        label=_("Baseline year"), required=False, min_value=1990, max_value=2100
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.initial.get("new"):
            self.empty_permitted = True
            kind = cast(forms.ChoiceField, self.fields["kind"])
            kind.choices = [("", "—"), *TargetKind.choices]

    def clean(self):
        data = super().clean() or {}
        kind = data.get("kind")
        if kind in (TargetKind.MIN, TargetKind.MAX) and data.get("value") is None:
            self.add_error("value", _("Enter the value of this target."))
        if kind in (TargetKind.RANGE, TargetKind.INCREASE):
            low, high = data.get("min"), data.get("max")
            if low is None and high is None:
                self.add_error("min", _("Enter the bounds of this target."))
            elif low is not None and high is not None and low > high:
                self.add_error("max", _("The upper bound is below the lower bound."))
        return data


class ReportingForm(forms.Form):
    index = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reporter = forms.CharField(label=_("Who reports"), max_length=500, required=False)
    receivers = forms.CharField(label=_("To whom (comma-separated)"), max_length=500, required=False)
    deadline = DayMonthField(label=_("Deadline (day/month)"))
    recurrence = forms.ChoiceField(
        label=_("Recurrence"), choices=Recurrence.choices, initial=Recurrence.ANNUAL
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)


class CampaignForm(forms.Form):
    index = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(label=_("Campaign or day"), max_length=500)
    start = DayMonthField(label=_("From (day/month)"))
    end = DayMonthField(label=_("To (day/month)"), required=False)


class ConfirmForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status of the plan"), choices=PlanStatus.choices, initial=PlanStatus.ACTIVE
    )
    as_new_version = forms.BooleanField(
        label=_("Import as a new version of the plan already imported"), required=False
    )


IndicatorFormSet = forms.formset_factory(IndicatorForm, extra=1)
TargetFormSet = forms.formset_factory(TargetForm, extra=0, can_delete=True)
ReportingFormSet = forms.formset_factory(ReportingForm, extra=1, can_delete=True)
CampaignFormSet = forms.formset_factory(CampaignForm, extra=1, can_delete=True)


def _iso_date(text):
    try:
        return date.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


def _catalog_initial(item: dict, program: str | None) -> str:
    if "catalog" in item:
        return item.get("catalog") or ""
    code, _confidence, _reason = bind_indicator(str(item.get("text") or ""), program)
    return code or ""


class ReviewForms:
    """All forms of the review screen for one extraction (bound to ``data`` when given)."""

    def __init__(self, extraction: dict, data=None):
        self.extraction = extraction
        program = extraction.get("program")
        indicators = extraction.get("indicators") or []
        period = extraction.get("period") or {}
        self.header = HeaderForm(
            data,
            prefix="h",
            initial={
                "title": extraction.get("title"),
                "program": program,
                "level": extraction.get("level"),
                "issuer": extraction.get("issuer"),
                "locality": extraction.get("locality"),
                "number": extraction.get("number"),
                "date": _iso_date(extraction.get("date")),
                "period_start": period.get("start"),
                "period_end": period.get("end"),
                "focal_agency": extraction.get("focal_agency"),
            },
        )
        self.indicators = IndicatorFormSet(
            data,
            prefix="ind",
            form_kwargs={"choices": catalog_choices(program)},
            initial=[
                {
                    "index": i,
                    "code": item.get("code"),
                    "text": item.get("text"),
                    "catalog": _catalog_initial(item, program),
                }
                for i, item in enumerate(indicators)
            ],
        )
        target_rows = []
        for i, item in enumerate(indicators):
            for j, target in enumerate(item.get("targets") or []):
                row = {
                    key: target.get(key)
                    for key in ("kind", "value", "min", "max", "unit", "year", "baseline_year")
                }
                row.update(index=j, indicator=i, annual=bool(target.get("annual") or target.get("from_year")))
                target_rows.append(row)
            target_rows.append({"indicator": i, "new": True})
        self.targets = TargetFormSet(data, prefix="tg", initial=target_rows)
        self.reporting = ReportingFormSet(
            data,
            prefix="rp",
            initial=[
                {
                    "index": i,
                    "reporter": r.get("from"),
                    "receivers": ", ".join(r.get("to") or []),
                    "deadline": r.get("deadline"),
                    "recurrence": r.get("recurrence"),
                    "year": r.get("year"),
                }
                for i, r in enumerate(extraction.get("reporting") or [])
            ],
        )
        self.campaigns = CampaignFormSet(
            data,
            prefix="cp",
            initial=[
                {"index": i, "name": c.get("name"), "start": c.get("start"), "end": c.get("end")}
                for i, c in enumerate(extraction.get("campaigns") or [])
            ],
        )

    @property
    def all(self):
        return (self.header, self.indicators, self.targets, self.reporting, self.campaigns)

    def is_valid(self) -> bool:
        return all([form.is_valid() for form in self.all])

    def apply(self) -> dict:
        """The extraction with the officer's edits (call after ``is_valid``)."""
        result = copy.deepcopy(self.extraction)
        header = self.header.cleaned_data
        for key in ("title", "program", "level", "issuer", "locality", "number", "focal_agency"):
            result[key] = (header.get(key) or "").strip() or (
                None if key in ("number", "focal_agency") else ""
            )
        result["date"] = header["date"].isoformat() if header.get("date") else None
        result["period"] = {"start": header.get("period_start"), "end": header.get("period_end")}
        originals = self.extraction.get("indicators") or []
        targets_of: dict[int, list[dict]] = {}
        for form in self.targets.forms:
            data = form.cleaned_data
            if not data or data.get("DELETE"):
                continue
            original = {}
            source_list = (
                originals[data["indicator"]].get("targets") or []
                if data["indicator"] < len(originals)
                else []
            )
            if data.get("index") is not None and data["index"] < len(source_list):
                original = dict(source_list[data["index"]])
            original.update(
                kind=data["kind"],
                value=_number_out(data.get("value")),
                min=_number_out(data.get("min")),
                max=_number_out(data.get("max")),
                unit=(data.get("unit") or "").strip() or None,
                year=data.get("year"),
                baseline_year=data.get("baseline_year"),
            )
            if not data.get("annual"):
                original["annual"], original["from_year"] = False, None
            elif not original.get("from_year"):
                original["annual"] = True
            targets_of.setdefault(data["indicator"], []).append(original)
        indicators = []
        for indicator_form in self.indicators.forms:
            data = indicator_form.cleaned_data
            if not data:  # the blank "add an indicator" row
                continue
            index = data.get("index")
            item = dict(originals[index]) if index is not None and index < len(originals) else {}
            item.update(
                code=data["code"].strip(), text=data["text"].strip(), catalog=data.get("catalog") or ""
            )
            item["targets"] = targets_of.get(index, []) if index is not None else []
            item.setdefault("responsible", [])
            indicators.append(item)
        result["indicators"] = indicators
        result["reporting"] = self._rows(self.reporting, "reporting", self._reporting_item)
        result["campaigns"] = self._rows(self.campaigns, "campaigns", self._campaign_item)
        return result

    def _rows(self, formset, key: str, build) -> list[dict]:
        originals = self.extraction.get(key) or []
        rows = []
        for form in formset.forms:
            data = form.cleaned_data
            if not data or data.get("DELETE") or (not form.has_changed() and data.get("index") is None):
                continue
            index = data.get("index")
            original = dict(originals[index]) if index is not None and index < len(originals) else {}
            rows.append(build(original, data))
        return rows

    @staticmethod
    def _reporting_item(original: dict, data: dict) -> dict:
        receivers = [r.strip() for r in (data.get("receivers") or "").split(",") if r.strip()]
        original.update(
            **{"from": (data.get("reporter") or "").strip() or None},
            to=receivers,
            deadline=data["deadline"],
            recurrence=data["recurrence"],
            year=data.get("year"),
        )
        return original

    @staticmethod
    def _campaign_item(original: dict, data: dict) -> dict:
        original.update(name=data["name"].strip(), start=data["start"], end=data.get("end"))
        return original
