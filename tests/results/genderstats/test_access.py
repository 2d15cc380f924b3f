"""Who sees the gender statistics (results.genderstats.access): the menu's question "is one of my units
responsible for a series" and the provinces and series each persona reads."""

from __future__ import annotations

from binhdang.accounts import access as base
from binhdang.results.genderstats import access
from tests.factories import make_user


def test_only_a_reporter_of_a_responsible_unit_is_responsible_for_a_series(
    strategy_plan, stats_reporter, commune_a_reporter, focal_officer, daklak
):
    assert access.responsible_for_a_series(stats_reporter)
    assert not access.responsible_for_a_series(commune_a_reporter)
    assert not access.responsible_for_a_series(focal_officer)
    strategy_plan.status = "archived"
    strategy_plan.save()
    assert not access.responsible_for_a_series(stats_reporter)  # only plans in force count


def test_asking_costs_no_query_for_a_user_who_reports_for_no_unit(
    strategy_plan, focal_officer, ministry_viewer, django_assert_num_queries
):
    nobody = make_user("nobody")
    with base.roles_read_once():
        for user in (focal_officer, ministry_viewer, nobody):
            base.grants(user)
        with django_assert_num_queries(0):
            for user in (focal_officer, ministry_viewer, nobody):
                assert not access.responsible_for_a_series(user)


def test_the_question_is_one_query_with_the_unit_ids_and_no_subquery_of_units(
    strategy_plan, stats_reporter, django_assert_num_queries
):
    with base.roles_read_once():
        base.grants(stats_reporter)
        with django_assert_num_queries(1) as captured:
            assert access.responsible_for_a_series(stats_reporter)
    assert 'FROM "ORGUNITS_ORGUNIT"' not in captured.captured_queries[0]["sql"].upper()


def test_each_persona_reads_the_provinces_and_series_it_should(
    strategy_plan,
    stats_reporter,
    commune_a_reporter,
    focal_officer,
    leader,
    ministry_viewer,
    outsider,
    daklak,
):
    for user in (focal_officer, leader, stats_reporter):
        assert list(access.provinces(user)) == [daklak.root], user
    lai_chau = outsider.role_assignments.get().org_unit
    assert set(access.provinces(ministry_viewer)) == {daklak.root, lai_chau}
    assert list(access.provinces(outsider)) == [lai_chau]
    assert not access.provinces(commune_a_reporter).exists()
    assert access.readable_series(stats_reporter, daklak.root) == {"NQ28.2.1"}
    assert access.readable_series(leader, daklak.root) is None
