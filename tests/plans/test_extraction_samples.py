"""Plans the extractor has never seen (tests/plans/samples): other places, numbers, dates and layouts.

Each sample is checked as text, as a rendered .docx and as a .docx with Word's automatic numbering.
"""

from __future__ import annotations

import jsonschema
import pytest

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
@pytest.mark.parametrize("name", ["commune_ban_giang_2026.txt", "city_can_tho_strategy.md"])
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
