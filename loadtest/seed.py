"""Seed the load-test database: provinces with their communes and agencies, each with its communication
plan and the reporting year open, one reporter account per unit (synthetic communes added when a
province has fewer units than its share of the users), the provinces' focal officers watching their
status boards and the ministry's viewers on the board of the provinces.

Run by loadtest/run.sh after `binhdang migrate`:  python loadtest/seed.py USERS OUT.json
The users are spread over several provinces (about PER_PROVINCE reporters each, Đắk Lắk first; 1,000
users: 10 provinces), one focal officer for every USERS_PER_FOCAL users (at least one per province) and
one ministry viewer for every USERS_PER_MINISTRY users (at least one).
Writes OUT.json: {"year", "password", "reporters": [{"username", "unit", "unit_pk", "period", "values"}],
"focal": [{"username", "period", "plan"}], "ministry": [{"username"}]}
The password of every account is PASSWORD below (hashed once: seeding a thousand Argon2 hashes is slow).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import os
import random
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "binhdang.settings")
django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from binhdang.accounts.models import Role, RoleAssignment, User  # noqa: E402
from binhdang.devtools.demo import DATA_DIR  # noqa: E402
from binhdang.devtools.demo_reports import demo_values  # noqa: E402
from binhdang.orgunits.loader import load_all  # noqa: E402
from binhdang.orgunits.models import OrgUnit, OrgUnitType  # noqa: E402
from binhdang.plans.extraction import extract_file  # noqa: E402
from binhdang.plans.importing import import_plan  # noqa: E402
from binhdang.plans.models import PlanStatus  # noqa: E402
from binhdang.reporting import services as reporting  # noqa: E402
from binhdang.reporting.entry import field_name  # noqa: E402

PASSWORD = "Tai-thu-2026"
FIRST_PROVINCE = "Đắk Lắk"
#: About this many reporters per province (a province's communes and agencies, about 100 to 150).
PER_PROVINCE = 100
#: One focal officer for every this many users (and at least one per province).
USERS_PER_FOCAL = 50
#: One ministry viewer for every this many users (at least one).
USERS_PER_MINISTRY = 500
REPORTING_KINDS = [OrgUnitType.COMMUNE, "department", "mass_org", "media"]


def shares(users: int) -> tuple[int, int, int, int]:
    """(provinces, reporters, focal officers, ministry viewers) for ``users`` accounts in all."""
    ministry = max(1, users // USERS_PER_MINISTRY)
    provinces = max(1, min(34, round((users - ministry) / (PER_PROVINCE + 2))))
    focal = max(provinces, users // USERS_PER_FOCAL)
    reporters = max(provinces, users - focal - ministry)
    return provinces, reporters, focal, ministry


def chosen_provinces(count: int) -> list[OrgUnit]:
    provinces = sorted(load_all().provinces, key=lambda p: (not p.name.endswith(FIRST_PROVINCE), p.code))
    return provinces[:count]


def province_units(province: OrgUnit, plan, wanted: int) -> list[OrgUnit]:
    """``wanted`` reporting units of ``province``: the plan's focal agency first (it alone reports the
    awareness rate the submit requires of it), then the real units, then synthetic communes."""
    units = list(
        OrgUnit.objects.filter(province=province, is_active=True, type__in=REPORTING_KINDS)
        .exclude(pk=province.pk)
        .order_by("type", "name")
    )
    units.sort(key=lambda unit: unit.pk != plan.focal_agency_id)
    for n in range(len(units), wanted):
        units.append(
            OrgUnit.objects.create(
                code=f"LT-{province.code}-{n:04d}",
                name=f"Xã Thử Tải {province.code}-{n:04d}",
                type=OrgUnitType.COMMUNE,
                division="Xã",
                parent=province,
                province=province,
            )
        )
    return units[:wanted]


def seed(users: int) -> dict:
    province_count, reporters_wanted, focal_count, ministry_count = shares(users)
    provinces = chosen_provinces(province_count)
    path = DATA_DIR / "dak-lak-truyen-thong-2026-2030.txt"
    extraction = extract_file(path)
    today = timezone.localdate()
    year = today.year
    hashed = make_password(PASSWORD)
    rng = random.Random(2026)
    reporters: list[dict] = []
    boards: list[dict] = []
    per_province = math.ceil(reporters_wanted / len(provinces))
    with transaction.atomic():
        for index, province in enumerate(provinces):
            own = copy.deepcopy(extraction)
            own["locality"] = province.name
            plan = import_plan(own, province, path if index == 0 else None, None, status=PlanStatus.ACTIVE)
            wanted = min(per_province, reporters_wanted - len(reporters))
            units = province_units(province, plan, max(1, wanted))
            period = reporting.open_period(
                plan,
                year,
                None,
                deadline=today + dt.timedelta(days=30),
                cutoff_start=dt.date(year - 1, 12, 15),
                cutoff_end=today + dt.timedelta(days=30),
                lock_date=today + dt.timedelta(days=60),
                expected_units=units,
            )
            boards.append({"province": province, "period": period.pk, "plan": plan.pk})
            for unit in units:
                user = User.objects.create(
                    username=f"lt.bc{len(reporters):04d}", full_name=f"Cán bộ {unit.name}", password=hashed
                )
                RoleAssignment.objects.create(user=user, role=Role.REPORTER, org_unit=unit)
                values = {
                    field_name(code, coc): value
                    for (code, coc), value in demo_values(
                        unit, rng, focal=unit.pk == plan.focal_agency_id
                    ).items()
                }
                reporters.append(
                    {
                        "username": user.username,
                        "unit": unit.code,
                        "unit_pk": unit.pk,
                        "period": period.pk,
                        "values": values,
                    }
                )
        focal = []
        for i in range(focal_count):
            board = boards[i % len(boards)]
            user = User.objects.create(username=f"lt.dm{i:03d}", full_name=f"Đầu mối {i}", password=hashed)
            RoleAssignment.objects.create(user=user, role=Role.FOCAL_OFFICER, org_unit=board["province"])
            focal.append({"username": user.username, "period": board["period"], "plan": board["plan"]})
        ministry = []
        for i in range(ministry_count):
            user = User.objects.create(username=f"lt.bo{i:02d}", full_name=f"Bộ {i}", password=hashed)
            RoleAssignment.objects.create(user=user, role=Role.MINISTRY_VIEWER)
            ministry.append({"username": user.username})
    return {
        "year": year,
        "password": PASSWORD,
        "provinces": [b["province"].name for b in boards],
        "reporters": reporters,
        "focal": focal,
        "ministry": ministry,
    }


if __name__ == "__main__":
    users, out = int(sys.argv[1]), sys.argv[2]
    data = seed(users)
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
    print(
        f"seeded {len(data['provinces'])} provinces ({', '.join(data['provinces'])}): "
        f"{len(data['reporters'])} reporters, {len(data['focal'])} focal officers, "
        f"{len(data['ministry'])} ministry viewers"
    )
