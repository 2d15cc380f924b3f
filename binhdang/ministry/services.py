"""The workflows of the reports to the ministry, each one transaction.

- :func:`send_report`: the province's focal officer sends the plan's annual report of a year with
  the signed scan or PDF (a new version after a return);
- :func:`receive`, :func:`return_report`, :func:`accept`: the ministry's steps;
- :func:`set_deadline`, :func:`deadline_for`: the day of a year;
- :func:`send_reminders`: in-app notices to the focal officers of provinces that have not sent.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from binhdang.accounts.models import Role, User
from binhdang.core import audit, sqlrows
from binhdang.core.formatting import date as vn_date
from binhdang.documents import services as documents
from binhdang.ministry import access
from binhdang.ministry.models import (
    DEFAULT_DEADLINE,
    MinistryDeadline,
    MinistryReminder,
    ProvinceReport,
    ProvinceReportStep,
    ReportState,
    TransitionError,
)
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Plan, PlanStatus, ReportingObligation
from binhdang.reporting.attachments import check_file
from binhdang.reporting.errors import ReportingError
from binhdang.reporting.notifications import notify

#: The signed report: a signed PDF or a scan (image).
SIGNED_TYPES = (".pdf", ".jpg", ".jpeg", ".png")
#: How the plans name the ministry among the receivers of a report.
MINISTRY_NAME = "Bộ Nội vụ"


class MinistryError(Exception):
    """A step refused (the message says why, in Vietnamese); nothing was changed."""


def focal_officers_of(province: OrgUnit):
    return User.objects.filter(
        is_active=True, role_assignments__role=Role.FOCAL_OFFICER, role_assignments__org_unit=province
    ).distinct()


def _most_common_day(plan_deadlines: Iterable[tuple[int, int]]) -> tuple[int, int]:
    counts = Counter(plan_deadlines)
    return counts.most_common(1)[0][0] if counts else DEFAULT_DEADLINE


def deadline_for(year: int) -> dt.date:
    """The ministry's deadline for ``year``: as set, else the day the plans give for their report to
    Bộ Nội vụ (the most common), else 05/12."""
    connection = sqlrows.connection_for(MinistryDeadline)
    q = connection.ops.quote_name
    set_day = sqlrows.Columns(MinistryDeadline, "d", ("deadline",))
    sql = f"SELECT {set_day.sql(connection)} FROM {set_day.table(connection)} WHERE d.{q('year')} = %s"
    found = sqlrows.select(connection, sql, [year], [set_day])  # plain statements: the board reads this
    if found:
        return found[0][0]
    duties = sqlrows.Columns(ReportingObligation, "o", ("receivers", "deadline_month", "deadline_day"))
    plans = sqlrows.Columns(Plan, "pl", ())
    sql = (
        f"SELECT {duties.sql(connection)} FROM {duties.table(connection)}"
        f" INNER JOIN {plans.table(connection)} ON o.{q('plan_id')} = pl.{q('id')} WHERE pl.{q('status')} = %s"
    )
    rows = sqlrows.select(connection, sql, [PlanStatus.ACTIVE], [duties])
    days = [
        (month, day) for receivers, month, day in rows if any(MINISTRY_NAME in r for r in receivers or [])
    ]
    month, day = _most_common_day(days)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, *DEFAULT_DEADLINE)


@transaction.atomic
def set_deadline(year: int, day: dt.date, user) -> MinistryDeadline:
    if not access.acts_for_ministry(user):
        raise MinistryError(_("Only the ministry sets the deadline."))
    if day.year not in (year, year + 1):
        raise MinistryError(
            _("Deadline: %(day)s is not in %(year)s or the next year.") % {"day": vn_date(day), "year": year}
        )
    row = MinistryDeadline.objects.filter(year=year).first() or MinistryDeadline(year=year, deadline=day)
    row.deadline, row.set_by = day, user
    audit.by(row, user)
    row.save()
    return row


def current_report(plan: Plan, year: int) -> ProvinceReport | None:
    """The latest version sent for the plan's year, or None."""
    return ProvinceReport.objects.filter(plan=plan, year=year).order_by("-version").first()


def _step(report: ProvinceReport, old: str, user, comment: str = "") -> None:
    ProvinceReportStep.objects.create(
        report=report, from_state=old, to_state=report.state, user=user, comment=comment
    )


def _check_signed(uploaded) -> str:
    if uploaded is None:
        raise MinistryError(_("Signed report: choose the signed PDF or the scan of the signed report."))
    suffix = Path(uploaded.name or "").suffix.lower()
    if suffix not in SIGNED_TYPES:
        raise MinistryError(
            _("%(name)s: the signed report must be a PDF, JPG or PNG file.") % {"name": uploaded.name}
        )
    try:
        return check_file(uploaded)
    except ReportingError as error:
        raise MinistryError(str(error)) from None


@transaction.atomic
def send_report(
    plan: Plan, year: int, user, signed, note: str = "", difficulties: str = "", proposals: str = ""
) -> ProvinceReport:
    """Send the plan's annual report of ``year`` to the ministry, with the signed file ``signed``, and
    the province's difficulties and proposals in its own words (for the national report).

    The generated report is kept as it is now (without the units' narratives, as the ministry reads
    it). Refused while a version is sent, received or accepted; after a return, a new version.
    """
    if not access.can_send(user, plan):
        raise MinistryError(_("Only the province's focal officers send its report to the ministry."))
    previous = current_report(plan, year)
    if previous is not None and not previous.may_send_again:
        raise MinistryError(
            _("The report of %(year)s is already %(state)s: it is sent again only after a return.")
            % {"year": year, "state": previous.get_state_display().lower()}
        )
    content_type = _check_signed(signed)
    try:
        generated = documents.annual_report(plan, year, with_narratives=False)
    except documents.DocumentError as error:
        raise MinistryError(str(error)) from None
    report = ProvinceReport(
        plan=plan,
        province_id=plan.province_id,
        year=year,
        version=(previous.version + 1) if previous else 1,
        signed_name=Path(signed.name).name[:255],
        signed_content_type=content_type,
        note=(note or "").strip(),
        difficulties=(difficulties or "").strip(),
        proposals=(proposals or "").strip(),
        sent_by=user,
    )
    report.report_file.save(generated.name, ContentFile(generated.content), save=False)
    report.signed_file.save(Path(signed.name).name, signed, save=False)
    audit.by(report, user)
    report.save()
    _step(report, "", user, report.note)
    return report


def _notify_province(report: ProvinceReport, text: str) -> None:
    link = reverse("ministry:plan_year", args=[report.plan_id, report.year])
    notify(focal_officers_of(report.province), text, link)


def _move(report: ProvinceReport, state: str, user, comment: str = "") -> ProvinceReport:
    if not access.acts_for_ministry(user):
        raise MinistryError(_("Only the ministry receives, returns or accepts a province's report."))
    report = ProvinceReport.objects.select_for_update().get(pk=report.pk)
    try:
        old = report.move_to(state)
    except TransitionError as error:
        raise MinistryError(str(error)) from None
    if comment:
        report.comment = comment
    audit.by(report, user, comment or None)
    report.save()
    _step(report, old, user, comment)
    return report


@transaction.atomic
def receive(report: ProvinceReport, user) -> ProvinceReport:
    return _move(report, ReportState.RECEIVED, user)


@transaction.atomic
def return_report(report: ProvinceReport, user, comment: str) -> ProvinceReport:
    comment = (comment or "").strip()
    if not comment:
        raise MinistryError(_("Comment: say what the province must correct before returning its report."))
    report = _move(report, ReportState.RETURNED, user, comment)
    _notify_province(
        report,
        _("The Ministry of Home Affairs returned the report of %(year)s: %(comment)s")
        % {"year": report.year, "comment": comment},
    )
    return report


@transaction.atomic
def accept(report: ProvinceReport, user, comment: str = "") -> ProvinceReport:
    report = _move(report, ReportState.ACCEPTED, user, (comment or "").strip())
    _notify_province(
        report, _("The Ministry of Home Affairs accepted the report of %(year)s.") % {"year": report.year}
    )
    return report


@transaction.atomic
def send_reminders(year: int, plans: Iterable[Plan], user, deadline: dt.date) -> list[MinistryReminder]:
    """Remind the focal officers of each plan's province that has not sent its report of ``year``
    (not sent, or returned and not sent again): one in-app notice each, logged. Provinces that have
    sent are skipped."""
    if not access.acts_for_ministry(user):
        raise MinistryError(_("Only the ministry sends reminders to the provinces."))
    sent = []
    for plan in plans:
        report = current_report(plan, year)
        if report is not None and report.state != ReportState.RETURNED:
            continue
        text = _(
            "The Ministry of Home Affairs reminds %(province)s to send its report of %(year)s (deadline %(day)s)."
        ) % {
            "province": plan.province.name,
            "year": year,
            "day": vn_date(deadline),
        }
        officers = list(focal_officers_of(plan.province))
        notify(officers, text, reverse("ministry:plan_year", args=[plan.pk, year]))
        reminder = MinistryReminder.objects.create(year=year, province=plan.province, text=text, sent_by=user)
        reminder.recipients.set(officers)
        sent.append(reminder)
    return sent
