"""Seed the load-test database: Đắk Lắk with its communes and agencies, its communication plan, the
reporting year open, one reporter account per unit (synthetic communes added when there are more
users than units) and a few focal officers watching the status board.

Run by loadtest/run.sh after `binhdang migrate`:  python loadtest/seed.py USERS OUT.json
Writes OUT.json: {"period": id, "plan": id, "reporters": [{"username", "unit", "unit_pk"}], "focal": [...]}
The password of every account is PASSWORD below (hashed once: seeding hundreds of Argon2 hashes is slow).
"""

from __future__ import annotations

import datetime as dt
import json
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
from binhdang.orgunits.loader import load_province  # noqa: E402
from binhdang.orgunits.models import OrgUnit, OrgUnitType  # noqa: E402
from binhdang.plans.extraction import extract_file  # noqa: E402
from binhdang.plans.importing import import_plan  # noqa: E402
from binhdang.plans.models import PlanStatus  # noqa: E402
from binhdang.reporting import services as reporting  # noqa: E402
from binhdang.reporting.entry import field_name  # noqa: E402

PASSWORD = "Tai-thu-2026"
#: One focal officer watching the board for every this many users (at least one).
USERS_PER_FOCAL = 50


def seed(users: int) -> dict:
    province = load_province("Đắk Lắk").provinces[0]
    path = DATA_DIR / "dak-lak-truyen-thong-2026-2030.txt"
    plan = import_plan(extract_file(path), province, path, None, status=PlanStatus.ACTIVE)
    focal_count = max(1, users // USERS_PER_FOCAL)
    reporters_wanted = max(1, users - focal_count)
    today = timezone.localdate()
    year = today.year
    with transaction.atomic():
        units = list(
            OrgUnit.objects.filter(province=province, is_active=True)
            .exclude(pk=province.pk)
            .filter(type__in=[OrgUnitType.COMMUNE, "department", "mass_org", "media"])
            .order_by("type", "name")
        )
        for n in range(len(units), reporters_wanted):
            units.append(
                OrgUnit.objects.create(
                    code=f"LT-{n:04d}",
                    name=f"Xã Thử Tải {n:04d}",
                    type=OrgUnitType.COMMUNE,
                    division="Xã",
                    parent=province,
                    province=province,
                )
            )
        units = units[:reporters_wanted]
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
        hashed = make_password(PASSWORD)
        rng = random.Random(2026)
        reporters = []
        for i, unit in enumerate(units):
            user = User.objects.create(
                username=f"lt.bc{i:04d}", full_name=f"Cán bộ {unit.name}", password=hashed
            )
            RoleAssignment.objects.create(user=user, role=Role.REPORTER, org_unit=unit)
            values = {
                field_name(code, coc): value
                for (code, coc), value in demo_values(
                    unit, rng, focal=unit.pk == plan.focal_agency_id
                ).items()
            }
            reporters.append(
                {"username": user.username, "unit": unit.code, "unit_pk": unit.pk, "values": values}
            )
        focal = []
        for i in range(focal_count):
            user = User.objects.create(username=f"lt.dm{i:02d}", full_name=f"Đầu mối {i}", password=hashed)
            RoleAssignment.objects.create(user=user, role=Role.FOCAL_OFFICER, org_unit=province)
            focal.append({"username": user.username})
    return {
        "period": period.pk,
        "plan": plan.pk,
        "password": PASSWORD,
        "reporters": reporters,
        "focal": focal,
    }


if __name__ == "__main__":
    users, out = int(sys.argv[1]), sys.argv[2]
    data = seed(users)
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
    print(
        f"seeded {len(data['reporters'])} reporters, {len(data['focal'])} focal officers, period {data['period']}"
    )
