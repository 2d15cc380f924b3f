"""Fuzzing the data value set import (hypothesis, domain §9): files with parts of the wrong type, deep
nesting, negative counts, dates outside the period, unknown codes, units of another province.

A file is imported whole or refused with ``DataValueSetError`` (Vietnamese messages naming the place)
and every table left as it was; a valid file is imported.
"""

from __future__ import annotations

import copy
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from binhdang.reporting.datavaluesets import DataValueSetError, import_data_value_sets, parse_data_value_sets
from binhdang.reporting.models import State, Submission
from tests.db_snapshot import changes, snapshot
from tests.fuzzing import VIETNAMESE, json_values, places

from .conftest import COMMUNE_VALUES, DEPARTMENT_VALUES
from .test_datavaluesets import a_set, good_file

FUZZ = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(
        [
            "-1",
            "-0",
            "1e309",
            "NaN",
            "9" * 30,
            "1900-01-01",
            "2999-12-31",
            "2026-02-30",
            "12-C001",  # a commune of Lai Châu, another province
            "66",
            "TT_FOO",
            "NQ28",
            "default",
            "FEMALE",
            "2026",
            "",
        ]
    )
)
JSON = json_values(SCALARS, key_size=12)


def _mutated(data, draw) -> object:
    data = copy.deepcopy(data)
    for _ in range(draw(st.integers(1, 4), label="mutations")):
        paths = list(places(data))
        path = draw(st.sampled_from(paths), label="path")
        if not path:
            data = draw(JSON, label="whole file")
            continue
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        if draw(st.booleans(), label="delete") and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(JSON, label="value")
    return data


def check(call):
    """``call()`` imports, or is refused with Vietnamese messages and no table changed; rolled back after,
    so that each example starts from the same reports."""
    with transaction.atomic():
        before = snapshot()
        try:
            result = call()
        except DataValueSetError as error:
            assert error.messages and all(VIETNAMESE.search(m) for m in error.messages), error.messages
            assert changes(before, snapshot()) == []
            result = None
        transaction.set_rollback(True)
    return result


@FUZZ
@given(data=st.data())
def test_fuzzed_files_are_imported_whole_or_refused_with_nothing_changed(
    period, laichau_period, focal_officer, data
):
    fuzzed = _mutated(good_file(), data.draw)
    check(lambda: import_data_value_sets(fuzzed, focal_officer))


@FUZZ
@given(data=st.data())
def test_a_reporter_fuzzing_their_own_file_gets_an_import_or_a_clean_refusal(
    period, laichau_period, commune_a_reporter, data
):
    fuzzed = _mutated(a_set(), data.draw)
    check(lambda: import_data_value_sets(fuzzed, commune_a_reporter))


@FUZZ
@given(
    counts=st.fixed_dictionaries(
        # within the hard limits of every count (reporting.limits: 100.000 items, 10.000.000 people)
        {key: st.integers(0, 10**5).map(str) for key, value in COMMUNE_VALUES.items() if value.isdigit()}
    ),
    complete=st.sampled_from([None, "2026-11-20", "2026-12-01"]),
)
def test_any_valid_file_is_imported(period, focal_officer, counts, complete):
    values = {**COMMUNE_VALUES, **counts}
    values[("TT_CONVENTIONS_OK", "")] = values[("TT_CONVENTIONS", "")]

    result = check(lambda: import_data_value_sets(a_set(values=values, complete=complete), focal_officer))

    assert result is not None and result.sets == 1 and result.submitted == (1 if complete else 0)


@FUZZ
@given(content=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
@example(content=b"[" * 100_000)
@example(content=b'{"dataValueSets": ' + b"[" * 50_000 + b"]" * 50_000 + b"}")
@example(content=b"\xff\xfe{}")
@example(content=b"NaN")
def test_any_bytes_are_read_or_refused_in_vietnamese(period, focal_officer, content):
    try:
        data = parse_data_value_sets(content)
    except DataValueSetError as error:
        assert all(VIETNAMESE.search(m) for m in error.messages), error.messages
        return
    check(lambda: import_data_value_sets(data, focal_officer))


# --- regressions found by fuzzing ----------------------------------------------------------------


def test_a_deeply_nested_file_is_refused_with_a_vietnamese_message():
    with pytest.raises(DataValueSetError) as caught:
        parse_data_value_sets(b'{"dataValueSets": ' + b"[" * 100_000)

    assert caught.value.messages == ["Nội dung JSON lồng quá sâu (tối đa 32 cấp danh sách và đối tượng)."]


@pytest.mark.parametrize(
    ("complete", "message"),
    [
        (
            "1900-01-01",
            "dataValueSets[0].completeDate: ngày 01/01/1900 là trước kỳ báo cáo "
            "(số liệu của kỳ tính từ ngày 15/12/2025).",
        ),
    ],
)
def test_a_complete_date_before_the_period_is_refused(period, focal_officer, complete, message):
    data = good_file()
    data["dataValueSets"][0]["completeDate"] = complete
    before = snapshot()

    with pytest.raises(DataValueSetError) as caught:
        import_data_value_sets(data, focal_officer)

    assert caught.value.messages == [message]
    assert changes(before, snapshot()) == []
    assert not Submission.objects.filter(state=State.SUBMITTED).exists()


def test_parse_reads_utf8_with_bom():
    assert (
        parse_data_value_sets(json.dumps(a_set("66-D06", DEPARTMENT_VALUES)).encode("utf-8-sig"))["orgUnit"]
        == "66-D06"
    )


def test_uploading_a_deeply_nested_file_shows_the_vietnamese_message(client, period, focal_officer):
    client.force_login(focal_officer)
    upload = SimpleUploadedFile("sets.json", b"[" * 100_000, content_type="application/json")

    response = client.post(reverse("reporting:data_import"), {"file": upload})

    assert response.status_code == 400
    assert "Nội dung JSON lồng quá sâu" in response.content.decode()


def test_the_command_refuses_a_deeply_nested_file_in_vietnamese(tmp_path, period):
    source = tmp_path / "sets.json"
    source.write_bytes(b"[" * 100_000)

    with pytest.raises(CommandError, match="Nội dung JSON lồng quá sâu"):
        call_command("data", "import", str(source))


def test_a_nul_character_is_refused_with_its_place_named(period, focal_officer):
    data = good_file()
    data["dataValueSets"][1]["orgUnit"] = "66-C002\x00"
    before = snapshot()

    with pytest.raises(DataValueSetError) as caught:
        import_data_value_sets(data, focal_officer)

    assert caught.value.messages == ["dataValueSets[1].orgUnit chứa ký tự NUL (mã 0), không lưu được."]
    assert changes(before, snapshot()) == []
