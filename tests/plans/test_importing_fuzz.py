"""Fuzzing the plan import (hypothesis): extractions with parts of the wrong type, odd numbers and
missing keys, and mutated plan files through upload and confirmation.

Each one is either imported or refused with the importer's own error (``PlanImportError`` /
``UploadError``, a Vietnamese message); a refused one leaves every table as it was.
"""

from __future__ import annotations

import copy
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from binhdang.plans import services
from binhdang.plans.importing import PlanImportError, import_plan
from binhdang.plans.models import Plan
from tests.db_snapshot import changes, snapshot
from tests.fuzzing import VIETNAMESE, json_values, places
from tests.plans import extractions
from tests.plans.samples import seed_texts

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
BUILDS = [extractions.communication, extractions.strategy, extractions.district]

#: Any JSON value, with the numbers a hostile or broken extraction may hold.
ODD_NUMBERS = st.sampled_from([float("nan"), float("inf"), -float("inf"), 1e300, -1e300, 10**40, -1, 0])
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | ODD_NUMBERS
    | st.text(max_size=30)
    | st.sampled_from(["NaN", "inf", "1e309", "2030", "11-30", "13-45", "", "province", "min"])
)
JSON = json_values(SCALARS, key_size=8)


def _mutated(extraction: dict, data) -> dict:
    extraction = copy.deepcopy(extraction)
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        paths = [p for p in places(extraction) if p]
        path = data.draw(st.sampled_from(paths), label="path")
        parent = extraction
        for step in path[:-1]:
            parent = parent[step]
        if data.draw(st.booleans(), label="delete") and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = data.draw(JSON, label="value")
    return extraction


def check(call):
    """Run ``call``: it succeeds, or fails with a clean error and no table changed."""
    before = snapshot()
    try:
        return call()
    except (PlanImportError, services.UploadError) as error:
        assert VIETNAMESE.search(str(error)), str(error)
        assert changes(before, snapshot()) == []
        return None


@FUZZ
@given(data=st.data())
def test_fuzzed_extractions_are_imported_or_refused_with_nothing_changed(daklak, focal_officer, data):
    extraction = _mutated(data.draw(st.sampled_from(BUILDS), label="build")(), data)
    plan = check(lambda: import_plan(extraction, daklak.root, None, focal_officer))
    if plan is not None:
        assert Plan.objects.filter(pk=plan.pk).exists()


@FUZZ
@given(value=JSON)
@example(value=float("nan"))
@example(value=1e300)
@example(value="1e309")
def test_any_target_value_is_imported_or_refused_with_nothing_changed(daklak, focal_officer, value):
    extraction = extractions.communication()
    extraction["indicators"][0]["targets"][0]["value"] = value
    check(lambda: import_plan(extraction, daklak.root, None, focal_officer))


@pytest.fixture(scope="module")
def seeds() -> list[str]:
    return seed_texts()[:3]


@settings(FUZZ, max_examples=25)
@given(data=st.data())
def test_mutated_plan_files_upload_and_confirm_or_are_refused_with_nothing_changed(
    daklak, focal_officer, seeds, data
):
    lines = data.draw(st.sampled_from(seeds), label="seed").splitlines()
    for _ in range(data.draw(st.integers(1, 5), label="mutations")):
        i = data.draw(st.integers(0, max(len(lines) - 1, 0)), label="line")
        action = data.draw(st.sampled_from(["drop", "insert", "numbers"]), label="action")
        if action == "drop":
            del lines[i : i + data.draw(st.integers(1, 60))]
        elif action == "insert":
            lines.insert(i, data.draw(st.text(max_size=60)))
        elif lines:
            odd = data.draw(st.sampled_from(["NaN", "inf", "9" * 30, "-5", "1e309"]))
            lines[i] = re.sub(r"\d+", odd, lines[i])
    content = "\n".join(lines).encode("utf-8", "surrogatepass")
    upload = check(
        lambda: services.create_upload(
            daklak.root, SimpleUploadedFile("ke-hoach.txt", content), focal_officer
        )
    )
    if upload is not None:
        check(lambda: services.confirm_upload(upload, focal_officer))


def test_a_nan_target_value_is_refused_with_its_indicator_named(daklak, focal_officer):
    extraction = extractions.communication()
    extraction["indicators"][0]["targets"][0]["value"] = float("nan")
    before = snapshot()

    with pytest.raises(PlanImportError) as caught:
        import_plan(extraction, daklak.root, None, focal_officer)

    assert str(caught.value).startswith("Chỉ tiêu 1, mục tiêu 1: “nan” không phải là số")
    assert changes(before, snapshot()) == []


def test_a_roadmap_value_too_large_to_keep_is_refused_with_its_cell_named(daklak, focal_officer):
    extraction = extractions.communication()
    extraction["roadmap"] = [{"indicator": "1", "year": 2027, "value": 10**13}]
    before = snapshot()

    with pytest.raises(PlanImportError) as caught:
        import_plan(extraction, daklak.root, None, focal_officer)

    assert str(caught.value).startswith("Chỉ tiêu 1, năm 2027: “10000000000000” không phải là số")
    assert changes(before, snapshot()) == []


def test_a_nul_character_is_refused_with_its_place_named(daklak, focal_officer):
    extraction = extractions.communication()
    extraction["indicators"][1]["text"] = "Nhận thức\x00"
    before = snapshot()

    with pytest.raises(PlanImportError) as caught:
        import_plan(extraction, daklak.root, None, focal_officer)

    assert str(caught.value) == "indicators[1].text chứa ký tự NUL (mã 0), không lưu được."
    assert changes(before, snapshot()) == []


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (
            lambda e: e["reporting"][0].update(recurrence="x" * 40),
            "Hạn báo cáo số 1: chu kỳ “" + "x" * 40 + "” không hợp lệ (cần annual, once).",
        ),
        (
            lambda e: e.update(locality="Đắk Lắk " * 40),
            "Địa danh quá dài, không phải là tên địa phương (319 ký tự).",
        ),
    ],
    ids=["unknown-recurrence", "locality-too-long"],
)
def test_parts_the_database_cannot_hold_are_refused_with_nothing_changed(
    daklak, focal_officer, damage, message
):
    extraction = extractions.communication()
    damage(extraction)
    before = snapshot()

    with pytest.raises(PlanImportError) as caught:
        import_plan(extraction, daklak.root, None, focal_officer)

    assert str(caught.value) == message
    assert changes(before, snapshot()) == []


def test_parts_of_the_wrong_shape_are_ignored_and_long_agency_names_kept_as_written(daklak, focal_officer):
    extraction = extractions.communication()
    extraction.update(signer="Đào Mỹ", period=[2026, 2030], warnings=7)
    extraction["reporting"][0]["to"] = "UBND tỉnh"
    extraction["indicators"][0]["responsible"] = 5
    long_name = "Sở " + "rất dài " * 40
    extraction["agencies"] = [{"name": long_name, "duties": "Chủ trì"}]

    plan = import_plan(extraction, daklak.root, None, focal_officer)

    assert (plan.signer, plan.period_start, plan.warnings) == ({}, None, [])
    assert plan.obligations.order_by("order").first().receivers == ["UBND tỉnh"]
    duty = plan.duties.get()
    assert (duty.agency, duty.duties, duty.is_group) == (None, ["Chủ trì"], True)
