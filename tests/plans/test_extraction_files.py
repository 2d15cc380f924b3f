"""Bad input is refused with a clear Vietnamese message (binhdang.plans.extraction.files and API)."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from django.utils import translation

from binhdang.plans.extraction import ExtractionError, extract_docx, extract_file, extract_text
from binhdang.plans.extraction.files import sniff

LETTER = """\
Kính gửi: Ông Nguyễn Văn An

Ủy ban nhân dân xã xin trân trọng cảm ơn ông đã quan tâm đến công tác của địa phương. Chúng tôi sẽ
xem xét đề nghị của ông và trả lời trong thời gian sớm nhất.

Trân trọng.
"""
ENGLISH = (
    "Dear committee,\n\nPlease find attached the minutes of the meeting held on 3 March.\n\nBest regards"
)


def message(path) -> str:
    with pytest.raises(ExtractionError) as caught:
        extract_file(path)
    assert str(caught.value) == caught.value.message
    return caught.value.message


def docx_bytes(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_bytes(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _vietnamese():
    with translation.override("vi"):
        yield


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("rong.txt", b"", "trống"),
        ("cach.txt", b"  \n\n \t", "trống"),
        ("thu.txt", LETTER.encode(), "không phải là kế hoạch"),
        ("letter.txt", ENGLISH.encode(), "không phải là kế hoạch"),
        ("ke-hoach.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "PDF"),
        ("anh.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(32), "hình ảnh"),
        ("anh.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(32), "hình ảnh"),
        ("du-lieu.bin", bytes(range(256)) * 8, "nhị phân"),
        ("hong.docx", b"PK\x03\x04" + b"\x00garbage" * 20, "hỏng"),
        ("nen.docx", zip_bytes({"readme.txt": b"hello"}), "không phải văn bản Word"),
        ("cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), ".doc"),
        ("van-ban.rtf", b"{\\rtf1\\ansi hello}", "RTF"),
    ],
)
def test_bad_files_are_refused_with_a_vietnamese_message_naming_the_file(tmp_path, name, data, words):
    path = tmp_path / name
    path.write_bytes(data)
    text = message(path)
    assert words.lower() in text.lower()
    assert text.startswith("Tệp") or name in text


def test_an_empty_docx_is_not_a_plan(tmp_path):
    path = tmp_path / "trong.docx"
    path.write_bytes(docx_bytes(docx.Document()))
    assert "không phải là kế hoạch" in message(path)


def test_a_docx_with_a_broken_document_part_is_damaged(tmp_path):
    path = tmp_path / "hong.docx"
    good = docx_bytes(docx.Document())
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    files["word/document.xml"] = b"<w:document xmlns:w='x'><unclosed>"
    path.write_bytes(zip_bytes(files))
    assert "hỏng" in message(path)


def test_a_missing_file_and_a_folder_are_named(tmp_path):
    assert "Không tìm thấy tệp" in message(tmp_path / "khong-co.txt")
    assert "thư mục" in message(tmp_path)


def test_the_api_functions_refuse_empty_input():
    with pytest.raises(ExtractionError):
        extract_text("   ")
    with pytest.raises(ExtractionError):
        extract_docx(b"")
    with pytest.raises(ExtractionError):
        extract_docx(io.BytesIO(b"not a zip"))


def test_text_in_other_encodings_is_read(tmp_path):
    plan = "KẾ HOẠCH\n\nCông tác năm 2026\n\nI. MỤC TIÊU\n\n1. Đạt 90%.\n\nII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ: Chủ trì."
    for encoding in ("utf-8-sig", "utf-16"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(plan.encode(encoding))
        assert extract_file(path)["indicators"][0]["code"] == "1"


def test_files_are_recognised_by_content_not_by_name(tmp_path):
    document = docx.Document()
    for line in (
        "KẾ HOẠCH",
        "Công tác năm 2026",
        "I. MỤC TIÊU",
        "1. Đạt 90%.",
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Sở Nội vụ: Chủ trì.",
    ):
        document.add_paragraph(line)
    path = tmp_path / "ke-hoach.txt"
    path.write_bytes(docx_bytes(document))
    assert sniff(path.read_bytes()) == "docx"
    assert extract_file(path)["agencies"][0]["name"] == "Sở Nội vụ"


def test_a_plan_whose_sections_cannot_be_read_is_not_called_a_non_plan(tmp_path):
    path = tmp_path / "ke-hoach.txt"
    path.write_text(
        "Số: 1/KH-UBND\n\nKẾ HOẠCH\n\nThực hiện công tác bình đẳng giới\n\nMột đoạn văn bản.\n\nMột đoạn nữa.",
        encoding="utf-8",
    )
    text = message(path)
    assert "không phải là kế hoạch" not in text
    assert "chưa đọc được các mục" in text and "I., II., III." in text


@pytest.fixture(scope="module")
def docx_bomb():
    from tests.hostile import docx_bomb

    return docx_bomb()


def test_a_decompression_bomb_docx_is_refused_before_python_docx_opens_it(docx_bomb, monkeypatch):
    import time

    def no_parsing(*args, **kwargs):
        raise AssertionError("the bomb reached python-docx")

    monkeypatch.setattr(docx, "Document", no_parsing)
    started = time.monotonic()
    with translation.override("vi"), pytest.raises(ExtractionError) as refused:
        extract_docx(io.BytesIO(docx_bomb))
    assert time.monotonic() - started < 0.5
    message = str(refused.value).replace("\xa0", " ")  # sizes are written with non-breaking spaces
    assert "bị từ chối: phần word/document.xml khi giải nén sẽ chiếm 156,0 MB (tối đa 20,0 MB)" in message


def test_a_docx_declaring_entities_is_refused(tmp_path):
    from tests.hostile import with_dtd

    path = tmp_path / "laughs.docx"
    path.write_bytes(with_dtd())
    with translation.override("vi"), pytest.raises(ExtractionError, match="khai báo DTD"):
        extract_file(path)


def test_a_document_far_longer_than_a_plan_is_refused_before_it_is_read():
    import time

    from binhdang.plans.extraction.document import MAX_LINES

    document = docx.Document()
    for index in range(2 * MAX_LINES + 1):
        document.add_paragraph(f"Đoạn {index}")
    buffer = io.BytesIO()
    document.save(buffer)
    started = time.monotonic()
    with translation.override("vi"), pytest.raises(ExtractionError) as refused:
        extract_docx(buffer.getvalue())
    assert time.monotonic() - started < 1.5
    assert str(refused.value) == "Tệp quá dài để là một kế hoạch: nhiều hơn 5000 đoạn."


def test_a_text_longer_than_a_plan_is_refused_naming_the_limit():
    with translation.override("vi"), pytest.raises(ExtractionError, match="nhiều hơn 5000 đoạn"):
        extract_text("\n\n".join(f"{i}. Nhiệm vụ số {i}" for i in range(5001)))
