"""Fuzzing the Excel template upload (hypothesis): filled templates with text, negative numbers,
formulas, dates, huge numbers in their cells, sheets removed, the hidden ``_meta`` edited, and random
or damaged bytes.

``import_xlsx`` never raises for a bad file: the file is saved whole, or refused with Vietnamese
messages and every table left as it was.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from binhdang.reporting.excel.importer import import_xlsx
from binhdang.reporting.excel.template import build_template
from tests.db_snapshot import changes, snapshot
from tests.fuzzing import VIETNAMESE

from .test_xlsx_import import COMMUNE_CELLS, edit

FUZZ = settings(
    max_examples=20,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
#: Cells of the sheet a user may type into, and some they should not (header, codes, numbers).
CELLS = [*COMMUNE_CELLS, "C5", "C6", "G15", "G16", "A15", "C16", "B20", "C40", "XFD1"]
CELL_VALUES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=30)  # what a cell can hold
    | st.dates(min_value=dt.date(1900, 3, 1))
    | st.sampled_from(
        [
            -1,
            -0.5,
            10**20,
            1e308,
            "=1/0",
            "=C15+C17",
            "=SUM(A1:A3)",
            "=NA()",
            "#DIV/0!",
            "NaN",
            "inf",
            "Có",
            "Không",
            "'12",
            "1.000.000",
            "1,5",
            " ",
        ]
    )
)


def as_meta_text(value) -> str:
    """A ``_meta`` value as ``excel.meta.read_meta`` reads it."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value).strip()


@pytest.fixture
def template(period, daklak) -> bytes:
    """Xã Ea Kar's template, filled with a complete report."""
    return edit(build_template(period, daklak.commune_a), COMMUNE_CELLS)


def check(content: bytes, user, *, submit: bool = False):
    """Import ``content``: saved whole, or refused in Vietnamese with no table changed (rolled back
    after, so that each example starts from the same reports)."""
    with transaction.atomic():
        before = snapshot()
        result = import_xlsx(content, user, submit=submit, filename="ea-kar.xlsx")
        if result.errors:
            assert all(VIETNAMESE.search(m) for m in result.errors), result.errors
            assert not result.submitted and result.submission is None
            assert changes(before, snapshot()) == []
        else:
            assert result.submission is not None
        transaction.set_rollback(True)
    return result


@FUZZ
@given(
    changes=st.dictionaries(st.sampled_from(CELLS), CELL_VALUES, min_size=1, max_size=5), submit=st.booleans()
)
@example(changes={"C15": "=1/0"}, submit=False)
@example(changes={"C15": 10**20}, submit=False)
@example(changes={"C29": 1e308}, submit=False)
@example(changes={"C33": dt.date(2026, 1, 1)}, submit=True)
def test_cells_typed_anything_are_saved_or_refused_with_nothing_changed(
    template, commune_a_reporter, changes, submit
):
    check(edit(template, changes), commune_a_reporter, submit=submit)


#: The signed values of ``_meta`` and the signature (B9, ``generated_at``, is for people, unsigned).
SIGNED_META_CELLS = [f"B{row}" for row in (*range(1, 9), 10)]


@FUZZ
@given(changes=st.dictionaries(st.sampled_from(SIGNED_META_CELLS), CELL_VALUES, min_size=1, max_size=3))
@example(changes={"B5": 2026})  # the year typed as a number: the same text, accepted
@example(changes={"B5": 2027})  # another year: refused
def test_an_edited_meta_sheet_is_refused_with_nothing_changed(template, commune_a_reporter, changes):
    result = check(edit(template, changes, sheet="_meta"), commune_a_reporter)
    original = load_workbook(io.BytesIO(template))["_meta"]
    # Accepted only if every edited cell still reads the same as the importer reads it (text, stripped,
    # 2026.0 as 2026): typing 2026 over "2026" changes nothing that is signed.
    unchanged = all(as_meta_text(original[ref].value) == as_meta_text(v) for ref, v in changes.items())
    assert result.errors or unchanged


@pytest.mark.parametrize("removed", [["Biểu1"], ["_meta"], ["Biểu1", "_meta"]])
def test_a_template_with_a_sheet_removed_is_refused(template, commune_a_reporter, removed):
    book = load_workbook(io.BytesIO(template))
    book.create_sheet("Sheet1")  # a workbook needs one visible sheet
    for name in removed:
        del book[name]
    out = io.BytesIO()
    book.save(out)

    assert check(out.getvalue(), commune_a_reporter).errors


@FUZZ
@given(data=st.data())
def test_damaged_bytes_are_refused_with_nothing_changed(template, commune_a_reporter, data):
    kind = data.draw(st.sampled_from(["random", "cut", "flip", "garbage"]), label="damage")
    if kind == "random":
        content = data.draw(st.binary(max_size=500))
    elif kind == "cut":
        content = template[: data.draw(st.integers(0, len(template) - 1))]
    elif kind == "flip":
        at = data.draw(st.integers(0, len(template) - 1))
        content = template[:at] + bytes([template[at] ^ 0xFF]) + template[at + 1 :]
    else:
        at = data.draw(st.integers(0, len(template)))
        content = template[:at] + data.draw(st.binary(min_size=1, max_size=40)) + template[at:]
    check(content, commune_a_reporter)


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04", b"PK\x05\x06" + b"\x00" * 18, b"<html></html>"])
def test_odd_files_are_refused(commune_a_reporter, period, content):
    assert check(content, commune_a_reporter).errors
