"""The units' activity log: recording and correcting an activity (each one transaction), the filters
and the totals of the focal officer's list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, QuerySet, Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from binhdang.core import audit
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Campaign, Plan
from binhdang.reporting.attachments import check_file
from binhdang.reporting.errors import ReportingError
from binhdang.work import access
from binhdang.work.errors import AccessDenied, WorkError
from binhdang.work.models import (
    MAX_ACTIVITY_FILES,
    MAX_DONG,
    MAX_PEOPLE,
    Activity,
    ActivityFile,
    ActivityType,
)

FIELDS = (
    "type",
    "date",
    "place",
    "campaign",
    "male",
    "female",
    "budget_state",
    "budget_other",
    "description",
)


def plan_dates(plan: Plan) -> tuple[dt.date | None, dt.date | None]:
    first = dt.date(plan.period_start, 1, 1) if plan.period_start else None
    last = dt.date(plan.period_end, 12, 31) if plan.period_end else None
    return first, last


def _check(plan: Plan, data: dict) -> dict:
    """The cleaned values of an activity, or :class:`WorkError` naming the field at fault."""
    if data.get("type") not in ActivityType.values:
        raise WorkError(_("Choose the type of the activity."), field="type")
    day = data.get("date")
    if not isinstance(day, dt.date):
        raise WorkError(_("Enter the date of the activity (dd/mm/yyyy)."), field="date")
    first, last = plan_dates(plan)
    if (first and day < first) or (last and day > last):
        raise WorkError(
            _("The date %(date)s is outside the plan's period (%(first)s to %(last)s).")
            % {
                "date": date_format(day, "d/m/Y"),
                "first": date_format(first, "d/m/Y") if first else "…",
                "last": date_format(last, "d/m/Y") if last else "…",
            },
            field="date",
        )
    if day > timezone.localdate():
        raise WorkError(
            _("The date %(date)s is in the future: record an activity once it has taken place.")
            % {"date": date_format(day, "d/m/Y")},
            field="date",
        )
    place = (data.get("place") or "").strip()
    if not place:
        raise WorkError(_("Enter the place of the activity."), field="place")
    if len(place) > 255:
        raise WorkError(_("The place is longer than 255 characters."), field="place")
    campaign = data.get("campaign")
    if campaign is not None and (not isinstance(campaign, Campaign) or campaign.plan_id != plan.pk):
        raise WorkError(_("The campaign is not one of this plan's."), field="campaign")
    cleaned = {"type": data["type"], "date": day, "place": place, "campaign": campaign}
    limits = {
        "male": (_("Male participants"), MAX_PEOPLE),
        "female": (_("Female participants"), MAX_PEOPLE),
        "budget_state": (_("State budget"), MAX_DONG),
        "budget_other": (_("Other sources"), MAX_DONG),
    }
    for name, (label, limit) in limits.items():
        value = data.get(name) or 0
        if not isinstance(value, int) or isinstance(value, bool) or value < 0 or value > limit:
            raise WorkError(
                _("%(field)s must be a whole number from 0 to %(limit)s.")
                % {"field": label, "limit": f"{limit:,}".replace(",", ".")},
                field=name,
            )
        cleaned[name] = value
    description = (data.get("description") or "").strip()
    if len(description) > 2000:
        raise WorkError(_("The description is longer than 2000 characters."), field="description")
    cleaned["description"] = description
    return cleaned


def _check_files(files, already: int = 0) -> None:
    if already + len(files) > MAX_ACTIVITY_FILES:
        raise WorkError(
            _("An activity holds at most %(limit)d photos or documents.") % {"limit": MAX_ACTIVITY_FILES},
            field="attachments",
        )
    for file in files:
        try:
            check_file(file)
        except ReportingError as error:
            raise WorkError(str(error), field="attachments") from error


def _attach(activity: Activity, files, user) -> None:
    for file in files:
        attached = ActivityFile(activity=activity, name=file.name[:255], uploaded_by=user)
        attached.file.save(file.name, file, save=False)
        audit.by(attached, user).save()


def initial_for_campaign(campaign: Campaign, today: dt.date) -> dict:
    """The activity form's first values when recording for ``campaign`` (from the campaign calendar):
    the campaign, the kind of activity it usually is, and today's date."""
    if campaign.is_period and campaign.start_month == 11:
        kind = ActivityType.ACTION_MONTH
    elif campaign.is_period:
        kind = ActivityType.COMMUNICATION
    else:
        kind = ActivityType.COMMEMORATION
    return {"campaign": campaign, "type": kind, "date": today}


def record(plan: Plan, unit: OrgUnit | None, user, data: dict, files=()) -> Activity:
    """Record an activity of ``unit`` under ``plan``."""
    if not access.can_record_activity(user, plan, unit):
        raise AccessDenied(_("You cannot record activities for this unit."))
    cleaned = _check(plan, data)
    _check_files(files)
    with transaction.atomic():
        activity = Activity(plan=plan, unit=unit, created_by=user, **cleaned)
        audit.by(activity, user).save()
        _attach(activity, files, user)
    return activity


def change(activity: Activity, user, data: dict, files=()) -> Activity:
    """Correct an activity (the audit trail keeps the old values)."""
    if not access.can_change_activity(user, activity):
        raise AccessDenied(_("You cannot change this activity."))
    merged = {name: getattr(activity, name) for name in FIELDS} | data
    cleaned = _check(activity.plan, merged)
    _check_files(files, activity.files.count())
    with transaction.atomic():
        for name, value in cleaned.items():
            setattr(activity, name, value)
        audit.by(activity, user).save()
        _attach(activity, files, user)
    return activity


def filtered(
    activities: QuerySet[Activity],
    *,
    unit: int | None = None,
    type: str = "",
    campaign: int | None = None,
    month: int | None = None,
    year: int | None = None,
) -> QuerySet[Activity]:
    if unit is not None:
        activities = activities.filter(unit_id=unit)
    if type:
        activities = activities.filter(type=type)
    if campaign is not None:
        activities = activities.filter(campaign_id=campaign)
    if month is not None:
        activities = activities.filter(date__month=month)
    if year is not None:
        activities = activities.filter(date__year=year)
    return activities


@dataclass(frozen=True)
class Totals:
    count: int
    male: int
    female: int
    budget_state: int
    budget_other: int

    @property
    def participants(self) -> int:
        return self.male + self.female

    @property
    def budget(self) -> int:
        return self.budget_state + self.budget_other


def totals(activities: QuerySet[Activity]) -> Totals:
    sums = activities.order_by().aggregate(
        count=Count("pk"),
        male=Sum("male"),
        female=Sum("female"),
        budget_state=Sum("budget_state"),
        budget_other=Sum("budget_other"),
    )
    return Totals(**{name: value or 0 for name, value in sums.items()})


@dataclass(frozen=True)
class Change:
    at: dt.datetime
    user: object
    kind: str
    fields: list[tuple[str, str, str]]  # (field label, old value, new value)


def changes(activity: Activity, limit: int = 30) -> list[Change]:
    """The audit trail of an activity, newest first: who, when, and each field's old and new value."""
    records = list(
        activity.history.select_related("history_user").order_by("-history_date", "-history_id")[:limit]
    )
    rows = []
    for record in records:
        fields: list[tuple[str, str, str]] = []
        previous = record.prev_record
        if previous is not None:
            for change in record.diff_against(previous, excluded_fields=["created_at"]).changes:
                label = str(getattr(Activity._meta.get_field(change.field), "verbose_name", change.field))
                fields.append((label, _shown(previous, change.field), _shown(record, change.field)))
        rows.append(
            Change(record.history_date, record.history_user, record.get_history_type_display(), fields)
        )
    return rows


def _shown(record, name: str) -> str:
    """A field's value as the user reads it (choices by label, campaign by name)."""
    if name == "campaign":
        campaign = Campaign.objects.filter(pk=record.campaign_id).first()
        return campaign.name if campaign else "—"
    if name == "type":
        return str(ActivityType(record.type).label)
    value = getattr(record, name)
    return value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else str(value)
