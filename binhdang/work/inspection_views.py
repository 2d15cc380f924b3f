"""Pages of a plan's inspections and supervision: the list (by year and status), record and correct
an inspection, its page with the follow-up items, and one item (the responsible unit updates it).
Thin: access from ``work.inspection_access``, changes through ``work.inspections``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from binhdang.plans.access import plan_or_404
from binhdang.work import inspection_access as access
from binhdang.work import inspections, trail
from binhdang.work.errors import AccessDenied, WorkError
from binhdang.work.inspection_forms import FollowUpForm, InspectionForm
from binhdang.work.inspection_models import FollowUp, Inspection

STATUSES = (
    ("planned", gettext_lazy("Planned, not carried out yet")),
    ("done", gettext_lazy("Carried out")),
    ("open", gettext_lazy("With follow-up items not done")),
)


def _int(request: HttpRequest, name: str) -> int | None:
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() and len(value) < 10 else None


def _refused(form, error: WorkError) -> None:
    form.add_error(error.field if error.field in form.fields else None, str(error))


@login_required
@require_GET
def inspection_list(request: HttpRequest, slug: str) -> HttpResponse:
    plan = plan_or_404(request.user, slug)
    status = request.GET.get("status", "")
    status = status if status in dict(STATUSES) else ""
    year = _int(request, "year")
    chosen = {"year": year, "status": status}
    shown = inspections.filtered(
        access.visible_inspections(request.user).filter(plan=plan), year=year, status=status
    )
    rows = (
        shown.select_related("lead_agency")
        .prefetch_related("units", "follow_ups")
        .order_by("-planned_date", "-pk")
    )
    return render(
        request,
        "work/inspection_list.html",
        {
            "plan": plan,
            "inspections": rows,
            "statuses": STATUSES,
            "chosen": chosen,
            "may_record": access.can_manage_inspections(request.user, plan),
            "today": timezone.localdate(),
        },
    )


def _data(form: InspectionForm) -> dict:
    return {name: form.cleaned_data[name] for name in inspections.FIELDS}


@login_required
@require_http_methods(["GET", "POST"])
def inspection_new(request: HttpRequest, slug: str) -> HttpResponse:
    plan = plan_or_404(request.user, slug)
    if not access.can_manage_inspections(request.user, plan):
        raise PermissionDenied
    form = InspectionForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            inspection = inspections.record(plan, request.user, _data(form))
        except WorkError as error:
            _refused(form, error)
        else:
            messages.success(request, _("The inspection was recorded."))
            return redirect("work:inspection", pk=inspection.pk)
    return render(request, "work/inspection_form.html", {"plan": plan, "form": form, "inspection": None})


@login_required
@require_http_methods(["GET", "POST"])
def inspection_edit(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = access.inspection_or_404(request.user, pk)
    if not access.can_change_inspection(request.user, inspection):
        raise PermissionDenied
    plan = inspection.plan
    initial = {name: getattr(inspection, name) for name in inspections.FIELDS if name != "units"}
    initial["units"] = list(inspection.units.all())
    form = InspectionForm(request.POST or None, plan=plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            inspections.change(inspection, request.user, _data(form))
        except WorkError as error:
            _refused(form, error)
        else:
            messages.success(request, _("The inspection was saved."))
            return redirect("work:inspection", pk=inspection.pk)
    return render(
        request, "work/inspection_form.html", {"plan": plan, "form": form, "inspection": inspection}
    )


def _detail(request: HttpRequest, inspection: Inspection, form: FollowUpForm | None = None) -> HttpResponse:
    manager = access.can_change_inspection(request.user, inspection)
    if manager and form is None:
        form = FollowUpForm(plan=inspection.plan, initial={"unit": inspection.units.first()})
    items = list(inspection.follow_ups.select_related("unit", "updated_by"))
    for item in items:
        item.may_update = manager or access.can_update_follow_up(request.user, item)  # type: ignore[attr-defined]
    return render(
        request,
        "work/inspection_detail.html",
        {
            "inspection": inspection,
            "plan": inspection.plan,
            "units": inspection.units.all(),
            "items": items,
            "manager": manager,
            "form": form if manager else None,
            "history": trail.changes([inspection, *items]),
        },
    )


@login_required
@require_GET
def inspection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, access.inspection_or_404(request.user, pk))


@login_required
@require_POST
def follow_up_new(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = access.inspection_or_404(request.user, pk)
    if not access.can_change_inspection(request.user, inspection):
        raise PermissionDenied
    form = FollowUpForm(request.POST, plan=inspection.plan)
    if form.is_valid():
        values = {name: form.cleaned_data[name] for name in inspections.FOLLOW_UP_FIELDS}
        try:
            inspections.add_follow_up(inspection, request.user, values)
        except WorkError as error:
            _refused(form, error)
        else:
            messages.success(request, _("The follow-up item was assigned."))
            return redirect("work:inspection", pk=inspection.pk)
    return _detail(request, inspection, form)


@login_required
@require_http_methods(["GET", "POST"])
def follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.follow_up_or_404(request.user, pk)
    inspection = item.inspection
    may_update = access.can_update_follow_up(request.user, item)
    if request.method == "POST" and not may_update:
        raise PermissionDenied
    full = access.can_change_inspection(request.user, inspection)
    initial = {name: getattr(item, name) for name in inspections.FOLLOW_UP_FIELDS}
    form = FollowUpForm(request.POST or None, plan=inspection.plan, full=full, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            inspections.update_follow_up(item, request.user, dict(form.cleaned_data))
        except WorkError as error:
            _refused(form, error)
        else:
            messages.success(request, _("The follow-up item was saved."))
            return redirect("work:inspection", pk=inspection.pk)
    return render(
        request,
        "work/follow_up.html",
        {
            "item": item,
            "inspection": inspection,
            "plan": inspection.plan,
            "form": form if may_update else None,
            "full": full,
            "history": trail.changes([item]),
        },
    )


@login_required
@require_POST
def inspection_remove(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = access.inspection_or_404(request.user, pk)
    plan = inspection.plan
    try:
        inspections.remove(inspection, request.user)
    except AccessDenied as error:
        raise PermissionDenied from error
    except WorkError as error:
        messages.error(request, str(error))
        return redirect("work:inspection", pk=inspection.pk)
    messages.success(request, _("The inspection was removed."))
    return redirect("work:inspections", slug=plan.slug)


@login_required
@require_POST
def follow_up_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item: FollowUp = access.follow_up_or_404(request.user, pk)
    inspection = item.inspection
    try:
        inspections.remove_follow_up(item, request.user)
    except AccessDenied as error:
        raise PermissionDenied from error
    messages.success(request, _("The follow-up item was withdrawn."))
    return redirect("work:inspection", pk=inspection.pk)
