"""A save's reads and writes of a report's value rows (reporting.value_rows): the web form's bulk
writes leave the same rows and audit history as one save per value, in a fixed number of statements."""

from __future__ import annotations

from django.db.models.signals import post_save

from binhdang.reporting import services, value_rows
from binhdang.reporting.models import DataValue

from .conftest import COMMUNE_VALUES
from .test_services import previous_plan

CHANGES = {
    ("TT_SESSIONS", ""): "6",  # changed
    ("TT_NEWS", ""): "",  # cleared
    ("TT_PARTICIPANTS", "MALE"): "120",  # unchanged
}


def _rows(report):
    values = sorted(
        DataValue.objects.filter(submission=report).values_list(
            "data_element", "category_option_combo", "value", "updated_by"
        )
    )
    history = sorted(
        DataValue.history.filter(submission_id=report.pk).values_list(
            "history_type",
            "data_element",
            "category_option_combo",
            "value",
            "updated_by",
            "history_user",
            "history_change_reason",
        )
    )
    return values, history


def _save_twice(report, user, *, bulk):
    first = {**COMMUNE_VALUES}
    del first[("TT_BUDGET_OTHER", "")]  # left out: kept (nothing stored)
    services.save_draft(report, first, {}, user, expected_version=report.version, bulk=bulk)
    services.save_draft(report, CHANGES, {}, user, expected_version=report.version, bulk=bulk)


def test_the_web_forms_bulk_save_leaves_the_same_rows_and_history_as_one_save_per_value(
    period, daklak, focal_officer
):
    one_by_one = services.get_or_create_submission(period, daklak.commune_a, focal_officer)
    together = services.get_or_create_submission(period, daklak.commune_b, focal_officer)
    _save_twice(one_by_one, focal_officer, bulk=False)
    _save_twice(together, focal_officer, bulk=True)

    assert _rows(together) == _rows(one_by_one)
    values, history = _rows(together)
    assert ("TT_SESSIONS", "", "6", focal_officer.pk) in values
    assert not [v for v in values if v[0] == "TT_NEWS"]
    kinds = [h[0] for h in history]
    assert (kinds.count("+"), kinds.count("~"), kinds.count("-")) == (len(COMMUNE_VALUES) - 1, 1, 1)
    assert {h[5] for h in history} == {focal_officer.pk}
    changed = DataValue.history.filter(submission_id=together.pk, data_element="TT_SESSIONS")
    assert [(h.history_type, h.value, h.prev_record.value if h.prev_record else None) for h in changed] == [
        ("~", "6", "4"),
        ("+", "4", None),
    ]


def test_a_bulk_save_sends_the_save_signals_of_each_value_written(period, daklak, commune_a_reporter):
    report = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    services.save_draft(report, {("TT_SESSIONS", ""): "4"}, {}, commune_a_reporter, expected_version=1)
    seen = []

    def receiver(sender, instance, created, **kwargs):
        seen.append((instance.data_element, instance.value, created, instance.pk is not None))

    post_save.connect(receiver, sender=DataValue, weak=False)
    try:
        services.save_draft(
            report,
            {("TT_SESSIONS", ""): "5", ("TT_NEWS", ""): "12"},
            {},
            commune_a_reporter,
            expected_version=report.version,
            bulk=True,
        )
    finally:
        post_save.disconnect(receiver, sender=DataValue)
    assert sorted(seen) == [("TT_NEWS", "12", True, True), ("TT_SESSIONS", "5", False, True)]


def test_the_values_and_last_years_are_read_in_one_statement(
    period, daklak, commune_a_reporter, focal_officer, plan, django_assert_num_queries
):
    last_year = services.open_period(previous_plan(daklak), 2025, focal_officer)
    old = services.get_or_create_submission(last_year, daklak.commune_a)
    services.save_draft(
        old, {("TT_NEWS", ""): "120", ("TT_SESSIONS", ""): "3"}, None, None, expected_version=None
    )
    report = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    services.save_draft(report, {("TT_SESSIONS", ""): "4"}, {}, commune_a_reporter, expected_version=1)
    with django_assert_num_queries(1):
        existing, previous = value_rows.read_for_save(report)
    assert {key: value.value for key, value in existing.items()} == report.value_map()
    assert previous == services.previous_values(report) and previous
    assert all(value.submission_id == report.pk and value.pk for value in existing.values())


EDITS = {
    ("TT_SESSIONS", ""): "7",
    ("TT_PARTICIPANTS", "MALE"): "121",
    ("TT_PARTICIPANTS", "FEMALE"): "1250",
}


def test_a_bulk_save_that_changes_several_figures_leaves_the_rows_and_history_of_one_save_each(
    period, daklak, focal_officer, fixed_clock
):
    one_by_one = services.get_or_create_submission(period, daklak.commune_a, focal_officer)
    together = services.get_or_create_submission(period, daklak.commune_b, focal_officer)
    for report, bulk in ((one_by_one, False), (together, True)):
        services.save_draft(
            report, COMMUNE_VALUES, {}, focal_officer, expected_version=report.version, bulk=bulk
        )
    fixed_clock.shift(60)
    for report, bulk in ((one_by_one, False), (together, True)):
        services.save_draft(report, EDITS, {}, focal_officer, expected_version=report.version, bulk=bulk)

    assert _rows(together) == _rows(one_by_one)
    stored = {
        (v.data_element, v.category_option_combo): v for v in DataValue.objects.filter(submission=together)
    }
    for key, text in EDITS.items():
        assert (stored[key].value, stored[key].updated_by) == (text, focal_officer)
    untouched = stored[("TT_NEWS", "")]
    assert (untouched.value, untouched.updated_by) == (COMMUNE_VALUES[("TT_NEWS", "")], focal_officer)
    edited_at = {stored[key].updated_at for key in EDITS}
    assert len(edited_at) == 1 and untouched.updated_at < edited_at.pop()


def test_the_changed_figures_of_a_bulk_save_are_written_in_one_update(period, daklak, focal_officer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    report = services.get_or_create_submission(period, daklak.commune_a, focal_officer)
    services.save_draft(report, COMMUNE_VALUES, {}, focal_officer, expected_version=report.version, bulk=True)
    with CaptureQueriesContext(connection) as queries:
        services.save_draft(report, EDITS, {}, focal_officer, expected_version=report.version, bulk=True)
    updates = [
        q["sql"] for q in queries.captured_queries if q["sql"].startswith('UPDATE "reporting_datavalue"')
    ]
    assert len(updates) == 1 and updates[0].count("WHEN") == len(EDITS)


def test_the_new_figures_of_a_bulk_save_and_their_history_are_written_in_one_insert_each(
    period, daklak, focal_officer
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    report = services.get_or_create_submission(period, daklak.commune_a, focal_officer)
    with CaptureQueriesContext(connection) as queries:
        services.save_draft(
            report, COMMUNE_VALUES, {}, focal_officer, expected_version=report.version, bulk=True
        )
    inserts = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("INSERT INTO")]
    assert len([sql for sql in inserts if sql.startswith('INSERT INTO "reporting_datavalue"')]) == 1
    assert len([sql for sql in inserts if sql.startswith('INSERT INTO "reporting_historicaldatavalue"')]) == 1
    stored = DataValue.objects.filter(submission=report)
    assert stored.count() == len(COMMUNE_VALUES)
    assert sorted(h.id for h in DataValue.history.filter(submission_id=report.pk)) == sorted(
        v.pk for v in stored
    )


def test_a_bulk_saves_history_rows_fill_every_column_of_the_history_table_but_its_own_key(
    period, daklak, focal_officer
):
    report = services.get_or_create_submission(period, daklak.commune_a, focal_officer)
    services.save_draft(report, COMMUNE_VALUES, {}, focal_officer, expected_version=report.version, bulk=True)
    history = DataValue.history.model
    written = {field.attname for field in history.tracked_fields} | {
        "history_date",
        "history_user_id",
        "history_change_reason",
        "history_type",
    }
    assert {field.attname for field in history._meta.concrete_fields} - written == {"history_id"}
    row = DataValue.history.filter(submission_id=report.pk).first()
    assert (row.history_type, row.history_user, row.history_change_reason) == ("+", focal_officer, None)
    assert row.history_date is not None and row.updated_at is not None
