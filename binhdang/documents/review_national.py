"""The ministry's review over a span, built from the provinces (issue 18): for a programme, each year's
national roll-up of the results engine (``engine.national_rollup``: every province's plan in force, the
national value of each catalog indicator computed from the units' data), side by side:

- per catalog indicator, the national value per year and how many provinces are on track (achieved or
  on track) against how many have it;
- per province, its targets on track per year ("3/5");
- a year in which no unit of any province has a counted report says so ("Năm 2028: chưa có số liệu
  báo cáo").

:func:`build_docx` writes it in the Nghị định 30 layout, issued by Bộ Nội vụ; the XLSX annex has the
same two tables (:func:`tables`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import translation

from binhdang.core import formatting
from binhdang.core.formatting import number as vn_number
from binhdang.documents import nd30
from binhdang.documents.annual_docx import add_table
from binhdang.documents.issuers import ministry_issuer
from binhdang.documents.review import SpanError, check_span, no_data_note, review_kind
from binhdang.documents.tables import INTEGER, TEXT, Cell, Column, ReportTable
from binhdang.plans.models import TARGET_YEAR, Program
from binhdang.results.engine import NationalRollup, national_rollup
from binhdang.results.status import ACHIEVED, ON_TRACK

#: The years of the plans the ministry follows (2026-2030).
FIRST_YEAR, LAST_YEAR = 2026, TARGET_YEAR
GOOD = (ACHIEVED, ON_TRACK)

#: The ministry issues the national review as it issues its national report.
MINISTRY = ministry_issuer()


@dataclass
class NationalReview:
    program: str
    start: int
    end: int
    rollups: dict[int, NationalRollup]
    codes: list[str]
    names: dict[str, str]

    @property
    def years(self) -> list[int]:
        return list(range(self.start, self.end + 1))

    @property
    def span(self) -> str:
        return f"{self.start}-{self.end}"

    @property
    def kind(self) -> str:
        return review_kind(self.end, LAST_YEAR)

    def has_data(self, year: int) -> bool:
        return self.rollups[year].submitted > 0

    def provinces_on_track(self, code: str, year: int) -> tuple[int, int]:
        """(provinces on track or achieved, provinces with the indicator) in ``year``."""
        statuses = self.rollups[year].totals.get(code)
        if statuses is None:
            return 0, 0
        return sum(statuses.statuses[s] for s in GOOD), sum(statuses.statuses.values())

    def province_rows(self) -> list[tuple[str, list[dict]]]:
        """(province name, per year {"plan": has a plan in force, "data": the year has data, "good":
        targets on track or achieved, "total": its targets})."""
        names = [province.name for province, _result in self.rollups[self.start].rows]
        found = []
        for position, name in enumerate(names):
            cells = []
            for year in self.years:
                result = self.rollups[year].rows[position][1]
                indicators = result.indicators if result is not None else []
                cells.append(
                    {
                        "plan": result is not None,
                        "data": self.has_data(year),
                        "good": sum(1 for r in indicators if r.status in GOOD),
                        "total": len(indicators),
                    }
                )
            found.append((name, cells))
        return found

    def chart_id(self, code: str) -> str:
        return f"chart-{code.replace('.', '-')}"

    def chart_specs(self) -> list[dict]:
        """Each indicator's national value per year, for the results pages' chart script (no bar: the
        provinces' roadmaps differ)."""
        specs = []
        for code in self.codes:
            totals = [self.rollups[year].totals.get(code) for year in self.years]
            values = [float(t.value) if t is not None and t.value is not None else None for t in totals]
            specs.append(
                {
                    "id": self.chart_id(code),
                    "title": f"{code}. {self.names.get(code, '')[:90]}",
                    "years": self.years,
                    "values": values,
                    "low": [None] * len(values),
                    "high": [None] * len(values),
                    "statuses": [""] * len(values),
                    "unit": next((t.unit for t in totals if t is not None), ""),
                }
            )
        return specs

    def indicator_rows(self) -> list[tuple]:
        """(code, name, chart id, [(year, national total, (on track, provinces), has data)]) for the page."""
        return [
            (
                code,
                self.names.get(code, ""),
                self.chart_id(code),
                [
                    (
                        year,
                        self.rollups[year].totals.get(code),
                        self.provinces_on_track(code, year),
                        self.has_data(year),
                    )
                    for year in self.years
                ],
            )
            for code in self.codes
        ]

    def year_notes(self) -> list[str]:
        lines = []
        for year in self.years:
            rollup = self.rollups[year]
            if not self.has_data(year):
                lines.append(no_data_note(year))
                continue
            plans = sum(1 for _p, r in rollup.rows if r is not None)
            lines.append(
                f"Năm {year}: {vn_number(plans)} tỉnh, thành phố có kế hoạch đang có hiệu lực; "
                f"{vn_number(rollup.submitted)}/{vn_number(rollup.expected)} đơn vị đã báo cáo "
                f"({formatting.percent(rollup.completeness) or '0%'})"
            )
        return lines


def collect(start: int, end: int, program: str = Program.COMMUNICATION) -> NationalReview:
    """The national review of ``program`` over ``start``-``end`` (:class:`SpanError` outside 2026-2030)."""
    check_span(start, end, FIRST_YEAR, LAST_YEAR)
    if program not in (Program.COMMUNICATION, Program.STRATEGY):
        raise SpanError(f'Không có chương trình "{program}".')
    rollups = {year: national_rollup(year, program) for year in range(start, end + 1)}
    order: dict[str, tuple[int, str]] = {}
    names: dict[str, str] = {}
    for rollup in rollups.values():
        for _province, result in rollup.rows:
            for item in result.indicators if result else []:
                catalog = item.indicator.catalog if item.indicator.catalog_id is not None else None
                if catalog is not None:
                    order[catalog.code] = (catalog.sort_order, catalog.code)
                    names.setdefault(catalog.code, catalog.name)
    codes = sorted(order, key=lambda code: order[code])
    return NationalReview(program, start, end, rollups, codes, names)


def subject(review: NationalReview) -> str:
    with translation.override("vi"):
        program = str(Program(review.program).label)
    return f"{review.kind.capitalize()} giai đoạn {review.span} thực hiện {program} trên phạm vi toàn quốc"


def indicator_table(review: NationalReview) -> ReportTable:
    columns = [Column("Mã", TEXT, 8), Column("Chỉ tiêu", TEXT, 40), Column("Đơn vị tính", TEXT, 9)]
    for year in review.years:
        columns += [Column(f"Toàn quốc {year}", TEXT, 12), Column(f"Số tỉnh đạt lộ trình {year}", TEXT, 12)]
    rows: list[list[Cell]] = []
    for code in review.codes:
        unit = ""
        row: list[Cell] = [code, review.names.get(code, ""), ""]
        for year in review.years:
            total = review.rollups[year].totals.get(code)
            unit = unit or (total.unit if total else "")
            if not review.has_data(year) or total is None or total.value is None:
                row += ["Chưa có số liệu", ""]
                continue
            good, count = review.provinces_on_track(code, year)
            row += [formatting.with_unit(total.value, total.unit), f"{good}/{count}"]
        row[2] = unit
        rows.append(row)
    return ReportTable(
        "national-indicators", "Kết quả các chỉ tiêu trên toàn quốc qua các năm", columns, rows
    )


def province_table(review: NationalReview) -> ReportTable:
    columns = [Column("STT", INTEGER, 6), Column("Tỉnh, thành phố", TEXT, 26)]
    columns += [Column(f"Chỉ tiêu đạt lộ trình {year}", TEXT, 12) for year in review.years]
    rows: list[list[Cell]] = []
    for position, (name, cells) in enumerate(review.province_rows(), start=1):
        row: list[Cell] = [position, name]
        for cell in cells:
            if not cell["plan"]:
                row.append("Chưa có kế hoạch đang có hiệu lực")
            elif not cell["data"]:
                row.append("Chưa có số liệu")
            else:
                row.append(f"{cell['good']}/{cell['total']}")
        rows.append(row)
    return ReportTable(
        "national-provinces", "Số chỉ tiêu đạt lộ trình của các tỉnh qua các năm", columns, rows
    )


def tables(review: NationalReview) -> list[ReportTable]:
    return [indicator_table(review), province_table(review)]


def indicator_lines(review: NationalReview) -> list[str]:
    lines = []
    for code in review.codes:
        parts = []
        for year in review.years:
            total = review.rollups[year].totals.get(code)
            if not review.has_data(year) or total is None or total.value is None:
                parts.append(f"năm {year}: chưa có số liệu")
                continue
            good, count = review.provinces_on_track(code, year)
            parts.append(
                f"năm {year}: {formatting.with_unit(total.value, total.unit)} "
                f"({vn_number(good)}/{vn_number(count)} tỉnh đạt lộ trình)"
            )
        lines.append(f"Chỉ tiêu {code}. {review.names.get(code, '')}: {'; '.join(parts)}.")
    return lines or ["Chưa có chỉ tiêu nào của danh mục được các tỉnh theo dõi."]


@translation.override("vi")
def build_docx(review: NationalReview, day: dt.date) -> bytes:
    document = nd30.new_document()
    nd30.header_block(document, MINISTRY, day)
    nd30.title(document, subject(review))
    nd30.body(
        document,
        f"Trên cơ sở báo cáo của các tỉnh, thành phố, Bộ Nội vụ báo cáo {review.kind} "
        f"kết quả thực hiện giai đoạn {review.span} như sau:",
    )
    nd30.heading(document, "I. TÌNH HÌNH BÁO CÁO CỦA CÁC TỈNH, THÀNH PHỐ")
    for line in review.year_notes():
        nd30.body(document, line + ".")
    nd30.heading(document, "II. KẾT QUẢ CÁC CHỈ TIÊU TRÊN TOÀN QUỐC QUA CÁC NĂM")
    nd30.body(
        document,
        "Giá trị toàn quốc tính từ số liệu của các đơn vị (không phải trung bình tỷ lệ của các tỉnh); "
        "số tỉnh đạt lộ trình gồm các tỉnh đã đạt hoặc đúng lộ trình.",
    )
    for line in indicator_lines(review):
        nd30.body(document, line)
    nd30.body(document, f"Trên đây là báo cáo {review.kind} giai đoạn {review.span} của Bộ Nội vụ./.")
    nd30.closing_block(document, MINISTRY)
    reference = f"Kèm theo Báo cáo số      /BC-{MINISTRY.symbol} {formatting.long_date(day)} của Bộ Nội vụ"
    nd30.annex_section(
        document, "Phụ lục I", f"KẾT QUẢ CÁC CHỈ TIÊU TRÊN TOÀN QUỐC, GIAI ĐOẠN {review.span}", reference
    )
    add_table(document, indicator_table(review), size=10)
    nd30.annex_section(document, "Phụ lục II", "SỐ CHỈ TIÊU ĐẠT LỘ TRÌNH CỦA CÁC TỈNH, THÀNH PHỐ", reference)
    add_table(document, province_table(review), size=10)
    return nd30.save(document)
