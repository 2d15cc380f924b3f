"""Outlier warnings (reporting.outliers): the previous-year rule and DHIS2's modified z-score on
hand-computed cases, the flags of a report, and the confirm-or-explain step of submitting."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from binhdang.reporting import outliers, services
from binhdang.reporting.errors import OutliersToConfirm
from binhdang.reporting.forms_catalog import TT1790
from binhdang.reporting.models import State

from .conftest import COMMUNE_VALUES, fill, make_plan

D = Decimal
E = TT1790.element


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.mark.parametrize(
    ("value", "previous", "flagged"),
    [
        (200, 20, True),  # ten times
        (199, 20, False),  # just under ten times
        (2, 20, True),  # a tenth
        (3, 20, False),
        (90, 9, False),  # last year's 9 is too small to compare with
        (5000, 10, True),  # 10 is the smallest non-trivial figure
        (0, 10, True),  # from 10 to nothing at all
        (7, None, False),  # no figure last year
    ],
)
def test_previous_year_rule_on_hand_computed_cases(value, previous, flagged):
    before = None if previous is None else D(previous)
    assert outliers.against_previous_year(D(value), before) is flagged


def test_modified_z_score_is_computed_as_dhis2_does():
    values = [D(v) for v in (10, 12, 14, 16, 18, 100)]
    # median 15; absolute deviations 5 3 1 1 3 85 -> MAD 3; 0.6745 * (100 - 15) / 3 = 19.110833...
    assert outliers.modified_z_score(D(100), values).quantize(D("0.0001")) == D("19.1108")
    # 0.6745 * (18 - 15) / 3 = 0.6745
    assert outliers.modified_z_score(D(18), values) == D("0.6745")


def test_a_spread_of_zero_gives_no_score():
    assert outliers.modified_z_score(D(50), [D(5), D(5), D(5), D(6), D(50)]) is None


def test_peers_flag_a_value_far_from_the_median_only_with_enough_units():
    peers = [D(v) for v in (10, 12, 14, 16, 18)]
    assert outliers.against_peers(D(100), peers) is not None
    assert outliers.against_peers(D(17), peers) is None  # 0.6745 * 2 / 2 = 0.67
    assert outliers.against_peers(D(100), peers[:4]) is None  # four other units: too few


def test_peer_threshold_is_three():
    # peers 10 12 14 16 18 and the value x >= 20: median 15, absolute deviations 5 3 1 1 3 (x - 15),
    # MAD 3, so z = 0.6745 * (x - 15) / 3 > 3 for x > 28.34
    peers = [D(v) for v in (10, 12, 14, 16, 18)]
    assert outliers.against_peers(D(28), peers) is None
    assert outliers.against_peers(D(29), peers) is not None


def test_flags_name_the_field_and_the_reason_in_vietnamese():
    values = {("TT_PARTICIPANTS", "FEMALE"): "5000", ("TT_SESSIONS", ""): "100", ("TT_AM_PLAN", ""): "true"}
    previous = {("TT_PARTICIPANTS", "FEMALE"): "120"}
    peers = {("TT_SESSIONS", ""): [D(v) for v in (3, 4, 4, 5, 6)]}
    flags = outliers.flags_for(TT1790.elements, values, previous, peers)
    assert [(f.code, f.coc, f.kind) for f in flags] == [
        ("TT_SESSIONS", "", "outlier"),
        ("TT_PARTICIPANTS", "FEMALE", "outlier"),
    ]
    assert str(flags[0]) == (
        "Số cuộc truyền thông: 100 khác xa số liệu của 5 đơn vị cùng loại (trung vị 4); đề nghị kiểm tra lại"
    )
    assert str(flags[1]).startswith("Số lượt người tham dự (Nữ): 5.000 ")


@pytest.fixture
def last_year_report(daklak, focal_officer):
    """Commune A's 2025 report (under the 2021-2025 plan) with 120 female participants."""
    old_plan = make_plan(daklak.root, slug="kh-1790-daklak-2021", span=(2021, 2025))
    old = services.get_or_create_submission(
        services.open_period(old_plan, 2025, focal_officer), daklak.commune_a
    )
    services.save_draft(old, {("TT_PARTICIPANTS", "FEMALE"): "120"}, None, None, expected_version=None)
    return old


def outlier_report(period, daklak, reporter):
    report = services.get_or_create_submission(period, daklak.commune_a, reporter)
    fill(report, reporter, {**COMMUNE_VALUES, ("TT_PARTICIPANTS", "FEMALE"): "5000"})
    return report


def test_submitting_on_the_web_asks_to_confirm_or_explain_each_flag(
    period, daklak, commune_a_reporter, last_year_report
):
    report = outlier_report(period, daklak, commune_a_reporter)
    with pytest.raises(OutliersToConfirm) as refused:
        services.submit(report, commune_a_reporter, confirm_outliers=True)
    assert [(i.code, i.coc) for i in refused.value.issues] == [("TT_PARTICIPANTS", "FEMALE")]
    report.refresh_from_db()
    assert report.state == State.DRAFT and report.outlier_notes == {}

    key = ("TT_PARTICIPANTS", "FEMALE")
    services.submit(report, commune_a_reporter, confirm_outliers=True, explanations={key: "Hội thi toàn xã"})
    report.refresh_from_db()
    assert report.state == State.SUBMITTED
    note = report.outlier_notes["TT_PARTICIPANTS/FEMALE"]
    assert (note["value"], note["note"], note["by"]) == ("5000", "Hội thi toàn xã", "reporter_a")
    assert report.history.first().outlier_notes == report.outlier_notes  # in the audit trail
    assert [w["kind"] for w in report.warnings if w["code"] == "TT_PARTICIPANTS"] == ["outlier"]


def test_a_confirmation_holds_for_the_value_confirmed_only(
    period, daklak, commune_a_reporter, last_year_report
):
    report = outlier_report(period, daklak, commune_a_reporter)
    key = ("TT_PARTICIPANTS", "FEMALE")
    with pytest.raises(OutliersToConfirm):  # nothing answered
        services.submit(report, commune_a_reporter, confirm_outliers=True, explanations={})
    report.outlier_notes = {"TT_PARTICIPANTS/FEMALE": {"value": "4000", "note": "cũ"}}
    report.save()
    with pytest.raises(OutliersToConfirm):
        services.submit(report, commune_a_reporter, confirm_outliers=True)
    services.submit(report, commune_a_reporter, confirm_outliers=True, explanations={key: ""})
    report.refresh_from_db()
    assert report.outlier_notes["TT_PARTICIPANTS/FEMALE"]["value"] == "5000"


def test_other_channels_submit_with_the_flags_recorded_unexplained(
    period, daklak, commune_a_reporter, last_year_report
):
    report = outlier_report(period, daklak, commune_a_reporter)
    services.submit(report, commune_a_reporter, source="api")
    report.refresh_from_db()
    assert report.state == State.SUBMITTED and report.outlier_notes == {}
    assert any(w.get("kind") == "outlier" for w in report.warnings)


def test_peer_values_are_the_submitted_reports_of_units_of_the_same_type(period, daklak, commune_b_reporter):
    other = services.get_or_create_submission(period, daklak.commune_b, commune_b_reporter)
    fill(other, commune_b_reporter)
    me = services.get_or_create_submission(period, daklak.commune_a)
    assert outliers.peer_values(me, TT1790.elements) == {}  # a draft does not count
    services.submit(other, commune_b_reporter)
    found = outliers.peer_values(me, TT1790.elements)
    assert found[("TT_SESSIONS", "")] == [D(4)] and ("TT_AM_PLAN", "") not in found


def _submitted_peer(period, daklak, commune_b_reporter):
    other = services.get_or_create_submission(period, daklak.commune_b, commune_b_reporter)
    fill(other, commune_b_reporter)
    services.submit(other, commune_b_reporter)
    return other


def test_peer_figures_are_read_once_while_the_complete_reports_stay_the_same(
    period, daklak, commune_b_reporter, django_assert_num_queries
):
    _submitted_peer(period, daklak, commune_b_reporter)
    me = services.get_or_create_submission(period, daklak.commune_a)
    first = outliers.peer_values(me, TT1790.elements)
    with django_assert_num_queries(1):  # only the version of the period's complete reports
        assert outliers.peer_values(me, TT1790.elements) == first


def test_peer_versions_are_one_unordered_statement_without_the_periods(period, daklak, commune_b_reporter):
    """The version list asked on every report page and autosave reads the reports and their units
    only: no join of the periods and no sort that the reports' default ordering would add."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _submitted_peer(period, daklak, commune_b_reporter)
    me = services.get_or_create_submission(period, daklak.commune_a)
    outliers.peer_values(me, TT1790.elements)
    with CaptureQueriesContext(connection) as queries:
        outliers.peer_values(me, TT1790.elements)
    [statement] = [q["sql"] for q in queries.captured_queries]
    assert "reporting_period" not in statement
    assert "ORDER BY" not in statement


def test_peer_figures_changed_by_another_process_are_seen_at_once(period, daklak, commune_b_reporter):
    """A value changed in another worker (no signal in this process): the report's version moved on
    (every change of a report raises it), so the kept figures are read again."""
    from django.db.models import F

    from binhdang.reporting.models import DataValue, Submission

    other = _submitted_peer(period, daklak, commune_b_reporter)
    me = services.get_or_create_submission(period, daklak.commune_a)
    assert outliers.peer_values(me, TT1790.elements)[("TT_SESSIONS", "")] == [D(4)]
    # as a return, a save of 9 sessions and a new submission would do, seen from here
    DataValue.objects.filter(submission=other, data_element="TT_SESSIONS").update(value="9")
    Submission.objects.filter(pk=other.pk).update(version=F("version") + 3)
    assert outliers.peer_values(me, TT1790.elements)[("TT_SESSIONS", "")] == [D(9)]
    # a report that leaves the complete ones (reopened elsewhere) is no longer a peer
    Submission.objects.filter(pk=other.pk).update(state=State.DRAFT, version=F("version") + 1)
    assert outliers.peer_values(me, TT1790.elements) == {}


def test_peer_figures_follow_a_return_and_a_new_submission_in_this_process(
    period, daklak, commune_b_reporter, focal_officer
):
    other = _submitted_peer(period, daklak, commune_b_reporter)
    me = services.get_or_create_submission(period, daklak.commune_a)
    assert outliers.peer_values(me, TT1790.elements)[("TT_SESSIONS", "")] == [D(4)]
    services.return_submission(other, focal_officer, "Kiểm tra lại số buổi.")
    assert outliers.peer_values(me, TT1790.elements) == {}
    services.save_draft(other, {("TT_SESSIONS", ""): "6"}, None, commune_b_reporter, expected_version=None)
    services.submit(other, commune_b_reporter)
    assert outliers.peer_values(me, TT1790.elements)[("TT_SESSIONS", "")] == [D(6)]
    # the report's own figures are never its peers
    assert outliers.peer_values(other, TT1790.elements).get(("TT_SESSIONS", "")) is None


def test_peer_versions_read_the_unit_type_by_key_without_joining_every_unit(
    period, daklak, commune_b_reporter, department_reporter
):
    """PostgreSQL hashed a join of the reports with every unit of the country to keep those of one
    type; the type is read per report by its key instead, and a department's report is still no
    commune's peer."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _submitted_peer(period, daklak, commune_b_reporter)
    department = services.get_or_create_submission(period, daklak.health, department_reporter)
    fill(department, department_reporter)
    services.submit(department, department_reporter)
    me = services.get_or_create_submission(period, daklak.commune_a)
    found = outliers.peer_values(me, TT1790.elements)
    assert found[("TT_SESSIONS", "")] == [D(4)]
    with CaptureQueriesContext(connection) as queries:
        outliers.peer_values(me, TT1790.elements)
    [statement] = [q["sql"] for q in queries.captured_queries]
    assert "JOIN" not in statement and "ORDER BY" not in statement


def _kept(reports: dict[int, dict]) -> outliers._Figures:
    return outliers._Figures(dict.fromkeys(reports, 1), reports)


KEY = ("TT_SESSIONS", "")
CODES = {"TT_SESSIONS"}


@pytest.mark.parametrize("seed", range(12))
def test_a_complete_reports_scores_from_the_kept_spread_are_those_computed_in_full(seed):
    """A report shown again is scored from the kept median and MAD of every complete report's figure
    (its own among them): the same score, flagged or not, as computed from its peers' list."""
    import random

    chance = random.Random(seed)
    size = chance.randint(1, 40)
    reports = {
        pk: {KEY: D(chance.choice([chance.randint(0, 30), chance.randint(0, 3000)]))} for pk in range(size)
    }
    kept = _kept(reports)
    for pk, figures in reports.items():
        peers = outliers.Peers(kept, figures, CODES)
        others = [f[KEY] for other, f in reports.items() if other != pk]
        own = figures[KEY]
        assert sorted(peers.get(KEY, [])) == sorted(others)
        assert peers.outlier_score(KEY, own) == outliers.against_peers(own, others)
        changed = own * 7 + 1  # a draft's new figure: computed in full
        assert peers.outlier_score(KEY, changed) == outliers.against_peers(changed, others)


def test_peers_leave_out_the_reports_own_figure_once_and_keys_nobody_else_reported():
    kept = _kept({1: {KEY: D(4), ("TT_PARTICIPANTS", "FEMALE"): D(9)}, 2: {KEY: D(4)}, 3: {KEY: D(2)}})
    peers = outliers.Peers(kept, kept.reports[1], CODES | {"TT_PARTICIPANTS"})

    assert peers[KEY] == [D(2), D(4)]  # one 4 (the other report's) stays
    assert ("TT_PARTICIPANTS", "FEMALE") not in peers  # only this report has it
    assert dict(peers) == {KEY: [D(2), D(4)]}
    assert outliers.Peers(kept, kept.reports[1], set()) == {}  # no numeric element asked


def test_kept_figures_are_reused_while_no_report_changes_and_peers_keep_what_they_were_made_from(
    period, daklak, commune_b_reporter, focal_officer
):
    other = _submitted_peer(period, daklak, commune_b_reporter)
    me = services.get_or_create_submission(period, daklak.commune_a)
    first = outliers.peer_values(me, TT1790.elements)
    assert outliers.peer_values(me, TT1790.elements)._figures is first._figures

    services.return_submission(other, focal_officer, "Kiểm tra lại số buổi.")

    assert first[KEY] == [D(4)]  # handed out before the return: unchanged
    assert outliers.peer_values(me, TT1790.elements) == {}
