"""Small builders for test data. Real models, real database, no mocks."""

from __future__ import annotations

from binhdang.accounts.models import Role, RoleAssignment, User
from binhdang.orgunits.models import OrgUnit, OrgUnitType

PASSWORD = "Mat-khau-thu-2026"


def make_province(name: str, code: str) -> OrgUnit:
    province = OrgUnit.objects.create(code=code, name=name, type=OrgUnitType.PROVINCE, division="Tỉnh")
    return province


def make_unit(province: OrgUnit, name: str, code: str, type: str = OrgUnitType.COMMUNE, **extra) -> OrgUnit:
    return OrgUnit.objects.create(
        code=code, name=name, type=type, parent=province, province=province, **extra
    )


def units_report_yearly(plan, deadline: tuple[int, int] = (11, 30)):
    """The plan's usual obligation: every agency and commune reports to the UBND and Sở Nội vụ each year
    by ``deadline`` (month, day)."""
    from binhdang.plans.models import ReportingObligation

    return ReportingObligation.objects.create(
        plan=plan,
        reporter_text="Các cơ quan, đơn vị, địa phương",
        reporter_kinds=["department", "commune"],
        receivers=["UBND tỉnh", "Sở Nội vụ"],
        deadline_month=deadline[0],
        deadline_day=deadline[1],
        recurrence="annual",
    )


def make_user(username: str, role: str | None = None, unit: OrgUnit | None = None, **extra) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, **extra)
    if role:
        RoleAssignment.objects.create(user=user, role=role, org_unit=unit)
    return user


__all__ = ["PASSWORD", "Role", "make_province", "make_unit", "make_user", "units_report_yearly"]


def release(response) -> None:
    """Read and close a streamed file download without ``response.close()``.

    ``response.close()`` sends ``request_finished``, whose ``close_old_connections`` closes the test's
    database connection on PostgreSQL (it is inside the test transaction, so autocommit differs from
    the settings): every later query of the test would fail with "the connection is closed".
    """
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)
        for closer in response._resource_closers:
            closer()


def tt1790_year(province: OrgUnit, focal_agency: OrgUnit, *, year: int = 2026, deadline=None, user=None):
    """A province's communication plan (form TT1790, domain §6) whose focal agency is ``focal_agency``
    (the unit that also fills the awareness rate), with the units' yearly obligation, and its ``year``
    period open for every commune, department, mass organisation and media agency of the province.
    ``deadline``: a date (default ten days after today, so the reports are on time whenever the test
    runs); the lock date follows ten days later. ``user`` opens the period (None: the system)."""
    import datetime as dt

    from django.utils import timezone

    from binhdang.plans.models import Plan
    from binhdang.reporting import services

    plan = Plan.objects.create(
        province=province,
        org_unit=province,
        issuer=f"UBND {province.name}",
        program="communication",
        title="Kế hoạch thực hiện Chương trình Truyền thông về bình đẳng giới giai đoạn 2026 - 2030",
        period_start=2026,
        period_end=2030,
        status="active",
        slug=f"kh-1790-{province.code}",
        focal_agency=focal_agency,
    )
    units_report_yearly(plan)
    deadline = deadline or timezone.localdate() + dt.timedelta(days=10)
    return services.open_period(
        plan, year, user, deadline=deadline, lock_date=deadline + dt.timedelta(days=10)
    )
