"""Fuzzing the plan extractor (hypothesis): random text, mutated seed plans, random and damaged .docx.

Whatever it is given, the extractor either returns a result that follows the plan-extract contract
(and can be printed as strict JSON) or raises its own ``ExtractionError`` with a Vietnamese message;
never anything else.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from binhdang.plans.extraction import ExtractionError, extract_docx, extract_file, extract_text
from tests.fuzzing import VIETNAMESE
from tests.plans.docx_render import render_docx
from tests.plans.samples import schema, seed_texts

FUZZ = settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
ODD_NUMBERS = [
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "1e309",
    "9" * 40,
    "-0",
    "0,000000001",
    "1.000.000.000.000",
]


@pytest.fixture(scope="module")
def contract():
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(schema())
    return validator


@pytest.fixture(scope="module")
def seeds() -> list[str]:
    return seed_texts()[:3]


def outcome(contract, call):
    """Run ``call``; a result must follow the contract, an error must be the extractor's, in Vietnamese."""
    try:
        result = call()
    except ExtractionError as error:
        assert VIETNAMESE.search(error.message), error.message
        return None
    errors = sorted(contract.iter_errors(result), key=str)
    assert not errors, errors[0]
    json.dumps(result, ensure_ascii=False, allow_nan=False)  # what `plan extract --json` prints
    return result


# --- mutations of a text plan ------------------------------------------------------------------------


def _mutate(text: str, data) -> str:
    lines = text.splitlines()
    for _ in range(data.draw(st.integers(1, 6), label="mutations")):
        if not lines:
            lines = [""]
        kind = data.draw(
            st.sampled_from(["drop", "duplicate", "swap", "insert", "numbers", "truncate", "upper"]),
            label="kind",
        )
        i = data.draw(st.integers(0, len(lines) - 1), label="line")
        if kind == "drop":
            del lines[i : i + data.draw(st.integers(1, 40))]
        elif kind == "duplicate":
            lines[i:i] = lines[i : i + data.draw(st.integers(1, 20))]
        elif kind == "swap":
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "insert":
            lines.insert(i, data.draw(st.text(max_size=80)))
        elif kind == "numbers":
            odd = data.draw(st.sampled_from(ODD_NUMBERS))
            lines[i] = re.sub(r"\d+(?:[.,]\d+)?", odd, lines[i])
        elif kind == "truncate":
            lines[i] = lines[i][: data.draw(st.integers(0, max(len(lines[i]), 1)))]
        else:
            lines[i] = lines[i].upper()
    return "\n".join(lines)


# --- text ------------------------------------------------------------------------------------------


@FUZZ
@given(text=st.text(max_size=400))
@example(text="KẾ HOẠCH\nI. MỤC TIÊU\nII. NHIỆM VỤ\nIII. TỔ CHỨC THỰC HIỆN")
@example(text="KẾ HOẠCH\nI. MỤC TIÊU\n1. Đạt NaN% vào năm 1e309\nII. NHIỆM VỤ\n1. inf cuộc\n")
def test_random_text_gives_a_valid_plan_or_a_vietnamese_error(contract, text):
    outcome(contract, lambda: extract_text(text))


@FUZZ
@given(data=st.data())
def test_mutated_seed_plans_give_a_valid_plan_or_a_vietnamese_error(contract, seeds, data):
    text = _mutate(data.draw(st.sampled_from(seeds), label="seed"), data)
    outcome(contract, lambda: extract_text(text))


@pytest.mark.parametrize("odd", ODD_NUMBERS)
def test_every_number_of_a_seed_replaced_by_an_odd_one_still_follows_the_contract(contract, seeds, odd):
    outcome(contract, lambda: extract_text(re.sub(r"\d+", odd, seeds[0])))


# --- .docx -----------------------------------------------------------------------------------------


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def _with_document_xml(docx: bytes, document_xml: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    files["word/document.xml"] = document_xml
    return _zip(files)


@FUZZ
@given(data=st.binary(max_size=2000))
@example(data=b"")
@example(data=b"PK\x03\x04" + b"\x00" * 60)
@example(data=b"PK\x05\x06" + b"\x00" * 18)
def test_random_bytes_as_docx_give_a_vietnamese_error_or_a_valid_plan(contract, data):
    outcome(contract, lambda: extract_docx(data))


@FUZZ
@given(
    files=st.dictionaries(
        st.sampled_from(["a.txt", "word/x.xml", "[Content_Types].xml", "_rels/.rels", "word/document.xml"]),
        st.binary(max_size=200),
        max_size=4,
    )
)
@example(files={"readme.txt": b"not a docx"})
@example(files={"word/document.xml": b"<w:document/>"})
def test_zips_that_are_not_docx_give_a_vietnamese_error(contract, files):
    outcome(contract, lambda: extract_docx(_zip(files)))


@FUZZ
@given(data=st.data())
def test_a_docx_with_a_damaged_document_xml_gives_a_vietnamese_error_or_a_valid_plan(contract, seeds, data):
    good = render_docx(seeds[0])
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        xml = archive.read("word/document.xml")
    # Every example draws the same things (whatever the damage), so that a replayed example draws
    # exactly as the first run did.
    kind = data.draw(st.sampled_from(["cut", "garbage", "flip", "empty"]), label="damage")
    at = data.draw(st.integers(0, 10**6), label="where (millionths of the file)") * (len(xml) - 1) // 10**6
    garbage = data.draw(st.binary(min_size=1, max_size=50), label="garbage")
    if kind == "cut":
        broken = xml[:at]
    elif kind == "garbage":
        broken = xml[:at] + garbage + xml[at:]
    elif kind == "flip":
        broken = xml[:at] + bytes([xml[at] ^ 0xFF]) + xml[at + 1 :]
    else:
        broken = b""
    outcome(contract, lambda: extract_docx(_with_document_xml(good, broken)))


@FUZZ
@given(data=st.data())
def test_mutated_seed_plans_rendered_as_docx_give_a_valid_plan_or_a_vietnamese_error(contract, seeds, data):
    text = _mutate(data.draw(st.sampled_from(seeds), label="seed"), data)
    try:
        docx = render_docx(text)
    except Exception:  # the test renderer's own limits (e.g. control characters python-docx refuses)
        return
    outcome(contract, lambda: extract_docx(docx))


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"   \n",
        b"\xff\xfe",
        "KẾ HOẠCH".encode("utf-16"),
        b"\x00" * 100,
        b"%PDF-1.4",
        b"PK\x03\x04junk",
        b"\xff\xfeA",  # UTF-16 of an odd length: a UnicodeDecodeError escaped
        "KẾ HOẠCH\n".encode() * 600 + b"\x00",  # NUL past the sniffed start: PostgreSQL cannot store it
    ],
)
def test_extract_file_refuses_odd_files_in_vietnamese(tmp_path: Path, contract, content):
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(content)
    outcome(contract, lambda: extract_file(path))
