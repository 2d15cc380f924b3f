"""The body of the annual report as a synthesis, in sections an officer can edit (issue 16).

Each :class:`Section` has locked ``figures`` (sentences whose numbers come from the results: the
officer cannot change them) and an editable ``prose`` (paragraphs, one per line; a line starting with
"- " is an item). :func:`sections` builds them from :class:`~binhdang.documents.annual.AnnualContent`:

- the opening sentence; I.1 reporting completeness (with its table, the units without a counted
  report); I.2 the province's totals, then one section per theme: what was done across the province
  (counts, sex-disaggregated totals, the change from the previous year), the units with the largest
  figures named, and (with narratives) a few sentences the units wrote; the units that reported no
  activity at all are named once;
- I.3 the plan's tasks (done, in progress, late, with their latest progress note) and I.4 the year's
  inspections and their follow-up items (``work_sections``);
- II. each target: the year's bar, the result, the status and why in words, the previous year;
- III./IV. difficulties and proposals grouped by similarity, the most raised first (at most
  :data:`GROUPS_SHOWN`; the rest counted);
- the closing sentence.

The unit-by-unit material (every unit's figures and narratives) is in the annexes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from binhdang.core import formatting
from binhdang.core.formatting import number as vn_number
from binhdang.core.formatting import percent
from binhdang.documents import work_sections
from binhdang.documents.annual import GROUP_LABELS, AnnualContent, Grouped, UnitFigures, status_label
from binhdang.documents.issuers import plan_issuer, plan_name
from binhdang.documents.tables import ReportTable, bar_text, completeness_table, target_status
from binhdang.reporting.forms_catalog import FEMALE, MALE
from binhdang.results import catalog_rules as rules
from binhdang.results import status as statuses

#: Grouped difficulties or proposals shown in the body; the rest are counted (annex III lists them).
GROUPS_SHOWN = 8
#: Units named after a grouped difficulty or proposal, or as notable in a theme.
NAMED_UNITS = 5
NOTABLE_UNITS = 3
#: Sentences of the units' narratives quoted per theme.
QUOTED = 3
NO_NARRATIVES = (
    "(Nội dung tổng hợp từ phần thuyết minh của các đơn vị không được cung cấp cho tài khoản này.)"
)
LETTERS = "abcdefghiklmnopqrstuvxy"
CHAPTERS = {
    "I": "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN",
    "II": "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
    "III": "III. KHÓ KHĂN, VƯỚNG MẮC",
    "IV": "IV. KIẾN NGHỊ, ĐỀ XUẤT",
}


@dataclass
class Section:
    """One block of the body: ``key`` (stable, for the officer's edits), the ``chapter`` it opens or
    belongs to, its ``heading`` and ``level``, locked ``figures``, an optional locked ``table`` and
    the editable ``prose``."""

    key: str
    chapter: str
    heading: str
    level: int
    figures: list[str] = field(default_factory=list)
    prose: str = ""
    table: ReportTable | None = None
    #: Locked sentences after the table.
    after: list[str] = field(default_factory=list)


def change(current: Decimal | int, previous: Decimal | int | None, year: int) -> str:
    """``"tăng 12% so với năm 2025"``, ``"giảm 3,5%..."``, ``"bằng năm 2025"``; ``""`` without a previous."""
    if previous is None:
        return ""
    current, previous = Decimal(current), Decimal(previous)
    if current == previous:
        return f"bằng năm {year - 1}"
    if previous == 0:
        return f"năm {year - 1} chưa có"
    ratio = (current - previous) / previous * 100
    word = "tăng" if ratio > 0 else "giảm"
    return f"{word} {percent(abs(ratio))} so với năm {year - 1}"


def _share(part: Decimal, whole: Decimal) -> str:
    return percent(part / whole * 100) if whole else "0%"


def _who(units: list[str], limit: int = NAMED_UNITS) -> str:
    text = ", ".join(units[:limit])
    if len(units) > limit:
        text += f" và {len(units) - limit} đơn vị khác"
    return f"{len(units)} đơn vị: {text}" if len(units) > 1 else text


# ------------------------------------------------------------------------------------------ themes


@dataclass(frozen=True)
class Measure:
    """A figure of a theme: element, category option combo, the words after the number."""

    code: str
    coc: str
    words: str
    verb: str = "đã tổ chức"


#: theme -> (main measure, other measures, sex-disaggregated element or "") for programme 1790.
THEME_MEASURES: dict[str, tuple[Measure, tuple[Measure, ...], str]] = {
    "Truyền thông, phổ biến pháp luật, chính sách về bình đẳng giới": (
        Measure(rules.SESSIONS, "", "cuộc truyền thông"),
        (),
        rules.PARTICIPANTS,
    ),
    "Tháng hành động vì bình đẳng giới": (Measure("TT_AM_ACTIVITIES", "", "hoạt động hưởng ứng"), (), ""),
    "Thông tin trên báo chí, hệ thống thông tin cơ sở và nền tảng số": (
        Measure("TT_NEWS", "", "tin, bài", "đã đăng, phát"),
        (Measure("TT_DIGITAL_MODELS", "", "mô hình truyền thông trên nền tảng số"),),
        "",
    ),
    "Tập huấn, bồi dưỡng": (Measure("TT_TRAININGS", "", "lớp tập huấn, bồi dưỡng"), (), rules.TRAINEES),
    "Hương ước, quy ước": (
        Measure(rules.CONVENTIONS, "", "hương ước, quy ước được thông qua", "có"),
        (Measure(rules.CONVENTIONS_OK, "", "không có nội dung phân biệt về giới"),),
        "",
    ),
    "Kinh phí, xã hội hóa": (
        Measure("TT_BUDGET_STATE", "", "đồng kinh phí ngân sách", "đã sử dụng"),
        (Measure("TT_BUDGET_OTHER", "", "đồng huy động xã hội hóa"),),
        "",
    ),
}
ACTIVITY_CODES = ("TT_SESSIONS", "TT_AM_ACTIVITIES", "TT_NEWS", "TT_TRAININGS", "TT_DIGITAL_MODELS")


def _by_group(units: list[UnitFigures]) -> str:
    """``"82 xã, phường, 10 sở, ban, ngành"`` style breakdown of ``units``."""
    words = {
        "commune": "xã, phường",
        "department": "sở, ban, ngành",
        "mass_org": "tổ chức chính trị - xã hội",
        "media": "cơ quan báo chí",
    }
    counts: dict[str, int] = {}
    for unit in units:
        counts[unit.type] = counts.get(unit.type, 0) + 1
    return "; ".join(
        f"{vn_number(n)} {words.get(kind, GROUP_LABELS.get(kind, kind))}" for kind, n in counts.items()
    )


def _theme_figures(content: AnnualContent, theme: str) -> list[str]:
    main, others, sexed = THEME_MEASURES[theme]
    counted = content.counted()
    active = [u for u in counted if (u.number(main.code) or 0) > 0]
    total = content.total(main.code)
    before = content.previous.total(main.code) if content.previous else None
    sentence = f"{vn_number(len(active))} đơn vị ({_by_group(active)})" if active else "Chưa đơn vị nào"
    sentence += f" {main.verb} {vn_number(total)} {main.words}"
    if theme == "Tháng hành động vì bình đẳng giới":
        planned = sum(1 for u in counted if u.text(rules.AM_PLAN) == "true")
        sentence += f"; {vn_number(planned)}/{vn_number(len(counted))} đơn vị có kế hoạch Tháng hành động"
    if sexed:
        women = content.total(sexed, FEMALE)
        people = content.total(sexed, MALE) + women
        noun = "lượt người tham dự" if sexed == rules.PARTICIPANTS else "lượt người được tập huấn"
        sentence += (
            f" với {vn_number(people)} {noun}, trong đó nữ {vn_number(women)} lượt ({_share(women, people)})"
        )
    for measure in others:
        sentence += f"; {vn_number(content.total(measure.code))} {measure.words}"
    compared = change(total, before, content.year)
    if compared:
        sentence += f" (số {main.words} {compared})"
    lines = [sentence + "."]
    notable = sorted(active, key=lambda u: (-(u.number(main.code) or 0), u.name))[:NOTABLE_UNITS]
    if notable:
        named = ", ".join(f"{u.name} ({vn_number(u.number(main.code))} {main.words})" for u in notable)
        lines.append(f"Các đơn vị thực hiện nhiều nhất: {named}.")
    return lines


def _quotes(content: AnnualContent, theme: str, prefer: list[str]) -> str:
    """A few sentences the units wrote on ``theme``, from distinct units (the notable ones first)."""
    groups = content.overview.get(theme, {})
    units = [(unit, sentences) for group in groups.values() for unit, sentences in group]
    rank = {name: position for position, name in enumerate(prefer)}
    units.sort(key=lambda item: (rank.get(item[0], len(rank)), -sum(len(s) for s in item[1])))
    lines = [f"- {unit}: {sentences[0]}." for unit, sentences in units[:QUOTED]]
    if len(units) > QUOTED:
        lines.append(f"(Nội dung chi tiết của {vn_number(len(units))} đơn vị tại Phụ lục III.)")
    return "\n".join(lines)


def _inactive(content: AnnualContent) -> list[str]:
    """Units whose counted report shows no activity at all (each named once in the report)."""
    return [
        u.name for u in content.counted() if not any((u.number(code) or 0) > 0 for code in ACTIVITY_CODES)
    ]


# ----------------------------------------------------------------------------------------- targets


def _reason(result, year: int) -> str:
    status = result.status
    ratio = result.assessment.ratio
    if status == statuses.NO_DATA:
        return "chưa có số liệu để đánh giá" if result.value is None else "chưa xác định được mục tiêu năm"
    if status == statuses.ACHIEVED:
        return f"kết quả đã đạt mục tiêu năm {year}"
    reached = f"kết quả đạt {percent(ratio * 100)} mức cần đạt theo lộ trình" if ratio is not None else ""
    if status == statuses.ON_TRACK:
        return reached or "kết quả bám sát lộ trình"
    if status == statuses.AT_RISK:
        return (reached or "kết quả chưa đạt mức của lộ trình") + " (dưới 95%), có nguy cơ không đạt mục tiêu"
    return (reached or "kết quả còn xa mức của lộ trình") + " (dưới 60%), cần có giải pháp khắc phục"


def _target_lines(content: AnnualContent) -> list[str]:
    previous = {}
    if content.previous is not None:
        previous = {r.indicator.pk: r for r in content.previous.results.indicators}
    lines = []
    for result in content.results.indicators:
        unit = result.unit
        value = formatting.with_unit(result.value, unit) if result.value is not None else "chưa có số liệu"
        if result.numerator is not None and result.denominator is not None:
            value += f" ({vn_number(result.numerator)}/{vn_number(result.denominator)})"
        line = (
            f"Chỉ tiêu {result.indicator.code}. {result.indicator.text}: mục tiêu năm {content.year} "
            f"{bar_text(result.bar, unit) or 'chưa xác định'}; kết quả {value}; đánh giá: "
            f"{status_label(result.status).lower()}, {_reason(result, content.year)}"
        )
        for target in result.targets if len(result.targets) > 1 else []:  # each target of the indicator
            target_unit = target.target.unit or unit
            reached = (
                formatting.with_unit(target.value, target_unit)
                if target.value is not None
                else "chưa có số liệu"
            )
            line += (
                f"; mức cần đạt {target.number} ({bar_text(target.final, target_unit)}): {reached}, "
                f"{target_status(target).lower()}"
            )
        before = previous.get(result.indicator.pk)
        if before is not None and before.value is not None and result.value is not None:
            line += f"; năm {content.year - 1}: {formatting.with_unit(before.value, unit)}"
        lines.append(line + ".")
    return lines


def _target_summary(content: AnnualContent) -> str:
    counts: dict[str, int] = {}
    for result in content.results.indicators:
        counts[result.status] = counts.get(result.status, 0) + 1
    parts = [f"{vn_number(n)} {status_label(s).lower()}" for s, n in counts.items()]
    return (
        f"Trong {vn_number(len(content.results.indicators))} chỉ tiêu của năm {content.year}: "
        + "; ".join(parts)
        + "."
    )


# -------------------------------------------------------------------------------------- difficulties


def _grouped(items: list[Grouped], content: AnnualContent, empty: str) -> str:
    if not content.with_narratives:
        return NO_NARRATIVES
    if not items:
        return empty
    lines = [f"- {item.text} ({_who(item.units)})." for item in items[:GROUPS_SHOWN]]
    rest = items[GROUPS_SHOWN:]
    if rest:
        raisers = {unit for item in rest for unit in item.units}
        lines.append(
            f"- Ngoài ra, {vn_number(len(rest))} ý kiến khác của {vn_number(len(raisers))} đơn vị "
            "(chi tiết tại Phụ lục III)."
        )
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------ sections


def _reporting(content: AnnualContent) -> Section:
    section = Section("reporting", "I", "1. Tình hình báo cáo của các đơn vị", 2)
    results = content.results
    if results.period is None:
        section.figures.append(f"Năm {content.year} chưa mở kỳ báo cáo của kế hoạch: chưa có số liệu.")
        return section
    sentence = (
        f"Năm {content.year} có {vn_number(results.expected)} đơn vị phải báo cáo; "
        f"{vn_number(results.submitted)} đơn vị đã gửi báo cáo, đạt tỷ lệ {percent(results.completeness) or '0%'}; "
        f"trong đó {vn_number(results.on_time)} đơn vị gửi đúng hạn (hạn {formatting.date(results.period.deadline)}), "
        f"đạt {percent(results.timeliness) or '0%'}"
    )
    if content.previous is not None and content.previous.results.period is not None:
        sentence += (
            f" (năm {content.year - 1}: {percent(content.previous.results.completeness) or '0%'} đã báo cáo)"
        )
    section.figures.append(sentence + ".")
    section.table = completeness_table(content)
    missing = content.missing_by_group()
    if missing:
        listed = "; ".join(f"{label} ({len(names)}): {', '.join(names)}" for label, names in missing)
        section.after.append(f"Các đơn vị chưa gửi báo cáo hoặc báo cáo chưa được tính: {listed}.")
    return section


def _themes(content: AnnualContent) -> list[Section]:
    found: list[Section] = []
    themes = list(THEME_MEASURES) if content.is_1790 else []
    themes += [t for t in content.overview if t not in themes]
    letters = iter(LETTERS)
    for theme in themes:
        has_story = theme in content.overview
        if theme in THEME_MEASURES and content.is_1790:
            figures = _theme_figures(content, theme)
            if content.total(THEME_MEASURES[theme][0].code) == 0 and not has_story:
                continue
        elif not has_story:
            continue
        else:
            figures = []
        main = THEME_MEASURES.get(theme, (None,))[0]
        notable = []
        if main is not None and content.is_1790:
            notable = [u.name for u in sorted(content.counted(), key=lambda u: -(u.number(main.code) or 0))]
        prose = _quotes(content, theme, notable) if content.with_narratives else ""
        key = (
            f"theme-{list(THEME_MEASURES).index(theme) if theme in THEME_MEASURES else 'x' + str(len(found))}"
        )
        found.append(Section(key, "I", f"{next(letters)}) {theme}", 3, figures, prose))
    return found


def sections(content: AnnualContent) -> list[Section]:
    """The body's sections, in order (see the module docstring)."""
    plan, year = content.plan, content.year
    issuer = plan_issuer(plan)
    basis = plan_name(plan)
    if plan.number:
        basis += f" số {plan.number}"
        if plan.date:
            basis += f" ngày {formatting.date(plan.date)}"
    if plan.issuer:
        basis += f" của {plan.issuer}"
    found = [
        Section(
            "intro",
            "",
            "",
            0,
            prose=f"Thực hiện {basis}, {issuer.body} báo cáo kết quả thực hiện năm {year} như sau:",
        ),
        _reporting(content),
    ]
    tasks = Section("tasks", "I", "2. Kết quả triển khai các nhiệm vụ", 2)
    if content.is_1790 and content.results.submitted:
        inactive = _inactive(content)
        tasks.figures.append(
            f"Theo báo cáo của {vn_number(content.results.submitted)} đơn vị, kết quả triển khai các nhiệm vụ "
            "của Kế hoạch trong năm như sau (số liệu chi tiết của từng đơn vị tại Phụ lục II)."
        )
        if inactive:
            tasks.figures.append(
                f"Có {vn_number(len(inactive))} đơn vị báo cáo chưa tổ chức hoạt động nào: {', '.join(inactive)}."
            )
    if not content.with_narratives:
        tasks.prose = NO_NARRATIVES
    elif not content.overview and not content.is_1790:
        tasks.prose = "Chưa có đơn vị nào thuyết minh kết quả thực hiện."
    found.append(tasks)
    found += _themes(content)
    found += work_sections.sections(content.work, 3, year)
    targets = Section("targets", "II", "", 0)
    if content.results.indicators:
        targets.figures = [
            _target_summary(content),
            *_target_lines(content),
            "(Chi tiết tại Phụ lục I kèm theo.)",
        ]
    else:
        targets.figures = ["Kế hoạch chưa có chỉ tiêu."]
    found.append(targets)
    found.append(
        Section(
            "difficulties",
            "III",
            "",
            0,
            prose=_grouped(content.difficulties, content, "Các đơn vị không nêu khó khăn, vướng mắc."),
        )
    )
    found.append(
        Section(
            "proposals",
            "IV",
            "",
            0,
            prose=_grouped(content.proposals, content, "Các đơn vị không có kiến nghị, đề xuất."),
        )
    )
    found.append(
        Section(
            "closing",
            "",
            "",
            0,
            prose=f"Trên đây là báo cáo kết quả thực hiện {plan_name(plan)} năm {year} của {issuer.body}./.",
        )
    )
    return found
