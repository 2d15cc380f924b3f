"""The focal officer's pages: open a period, the status board, period settings, reminders."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from binhdang.core.numbers import posted_int
from binhdang.orgunits.models import REPORTING_TYPES, OrgUnitType
from binhdang.reporting import access, log_figures, quarters, reminders, services
from binhdang.reporting.errors import ReportingError
from binhdang.reporting.forms import OpenPeriodForm, PeriodDatesForm, ReminderForm
from binhdang.reporting.models import State
from binhdang.reporting.status import BOARD_STATES, MISSING, OVERDUE, build_board
from binhdang.reporting.views import board_rows
from binhdang.reporting.views.common import ReportingRequest, board_period, managed_period, report_errors


@login_required
def open_period(request: ReportingRequest) -> HttpResponse:
    """Open a reporting year for a plan."""
    if not request.user.has_perm("reporting.open_period"):
        raise PermissionDenied
    plans = access.plans_for_opening(request.user)
    initial = {"plan": request.GET.get("plan"), "year": request.GET.get("year") or 2026}
    form = OpenPeriodForm(request.POST or None, plans=plans, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            period = services.open_period(
                data["plan"],
                data["year"],
                request.user,
                deadline=data["deadline"],
                cutoff_start=data["cutoff_start"],
                cutoff_end=data["cutoff_end"],
                lock_date=data["lock_date"],
            )
        except ReportingError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("The %(year)s reporting period is open: %(n)d units are expected to report.")
                % {"year": period.year, "n": period.expected_reporters.count()},
            )
            return redirect("reporting:board", pk=period.pk)
    return render(request, "reporting/period_open.html", {"form": form, "has_plans": plans.exists()})


@login_required
def board(request: ReportingRequest, pk: int) -> HttpResponse:
    """Status board: each expected unit's report state, completeness and timeliness."""
    period = board_period(request, pk)
    unit_type = request.GET.get("type") or None
    state = request.GET.get("state") or None
    if unit_type not in (None, *REPORTING_TYPES):
        unit_type = None
    if state not in (None, MISSING, OVERDUE, *BOARD_STATES):
        state = None
    status_board = build_board(period, unit_type=unit_type, state=state)
    differing = log_figures.differences_by_unit(
        period, {r.unit.pk: r.submission.pk for r in status_board.rows if r.submission is not None}
    )
    for row in status_board.rows:
        row.log_differences = len(differing.get(row.unit.pk, []))
    can_manage = request.user.has_perm("reporting.manage_period", period)
    return render(
        request,
        "reporting/board.html",
        {
            "period": period,
            "board": status_board,
            "unit_type": unit_type or "",
            "state": state or "",
            "types": [(t.value, t.label) for t in OrgUnitType if t in REPORTING_TYPES],
            "states": [
                (key, label, status_board.by_state.get(key, 0))
                for key, (label, _badge) in BOARD_STATES.items()
            ],
            "missing": MISSING,
            "overdue": OVERDUE,
            # the board filtered on a report state: the export of just those reports (?status=)
            "export_state": state if state in State.values else "",
            "export_state_label": BOARD_STATES[state][0] if state in State.values else "",
            "can_manage": can_manage,
            "rows_html": board_rows.rows_html(status_board.rows, period, can_manage=can_manage),
            "reminder_form": ReminderForm(),
            "off_track": quarters.off_track(period),
            "quarter_shares": quarters.shares(period),
        },
    )


@login_required
@require_POST
def remind(request: ReportingRequest, pk: int) -> HttpResponse:
    """One-click reminders to the selected units that have not submitted."""
    period = managed_period(request, pk)
    ids = [i for v in request.POST.getlist("units") if (i := posted_int(v)) is not None]
    units = list(access.province_units(period).filter(pk__in=ids))
    if not units:
        messages.error(request, _("Select at least one unit to remind."))
        return _back_to_board(request, pk)
    form = ReminderForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    try:
        reminder = services.request_reminders(period, units, request.user, message)
    except ReportingError as exc:
        report_errors(request, exc)
    else:
        messages.success(
            request,
            _("Reminder sent to %(users)d reporters of %(units)d units.")
            % {"users": reminder.notified_count, "units": reminder.units.count()},
        )
        _warn_units_without_reporters(request, period, list(reminder.units.all()))
    return _back_to_board(request, pk)


def _warn_units_without_reporters(request: ReportingRequest, period, units) -> None:
    """Say how many reminded units have nobody to notify, and link to creating their accounts."""
    nobody = reminders.units_without_reporters(units)
    if not nobody:
        return
    text = ngettext(
        "%(n)d of these units has no reporter account: nobody there received the reminder in the application.",
        "%(n)d of these units have no reporter account: nobody there received the reminder in the application.",
        len(nobody),
    ) % {"n": len(nobody)}
    by_mail = sum(1 for unit in nobody if unit.email)
    if by_mail:
        text += " " + _("%(n)d of them will get the e-mail at the unit's own address.") % {"n": by_mail}
    if request.user.has_perm("accounts.manage_users"):
        url = (
            reverse("accounts:user_bulk_create")
            + "?"
            + urlencode({"province": period.province_id, "select": "missing"})
        )
        messages.warning(
            request,
            format_html(
                '{} <a href="{}" id="create-accounts">{}</a>', text, url, _("Create their reporter accounts")
            ),
        )
    else:
        messages.warning(request, text)


def _back_to_board(request: ReportingRequest, pk: int) -> HttpResponse:
    """The board again, with the filters the officer had set."""
    query = urlencode({k: request.POST[k] for k in ("type", "state") if request.POST.get(k)})
    return redirect(reverse("reporting:board", args=[pk]) + (f"?{query}" if query else ""))


@login_required
def period_settings(request: ReportingRequest, pk: int) -> HttpResponse:
    """Dates and expected reporters of a period."""
    period = managed_period(request, pk)
    dates = PeriodDatesForm(
        initial={
            "deadline": period.deadline,
            "lock_date": period.lock_date,
            "cutoff_start": period.cutoff_start,
            "cutoff_end": period.cutoff_end,
        }
    )
    if request.method == "POST" and request.POST.get("form") == "dates":
        dates = PeriodDatesForm(request.POST)
        if dates.is_valid():
            try:
                services.update_period(period, request.user, **dates.cleaned_data)
            except ReportingError as exc:
                for message in exc.messages:
                    dates.add_error(None, message)
            else:
                messages.success(request, _("The dates of the period were saved."))
                return redirect("reporting:period_settings", pk=pk)
    elif request.method == "POST" and request.POST.get("form") == "expected":
        ids = {i for v in request.POST.getlist("units") if (i := posted_int(v)) is not None}
        try:
            added, removed = services.set_expected_reporters(
                period, access.province_units(period).filter(pk__in=ids), request.user
            )
        except ReportingError as exc:
            report_errors(request, exc)
        else:
            messages.success(
                request,
                _("Expected reporters saved: %(added)d added, %(removed)d removed.")
                % {"added": added, "removed": removed},
            )
            return redirect("reporting:period_settings", pk=pk)
    expected = set(period.expected_reporters.values_list("unit_id", flat=True))
    groups = []
    for unit_type in OrgUnitType:
        units = [u for u in access.province_units(period).filter(type=unit_type).order_by("name")]
        if units:
            groups.append(
                {
                    "label": unit_type.label,
                    "type": unit_type.value,
                    "units": [{"unit": u, "checked": u.pk in expected} for u in units],
                }
            )
    return render(
        request,
        "reporting/period_settings.html",
        {
            "period": period,
            "dates": dates,
            "groups": groups,
            "expected_count": len(expected),
        },
    )


@login_required
def period_status(request: ReportingRequest, pk: int) -> HttpResponse:
    """Close or reopen a period. Closing is confirmed first: GET (or a POST without ``confirm``)
    shows what closing means and asks; only the confirmation's POST closes."""
    period = managed_period(request, pk)
    if request.method == "POST" and request.POST.get("action") == "open":
        services.reopen_period(period, request.user)
        messages.success(request, _("The period is open again."))
        return redirect("reporting:board", pk=pk)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        services.close_period(period, request.user)
        messages.success(request, _("The period is closed: reports can no longer change."))
        return redirect("reporting:board", pk=pk)
    if request.method == "POST":
        return redirect("reporting:period_status", pk=pk)
    if not period.is_open:
        return redirect("reporting:board", pk=pk)
    expected = period.expected_reporters.count()
    complete = period.submissions.filter(state__in=(State.SUBMITTED, State.ACCEPTED)).count()
    return render(
        request,
        "reporting/period_close.html",
        {"period": period, "not_submitted": expected - complete},
    )
