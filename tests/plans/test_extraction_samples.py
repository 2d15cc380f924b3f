"""Plans the extractor has never seen (tests/plans/samples): other places, numbers, dates and layouts.

Each sample is checked as text, as a rendered .docx and as a .docx with Word's automatic numbering.
"""

from __future__ import annotations

import io

import docx
import jsonschema
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from binhdang.plans.extraction import extract_docx, extract_file
from tests.plans.docx_render import render_docx
from tests.plans.samples import SAMPLES, assert_sources_quoted, schema

FORMATS = ["txt", "docx", "docx-numbered"]


def extract(name: str, fmt: str) -> dict:
    path = SAMPLES / name
    if fmt == "txt":
        return extract_file(path)
    return extract_docx(render_docx(path.read_text(encoding="utf-8"), auto_numbering=fmt == "docx-numbered"))


def targets(result: dict, code: str) -> list[dict]:
    indicator = next(i for i in result["indicators"] if i["code"] == code)
    return [
        {k: v for k, v in t.items() if v not in (None, False) and k != "source"} for t in indicator["targets"]
    ]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "name",
    [
        "commune_ban_giang_2026.txt",
        "city_can_tho_strategy.md",
        "district_dien_bien_dong_2023.txt",
        "province_quang_tri_letters.txt",
    ],
)
def test_samples_follow_the_contract_and_quote_their_sources(name, fmt):
    result = extract(name, fmt)
    jsonschema.validate(result, schema())
    assert_sources_quoted(result, (SAMPLES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_commune_plan_with_indicator_codes_like_1_1(fmt):
    result = extract("commune_ban_giang_2026.txt", fmt)
    assert (result["issuer"], result["locality"], result["level"]) == (
        "UBND xã Bản Giang",
        "Bản Giang",
        "commune",
    )
    assert (result["number"], result["date"], result["program"]) == ("45/KH-UBND", "2026-03-12", "other")
    assert result["period"] == {"start": 2026, "end": 2026}
    assert [(b["number"], b["date"]) for b in result["legal_bases"]] == [
        ("112/KH-UBND", "2026-01-20"),
        ("07/HD-SNV", "2026-02-05"),
    ]
    assert [g["title"] for g in result["goals"]] == ["Về truyền thông", "Về lãnh đạo, quản lý"]
    assert [(i["code"], i["goal"]) for i in result["indicators"]] == [
        ("1.1", "1"),
        ("1.2", "1"),
        ("2.1", "2"),
        ("2.2", "2"),
    ]
    assert targets(result, "1.1") == [{"kind": "min", "value": 3, "unit": "buổi", "year": 2026}]
    assert targets(result, "2.1") == [{"kind": "min", "value": 30, "unit": "%", "year": 2026, "strict": True}]
    assert targets(result, "2.2") == [
        {"kind": "max", "value": 2, "unit": "%", "year": 2026, "strict": True},
        {"kind": "max", "value": 3, "unit": "vụ", "year": 2026},
    ]
    assert result["indicators"][3]["responsible"] == ["Phòng Văn hóa - Xã hội xã"]
    assert result["focal_agency"] == "Văn phòng - Thống kê xã"
    assert [t["code"] for t in result["tasks"]] == ["1", "2", "2.a", "2.b", "3"]
    assert [(r["from"], r["deadline"], r["recurrence"], r["year"]) for r in result["reporting"]] == [
        ("Văn phòng - Thống kê xã", "11-25", "once", 2026),
        ("Các thôn, bản", "12-15", "annual", None),
    ]
    assert result["reporting"][1]["to"] == ["Ủy ban nhân dân xã", "Văn phòng - Thống kê xã"]
    assert [(c["name"], c["start"], c["end"]) for c in result["campaigns"]] == [
        ("Ngày Quốc tế Phụ nữ", "03-08", None),
        ("Ngày Gia đình Việt Nam", "06-28", None),
        ("Tháng hành động quốc gia về phòng, chống bạo lực gia đình", "06-01", "06-30"),
        (
            "Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới",
            "11-15",
            "12-15",
        ),
    ]
    signer = {k: v for k, v in result["signer"].items() if k != "source"}
    assert signer == {"authority": "TM. ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH", "name": "Lò Văn Thành"}
    assert result["warnings"] == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_city_strategy_plan_with_a_roadmap_table(fmt):
    result = extract("city_can_tho_strategy.md", fmt)
    assert (result["issuer"], result["level"], result["program"]) == (
        "UBND thành phố Cần Thơ",
        "province",
        "strategy",
    )
    assert (result["number"], result["date"]) == ("215/KH-UBND", "2026-04-08")
    assert targets(result, "1.1") == [
        {"kind": "min", "value": 60, "unit": "%", "year": 2028},
        {"kind": "min", "value": 75, "unit": "%", "year": 2030},
    ]
    assert targets(result, "2.1") == [
        {"kind": "increase", "min": 5, "unit": "%", "year": 2030, "baseline_year": 2025}
    ]
    assert targets(result, "2.2") == [{"kind": "range", "min": 30, "max": 35, "unit": "%", "year": 2030}]
    assert targets(result, "3.1") == [{"kind": "max", "value": 109, "unit": "bé trai/100 bé gái"}]
    assert targets(result, "3.2") == [
        {"kind": "max", "value": 30, "unit": "/100.000 trẻ đẻ sống", "year": 2030}
    ]
    assert targets(result, "3.3") == [
        {"kind": "min", "value": 95, "unit": "%", "annual": True, "strict": True}
    ]
    assert {i["code"]: i["responsible"] for i in result["indicators"]} == {
        "1.1": ["Sở Nội vụ"],
        "2.1": ["Sở Nội vụ"],
        "2.2": ["Sở Nội vụ"],
        "3.1": ["Sở Y tế"],
        "3.2": ["Sở Y tế"],
        "3.3": ["Sở Y tế"],
    }
    assert [(r["from"], r["to"], r["deadline"], r["recurrence"]) for r in result["reporting"]] == [
        ("Ủy ban nhân dân các xã, phường", ["Sở Nội vụ"], "11-20", "annual"),
        ("Các sở, ban, ngành thành phố", ["Sở Nội vụ"], "11-15", "annual"),
        ("Sở Nội vụ", ["Bộ Nội vụ"], "12-10", "annual"),
        (None, ["Sở Nội vụ"], "06-30", "once"),
    ]
    assert [(c["start"], c["end"]) for c in result["campaigns"]] == [("11-15", "12-15"), ("11-25", None)]
    assert [(r["indicator"], [m["value"] for m in r["milestones"]]) for r in result["roadmap"]] == [
        ("1.1", [50, 55, 60, 70, 75]),
        ("2.2", [26, 28, 30, 32, 35]),
    ]
    assert result["signer"]["name"] == "Trần Thị Mai"


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_district_plan_with_dash_and_slash_labels_and_dated_campaigns(fmt):
    result = extract("district_dien_bien_dong_2023.txt", fmt)
    assert (result["issuer"], result["level"], result["number"], result["date"]) == (
        "UBND huyện Điện Biên Đông",
        "district",
        "156/KH-UBND",
        "2023-02-20",
    )
    assert [(b["number"], b["issuer"]) for b in result["legal_bases"]] == [
        ("1790/QĐ-TTg", "Thủ tướng Chính phủ"),
        ("4512/KH-UBND", "UBND tỉnh Điện Biên"),
    ]
    assert targets(result, "1") == [{"kind": "min", "value": 25, "unit": "%", "year": 2023}]
    assert targets(result, "3") == [
        {"kind": "increase", "min": -5, "unit": "%", "year": 2023, "baseline_year": 2022}
    ]
    assert targets(result, "4") == [{"kind": "min", "value": 10, "unit": "lớp", "year": 2023}]
    assert result["agencies"][0]["name"] == "Phòng Lao động - Thương binh và Xã hội huyện"
    assert result["focal_agency"] == "Phòng Lao động - Thương binh và Xã hội huyện"
    assert [(r["to"], r["deadline"], r["year"]) for r in result["reporting"]] == [
        (["UBND huyện", "Sở Lao động - Thương binh và Xã hội tỉnh"], "12-05", 2023),
        (["UBND huyện", "Phòng Lao động - Thương binh và Xã hội"], "11-25", 2023),
    ]
    assert [(c["name"], c["start"], c["end"]) for c in result["campaigns"]] == [
        (
            "Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới",
            "11-15",
            "12-15",
        ),
        ("ngày Quốc tế Phụ nữ", "03-08", None),
        ("ngày Phụ nữ Việt Nam", "10-20", None),
    ]
    signer = {k: v for k, v in result["signer"].items() if k != "source"}
    assert signer == {
        "authority": "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH",
        "position": "PHÓ CHỦ TỊCH",
        "name": "Vừ A Bằng",
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_plan_with_lettered_indicators_and_two_deadlines_in_one_sentence(fmt):
    result = extract("province_quang_tri_letters.txt", fmt)
    assert [g["title"] for g in result["goals"]] == ["Truyền thông", "Hương ước"]
    assert {i["code"]: i["responsible"] for i in result["indicators"]} == {
        "1.1": ["Sở Nội vụ"],
        "1.2": ["Sở Nội vụ", "Sở Văn hóa, Thể thao và Du lịch"],
        "2.1": ["Sở Văn hóa, Thể thao và Du lịch"],
    }
    assert result["legal_bases"][0]["issuer"] == "Thủ tướng Chính phủ"
    assert [(r["deadline"], r["recurrence"]) for r in result["reporting"]] == [
        ("06-15", "annual"),
        ("12-15", "annual"),
    ]
    assert result["signer"]["authority"] is None and result["signer"]["position"] == "CHỦ TỊCH"


def word_plan() -> bytes:
    """A district plan typed in Word: header table of two rows, automatic numbering I. / 1. / a),
    a roadmap table with a merged header cell, the signature in a table beside the recipients."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))

    def paragraph(text: str, level: int | None = None, bold: bool = False) -> None:
        para = document.add_paragraph()
        para.add_run(text).bold = bold or None
        if level is not None:
            num_pr = para._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = level
            num_pr.get_or_add_numId().val = 77

    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nHUYỆN MƯỜNG LA"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số: 301/KH-UBND"
    header.cell(1, 1).text = "Mường La, ngày 15 tháng 01 năm 2024"
    paragraph("KẾ HOẠCH", bold=True)
    paragraph("Thực hiện công tác bình đẳng giới năm 2024", bold=True)
    paragraph("Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2024 của UBND tỉnh Sơn La;")
    paragraph("MỤC TIÊU", 0, bold=True)
    paragraph("Tỷ lệ nữ cán bộ đạt 35% vào năm 2024.", 1)
    paragraph("Giảm tỷ lệ tảo hôn xuống dưới 4%.", 1)
    paragraph("NHIỆM VỤ", 0, bold=True)
    paragraph("Tuyên truyền", 1)
    paragraph("Hội nghị.", 2)
    paragraph("Tờ rơi.", 2)
    paragraph("TỔ CHỨC THỰC HIỆN", 0, bold=True)
    paragraph(
        "Phòng Văn hóa và Thông tin: là cơ quan thường trực; tổng hợp báo cáo UBND huyện trước ngày 10/12/2024.",
        1,
    )
    paragraph("UBND các xã: báo cáo về Phòng Văn hóa và Thông tin trước ngày 30 tháng 11 hằng năm.", 1)
    roadmap = document.add_table(rows=3, cols=4)
    roadmap.cell(0, 2).merge(roadmap.cell(0, 3)).text = "Lộ trình"
    for column, value in enumerate(["STT", "Chỉ tiêu", "2024", "2025"]):
        roadmap.cell(1, column).text = value
    for column, value in enumerate(["1", "Tỷ lệ nữ cán bộ", "35%", "38%"]):
        roadmap.cell(2, column).text = value
    closing = document.add_table(rows=1, cols=2)
    closing.cell(0, 0).text = "Nơi nhận:\n- Lưu: VT."
    closing.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLường Văn Bình"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_plan_typed_in_word_with_automatic_numbering_and_tables():
    result = extract_docx(word_plan())
    jsonschema.validate(result, schema())
    assert (result["issuer"], result["number"], result["date"]) == (
        "UBND huyện Mường La",
        "301/KH-UBND",
        "2024-01-15",
    )
    assert [(i["code"], i["text"]) for i in result["indicators"]] == [
        ("1", "Tỷ lệ nữ cán bộ đạt 35% vào năm 2024"),
        ("2", "Giảm tỷ lệ tảo hôn xuống dưới 4%"),
    ]
    assert [t["code"] for t in result["tasks"]] == ["1", "1.a", "1.b"]
    assert [(a["name"], len(a["duties"])) for a in result["agencies"]] == [
        ("Phòng Văn hóa và Thông tin", 1),
        ("UBND các xã", 1),
    ]
    assert result["focal_agency"] == "Phòng Văn hóa và Thông tin"
    assert [(r["from"], r["deadline"], r["recurrence"]) for r in result["reporting"]] == [
        ("Phòng Văn hóa và Thông tin", "12-10", "once"),
        ("UBND các xã", "11-30", "annual"),
    ]
    assert [(r["indicator"], [m["value"] for m in r["milestones"]]) for r in result["roadmap"]] == [
        ("1", [35, 38])
    ]
    assert (result["signer"]["authority"], result["signer"]["name"]) == (
        "TM. ỦY BAN NHÂN DÂN",
        "Lường Văn Bình",
    )
