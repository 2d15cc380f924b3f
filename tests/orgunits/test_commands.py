"""The ``binhdang orgunits`` command: load and list, in Vietnamese, failing cleanly."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from binhdang.orgunits.models import OrgUnit

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("orgunits", *args, stdout=out)
    return out.getvalue()


def test_load_one_province_prints_a_vietnamese_summary():
    output = run("load", "--province", "Lai Châu")
    assert "Đã nạp 1 tỉnh, thành phố: tạo mới 59 đơn vị, cập nhật 0, giữ nguyên 0" in output
    assert OrgUnit.objects.filter(province__code="12").count() == 59
    again = run("load", "--province", "lai chau")
    assert "tạo mới 0 đơn vị, cập nhật 0, giữ nguyên 59" in again


def test_an_unknown_province_fails_with_a_vietnamese_message_and_loads_nothing():
    with pytest.raises(CommandError, match=r"Không có tỉnh, thành phố nào tên là “Lai Chow”.*Tỉnh Lai Châu"):
        run("load", "--province", "Lai Chow")
    assert not OrgUnit.objects.exists()


def test_load_needs_a_province_or_all():
    with pytest.raises(CommandError):
        run("load")


def test_list_prints_utf8_json_with_code_name_type_and_parent_code():
    run("load", "--province", "Lai Châu")
    output = run("list", "--province", "Tỉnh Lai Châu", "--json")
    assert "Tỉnh Lai Châu" in output  # not \\u escapes
    rows = json.loads(output)
    assert rows[0] == {"code": "12", "name": "Tỉnh Lai Châu", "type": "province", "parent": None}
    assert all(set(row) == {"code", "name", "type", "parent"} for row in rows)
    assert len(rows) == 59
    assert {"code": "12-SNV", "name": "Sở Nội vụ", "type": "department", "parent": "12"} in rows
    communes = [row for row in rows if row["type"] == "commune"]
    assert len(communes) == 38 and {row["parent"] for row in communes} == {"12"}


def test_listing_a_province_not_loaded_says_how_to_load_it():
    with pytest.raises(CommandError, match=r"Chưa nạp Lai Châu.*load --province"):
        run("list", "--province", "Lai Châu", "--json")


def test_list_finds_a_province_created_outside_the_loader(daklak):
    rows = json.loads(run("list", "--province", "dak lak", "--json"))
    assert {row["code"] for row in rows} == {
        "66",
        "66-C001",
        "66-C002",
        "66-D02",
        "66-D06",
        "66-M02",
        "66-T01",
    }
