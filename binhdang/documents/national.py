"""The content of the ministry's national report for a year, collected once for the DOCX
(:mod:`national_docx`) and the XLSX (:mod:`national_xlsx`).

- the national results of the catalog indicators (:func:`binhdang.results.national.national_results`):
  national value from the units' data, distribution and provinces off track;
- the provinces' sendings of their annual report to the ministry (sent, on time or late, not sent)
  and the difficulties and proposals each province wrote when sending, in its own words (never the
  units' narratives, domain §10). These come from the ministry app, which sits above this one: it
  registers its source with :func:`register_sendings` when the site starts;
- the difficulties and proposals grouped across provinces by near-duplicate text
  (:mod:`binhdang.documents.grouping`), the most raised first, each with the provinces that raised it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from binhdang.core.formatting import number
from binhdang.documents import grouping
from binhdang.documents.annual import Grouped, split_sentences
from binhdang.documents.tables import INTEGER, NUMBER, TEXT, Cell, Column, ReportTable
from binhdang.results.national import PROGRAMS, NationalIndicator, NationalResults, national_results

#: The programmes as the report names them.
PROGRAM_NAMES = {
    "communication": "Chương trình truyền thông về bình đẳng giới (Quyết định số 1790/QĐ-TTg)",
    "strategy": "Chiến lược quốc gia về bình đẳng giới (Nghị quyết số 28/NQ-CP)",
}
SENDING_LABELS = {
    "not_sent": "Chưa gửi",
    "sent": "Đã gửi",
    "received": "Đã tiếp nhận",
    "returned": "Bị trả lại",
    "accepted": "Đã chấp nhận",
}
#: Indicator columns per table of the provinces' values (a wider table would not fit the page).
COLUMNS_PER_TABLE = 7


@dataclass
class Sending:
    """A province's annual report of a programme to the ministry for the year."""

    state: str = "not_sent"
    sent_day: dt.date | None = None
    late: bool = False
    has_plan: bool = False
    difficulties: str = ""
    proposals: str = ""

    @property
    def sent(self) -> bool:
        return self.state != "not_sent"

    @property
    def state_label(self) -> str:
        return SENDING_LABELS.get(self.state, self.state)


#: ``source(year, program) -> {province id: Sending}`` (registered by the ministry app).
SendingsSource = Callable[[int, str], dict[int, Sending]]
_sources: list[SendingsSource] = []


def register_sendings(source: SendingsSource) -> None:
    """Make ``source`` the one that tells which provinces sent their report (the ministry app)."""
    _sources[:] = [source]


def sendings(year: int, program: str) -> dict[int, Sending]:
    return _sources[0](year, program) if _sources else {}


@dataclass
class NationalContent:
    year: int
    results: NationalResults
    #: {programme: {province id: Sending}}
    sendings: dict[str, dict[int, Sending]]
    difficulties: list[Grouped] = field(default_factory=list)
    proposals: list[Grouped] = field(default_factory=list)

    def sending(self, program: str, province_id: int) -> Sending:
        return self.sendings.get(program, {}).get(province_id) or Sending()

    def programs(self) -> list[str]:
        """The programmes with at least one province's plan in force."""
        return [p for p in PROGRAMS if any(r is not None for _prov, r in self.results.rollups[p].rows)]


def _grouped(items: list[tuple[str, str]]) -> list[Grouped]:
    return [Grouped(g.text, g.raisers) for g in grouping.group(items)]


def collect(year: int) -> NationalContent:
    """Everything the national report of ``year`` shows."""
    results = national_results(year)
    found = {program: sendings(year, program) for program in PROGRAMS}
    difficulties: list[tuple[str, str]] = []
    proposals: list[tuple[str, str]] = []
    for program in PROGRAMS:
        for province in results.provinces:  # in the order of the board
            sending = found[program].get(province.pk)
            if sending is not None:
                difficulties += [(s, province.name) for s in split_sentences(sending.difficulties)]
                proposals += [(s, province.name) for s in split_sentences(sending.proposals)]
    return NationalContent(year, results, found, _grouped(difficulties), _grouped(proposals))


# ------------------------------------------------------------------------------------------ tables


def value_text(value: Decimal | None, unit: str) -> str:
    """ "87,5%" for a percentage, "1,4" otherwise, "" without a value (Vietnamese numbers)."""
    if value is None:
        return ""
    return f"{number(value, 2)}%" if unit == "%" else number(value, 2)


def summary_table(content: NationalContent) -> ReportTable:
    """Per indicator: the national value, the provinces with a value, min, median, max, off track."""
    columns = [
        Column("STT", INTEGER, 6),
        Column("Mã", TEXT, 10),
        Column("Chỉ tiêu", TEXT, 45),
        Column("Đơn vị tính", TEXT, 10),
        Column("Toàn quốc", NUMBER, 11),
        Column("Số tỉnh có số liệu", INTEGER, 10),
        Column("Thấp nhất", NUMBER, 10),
        Column("Trung vị", NUMBER, 10),
        Column("Cao nhất", NUMBER, 10),
        Column("Số tỉnh chậm tiến độ", INTEGER, 11),
    ]
    rows: list[list[Cell]] = []
    for position, item in enumerate(content.results.indicators, start=1):
        spread = item.quartiles
        rows.append(
            [
                position,
                item.code,
                item.name,
                item.unit,
                item.value,
                len(item.ranked),
                spread[0] if spread else None,
                spread[2] if spread else None,
                spread[4] if spread else None,
                len(item.off_track),
            ]
        )
    return ReportTable("national", "Kết quả các chỉ tiêu toàn quốc", columns, rows)


def sending_table(content: NationalContent) -> ReportTable:
    """Per province: its report of each programme to the ministry and its units' completeness."""
    columns = [Column("STT", INTEGER, 6), Column("Tỉnh, thành phố", TEXT, 22)]
    short = {"communication": "CT 1790", "strategy": "NQ 28"}
    for program in content.programs():
        columns += [
            Column(f"Báo cáo {short[program]}", TEXT, 14),
            Column(f"Ngày gửi ({short[program]})", TEXT, 12),
            Column(f"Tỷ lệ đơn vị báo cáo (%) ({short[program]})", NUMBER, 12),
        ]
    rows: list[list[Cell]] = []
    results_by_program = {
        program: {province.pk: r for province, r in content.results.rollups[program].rows}
        for program in content.programs()
    }
    for position, province in enumerate(content.results.provinces, start=1):
        row: list[Cell] = [position, province.name]
        for program in content.programs():
            result = results_by_program[program].get(province.pk)
            sending = content.sending(program, province.pk)
            if result is None:
                row += ["Chưa có kế hoạch có hiệu lực", "", None]
                continue
            label = sending.state_label + (" (trễ hạn)" if sending.late and sending.sent else "")
            label += " (quá hạn)" if sending.late and not sending.sent else ""
            day = sending.sent_day.strftime("%d/%m/%Y") if sending.sent_day else ""
            row += [label, day, result.completeness]
        rows.append(row)
    return ReportTable("sendings", "Tình hình gửi báo cáo của các tỉnh, thành phố", columns, rows)


def province_tables(content: NationalContent, program: str) -> list[ReportTable]:
    """The provinces' values of the programme's indicators (columns: indicators, a few per table);
    a value off track is followed by "(*)"."""
    indicators = content.results.for_program(program)
    tables = []
    for start in range(0, len(indicators), COLUMNS_PER_TABLE):
        chunk = indicators[start : start + COLUMNS_PER_TABLE]
        columns = [Column("STT", INTEGER, 6), Column("Tỉnh, thành phố", TEXT, 22)]
        columns += [Column(f"{item.code} ({item.unit or '—'})", TEXT, 12) for item in chunk]
        cells: list[dict[int, str]] = []
        for item in chunk:
            found = {}
            for cell in [*item.ranked, *item.without_value]:
                text = value_text(cell.value, item.unit) or "Chưa có số liệu"
                found[cell.province.pk] = text + (" (*)" if cell.status == "off_track" else "")
            cells.append(found)
        rows: list[list[Cell]] = []
        for position, province in enumerate(content.results.provinces, start=1):
            rows.append([position, province.name, *[found.get(province.pk, "—") for found in cells]])
        total: list[Cell] = ["", "Toàn quốc", *[value_text(item.value, item.unit) for item in chunk]]
        tables.append(
            ReportTable(f"provinces-{program}-{start}", PROGRAM_NAMES[program], columns, rows, total)
        )
    return tables


def distribution_rows(item: NationalIndicator) -> list[tuple[str, str]]:
    """(label, text) lines of an indicator's distribution over the provinces."""
    spread = item.quartiles
    if spread is None:
        return []
    labels = ("Thấp nhất", "Tứ phân vị thứ nhất", "Trung vị", "Tứ phân vị thứ ba", "Cao nhất")
    return [(label, value_text(value, item.unit)) for label, value in zip(labels, spread, strict=True)]


__all__ = [
    "NationalContent",
    "Sending",
    "collect",
    "distribution_rows",
    "province_tables",
    "register_sendings",
    "sending_table",
    "summary_table",
]
