"""The plan list and the focal officer's upload (-> the plan's review page, ``views.review``)."""

from __future__ import annotations

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from binhdang.plans import access, services
from binhdang.plans.duplicates import duplicate_message
from binhdang.plans.forms import UploadForm
from binhdang.plans.models import ImportStatus


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    """The plans the user may see, by province, with their status; pending uploads for the officer."""
    plans = access.visible_plans(request.user).order_by(
        "province__name", "-period_end", "program", "-version"
    )
    by_province = [(province, list(items)) for province, items in groupby(plans, key=lambda p: p.province)]
    pending = access.visible_imports(request.user).filter(status=ImportStatus.PENDING)
    return render(
        request,
        "plans/plan_list.html",
        {
            "by_province": by_province,
            "pending": pending,
            "can_upload": access.can_upload(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    """Upload a plan file; the extracted content waits for review."""
    provinces = access.upload_provinces(request.user)
    if not provinces.exists():
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None, provinces=provinces)
    if request.method == "POST" and form.is_valid():
        try:
            pending = services.create_upload(
                form.cleaned_data["province"], form.cleaned_data["file"], request.user
            )
        except services.UploadError as error:
            form.add_error("file", str(error))
        else:
            messages.success(
                request, _("The plan was read. Check what was extracted, correct it, then confirm.")
            )
            if pending.plan is not None:
                return redirect("plans:review_plan", pending.plan.slug)
            return redirect("plans:review", pending.pk)
    return render(request, "plans/upload.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """An upload: its draft plan is reviewed on the plan's review page; a file already imported waits
    for the officer's choice (import it as a new version, or discard it)."""
    pending = access.import_or_404(request.user, pk)
    if not pending.is_pending:
        if pending.plan is not None and access.can_view_plan(request.user, pending.plan):
            return redirect(pending.plan.get_absolute_url())
        messages.info(request, _("This upload was already confirmed or discarded."))
        return redirect("plans:list")
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "discard":
        services.discard_upload(pending, request.user)
        messages.success(request, _("The upload “%(name)s” was discarded.") % {"name": pending.original_name})
        return redirect("plans:list")
    if action == "new_version":
        try:
            plan = services.review_as_new_version(pending, request.user)
        except services.PlanImportError as error:
            messages.error(request, str(error))
        else:
            return redirect("plans:review_plan", plan.slug)
    if pending.plan is not None:
        return redirect("plans:review_plan", pending.plan.slug)
    found = services.upload_duplicate(pending)
    return render(
        request,
        "plans/upload_duplicate.html",
        {
            "pending": pending,
            "duplicate": found.plan if found else None,
            # the same file: a new version would be an identical copy, so it is not offered
            "same_file": found is not None and found.same_file,
            "message": duplicate_message(found) if found else "",
        },
        status=400 if action else 200,
    )
