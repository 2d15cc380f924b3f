"""The plan list and the focal officer's upload -> review -> confirm flow."""

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
from binhdang.plans.catalog import bind_indicator
from binhdang.plans.forms import UploadForm
from binhdang.plans.models import ImportStatus
from binhdang.plans.review import ConfirmForm, ReviewForms


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
            return redirect("plans:review", pending.pk)
    return render(request, "plans/upload.html", {"form": form}, status=400 if form.errors else 200)


def _indicator_rows(forms: ReviewForms) -> list[dict]:
    """Each indicator form with its source sentence, automatic binding and target forms (ending with
    the blank row for a new target); the last form, without an index, adds a new indicator."""
    items = forms.extraction.get("indicators") or []
    program = forms.extraction.get("program")
    targets_by_indicator: dict[int, list] = {}
    for target_form in forms.targets.forms:
        try:
            position = int(target_form["indicator"].value())
        except (TypeError, ValueError):
            continue
        targets_by_indicator.setdefault(position, []).append(target_form)
    rows = []
    for form in forms.indicators.forms:
        try:
            position = int(form["index"].value())
        except (TypeError, ValueError):
            rows.append({"form": form, "is_new": True, "targets": []})
            continue
        item = items[position] if position < len(items) else {}
        code, confidence, reason = bind_indicator(str(item.get("text") or ""), program)
        targets = targets_by_indicator.get(position, [])
        rows.append(
            {
                "form": form,
                "source": item.get("source") or "",
                "targets": targets,
                "read_targets": sum(1 for target in targets if not target.initial.get("new")),
                "auto": {"code": code, "confidence": confidence, "reason": reason},
                "responsible": item.get("responsible") or [],
            }
        )
    return rows


def _sources(forms: ReviewForms, formset, key: str) -> list[tuple]:
    originals = forms.extraction.get(key) or []
    rows = []
    for form in formset.forms:
        try:
            index = int(form["index"].value())
        except (TypeError, ValueError):
            index = None
        rows.append(
            (form, originals[index].get("source", "") if index is not None and index < len(originals) else "")
        )
    return rows


@login_required
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """Review the extracted plan beside its sources, correct it, then confirm (or discard) it."""
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
    forms = ReviewForms(pending.extraction, request.POST if action else None)
    confirm = ConfirmForm(request.POST if action == "confirm" else None, prefix="c")
    found = services.upload_duplicate(pending)
    status = 200
    if action in ("save", "confirm"):
        if forms.is_valid():
            pending = services.save_review(pending, forms.apply(), request.user)
            if action == "save":
                messages.success(request, _("Your corrections were saved."))
                return redirect("plans:review", pending.pk)
            if confirm.is_valid():
                try:
                    plan = services.confirm_upload(
                        pending,
                        request.user,
                        status=confirm.cleaned_data["status"],
                        as_new_version=confirm.cleaned_data["as_new_version"],
                    )
                except services.PlanImportError as error:
                    messages.error(request, str(error))
                    return redirect("plans:review", pending.pk)
                messages.success(request, _("The plan “%(title)s” was created.") % {"title": plan.title})
                return redirect(plan)
        else:
            messages.error(
                request, _("Some fields could not be read; they are marked below. Nothing was saved.")
            )
        status = 400
    return render(
        request,
        "plans/review.html",
        {
            "pending": pending,
            "forms": forms,
            "confirm": confirm,
            "duplicate": found.plan if found else None,
            "duplicate_same_file": found is not None and found.same_file,
            # the same file with the same reviewed content: a new version would be a copy, not offered
            "identical": found is not None and services.same_content(pending, found.plan),
            "indicator_rows": _indicator_rows(forms),
            "reporting_rows": _sources(forms, forms.reporting, "reporting"),
            "campaign_rows": _sources(forms, forms.campaigns, "campaigns"),
            "extraction": pending.extraction,
            "warnings": pending.extraction.get("warnings") or [],
        },
        status=status,
    )
