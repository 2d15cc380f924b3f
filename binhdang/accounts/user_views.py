"""User management for focal officers (and admins): list, create, edit roles, (de)activate, reset
passwords, bulk-create reporter accounts, and the one-time credentials sheet.

Views are thin: who may see whom comes from ``access`` / ``accounts.manage_users``, changes from
``services``. A user outside the actor's reach is a 404, a user without the permission a 403.
"""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from binhdang.accounts import access, services, two_factor
from binhdang.accounts.forms import BulkCreateForm, UnitsField, UserCreateForm, UserEditForm
from binhdang.accounts.models import Role, RoleAssignment, User
from binhdang.core.text import fold
from binhdang.orgunits.models import OrgUnit, OrgUnitType

#: Session key of the credentials sheet waiting to be shown (once).
SHEET_KEY = "accounts_credentials_sheet"
PAGE_SIZE = 50

HISTORY_REASONS = {
    services.REASON_CREATED: gettext_lazy("Account created"),
    services.REASON_BULK_CREATED: gettext_lazy("Account created (bulk)"),
    services.REASON_UPDATED: gettext_lazy("Details or roles changed"),
    services.REASON_PASSWORD_RESET: gettext_lazy("Password reset by a manager"),
    services.REASON_PASSWORD_CHANGED: gettext_lazy("Password changed by the user"),
    services.REASON_DEACTIVATED: gettext_lazy("Account deactivated"),
    services.REASON_REACTIVATED: gettext_lazy("Account reactivated"),
    two_factor.REASON_ENABLED: gettext_lazy("Two-factor login turned on"),
    two_factor.REASON_DISABLED: gettext_lazy("Two-factor login turned off"),
    two_factor.REASON_REMOVED: gettext_lazy("Two-factor login removed by an administrator"),
}


def _require_manager(request: HttpRequest) -> None:
    if not request.user.has_perm("accounts.manage_users"):
        raise PermissionDenied


def _province(request: HttpRequest, default: OrgUnit | None = None) -> OrgUnit:
    """The province being managed: ``?province=<id>`` among the managed ones, else ``default`` if
    managed, else the first managed one."""
    provinces = access.managed_provinces(request.user).order_by("name")
    wanted = request.POST.get("province") or request.GET.get("province")
    province = provinces.filter(pk=wanted).first() if wanted and wanted.isdigit() else None
    if province is None and default is not None:
        province = provinces.filter(pk=default.pk).first()
    province = province or provinces.first()
    if province is None:
        raise PermissionDenied
    return province


def _manageable(request: HttpRequest, pk: int) -> User:
    _require_manager(request)
    return get_object_or_404(access.manageable_users(request.user), pk=pk)


def _with_roles(users):
    return users.prefetch_related(
        Prefetch(
            "role_assignments",
            queryset=RoleAssignment.objects.select_related("org_unit").order_by("role", "org_unit__name"),
        )
    )


def _province_context(request: HttpRequest, province: OrgUnit) -> dict:
    return {"province": province, "provinces": access.managed_provinces(request.user).order_by("name")}


def _show_sheet(request: HttpRequest, issued: list[services.IssuedCredential]) -> None:
    request.session[SHEET_KEY] = {"by": request.user.pk, "cards": [c.as_dict() for c in issued]}


@login_required
def user_list(request):
    """Accounts of the province, with their roles and units; search by name, username or unit."""
    _require_manager(request)
    province = _province(request)
    users = access.manageable_users(request.user).filter(role_assignments__org_unit__province=province)
    query = request.GET.get("q", "").strip()
    if query:
        users = users.filter(
            Q(username__icontains=query)
            | Q(full_name__icontains=query)
            | Q(email__icontains=query)
            | Q(role_assignments__org_unit__search_name__contains=fold(query))
        )
    role = request.GET.get("role", "")
    if role in Role.values:
        users = users.filter(role_assignments__role=role)
    page = Paginator(_with_roles(users.distinct().order_by("username")), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "accounts/user_list.html",
        {
            **_province_context(request, province),
            "page": page,
            "query": query,
            "role": role,
            "roles": Role.choices,
        },
    )


@login_required
def user_create(request):
    _require_manager(request)
    province = _province(request)
    form = UserCreateForm(request.POST or None, actor=request.user, province=province)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            issued = services.create_user(
                request.user,
                username=data["username"],
                role=data["role"],
                province=province,
                units=data["units"],
                full_name=data["full_name"],
                email=data["email"],
                phone=data["phone"],
            )
        except services.AccountError as error:
            form.add_error(None, str(error))
        else:
            _show_sheet(request, [issued])
            messages.success(
                request, _("The account %(username)s was created.") % {"username": issued.username}
            )
            return redirect("accounts:credentials")
    return render(request, "accounts/user_form.html", {**_province_context(request, province), "form": form})


def _history(target: User) -> list[dict]:
    """The audit trail of an account and of its roles, newest first (at most 60 rows)."""
    entries = []
    for h in target.history.select_related("history_user").order_by("-history_date")[:30]:
        reason = h.history_change_reason or ""
        text: str
        if reason in HISTORY_REASONS:
            text = str(HISTORY_REASONS[reason])
        else:
            text = _("Account created") if h.history_type == "+" else _("Account updated (e.g. a login)")
        entries.append({"when": h.history_date, "who": h.history_user, "text": text})
    role_rows = list(
        RoleAssignment.history.filter(user_id=target.pk)
        .select_related("history_user")
        .order_by("-history_date")[:30]
    )
    unit_names = dict(
        OrgUnit.objects.filter(pk__in={h.org_unit_id for h in role_rows}).values_list("pk", "name")
    )
    verbs = {"+": _("Role given"), "-": _("Role removed"), "~": _("Role changed")}
    for h in role_rows:
        unit = unit_names.get(h.org_unit_id)
        text = f"{verbs.get(h.history_type, '')}: {Role(h.role).label}" + (f" · {unit}" if unit else "")
        entries.append({"when": h.history_date, "who": h.history_user, "text": text})
    return sorted(entries, key=lambda e: e["when"], reverse=True)


@login_required
def user_detail(request, pk: int):
    target = _manageable(request, pk)
    assignments = target.role_assignments.select_related("org_unit").order_by("role", "org_unit__name")
    return render(
        request,
        "accounts/user_detail.html",
        {
            "target": target,
            "assignments": assignments,
            "history": _history(target),
            "is_self": target.pk == request.user.pk,
        },
    )


@login_required
def user_edit(request, pk: int):
    target = _manageable(request, pk)
    province = _province(request, default=access.home_province(target))
    current = target.role_assignments.filter(org_unit__province=province)
    initial = {
        "full_name": target.full_name,
        "email": target.email,
        "phone": target.phone,
        "focal_officer": current.filter(role=Role.FOCAL_OFFICER).exists(),
        "leader": current.filter(role=Role.LEADER).exists(),
        "units": [a.org_unit_id for a in current.filter(role=Role.REPORTER)],
        "ministry_viewer": target.role_assignments.filter(role=Role.MINISTRY_VIEWER).exists(),
    }
    form = UserEditForm(request.POST or None, initial=initial, actor=request.user, province=province)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        roles = services.RoleChoice(
            province=province,
            focal_officer=data["focal_officer"],
            leader=data["leader"],
            reporter_units=tuple(data["units"]),
            ministry_viewer=data.get("ministry_viewer"),
        )
        try:
            services.update_user(
                request.user,
                target,
                full_name=data["full_name"],
                email=data["email"],
                phone=data["phone"],
                roles=roles,
            )
        except services.AccountError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("The account %(username)s was saved.") % {"username": target.username}
            )
            return redirect("accounts:user_detail", pk=target.pk)
    return render(
        request,
        "accounts/user_edit.html",
        {**_province_context(request, province), "form": form, "target": target},
    )


def _set_active(request, pk: int, active: bool):
    target = _manageable(request, pk)
    try:
        services.set_active(request.user, target, active)
    except services.AccountError as error:
        messages.error(request, str(error))
    else:
        text = (
            _("The account %(username)s was reactivated.")
            if active
            else _("The account %(username)s was deactivated; it can no longer log in.")
        )
        messages.success(request, text % {"username": target.username})
    return redirect("accounts:user_detail", pk=target.pk)


@login_required
@require_POST
def user_deactivate(request, pk: int):
    return _set_active(request, pk, False)


@login_required
@require_POST
def user_reactivate(request, pk: int):
    return _set_active(request, pk, True)


@login_required
@require_POST
def user_reset_password(request, pk: int):
    target = _manageable(request, pk)
    try:
        issued = services.reset_password(request.user, target)
    except services.AccountError as error:
        messages.error(request, str(error))
        return redirect("accounts:user_detail", pk=target.pk)
    _show_sheet(request, [issued])
    messages.success(
        request, _("A new temporary password was made for %(username)s.") % {"username": target.username}
    )
    return redirect("accounts:credentials")


def _unit_groups(province: OrgUnit, form: BulkCreateForm, preselect: str) -> list[dict]:
    """The units of the form, grouped by type, each with its reporter count and checked state."""
    selected = {str(v) for v in (form["units"].value() or [])}
    has_reporter = Exists(
        RoleAssignment.objects.filter(org_unit=OuterRef("pk"), role=Role.REPORTER, user__is_active=True)
    )
    queryset = cast(UnitsField, form.fields["units"]).queryset
    assert queryset is not None  # set by the form from the province
    units = queryset.annotate(has_reporter=has_reporter)
    groups: dict[str, dict] = {}
    for unit in units:
        checked = (
            str(unit.pk) in selected
            if form.is_bound
            else (preselect == unit.type or (preselect == "missing" and not unit.has_reporter))
        )
        group = groups.setdefault(
            unit.type, {"type": unit.type, "label": OrgUnitType(unit.type).label, "units": []}
        )
        group["units"].append({"unit": unit, "checked": checked})
    return list(groups.values())


@login_required
def user_bulk_create(request):
    """Tick units (by type, or those without a reporter), create one reporter account each."""
    _require_manager(request)
    province = _province(request)
    form = BulkCreateForm(request.POST or None, province=province)
    if request.method == "POST" and form.is_valid():
        try:
            issued = services.bulk_create_reporters(
                request.user,
                province=province,
                units=form.cleaned_data["units"],
                style=form.cleaned_data["style"],
            )
        except services.AccountError as error:
            form.add_error(None, str(error))
        else:
            _show_sheet(request, issued)
            messages.success(
                request,
                ngettext(
                    "%(count)d reporter account was created.",
                    "%(count)d reporter accounts were created.",
                    len(issued),
                )
                % {"count": len(issued)},
            )
            return redirect("accounts:credentials")
    groups = _unit_groups(province, form, request.GET.get("select", ""))
    return render(
        request,
        "accounts/bulk_create.html",
        {**_province_context(request, province), "form": form, "groups": groups},
    )


@never_cache
@login_required
def credentials(request):
    """The credentials sheet of the accounts just created or reset: shown once, then gone."""
    _require_manager(request)
    sheet = request.session.pop(SHEET_KEY, None)
    if not sheet or sheet.get("by") != request.user.pk:
        messages.warning(
            request,
            _(
                "The credentials sheet is shown only once and is no longer available. "
                "To give someone a new password, use “Reset password” on their account."
            ),
        )
        return redirect("accounts:user_list")
    login_url = request.build_absolute_uri(reverse("accounts:login"))
    return render(request, "accounts/credentials.html", {"cards": sheet["cards"], "login_url": login_url})
