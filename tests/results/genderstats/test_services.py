"""Recording the gender statistics (results.genderstats.services): one indicator's figures of a year
by sex with their source, by its responsible agency or the focal officer; refused figures change
nothing; every change is in the history."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from binhdang.results.genderstats import services
from binhdang.results.models import GenderStatistic

SOURCE = "Cục Thống kê tỉnh, niên giám 2026"


def test_the_responsible_agency_records_a_statistic_by_sex_with_its_source(
    daklak, strategy_plan, stats_office, stats_reporter
):
    rows = services.record(
        daklak.root,
        "NQ28.2.1",
        2026,
        {"_T": Decimal("48.6"), "F": Decimal("45.2"), "M": None},
        source=SOURCE,
        user=stats_reporter,
    )
    assert {(r.sex, r.value, r.unit, r.source) for r in rows} == {
        ("_T", Decimal("48.6"), "%", SOURCE),
        ("F", Decimal("45.2"), "%", SOURCE),
    }
    assert {r.recorded_by_unit for r in rows} == {stats_office}
    history = GenderStatistic.objects.get(sex="F").history.first()
    assert history.history_user == stats_reporter and history.history_type == "+"


def test_recording_again_replaces_the_figure_and_keeps_the_old_one_in_the_history(
    daklak, strategy_plan, stats_reporter
):
    services.record(
        daklak.root, "NQ28.2.1", 2026, {"_T": Decimal("48.6")}, source=SOURCE, user=stats_reporter
    )
    services.record(daklak.root, "NQ28.2.1", 2026, {"_T": Decimal("49")}, source=SOURCE, user=stats_reporter)
    row = GenderStatistic.objects.get()
    assert row.value == Decimal("49")
    assert [h.value for h in row.history.order_by("history_date")] == [Decimal("48.6"), Decimal("49")]


def test_an_agency_may_not_record_another_agencys_indicator(daklak, strategy_plan, stats_reporter):
    with pytest.raises(PermissionDenied):
        services.record(
            daklak.root, "NQ28.4.1", 2026, {"_T": Decimal("110")}, source=SOURCE, user=stats_reporter
        )
    assert not GenderStatistic.objects.exists()


@pytest.mark.parametrize(
    ("values", "source", "field", "message"),
    [
        ({"_T": Decimal("120")}, SOURCE, "_T", "120% lớn hơn 100%."),
        ({"F": None}, SOURCE, "value", "Nhập ít nhất một giá trị (tổng, nữ hoặc nam)."),
        (
            {"F": Decimal("40")},
            "  ",
            "source",
            "Ghi nguồn của số liệu (ví dụ Cục Thống kê tỉnh, niên giám 2026).",
        ),
        ({"M": Decimal("-1")}, SOURCE, "M", "-1 nằm ngoài khoảng 0 - 1.000.000.000.000."),
    ],
)
def test_a_wrong_figure_is_refused_by_field_and_nothing_is_saved(
    daklak, strategy_plan, focal_officer, values, source, field, message
):
    with pytest.raises(services.StatisticError) as refused:
        services.record(
            daklak.root, "NQ28.2.1", 2026, {"F": Decimal("45"), **values}, source=source, user=focal_officer
        )
    assert refused.value.errors[field] == message
    assert not GenderStatistic.objects.exists()


def test_the_focal_officer_records_any_strategy_indicator_naming_the_agency(
    daklak, strategy_plan, focal_officer
):
    (row,) = services.record(
        daklak.root,
        "NQ28.4.1",
        2025,
        {"_T": Decimal("109.2")},
        source="Sở Y tế, báo cáo năm 2025",
        user=focal_officer,
        agency=daklak.health,
    )
    assert (row.recorded_by_unit, row.unit) == (daklak.health, "bé trai/100 bé gái")


def test_an_import_saves_everything_or_nothing(daklak, strategy_plan, focal_officer, department_reporter):
    figures = [
        services.Figure("NQ28.2.1", 2025, "F", Decimal("44"), SOURCE),
        services.Figure("NQ28.2.1", 2026, "F", Decimal("45"), SOURCE),
    ]
    assert services.import_figures(daklak.root, figures, focal_officer) == {
        "created": 2,
        "updated": 0,
        "unchanged": 0,
    }
    again = [figures[0], services.Figure("NQ28.2.1", 2026, "F", Decimal("46"), SOURCE)]
    assert services.import_figures(daklak.root, again, focal_officer) == {
        "created": 0,
        "updated": 1,
        "unchanged": 1,
    }
    with pytest.raises(PermissionDenied):
        services.import_figures(daklak.root, figures, department_reporter)
