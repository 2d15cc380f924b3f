"""Pages of the campaign calendar: a plan's campaigns of a year (what is coming, what each unit did,
the units with nothing), and the focal officer's add / change / remove of a campaign. Thin: access from
``work.access``, figures from ``work.campaign_calendar``, changes through ``plans.campaigns``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from binhdang.plans import campaigns as plan_campaigns
from binhdang.plans.access import plan_or_404
from binhdang.plans.calendar import calendar_years
from binhdang.plans.errors import EditError
from binhdang.plans.models import Campaign, Plan
from binhdang.work import access, campaign_calendar
from binhdang.work.forms import CampaignForm


def _year(request: HttpRequest, plan: Plan, today) -> int:
    years = calendar_years(plan)
    value = request.GET.get("year", "")
    if value.isdigit() and int(value) in years:
        return int(value)
    return today.year if today.year in years else years[0]


def calendar_url(plan: Plan, year: int) -> str:
    return f"{reverse('work:campaigns', args=[plan.slug])}?year={year}"


@login_required
@require_GET
def campaign_calendar_page(request: HttpRequest, slug: str) -> HttpResponse:
    plan = plan_or_404(request.user, slug)
    today = timezone.localdate()
    year = _year(request, plan, today)
    whole = access.sees_whole_province(request.user, plan)
    units = access.calendar_units(request.user, plan, campaign_calendar.expected_units(plan, year))
    results = campaign_calendar.results(
        plan, year, today, access.visible_activities(request.user), units.select_related(None)
    )
    return render(
        request,
        "work/campaign_calendar.html",
        {
            "plan": plan,
            "year": year,
            "years": calendar_years(plan),
            "today": today,
            "coming": campaign_calendar.coming(plan, today),
            "results": results,
            "whole": whole,
            "may_record": access.recordable_units(request.user, plan).exists() and plan.status == "active",
            "may_manage": access.can_manage_campaigns(request.user, plan),
        },
    )


def _form_page(request: HttpRequest, plan: Plan, form: CampaignForm, campaign: Campaign | None):
    return render(request, "work/campaign_form.html", {"plan": plan, "form": form, "campaign": campaign})


def _add_errors(form: CampaignForm, error: EditError) -> None:
    for name, message in error.errors.items():
        form.add_error(name if name in form.fields else None, message)


@login_required
@require_http_methods(["GET", "POST"])
def campaign_new(request: HttpRequest, slug: str) -> HttpResponse:
    plan = plan_or_404(request.user, slug)
    if not access.can_manage_campaigns(request.user, plan):
        raise PermissionDenied
    form = CampaignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = plan_campaigns.add(plan, request.user, form.cleaned_data)
        except EditError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The campaign %(name)s was added.") % {"name": campaign.name})
            return redirect(calendar_url(plan, _year(request, plan, timezone.localdate())))
    return _form_page(request, plan, form, None)


def _day(month: int | None, day: int | None) -> str:
    return f"{day:02d}/{month:02d}" if month and day else ""


@login_required
@require_http_methods(["GET", "POST"])
def campaign_edit(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = access.campaign_or_404(request.user, pk)
    plan = campaign.plan
    if not access.can_manage_campaigns(request.user, plan):
        raise PermissionDenied
    initial = {
        "name": campaign.name,
        "start": _day(campaign.start_month, campaign.start_day),
        "end": _day(campaign.end_month, campaign.end_day),
    }
    form = CampaignForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            plan_campaigns.change(campaign, request.user, form.cleaned_data)
        except EditError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The campaign %(name)s was saved.") % {"name": campaign.name})
            return redirect(calendar_url(plan, timezone.localdate().year))
    return _form_page(request, plan, form, campaign)


@login_required
@require_POST
def campaign_delete(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = access.campaign_or_404(request.user, pk)
    plan = campaign.plan
    if not access.can_manage_campaigns(request.user, plan):
        raise PermissionDenied
    name = campaign.name
    try:
        plan_campaigns.remove(campaign, request.user)
    except EditError as error:
        messages.error(request, " ".join(error.errors.values()))
        return redirect("work:campaign_edit", pk=campaign.pk)
    messages.success(request, _("The campaign %(name)s was removed.") % {"name": name})
    return redirect(calendar_url(plan, timezone.localdate().year))
