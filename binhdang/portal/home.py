"""Home pages per role. A user with several roles sees the most powerful one first.

Each role the user holds adds a section to the home page, in the order of :data:`ROLE_ORDER`:

- admin: links to the Django admin and user management, and every province with its unit counts;
- ministry viewer: every province with its unit counts;
- focal officer: their province at a glance (units by type, users by role, units without a reporter
  account with a link to bulk creation);
- leader: the same province summary, read-only;
- reporter: their units and the reports due in open periods, with deadline, state and a link
  (``binhdang.reporting.home.due_items``).

Each also sees the year's work of its plans (``binhdang.work.home``): task completion and activity
totals, the focal officer the tasks late or without news, a reporter the tasks its units lead.

Focal officers and leaders also see the reporting periods they follow with completeness and
timeliness (``binhdang.reporting.home.period_summaries``).

Every query starts from the provinces and units that ``binhdang.accounts.access`` gives the user.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

from django.db.models import Count, Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from binhdang.accounts import access
from binhdang.accounts.models import Role, RoleAssignment
from binhdang.orgunits.models import OrgUnit, OrgUnitType
from binhdang.reporting.home import due_and_units, period_summaries
from binhdang.work import home as work_home

#: The most powerful role first.
ROLE_ORDER = (Role.ADMIN, Role.MINISTRY_VIEWER, Role.FOCAL_OFFICER, Role.LEADER, Role.REPORTER)
#: Columns of the per-province unit counts, in display order.
UNIT_COLUMNS = (OrgUnitType.COMMUNE, OrgUnitType.DEPARTMENT, OrgUnitType.MASS_ORG, OrgUnitType.MEDIA)


@dataclass
class Section:
    role: str
    template: str
    context: dict = field(default_factory=dict)


def roles_by_power(user) -> list[str]:
    """The roles the user holds, most powerful first (superusers hold the admin role). The roles come
    from ``access.grants``, read once per request for every access check of the page."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    held = {role for role, _unit, _kind in access.grants(user)}
    if user.is_superuser:
        held.add(Role.ADMIN)
    return [role for role in ROLE_ORDER if role in held]


def unit_counts(provinces) -> dict[int, dict[str, int]]:
    """Active units per province and type: ``{province_pk: {type: count}}`` (one query)."""
    rows = (
        OrgUnit.objects.filter(province__in=provinces, is_active=True)
        .exclude(type=OrgUnitType.PROVINCE)
        .values("province", "type")
        .annotate(n=Count("id"))
    )
    counts: dict[int, dict[str, int]] = {}
    for row in rows:
        counts.setdefault(cast(int, row["province"]), {})[row["type"]] = row["n"]
    return counts


def province_rows(provinces) -> list[dict]:
    """One row per province: its active units by type and in total."""
    provinces = list(provinces.order_by("name"))
    counts = unit_counts([p.pk for p in provinces])
    rows = []
    for province in provinces:
        by_type = counts.get(province.pk, {})
        rows.append(
            {
                "province": province,
                "columns": [by_type.get(t, 0) for t in UNIT_COLUMNS],
                "total": sum(by_type.values()),
            }
        )
    return rows


def units_without_reporter(province: OrgUnit):
    """Active reporting units of ``province`` with no active reporter account."""
    return (
        access.reporter_units_of(province)
        .filter(is_active=True)
        .exclude(_has_reporter())
        .order_by("type", "name")
    )


def _has_reporter() -> Exists:
    """The unit (the outer query's row) has an active reporter account."""
    return Exists(
        RoleAssignment.objects.filter(org_unit=OuterRef("pk"), role=Role.REPORTER, user__is_active=True)
    )


def province_overview(province: OrgUnit) -> dict:
    """The province at a glance: units by type (all and active), users by role, missing reporters."""
    units = (
        OrgUnit.objects.filter(province=province)
        .exclude(type=OrgUnitType.PROVINCE)
        .values("type")
        .annotate(total=Count("id"), active=Count("id", filter=Q(is_active=True)))
    )
    by_type = {row["type"]: row for row in units}
    unit_rows = [
        {
            "type": t,
            "label": OrgUnitType(t).label,
            "total": by_type[t]["total"],
            "active": by_type[t]["active"],
        }
        for t in OrgUnitType.values
        if t in by_type
    ]
    users = (
        RoleAssignment.objects.filter(org_unit__province=province, user__is_active=True)
        .values("role")
        .annotate(n=Count("user", distinct=True))
    )
    by_role = {row["role"]: row["n"] for row in users}
    role_rows = [
        {"role": r, "label": Role(r).label, "count": by_role.get(r, 0)}
        for r in (Role.FOCAL_OFFICER, Role.LEADER, Role.REPORTER)
    ]
    counts = (
        access.reporter_units_of(province)
        .filter(is_active=True)
        .aggregate(reporting=Count("pk"), missing=Count("pk", filter=~_has_reporter()))
    )
    reporting, missing_count = counts["reporting"], counts["missing"]
    return {
        "province": province,
        "unit_rows": unit_rows,
        "role_rows": role_rows,
        "missing": list(units_without_reporter(province)[:12]) if missing_count else [],
        "missing_count": missing_count,
        "reporting_count": reporting,
        "covered_count": reporting - missing_count,
    }


def sections_for(user) -> list[Section]:
    """The home-page sections of the user's roles, most powerful first."""
    sections = []
    roles = roles_by_power(user)
    for role in roles:
        if role == Role.ADMIN:
            sections.append(
                Section(role, "portal/home/admin.html", {"rows": province_rows(OrgUnit.objects.provinces())})
            )
        elif role == Role.MINISTRY_VIEWER and Role.ADMIN not in roles:
            sections.append(
                Section(
                    role,
                    "portal/home/ministry.html",
                    {"rows": province_rows(access.readable_provinces(user))},
                )
            )
        elif role == Role.FOCAL_OFFICER and not user.is_superuser:
            overviews = [province_overview(p) for p in access.managed_provinces(user).order_by("name")]
            sections.append(
                Section(
                    role,
                    "portal/home/focal_officer.html",
                    {
                        "overviews": overviews,
                        "boards": period_summaries(user),
                        "work": work_home.province_work(user, attention=True),
                    },
                )
            )
        elif role == Role.LEADER and not access.sees_all_provinces(user):
            managed = access.managed_provinces(user)
            provinces = access.readable_provinces(user).exclude(pk__in=managed).order_by("name")
            if provinces.exists():
                overviews = [province_overview(p) for p in provinces]
                boards = [
                    b for b in period_summaries(user) if b.period.province_id in {p.pk for p in provinces}
                ]
                sections.append(
                    Section(
                        role,
                        "portal/home/leader.html",
                        {
                            "overviews": overviews,
                            "boards": boards,
                            "work": work_home.province_work(user, attention=False),
                        },
                    )
                )
        elif role == Role.REPORTER:
            due, units = due_and_units(user)
            sections.append(
                Section(
                    role,
                    "portal/home/reporter.html",
                    {"units": units, "due_items": due, "work": work_home.reporter_work(user)},
                )
            )
    return sections


def render_home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/home.html",
        {
            "sections": sections_for(request.user),
            "unit_columns": [OrgUnitType(t).label for t in UNIT_COLUMNS],
        },
    )
