"""The unit browser: provinces, a province's tree of units with search, a unit's page and its changes.

Thin views: queries through ``accounts.unit_access``, permissions through ``accounts.unit_rules``,
changes through ``accounts.unit_services``. A unit outside what the user may see is a 404; a visible unit
the user may not change is a 403. The URL names stay ``orgunits:*`` (``unit_urls``).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.middleware import HtmxDetails

from binhdang.accounts import unit_access as access
from binhdang.accounts import unit_panels
from binhdang.accounts import unit_services as services
from binhdang.accounts.unit_forms import (
    Dhis2UidForm,
    UnitAddForm,
    UnitDeactivateForm,
    UnitFilterForm,
    UnitRenameForm,
)
from binhdang.orgunits.history import unit_history
from binhdang.orgunits.models import OrgUnit, OrgUnitType
from binhdang.orgunits.tree import province_counts, unit_groups


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _browsable_province(request: HttpRequest, code: str) -> OrgUnit:
    if not request.user.has_perm("orgunits.browse"):
        # A reporter may open only their own unit's page: 404 for another province, 403 for their own.
        get_object_or_404(access.visible_units(request.user).filter(type=OrgUnitType.PROVINCE), code=code)
        raise PermissionDenied
    return get_object_or_404(access.browsable_provinces(request.user), code=code)


def _visible_unit(request: HttpRequest, code: str) -> OrgUnit:
    return get_object_or_404(
        access.visible_units(request.user).select_related("parent", "province"), code=code
    )


def _managed_unit(request: HttpRequest, code: str) -> OrgUnit:
    unit = _visible_unit(request, code)
    if unit.is_province or not request.user.has_perm("orgunits.manage_units", unit):
        raise PermissionDenied
    return unit


def _fail(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
def browse(request: HttpRequest) -> HttpResponse:
    """The index: the user's province tree, or the list of provinces when they see several."""
    if not request.user.has_perm("orgunits.browse"):
        raise PermissionDenied
    provinces = list(access.browsable_provinces(request.user).order_by("code"))
    if len(provinces) == 1 and not access.sees_all_provinces(request.user):
        return redirect("orgunits:province", code=provinces[0].code)
    counts = province_counts(provinces)
    rows = [{"province": p, **counts.get(p.pk, {"total": 0, "active": 0})} for p in provinces]
    return render(request, "orgunits/browse.html", {"rows": rows})


@login_required
def province(request: HtmxHttpRequest, code: str) -> HttpResponse:
    """A province's units grouped by kind, with a search box and filters (live results with htmx)."""
    root = _browsable_province(request, code)
    form = UnitFilterForm(request.GET or None, url=request.path)
    units = access.visible_units(request.user).filter(province=root).exclude(pk=root.pk)
    total = units.count()
    shown = list(form.filter(units).order_by("search_name", "name"))
    context = {
        "province": root,
        "form": form,
        "groups": unit_groups(shown),
        "shown": len(shown),
        "total": total,
        "filtering": form.is_filtering(),
        "can_manage": request.user.has_perm("orgunits.manage_units", root),
    }
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, "orgunits/_unit_tree.html", context)
    else:
        response = render(request, "orgunits/province.html", context)
    patch_vary_headers(response, ("HX-Request",))
    return response


@login_required
def unit(request: HttpRequest, code: str) -> HttpResponse:
    """A unit's page: its data and its change history."""
    item = _visible_unit(request, code)
    context = {
        "unit": item,
        "history": unit_history(item),
        "can_manage": not item.is_province and request.user.has_perm("orgunits.manage_units", item),
        "can_map_dhis2": request.user.has_perm("orgunits.manage_units", item),
        "can_browse": request.user.has_perm("orgunits.browse"),
        "children": access.visible_units(request.user).filter(parent=item).exclude(pk=item.pk).count()
        if item.is_province
        else 0,
        # what the apps above say of the unit (the inspections of the work app, ...): accounts.unit_panels
        "panels": unit_panels.panels_for(request.user, item),
    }
    return render(request, "orgunits/unit.html", context)


@login_required
def add(request: HttpRequest, code: str) -> HttpResponse:
    """Add a unit to a province (its focal officer, or an admin)."""
    root = _browsable_province(request, code)
    if not request.user.has_perm("orgunits.manage_units", root):
        raise PermissionDenied
    form = UnitAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.add_unit(user=request.user, province=root, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Added %(name)s (code %(code)s).") % {"name": created.name, "code": created.code}
            )
            return redirect("orgunits:unit", code=created.code)
    status = 400 if request.method == "POST" else 200
    return render(request, "orgunits/unit_add.html", {"province": root, "form": form}, status=status)


@login_required
def rename(request: HttpRequest, code: str) -> HttpResponse:
    item = _managed_unit(request, code)
    form = UnitRenameForm(request.POST or None, initial={"name": item.name})
    if request.method == "POST" and form.is_valid():
        old_name = item.name
        try:
            services.rename_unit(user=request.user, unit=item, name=form.cleaned_data["name"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if item.name == old_name:
                messages.info(request, _("The name is unchanged."))
            else:
                messages.success(
                    request, _("Renamed “%(old)s” to “%(new)s”.") % {"old": old_name, "new": item.name}
                )
            return redirect("orgunits:unit", code=item.code)
    status = 400 if request.method == "POST" else 200
    return render(request, "orgunits/unit_rename.html", {"unit": item, "form": form}, status=status)


@login_required
def deactivate(request: HttpRequest, code: str) -> HttpResponse:
    item = _managed_unit(request, code)
    form = UnitDeactivateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.deactivate_unit(user=request.user, unit=item, valid_to=form.cleaned_data["valid_to"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(name)s is now inactive.") % {"name": item.name})
            return redirect("orgunits:unit", code=item.code)
    status = 400 if request.method == "POST" else 200
    return render(request, "orgunits/unit_deactivate.html", {"unit": item, "form": form}, status=status)


@login_required
@require_POST
def reactivate(request: HttpRequest, code: str) -> HttpResponse:
    item = _managed_unit(request, code)
    try:
        services.reactivate_unit(user=request.user, unit=item)
    except ValidationError as error:
        _fail(request, error)
    else:
        messages.success(request, _("%(name)s is active again.") % {"name": item.name})
    return redirect("orgunits:unit", code=item.code)


@login_required
def dhis2_uid(request: HttpRequest, code: str) -> HttpResponse:
    """Map a unit (a province too) to its DHIS2 uid: its focal officer, or an admin."""
    item = _visible_unit(request, code)
    if not request.user.has_perm("orgunits.manage_units", item):
        raise PermissionDenied
    form = Dhis2UidForm(request.POST or None, initial={"uid": item.dhis2_uid})
    if request.method == "POST" and form.is_valid():
        try:
            services.set_dhis2_uid(user=request.user, unit=item, uid=form.cleaned_data["uid"])
        except ValidationError as error:
            form.add_error("uid" if hasattr(error, "error_dict") else None, error.messages)
        else:
            messages.success(request, _("The DHIS2 uid of %(name)s is saved.") % {"name": item.name})
            return redirect("orgunits:unit", code=item.code)
    status = 400 if request.method == "POST" else 200
    return render(request, "orgunits/unit_dhis2.html", {"unit": item, "form": form}, status=status)
