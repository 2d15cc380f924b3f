"""``binhdang period ...`` and ``binhdang data ...``."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from binhdang.reporting.models import Period, State, Submission

from .conftest import COMMUNE_VALUES


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_period_open_uses_the_plans_deadline_or_the_given_one(plan, focal_officer):
    text = run("period", "open", "--plan", str(plan.pk), "--year", "2026", "--user", "focal")
    assert "hạn nộp 2026-11-30" in text and "6 đơn vị phải báo cáo" in text
    run("period", "open", "--plan", plan.slug, "--year", "2027", "--deadline", "2027-12-01")
    assert Period.objects.get(year=2027).deadline.isoformat() == "2027-12-01"
    listing = run("period", "list", "--plan", str(plan.pk))
    assert listing.splitlines()[0].split("\t")[1:6] == ["2026", "open", "TT1790", "2026-11-30", "0/6"]


def test_period_open_refuses_a_second_opening_and_a_stranger(plan, outsider):
    run("period", "open", "--plan", str(plan.pk), "--year", "2026")
    with pytest.raises(CommandError, match="đã được mở"):
        run("period", "open", "--plan", str(plan.pk), "--year", "2026")
    with pytest.raises(CommandError, match="không có quyền"):
        run("period", "open", "--plan", str(plan.pk), "--year", "2028", "--user", "outsider")
    with pytest.raises(CommandError, match="Không có kế hoạch"):
        run("period", "open", "--plan", "9999", "--year", "2026")


def test_period_open_refuses_a_year_outside_the_plan(plan):
    with pytest.raises(CommandError, match=r"2035 nằm ngoài thời kỳ của kế hoạch \(2026 - 2030\)"):
        run("period", "open", "--plan", str(plan.pk), "--year", "2035")
    assert not Period.objects.exists()


def test_data_import_and_export_through_the_command_line(period, focal_officer, tmp_path):
    data = {
        "dataSet": "TT1790",
        "period": "2026",
        "orgUnit": "66-C001",
        "completeDate": "2026-11-20",
        "dataValues": [
            {"dataElement": c, **({"categoryOptionCombo": k} if k else {}), "value": v}
            for (c, k), v in COMMUNE_VALUES.items()
        ],
    }
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    assert "1 báo cáo" in run("data", "import", str(source), "--user", "focal", "--dry-run")
    assert not Submission.objects.exists()
    assert "Đã nhập 1 báo cáo, 14 giá trị; 1 báo cáo được nộp." in run("data", "import", str(source))
    assert Submission.objects.get().state == State.SUBMITTED
    out = tmp_path / "out.json"
    run("data", "export", "--plan", str(period.plan.pk), "--year", "2026", "--out", str(out))
    [exported] = json.loads(out.read_text(encoding="utf-8"))["dataValueSets"]
    key = lambda v: (v["dataElement"], v.get("categoryOptionCombo", ""))  # noqa: E731
    assert sorted(exported.pop("dataValues"), key=key) == sorted(data.pop("dataValues"), key=key)
    assert exported == data


def test_a_bad_file_on_the_command_line_lists_every_problem(period, tmp_path):
    source = tmp_path / "bad.json"
    source.write_text(
        json.dumps({"dataSet": "TT1790", "period": "2027", "orgUnit": "nope", "dataValues": []})
    )
    with pytest.raises(CommandError) as caught:
        run("data", "import", str(source))
    assert 'orgUnit: không có đơn vị nào mang mã "nope".' in str(caught.value)
    (tmp_path / "broken.json").write_text("{")
    with pytest.raises(CommandError, match="không phải JSON hợp lệ"):
        run("data", "import", str(tmp_path / "broken.json"))


def test_data_export_filters_by_unit_and_status_on_the_command_line(period, focal_officer, tmp_path):
    data = {
        "dataValueSets": [
            {
                "dataSet": "TT1790",
                "period": "2026",
                "orgUnit": code,
                **({"completeDate": "2026-11-20"} if code == "66-C001" else {}),
                "dataValues": [{"dataElement": "TT_SESSIONS", "value": "3"}],
            }
            for code in ("66-C001", "66-C002")
        ]
    }
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CommandError):  # C001 cannot be submitted with one value: nothing imported
        run("data", "import", str(source))
    data["dataValueSets"][0].pop("completeDate")
    source.write_text(json.dumps(data), encoding="utf-8")
    run("data", "import", str(source))
    plan = str(period.plan.pk)
    by_unit = json.loads(run("data", "export", "--plan", plan, "--year", "2026", "--unit", "66-C002"))
    assert [s["orgUnit"] for s in by_unit["dataValueSets"]] == ["66-C002"]
    drafts = json.loads(run("data", "export", "--plan", plan, "--year", "2026", "--status", "draft"))
    assert [s["orgUnit"] for s in drafts["dataValueSets"]] == ["66-C001", "66-C002"]
    none = json.loads(run("data", "export", "--plan", plan, "--year", "2026", "--status", "accepted"))
    assert none == {"dataValueSets": []}


def test_data_export_refuses_an_unknown_unit_or_status(period):
    plan = str(period.plan.pk)
    with pytest.raises(
        CommandError, match="Không có dữ liệu nào được xuất:\nđơn vị \\(unit\\): không có đơn vị nào"
    ):
        run("data", "export", "--plan", plan, "--year", "2026", "--unit", "99-X")
    with pytest.raises(CommandError, match='"done" không phải là trạng thái báo cáo'):
        run("data", "export", "--plan", plan, "--year", "2026", "--status", "done")
