"""The review page of a plan and its in-place edits (htmx, or plain form posts without JavaScript).

``review_plan``: the plan as a readable summary. ``review_item`` (``/<slug>/review/<kind>/<pk>/<action>/``):
GET gives the item's small form (a fragment for htmx; without JavaScript the whole page with that form
open), POST saves it through ``plans.services`` and gives the item again (htmx) or goes back to the page.
A refused edit shows its message beside the field and changes nothing.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_htmx.middleware import HtmxDetails

from binhdang.plans import access, review, services
from binhdang.plans.forms import StatusForm
from binhdang.plans.history import plan_changes
from binhdang.plans.models import Goal, ImportStatus, Plan


class ReviewRequest(HttpRequest):
    """What the review views get (for type checking): django-htmx's details."""

    htmx: HtmxDetails


def _page(request: HttpRequest, plan: Plan, editing: dict | None = None, status: int = 200) -> HttpResponse:
    pending = plan.imports.filter(status=ImportStatus.PENDING).first()
    return render(
        request,
        "plans/review.html",
        {
            "plan": plan,
            "pending": pending,
            "editing": editing,
            "status_form": StatusForm(initial={"status": "active"}),
            "changes": plan_changes(plan),
            **review.summary(plan),
        },
        status=status,
    )


def _anchor(item) -> str:
    return f"{review.scope_kind(item)}-{item.pk}" if item is not None else "indicators"


def _fragment(request: ReviewRequest, plan: Plan, scope, editing: dict | None, status: int = 200):
    if scope is None:
        return HttpResponse("")
    context = {"plan": plan, "editing": editing, "warnings": review.place_warnings(plan)}
    kind = review.scope_kind(scope)
    if isinstance(scope, Goal | review.LooseIndicators):
        goal = scope if isinstance(scope, Goal) else None
        context["section"] = {
            "goal": goal,
            "indicators": list(review.indicators_of(plan).filter(goal=goal)),
            "alone": not plan.goals.exists(),
        }
    else:
        context[kind] = review.refresh(scope)
    if isinstance(scope, Plan):
        context.update(review.summary(plan), plan=context["plan"])
    return render(request, f"plans/review/_{kind}.html", context, status=status)


@login_required
@require_GET
def review_plan(request: HttpRequest, slug: str) -> HttpResponse:
    """The plan as the officer reviews it: summary, highlighted values, an edit link on each item."""
    plan = access.managed_plan_or_404(request.user, slug)
    return _page(request, plan)


@login_required
@require_http_methods(["GET", "POST"])
def review_item(request: ReviewRequest, slug: str, kind: str, pk: int, action: str) -> HttpResponse:
    plan = access.managed_plan_or_404(request.user, slug)
    handler = review.ACTIONS.get((kind, action))
    if handler is None:
        raise Http404
    item = access.review_item_or_404(plan, kind, pk)
    form = handler.form(item, plan, request.POST if request.method == "POST" else None)
    scope = handler.scope(item)
    if request.method == "POST" and form.is_valid():
        try:
            result = handler.apply(item, form, request.user)
        except services.EditError as error:
            for field, message in error.errors.items():
                form.add_error(field if field in form.fields else None, message)
        else:
            if kind == "goal" or action == "add_indicator":
                scope = handler.scope(item)
            elif action == "delete" and kind == "indicator":
                scope = None
            elif result is not None and scope is None:
                scope = result
            if request.htmx:
                return _fragment(request, plan, scope, None)
            messages.success(request, _("Saved."))
            return redirect(reverse("plans:review_plan", args=[plan.slug]) + "#" + _anchor(scope))
    editing = {"kind": kind, "pk": pk, "action": action, "form": form, "title": handler.title, "item": item}
    status = 200 if request.method == "GET" or request.htmx else 400
    if request.htmx:  # htmx swaps 2xx answers only: the form with its messages comes back as 200
        return _fragment(request, plan, scope if scope is not None else item, editing, status)
    return _page(request, plan, editing, status)
