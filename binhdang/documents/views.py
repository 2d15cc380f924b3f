"""Downloads of the generated reports and the annual report's editor, thin: objects through
``documents.access``, files from the exporters of ``documents.exporters`` through
``core.exports.download``, edits through ``documents.services``."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from django_htmx.middleware import HtmxDetails

from binhdang.core.exports import Scope, download
from binhdang.documents import access, exporters, services
from binhdang.results.engine import plan_years


class EditorRequest(HttpRequest):
    """What the editor's saving views get (for type checking): django-htmx's details."""

    htmx: HtmxDetails


def _plan_and_year(request: HttpRequest, pk: int, year: int, plan=None):
    plan = plan or access.get_report_plan(request.user, pk)
    if year not in plan_years(plan):
        raise Http404
    try:
        services.find_period(plan, year)
    except services.DocumentError:
        raise Http404 from None
    return plan


def _report_scope(request: HttpRequest, pk: int, year: int) -> Scope:
    plan = _plan_and_year(request, pk, year)
    narratives = access.can_read_plan_narratives(request.user, plan)
    return Scope(user=request.user, plan=plan, year=year, filters={"with_narratives": narratives})


@login_required
def annual_report(request: HttpRequest, pk: int, year: int) -> HttpResponseBase:
    """The plan's annual report (DOCX) with the officer's edits; the units' narratives only for those
    who may read them (the ministry's copy has neither)."""
    return download(exporters.AnnualReport(), _report_scope(request, pk, year))


@login_required
def annual_report_pdf(request: HttpRequest, pk: int, year: int) -> HttpResponseBase:
    """The same report as PDF; a Vietnamese message (503) where LibreOffice is not installed."""
    scope = _report_scope(request, pk, year)
    try:
        return download(exporters.AnnualReportPdf(), scope)
    except services.DocumentError as error:
        return HttpResponse(str(error), status=503, content_type="text/plain; charset=utf-8")


@login_required
def annual_annex(request: HttpRequest, pk: int, year: int) -> HttpResponseBase:
    """The annual report's tables (XLSX)."""
    plan = _plan_and_year(request, pk, year)
    return download(exporters.AnnualAnnex(), Scope(user=request.user, plan=plan, year=year))


@login_required
@require_GET
def report_editor(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    """The annual report's body as blocks: figures locked, prose editable by the focal officers."""
    plan = _plan_and_year(request, pk, year, access.get_report_editor_plan(request.user, pk))
    context = {
        "plan": plan,
        "year": year,
        "blocks": services.editor_blocks(plan, year),
        "can_edit": access.can_edit_report(request.user, plan),
        "pdf_available": services.pdf_available(),
    }
    return render(request, "documents/report_editor.html", context)


def _block(request: HttpRequest, plan, year: int, key: str, message: str = "", error: str = "", text=None):
    blocks = {b.section.key: b for b in services.editor_blocks(plan, year)}
    block = blocks.get(key)
    if block is None:
        raise Http404
    if text is not None:
        block.text = text  # what the officer typed stays in the box when it could not be saved
    context = {
        "plan": plan,
        "year": year,
        "block": block,
        "can_edit": True,
        "message": message,
        "error": error,
    }
    return render(request, "documents/_report_block.html", context)


@login_required
@require_POST
def save_section(request: EditorRequest, pk: int, year: int, key: str) -> HttpResponse:
    """Save one block's prose (htmx): the block comes back with its new version."""
    plan = _plan_and_year(request, pk, year, access.get_report_editor_plan(request.user, pk, edit=True))
    text = request.POST.get("text", "")
    try:
        services.save_section(request.user, plan, year, key, text)
    except services.DocumentError as error:
        return _block(request, plan, year, key, error=str(error), text=text)
    if not request.htmx:  # a browser without JavaScript: back to the editor, at the block
        return _back_to(plan, year, key)
    return _block(request, plan, year, key, message="saved")


@login_required
@require_POST
def reset_section(request: EditorRequest, pk: int, year: int, key: str) -> HttpResponse:
    """Back to the generated text of one block (htmx)."""
    plan = _plan_and_year(request, pk, year, access.get_report_editor_plan(request.user, pk, edit=True))
    try:
        services.reset_section(request.user, plan, year, key)
    except services.DocumentError:
        raise Http404 from None
    if not request.htmx:
        return _back_to(plan, year, key)
    return _block(request, plan, year, key, message="reset")


def _back_to(plan, year: int, key: str) -> HttpResponse:
    return redirect(reverse("documents:report_editor", args=[plan.pk, year]) + f"#block-{key}")


@login_required
def unit_report(request: HttpRequest, pk: int) -> HttpResponseBase:
    """A unit's own report from its submission (DOCX)."""
    submission = access.get_unit_report_submission(request.user, pk)
    return download(exporters.UnitReport(), Scope(user=request.user, submission=submission))
