"""The archive check before parsing: bombs, too many parts, DTDs refused in Vietnamese, quickly."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from django.utils import translation

from binhdang.core.archives import MAX_MEMBERS, UnsafeArchive, check_archive
from tests.hostile import bomb, docx_bomb, many_parts, with_dtd


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def refusal(data: bytes, name: str = "kehoach.docx") -> str:
    with pytest.raises(UnsafeArchive) as refused:
        check_archive(data, name)
    return str(refused.value)


def test_the_156_mb_docx_of_the_probe_is_refused_in_well_under_a_second():
    data = docx_bomb()
    assert len(data) < 1024 * 1024
    started = time.monotonic()
    message = refusal(data)
    assert time.monotonic() - started < 0.5
    assert message.startswith("Tệp “kehoach.docx” bị từ chối: phần word/document.xml khi giải nén")
    assert "156,0" in message


def test_a_part_inflating_a_thousand_times_under_the_size_limit_is_refused_by_its_ratio():
    message = refusal(bomb("word/document.xml", 5 * 1024 * 1024))
    assert "nén" in message and "bom giải nén" in message


def test_the_total_of_the_parts_is_bounded():
    parts = {f"word/media/image{i}.png": b"x" * (15 * 1024 * 1024) for i in range(4)}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    assert "khi mở sẽ vượt quá" in refusal(buffer.getvalue())


def test_too_many_parts_and_a_dtd_are_refused():
    assert f"tối đa {MAX_MEMBERS}" in refusal(many_parts(MAX_MEMBERS + 1))
    assert "DTD" in refusal(with_dtd())


def test_an_ordinary_office_file_passes(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Kế hoạch thực hiện bình đẳng giới " * 200)
    path = tmp_path / "kehoach.docx"
    document.save(path)
    check_archive(path.read_bytes(), "kehoach.docx")


def test_something_that_is_no_zip_is_left_to_the_callers_message():
    with pytest.raises(zipfile.BadZipFile):
        check_archive(b"PK\x03\x04 not really", "x.docx")
