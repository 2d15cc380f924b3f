"""Every upload path probed with hostile archives and bodies (hypothesis; issue 14).

The paths: the plan upload page, the Excel template upload, the data value set upload page, and the
API (data value set import, report PATCH). The inputs: decompression bombs dressed as .docx/.xlsx (one
part inflating hundreds of times, parts too large, too many parts, a DTD, a bomb nested in an
archive), JSON nested far too deep, too large, with number literals of thousands of digits or
non-standard constants, and bytes that are no UTF-8. Each is refused with a Vietnamese message naming
the problem, quickly, and changes nothing (``tests.db_snapshot``: every table and the stored files).
"""

from __future__ import annotations

import html
import io
import json
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from binhdang.core.archives import MAX_MEMBERS, MAX_RATIO
from binhdang.core.jsonbody import MAX_JSON_BYTES, MAX_JSON_DEPTH
from tests.api.conftest import build_api_world, token_client
from tests.db_snapshot import changes, snapshot
from tests.fuzzing import VIETNAMESE
from tests.hostile import bomb, many_parts, with_dtd

PROBE = settings(
    max_examples=10,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
#: A refusal must come well before any parser could have inflated the archive or walked the body.
QUICK = 3.0
MB = 1024 * 1024


def _nested_bomb(part: str) -> bytes:
    """An archive holding a small ``part`` and, as another member, a whole bomb: counted, never opened."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(part, "<document/>")
        archive.writestr("embeddings/inner.zip", bomb("inner.xml", 30 * MB))
    return buffer.getvalue()


#: The kinds of hostile archive, each with a size parameter drawn by hypothesis.
ARCHIVES = st.one_of(
    st.tuples(st.just("ratio"), st.integers(min_value=2 * MB, max_value=3 * MB)),  # > MAX_RATIO times
    st.tuples(st.just("size"), st.integers(min_value=21 * MB, max_value=40 * MB)),
    st.tuples(st.just("parts"), st.integers(min_value=1, max_value=50)),
    st.tuples(st.just("dtd"), st.just(0)),
    st.tuples(st.just("nested"), st.just(0)),
)


def hostile_archive(kind: str, size: int, part: str) -> tuple[bytes, tuple[str, ...]]:
    """``(bytes, phrases one of which the refusal must contain)`` of an archive whose XML ``part`` is
    what the reader parses (built here, not drawn: hypothesis would print megabytes)."""
    if kind == "ratio":
        return bomb(part, size), ("được nén tới",)
    if kind == "size":
        return bomb(part, size), ("khi giải nén sẽ chiếm",)
    if kind == "parts":
        return many_parts(MAX_MEMBERS + size), ("phần (tối đa",)
    if kind == "dtd":
        return with_dtd(part), ("khai báo DTD",)
    # The inner bomb is never opened: the file is refused for what it is (no plan, no workbook).
    return _nested_bomb(part), ("không phải", "hỏng")


def _warm(post) -> None:
    """One refused request first, so that the timed one does not pay for the first import of the
    readers and the first rendering of the page (several seconds on a busy machine)."""
    post(SimpleUploadedFile("warm.docx", bomb("word/document.xml", 2 * MB)))


def _refusal_text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def period(daklak, focal_officer):
    from binhdang.reporting import services
    from tests.reporting.conftest import make_plan

    return services.open_period(make_plan(daklak.root), 2026, focal_officer)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@PROBE
@given(probe=ARCHIVES)
def test_the_plan_upload_page_refuses_hostile_archives(client, daklak, focal_officer, media, probe):
    kind, size = probe
    content, phrases = hostile_archive(kind, size, "word/document.xml")
    client.force_login(focal_officer)

    def post(upload):
        return client.post(reverse("plans:upload"), {"province": daklak.root.pk, "file": upload})

    _warm(post)
    before = snapshot(media)
    started = time.monotonic()
    response = post(SimpleUploadedFile("ke-hoach.docx", content))
    assert time.monotonic() - started < QUICK, kind
    assert response.status_code == 400, kind
    page = _refusal_text(response)
    assert "ke-hoach.docx" in page or kind == "nested", kind
    assert any(phrase in page for phrase in phrases), (kind, phrases)
    assert not changes(before, snapshot(media))


@PROBE
@given(probe=ARCHIVES)
def test_the_excel_upload_refuses_hostile_archives(client, period, focal_officer, media, probe):
    kind, size = probe
    content, phrases = hostile_archive(kind, size, "xl/worksheets/sheet1.xml")
    client.force_login(focal_officer)

    def post(upload):
        return client.post(reverse("reporting:xlsx_upload"), {"uploads": [upload], "submit": ""})

    _warm(post)
    before = snapshot(media)
    started = time.monotonic()
    response = post(SimpleUploadedFile("bao-cao.xlsx", content))
    assert time.monotonic() - started < QUICK, kind
    page = _refusal_text(response)
    assert 'data-file="bao-cao.xlsx" data-accepted="0"' in page, kind
    phrases = (*phrases, "không phải là tệp Excel") if kind == "nested" else phrases
    assert any(phrase in page for phrase in phrases), (kind, phrases)
    assert not changes(before, snapshot(media))


#: The kinds of hostile JSON body, each with a parameter drawn by hypothesis.
BODIES = st.one_of(
    st.tuples(st.just("deep"), st.integers(min_value=MAX_JSON_DEPTH + 1, max_value=200_000)),
    st.tuples(st.just("deep-objects"), st.integers(min_value=MAX_JSON_DEPTH + 1, max_value=50_000)),
    st.tuples(st.just("large"), st.integers(min_value=1, max_value=1000)),
    st.tuples(st.just("digits"), st.integers(min_value=41, max_value=6000)),
    st.tuples(st.just("constant"), st.sampled_from(["NaN", "Infinity", "-Infinity"])),
    st.tuples(st.just("not-utf8"), st.just(0)),
)


def hostile_body(kind: str, param) -> tuple[bytes, tuple[str, ...]]:
    """``(JSON bytes, phrases one of which the refusal must contain)``."""
    if kind == "deep":
        return b"[" * param + b"]" * param, ("lồng quá sâu",)
    if kind == "deep-objects":
        return b'{"a":' * param + b"1" + b"}" * param, ("lồng quá sâu",)
    if kind == "large":  # the upload page stops at its own 5 MB file limit, the API at the JSON limit
        return b" " * (MAX_JSON_BYTES + param) + b"{}", ("quá lớn", "Tệp lớn hơn")
    if kind == "digits":  # a JSON number of thousands of digits as a count
        body = {
            "dataSet": "TT1790",
            "period": "2026",
            "orgUnit": "66-C001",
            "dataValues": [{"dataElement": "TT_SESSIONS", "value": 0}],
        }
        text = json.dumps(body).replace('"value": 0', '"value": ' + "9" * param)
        return text.encode(), ("quá dài đối với một số",)
    if kind == "constant":
        return f'{{"dataSet": {param}}}'.encode(), ("không phải JSON hợp lệ", "không hợp lệ")
    return b'{"dataSet": "\xff\xfe"}', ("UTF-8", "không hợp lệ")


@PROBE
@given(probe=BODIES)
def test_the_data_value_set_upload_page_refuses_hostile_bodies(client, period, focal_officer, media, probe):
    kind, param = probe
    content, phrases = hostile_body(kind, param)
    client.force_login(focal_officer)
    before = snapshot(media)
    started = time.monotonic()
    response = client.post(
        reverse("reporting:data_import"), {"file": SimpleUploadedFile("sets.json", content)}
    )
    assert time.monotonic() - started < QUICK, kind
    assert response.status_code == 400, kind
    page = _refusal_text(response)
    assert any(phrase in page for phrase in phrases), (kind, phrases)
    assert not changes(before, snapshot(media))


@pytest.fixture
def api(daklak, laichau, focal_officer, commune_a_reporter, commune_b_reporter, leader, outsider):
    world = build_api_world(
        daklak,
        laichau,
        {
            "focal": focal_officer,
            "reporter_a": commune_a_reporter,
            "reporter_b": commune_b_reporter,
            "leader": leader,
            "outsider": outsider,
        },
    )
    return world, token_client(commune_a_reporter)


@PROBE
@given(probe=BODIES, method=st.sampled_from(["POST datavaluesets", "PATCH submission"]))
def test_the_api_refuses_hostile_bodies_with_json_in_vietnamese(api, probe, method):
    world, client = api
    kind, param = probe
    content, phrases = hostile_body(kind, param)
    url = (
        "/api/v1/datavaluesets/"
        if method.startswith("POST")
        else f"/api/v1/submissions/{world.submission.pk}/"
    )
    client.generic(method.split()[0], url, b"[" * 100, content_type="application/json")  # warm up
    before = snapshot()
    started = time.monotonic()
    response = client.generic(method.split()[0], url, content, content_type="application/json")
    assert time.monotonic() - started < QUICK, kind
    assert response.status_code == 400, (kind, method, response.status_code)
    body = response.json()
    assert VIETNAMESE.search(body["detail"]), body
    if kind in ("deep", "deep-objects", "large"):
        assert any(phrase in body["detail"] for phrase in phrases), body
    assert not changes(before, snapshot())


def test_the_limits_named_in_the_probes_are_the_documented_ones():
    """The README's security section states these numbers; a change of a limit changes it there too."""
    from pathlib import Path

    from binhdang.reporting.limits import MAX_NUMBER_CHARS

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for text in (
        f"{MAX_JSON_DEPTH} levels",
        f"{MAX_RATIO}:1",
        f"{MAX_MEMBERS:,} parts",
        "5,000 lines",
        f"{MAX_NUMBER_CHARS} characters",
    ):
        assert text in readme, text
