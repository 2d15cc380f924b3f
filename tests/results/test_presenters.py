"""Units measured against the rules, below the bar, by type and by sex (``results.presenters``)."""

from __future__ import annotations

from binhdang.results import presenters
from binhdang.results.catalog_rules import unit_rows
from tests.results.conftest import file_report, local


def test_units_below_the_bar_put_non_reporting_units_first(period, daklak):
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3})
    file_report(period, daklak.commune_b, {"TT_SESSIONS": 1})
    rows = unit_rows(period)
    below = presenters.below_bar(presenters.verdicts("1790.1", rows, 2))
    names = [v.row.name for v in below]
    assert daklak.commune_a.name not in names
    assert names[-1] == daklak.commune_b.name  # the only one that reported comes last
    assert "1 cuộc, ít hơn 2 cuộc" in str(below[-1].reason)


def test_the_media_rule_measures_only_media_and_conventions_only_communes(period, daklak):
    file_report(period, daklak.newspaper, {"TT_GSIM_STATUS": "PILOT"})
    file_report(period, daklak.commune_a, {"TT_CONVENTIONS": 4, "TT_CONVENTIONS_OK": 3})
    rows = unit_rows(period)
    media = presenters.verdicts("1790.4", rows, 2)
    assert [v.row.type for v in media] == ["media"] and media[0].meets is False
    conventions = presenters.by_type("1790.5", presenters.verdicts("1790.5", rows, 2))
    assert [(b.type, b.value) for b in conventions] == [("commune", 75)]


def test_by_type_gives_each_types_share_meeting_the_rule(period, daklak):
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3})
    file_report(period, daklak.noi_vu, {"TT_SESSIONS": 2})
    breakdown = {
        b.type: (b.units, b.meeting, b.value)
        for b in presenters.by_type("1790.1", presenters.verdicts("1790.1", unit_rows(period), 2))
    }
    assert breakdown["commune"] == (2, 1, 50)
    assert breakdown["department"] == (2, 1, 50)
    assert breakdown["mass_org"] == (1, 0, 0)


def test_by_sex_adds_up_the_counted_reports_only(period, daklak):
    file_report(
        period, daklak.commune_a, {("TT_PARTICIPANTS", "MALE"): 30, ("TT_PARTICIPANTS", "FEMALE"): 70}
    )
    file_report(period, daklak.commune_b, {("TT_PARTICIPANTS", "MALE"): 500}, submit=False)
    participants = presenters.by_sex(unit_rows(period))[0]
    assert (participants.male, participants.female, participants.female_share) == (30, 70, 70)


def test_completeness_table_marks_each_report(plan, period, daklak):
    file_report(period, daklak.commune_a)
    file_report(period, daklak.commune_b, at=local(2026, 12, 2))
    table = presenters.completeness_table(plan, [2026, 2027], 2026, "all")
    cells = {row.name: row.cells for row in table.rows}
    assert cells[daklak.commune_a.name] == ["on_time", "not_expected"]
    assert cells[daklak.commune_b.name] == ["late", "not_expected"]
    assert cells[daklak.health.name] == ["missing", "not_expected"]
    column = table.columns[0]
    assert (column.expected, column.submitted, column.on_time) == (6, 2, 1)
