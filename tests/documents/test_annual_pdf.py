"""Proof that the demo's annual report prints well (issue 16): the DOCX and the XLSX annex rendered by
LibreOffice, checked from the PDF's text. CI installs LibreOffice; without it these tests are skipped."""

from __future__ import annotations

from io import BytesIO

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from binhdang.documents import services
from binhdang.documents.annex_xlsx import HEADER_ROW, LINE_PT, lines_needed
from tests.documents.conftest import demo_files

pytestmark = pytest.mark.skipif(not services.pdf_available(), reason="LibreOffice (soffice) is not installed")

#: Pages of the body (before Phụ lục I) and of the whole report for the demo's province (124 units).
BODY_PAGES = 10
TOTAL_PAGES = 45
_STRIP = ",.;:()\"'“”/%-–"


def _token(word: str) -> str:
    return word.strip(_STRIP).lower()


def known_words(document) -> set[str]:
    """Every word (syllable) and number the document writes, in paragraphs and table cells."""
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return {_token(word) for text in texts for word in text.split()}


def broken_words(pages: list[str], known: set[str]) -> list[tuple[int, str]]:
    """Tokens that start or end a printed line and are not words of the document: the pieces of a
    syllable or a number broken across lines ("Lượ" / "t", "31.000.00" / "0")."""
    found = []
    for number, text in enumerate(pages, start=1):
        for line in text.splitlines():
            words = line.split()
            for word in words[:1] + (words[-1:] if len(words) > 1 else []):
                token = _token(word)
                if token and token not in known and not token.isdigit():
                    found.append((number, word))
    return found


_RENDERED: dict[str, object] = {}


@pytest.fixture
def demo_report(db):
    """The demo's report, annex and PDF pages, made once per run (the bytes are kept, not the data)."""
    if not _RENDERED:
        demo = demo_files()  # the demo built once per test process (tests/documents/conftest.py)
        pdf = services.docx_to_pdf(demo["report"])
        _RENDERED.update(
            docx=demo["report"],
            xlsx=demo["annex"],
            pages=[page.extract_text() for page in PdfReader(BytesIO(pdf)).pages],
        )
    return _RENDERED


def test_the_demo_report_body_fits_in_ten_pages_and_the_whole_within_the_bound(demo_report):
    pages = demo_report["pages"]
    annex = next(n for n, text in enumerate(pages, start=1) if "Phụ lục I\n" in text[:40])
    assert annex - 1 <= BODY_PAGES
    assert len(pages) <= TOTAL_PAGES


def test_every_page_from_the_second_is_numbered_including_the_appendices(demo_report):
    pages = demo_report["pages"]
    assert not pages[0].lstrip().startswith("1\n")
    firsts = {n: text.lstrip().splitlines()[0].strip() for n, text in enumerate(pages, start=1) if n > 1}
    assert firsts == {n: str(n) for n in firsts}
    starts = [n for n, text in enumerate(pages, start=1) if "Phụ lục" in text[:40]]
    assert len(starts) >= 2 and all(firsts[n] == str(n) for n in starts)


def test_no_word_and_no_number_is_broken_across_lines(demo_report):
    known = known_words(Document(BytesIO(demo_report["docx"])))
    assert broken_words(demo_report["pages"], known) == []


def test_the_check_finds_a_syllable_or_a_number_broken_across_lines():
    known = {"lượt", "người", "31.000.000"}
    assert broken_words(["Lượ\nt người\n31.000.00\n0"], known) == [(1, "Lượ"), (1, "t"), (1, "31.000.00")]


def test_the_signature_is_on_the_page_of_the_closing_sentence(demo_report):
    page = next(text for text in demo_report["pages"] if "Nơi nhận" in text)
    assert "Trên đây là báo cáo" in page and "GIÁM ĐỐC" in page


def test_the_xlsx_rows_are_tall_enough_for_their_wrapped_cells_and_libreoffice_reads_it(demo_report):
    workbook = load_workbook(BytesIO(demo_report["xlsx"]))
    for sheet in workbook.worksheets:
        assert sheet.row_dimensions[1].height and sheet.row_dimensions[2].height  # title and subtitle
        widths = {  # a <col> element may span several columns of one width (min..max)
            col: dimension.width
            for dimension in sheet.column_dimensions.values()
            for col in range(dimension.min, dimension.max + 1)
        }
        for row in sheet.iter_rows(min_row=HEADER_ROW + 1, max_row=sheet.max_row - 1):
            height = sheet.row_dimensions[row[0].row].height
            for cell in row:
                if isinstance(cell.value, str) and cell.value:
                    assert height and height >= lines_needed(cell.value, widths[cell.column]) * LINE_PT, (
                        sheet.title,
                        cell.coordinate,
                    )
    pdf = services.docx_to_pdf(demo_report["xlsx"], suffix=".xlsx")
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    assert "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" in text
