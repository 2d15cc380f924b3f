"""The demo's strategy plan (devtools.demo_statistics): its 2026 year expects every department, mass
organisation and commune its reporting section names, by 10/12; the province's gender statistics hold
a few years with their sources; running it again changes nothing."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from binhdang.devtools.demo import DATA_DIR
from binhdang.devtools.demo_statistics import build_demo_statistics
from binhdang.orgunits.loader import load_province
from binhdang.plans.extraction import extract_file
from binhdang.plans.importing import import_plan
from binhdang.results.engine import plan_results
from binhdang.results.models import GenderStatistic


def test_the_demo_strategy_year_and_statistics(db):
    province = load_province("Đắk Lắk").provinces[0]
    path = DATA_DIR / "dak-lak-chien-luoc-2026-2030.txt"
    plan = import_plan(extract_file(path), province, path, None, status="active")

    built = build_demo_statistics(province, 2026)

    period = built["period"]
    assert period.deadline.isoformat() == "2026-12-10"
    kinds = Counter(period.expected_reporters.values_list("unit__type", flat=True))
    assert kinds["commune"] == 102 and kinds["mass_org"] > 0 and kinds["department"] >= 13
    assert built["figures"] == GenderStatistic.objects.count() == 18
    wage = GenderStatistic.objects.get(series="NQ28.2.1", year=2025, sex="F")
    assert wage.source == "Thống kê tỉnh Đắk Lắk, niên giám thống kê 2025"
    assert wage.recorded_by_unit.name == "Thống kê tỉnh"
    assert sorted(set(GenderStatistic.objects.values_list("year", flat=True))) == [2023, 2024, 2025, 2026]
    assert build_demo_statistics(province, 2026) == {"period": period, "figures": 0}
    assert GenderStatistic.objects.first().history.count() == 1
    srb = next(r for r in plan_results(plan, 2026).indicators if r.catalog_code == "NQ28.4.1")
    assert (
        srb.value == Decimal("109.40")
        and srb.detail["statistic"]["source"] == "Sở Y tế, báo cáo công tác dân số năm 2026"
    )
    wage_2026 = next(r for r in plan_results(plan, 2026).indicators if r.catalog_code == "NQ28.2.1")
    assert wage_2026.value is None  # no 2026 figure yet: the results never borrow another year's
