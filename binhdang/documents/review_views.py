"""The review pages (sơ kết / tổng kết, issue 18), thin: a plan's review for its province's readers and
the ministry (objects through ``documents.access`` and ``results.access``), the ministry's national
review; the span chosen on the page, its trends drawn with the results pages' charts, the DOCX and
XLSX downloaded through ``core.exports``."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views.decorators.http import require_GET

from binhdang.core.exports import Scope, download
from binhdang.documents import access, review, review_exporters, review_national
from binhdang.plans.models import Program
from binhdang.results import presenters
from binhdang.results.status import STATUSES

PROGRAMS = (Program.COMMUNICATION, Program.STRATEGY)


def _chosen_span(request: HttpRequest, first: int, last: int) -> tuple[int, int]:
    """The span asked for (``start`` and ``end``), else from the first year to this year."""
    default = review.default_span(first, last)
    start, end = request.GET.get("start"), request.GET.get("end")
    if not start and not end:
        return default
    for text in (start, end):
        if text and not text.strip().isdigit():
            raise review.SpanError(f'Năm "{text}" không hợp lệ: hãy chọn năm trong danh sách.')
    return int(start or default[0]), int(end or default[1])


def _legend() -> list[tuple[str, str, str]]:
    return [(key, str(label), css) for key, (label, css) in STATUSES.items()]


@login_required
@require_GET
def plan_review(request: HttpRequest, pk: int) -> HttpResponse:
    """A plan's review over a span: each year's data, every target's trend, tasks, activities and budget,
    recurring difficulties (for those who read the units' narratives), and the downloads."""
    plan = access.get_report_plan(request.user, pk)
    first, last = review.plan_span(plan)
    narratives = access.can_read_plan_narratives(request.user, plan)
    error, content, start, end = "", None, first, last
    try:
        start, end = _chosen_span(request, first, last)
        content = review.collect(plan, start, end, with_narratives=narratives)
    except review.SpanError as problem:
        error = str(problem)
    charts = content.chart_specs() if content else []
    context = {
        "plan": plan,
        "content": content,
        "error": error,
        "start": start,
        "end": end,
        "years": list(range(first, last + 1)),
        "narratives": narratives,
        "chart_data": {"labels": presenters.chart_labels(), "charts": charts} if charts else None,
        "legend": _legend(),
    }
    return render(request, "documents/review.html", context, status=400 if error else 200)


def _plan_scope(request: HttpRequest, pk: int, start: int, end: int) -> Scope:
    plan = access.get_report_plan(request.user, pk)
    first, last = review.plan_span(plan)
    try:
        review.check_span(start, end, first, last)
    except review.SpanError:
        raise Http404 from None
    narratives = access.can_read_plan_narratives(request.user, plan)
    return Scope(
        user=request.user, plan=plan, filters={"start": start, "end": end, "with_narratives": narratives}
    )


@login_required
@require_GET
def plan_review_docx(request: HttpRequest, pk: int, start: int, end: int) -> HttpResponseBase:
    return download(review_exporters.ReviewReport(), _plan_scope(request, pk, start, end))


@login_required
@require_GET
def plan_review_xlsx(request: HttpRequest, pk: int, start: int, end: int) -> HttpResponseBase:
    return download(review_exporters.ReviewAnnex(), _plan_scope(request, pk, start, end))


def _program(request: HttpRequest) -> str:
    program = request.GET.get("program") or Program.COMMUNICATION
    if program not in PROGRAMS:
        raise Http404
    return program


@login_required
@require_GET
def national_review(request: HttpRequest) -> HttpResponse:
    """The ministry's review over a span, from every province's plan in force."""
    if not access.can_read_national_review(request.user):
        raise PermissionDenied
    program = _program(request)
    first, last = review_national.FIRST_YEAR, review_national.LAST_YEAR
    error, content, start, end = "", None, first, last
    try:
        start, end = _chosen_span(request, first, last)
        content = review_national.collect(start, end, program)
    except review.SpanError as problem:
        error = str(problem)
    charts = content.chart_specs() if content else []
    context = {
        "content": content,
        "indicators": content.indicator_rows() if content else [],
        "error": error,
        "program": program,
        "programs": [(p, Program(p).label) for p in PROGRAMS],
        "start": start,
        "end": end,
        "years": list(range(first, last + 1)),
        "chart_data": {"labels": presenters.chart_labels(), "charts": charts} if charts else None,
    }
    return render(request, "documents/national_review.html", context, status=400 if error else 200)


def _national_scope(request: HttpRequest, start: int, end: int) -> Scope:
    if not access.can_read_national_review(request.user):
        raise PermissionDenied
    try:
        review.check_span(start, end, review_national.FIRST_YEAR, review_national.LAST_YEAR)
    except review.SpanError:
        raise Http404 from None
    return Scope(user=request.user, filters={"start": start, "end": end, "program": _program(request)})


@login_required
@require_GET
def national_review_docx(request: HttpRequest, start: int, end: int) -> HttpResponseBase:
    return download(review_exporters.NationalReviewReport(), _national_scope(request, start, end))


@login_required
@require_GET
def national_review_xlsx(request: HttpRequest, start: int, end: int) -> HttpResponseBase:
    return download(review_exporters.NationalReviewAnnex(), _national_scope(request, start, end))
