"""``binhdang plan import`` and ``binhdang plan list``: JSON shapes, Vietnamese errors, nothing created on error."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from binhdang.plans.models import Plan
from tests.plans.docx_render import render_docx
from tests.plans.samples import seed_path

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("plan", *args, stdout=out)
    return out.getvalue()


def test_import_prints_the_plan_and_its_indicators_as_json(daklak):
    output = json.loads(run("import", str(seed_path("003")), "--province", "Đắk Lắk", "--json"))

    plan = Plan.objects.get()
    assert set(output) == {"id", "slug", "indicators"}
    assert (output["id"], output["slug"]) == (plan.pk, plan.slug)
    assert len(output["indicators"]) == 20
    assert output["indicators"][0] == {"code": "1.1", "catalog": "NQ28.1.1"}
    assert {"code": "4.1", "catalog": "NQ28.4.1"} in output["indicators"]
    assert plan.status == "draft"


def test_import_of_a_docx_with_a_status(daklak, tmp_path):
    path = tmp_path / "ke-hoach-1790.docx"
    path.write_bytes(render_docx(seed_path("000").read_text(encoding="utf-8")))

    output = json.loads(run("import", str(path), "--province", "dak lak", "--json", "--status", "active"))

    assert [i["catalog"] for i in output["indicators"]] == ["1790.1", "1790.2", "1790.3", "1790.4", "1790.5"]
    assert Plan.objects.get().status == "active"


def test_a_district_plan_is_imported_as_archived_history(daklak):
    output = json.loads(
        run("import", str(seed_path("002")), "--province", "66", "--json", "--status", "archived")
    )

    plan = Plan.objects.get(pk=output["id"])
    assert (plan.level, plan.org_unit.type, plan.status) == ("district", "district", "archived")


def test_the_same_file_needs_new_version(daklak):
    run("import", str(seed_path("000")), "--province", "Đắk Lắk")

    with pytest.raises(CommandError) as caught:
        run("import", str(seed_path("000")), "--province", "Đắk Lắk")
    assert "phiên bản mới" in str(caught.value)

    second = json.loads(
        run("import", str(seed_path("000")), "--province", "Đắk Lắk", "--new-version", "--json")
    )
    assert Plan.objects.get(pk=second["id"]).version == 2


def test_an_unknown_province_is_refused_in_vietnamese_and_nothing_is_created(daklak):
    with pytest.raises(CommandError) as caught:
        run("import", str(seed_path("000")), "--province", "Tỉnh Không Có")

    assert "Không có tỉnh, thành phố nào" in str(caught.value)
    assert not Plan.objects.exists()


def test_a_province_not_loaded_yet_is_named(daklak):
    with pytest.raises(CommandError) as caught:
        run("import", str(seed_path("000")), "--province", "Cần Thơ")

    assert "chưa được nạp" in str(caught.value)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("ke-hoach.pdf", b"%PDF-1.5 ...", "PDF"),
        ("anh.png", b"\x89PNG\r\n\x1a\n....", "hình ảnh"),
        ("rong.docx", b"", "trống"),
        ("hong.docx", b"PK\x03\x04 broken", "bị hỏng"),
        ("thu-moi.txt", "Giấy mời dự họp tổng kết năm".encode(), "không phải là kế hoạch"),
    ],
)
def test_bad_input_gets_the_extractors_message_and_nothing_is_created(
    daklak, tmp_path, name, content, message
):
    path = tmp_path / name
    path.write_bytes(content)

    with pytest.raises(CommandError) as caught:
        run("import", str(path), "--province", "Đắk Lắk")

    assert message in str(caught.value)
    assert not Plan.objects.exists()


def test_list_prints_every_plan_as_json(daklak):
    run("import", str(seed_path("000")), "--province", "Đắk Lắk", "--status", "active")
    run("import", str(seed_path("003")), "--province", "Đắk Lắk")

    rows = json.loads(run("list", "--json"))

    assert [set(row) for row in rows] == [{"id", "slug", "title", "program", "locality", "status"}] * 2
    assert sorted((r["program"], r["status"], r["locality"]) for r in rows) == [
        ("communication", "active", "Tỉnh Đắk Lắk"),
        ("strategy", "draft", "Tỉnh Đắk Lắk"),
    ]


def test_list_without_plans_says_so(db):
    assert run("list").strip() == "Chưa có kế hoạch nào."
    assert json.loads(run("list", "--json")) == []
