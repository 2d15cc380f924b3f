"""Upload of filled Excel templates (reporting.excel.importer): round trip, every refusal naming its
place with nothing changed, all or nothing per file."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from binhdang.reporting import services
from binhdang.reporting.excel.importer import import_many, import_xlsx
from binhdang.reporting.excel.template import build_template
from binhdang.reporting.models import DataValue, State, StateChange, Submission
from tests.factories import PASSWORD
from tests.reporting.conftest import COMMUNE_VALUES, fill

#: A complete commune report, by cell of the Biểu1 sheet (see reporting.excel.layout).
COMMUNE_CELLS = {
    "C15": 4,
    "D16": 120,
    "E16": 180,
    "C17": 12,
    "C18": 1,
    "C20": "Có",
    "C21": 3,
    "C23": 1,
    "D24": 20,
    "E24": 25,
    "C26": 5,
    "C27": 5,
    "C29": 15000000,
    "C30": 2000000,
    "C33": "Đã tổ chức 4 cuộc truyền thông tại các thôn, buôn.",
    "C34": "Kinh phí còn hạn chế.",
}


def edit(content: bytes, changes: dict, sheet: str = "Biểu1") -> bytes:
    """``content`` with the given cells changed (as a user would in Excel), saved again."""
    book = load_workbook(io.BytesIO(content))
    for ref, value in changes.items():
        book[sheet][ref] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def filled(period, unit, changes: dict | None = None) -> bytes:
    """The unit's downloaded template filled with a complete commune report, then ``changes``."""
    return edit(build_template(period, unit), {**COMMUNE_CELLS, **(changes or {})})


def database_state() -> tuple:
    return (
        sorted(
            DataValue.objects.values_list("submission_id", "data_element", "category_option_combo", "value")
        ),
        sorted(Submission.objects.values_list("pk", "unit_id", "state", "version", "results")),
        DataValue.history.count(),
        Submission.history.count(),
        StateChange.objects.count(),
    )


@pytest.fixture
def draft(period, daklak, commune_a_reporter):
    """Xã Ea Kar's report, saved once as a complete draft (so that a refused upload has something to keep)."""
    submission = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    fill(submission, commune_a_reporter)
    return submission


def test_round_trip_saves_the_values_as_a_draft_with_the_audit_trail(
    client, period, daklak, commune_a_reporter
):
    client.login(username="reporter_a", password=PASSWORD)
    downloaded = client.get(reverse("reporting:xlsx_template", args=[period.pk, daklak.commune_a.pk])).content
    result = import_xlsx(edit(downloaded, COMMUNE_CELLS), commune_a_reporter, filename="ea-kar.xlsx")
    assert result.errors == []
    assert result.accepted and result.changed and not result.submitted
    assert (result.filename, result.unit, result.values) == ("ea-kar.xlsx", daklak.commune_a, 14)
    submission = Submission.objects.get(period=period, unit=daklak.commune_a)
    assert submission.value_map() == COMMUNE_VALUES
    assert submission.state == State.DRAFT
    assert submission.results == "Đã tổ chức 4 cuộc truyền thông tại các thôn, buôn."
    assert submission.difficulties == "Kinh phí còn hạn chế."
    assert submission.updated_by == commune_a_reporter
    history = DataValue.history.filter(submission_id=submission.pk)
    assert history.count() == 14
    assert {h.history_user for h in history} == {commune_a_reporter}
    assert submission.history.first().history_user == commune_a_reporter


def test_upload_with_submit_submits_the_report_from_excel(period, daklak, commune_a_reporter):
    result = import_xlsx(filled(period, daklak.commune_a), commune_a_reporter, submit=True)
    assert result.errors == []
    assert result.submitted
    submission = Submission.objects.get(period=period, unit=daklak.commune_a)
    assert submission.state == State.SUBMITTED
    change = submission.state_changes.get()
    assert (change.action, change.source, change.user) == ("submit", "excel", commune_a_reporter)


def test_an_emptied_cell_clears_the_saved_value(draft, period, daklak, commune_a_reporter):
    result = import_xlsx(edit(build_template(period, daklak.commune_a), {"C17": None}), commune_a_reporter)
    assert result.errors == []
    draft.refresh_from_db()
    assert ("TT_NEWS", "") not in draft.value_map()
    assert draft.value_map()[("TT_SESSIONS", "")] == "4"


def test_the_same_file_uploaded_twice_is_accepted_without_change(period, daklak, commune_a_reporter):
    content = filled(period, daklak.commune_a)
    assert import_xlsx(content, commune_a_reporter).changed
    again = import_xlsx(content, commune_a_reporter)
    assert again.errors == []
    assert not again.changed


def test_values_typed_as_text_and_english_yes_are_understood(period, daklak, commune_a_reporter):
    content = filled(period, daklak.commune_a, {"C15": " 7 ", "C20": "yes", "C29": " 1500000 "})
    result = import_xlsx(content, commune_a_reporter)
    assert result.errors == []
    values = Submission.objects.get(period=period, unit=daklak.commune_a).value_map()
    assert (values[("TT_SESSIONS", "")], values[("TT_AM_PLAN", "")]) == ("7", "true")
    assert values[("TT_BUDGET_STATE", "")] == "1500000"


BAD_CELLS = [
    pytest.param(
        {"C15": "mười"}, "Biểu1!C15: phải là số nguyên không âm — Số cuộc truyền thông", id="text-in-number"
    ),
    pytest.param(
        {"E16": -5}, "Biểu1!E16: phải là số nguyên không âm — Số lượt người tham dự (Nữ)", id="negative-count"
    ),
    pytest.param(
        {"C21": 2.5}, "Biểu1!C21: phải là số nguyên không âm — Số hoạt động", id="fraction-in-count"
    ),
    pytest.param(
        {"C26": 3, "C27": 5},
        "Biểu1!C27: không được lớn hơn Số hương ước, quy ước được thông qua, sửa đổi trong năm (3)",
        id="conventions-ok-above-conventions",
    ),
    pytest.param({"C20": "Chắc có"}, 'Biểu1!C20: phải là "Có" hoặc "Không"', id="yes-no"),
    pytest.param(
        {"C29": dt.datetime(2026, 1, 1)},
        "Biểu1!C29: phải là số nguyên không âm, tính bằng đồng",
        id="date-in-money",
    ),
    pytest.param(
        {"C29": 1500000.5}, "Biểu1!C29: phải là số nguyên không âm, tính bằng đồng", id="fraction-of-a-dong"
    ),
    pytest.param(
        {"E16": 10**23},
        "Biểu1!E16: vượt giới hạn 10.000.000 người mà không đơn vị nào có thể đạt tới",
        id="people-over-the-limit",
    ),
    pytest.param(
        {"C29": "9" * 5000},
        "Biểu1!C29: vượt giới hạn 1.000 tỷ đồng mà không đơn vị nào có thể đạt tới",
        id="5000-digit-budget",
    ),
    pytest.param(
        {"C30": -1000}, "Biểu1!C30: phải là số nguyên không âm, tính bằng đồng", id="negative-money"
    ),
]


@pytest.mark.parametrize(("changes", "message"), BAD_CELLS)
def test_a_bad_cell_is_refused_naming_the_cell_and_nothing_changes(
    draft, period, daklak, commune_a_reporter, changes, message
):
    before = database_state()
    result = import_xlsx(filled(period, daklak.commune_a, {"C15": 9, **changes}), commune_a_reporter)
    assert not result.accepted
    assert any(e.startswith(message) for e in result.errors), result.errors
    assert result.submission is None
    assert database_state() == before


def test_every_bad_cell_of_a_file_is_listed(period, daklak, commune_a_reporter):
    result = import_xlsx(
        filled(period, daklak.commune_a, {"C15": "abc", "D24": -2, "C27": 9}), commune_a_reporter
    )
    places = [e.split(":")[0] for e in result.errors]
    assert places == ["Biểu1!C15", "Biểu1!D24", "Biểu1!C27"]
    assert Submission.objects.count() == 0


def test_awareness_above_100_is_refused_for_the_focal_agency(period, daklak, focal_officer):
    period.focal_unit = daklak.noi_vu
    period.save()
    content = build_template(period, daklak.noi_vu)
    sheet = load_workbook(io.BytesIO(content))["Biểu1"]
    row = next(r for r in range(15, 40) if sheet[f"G{r}"].value == "TT_AWARENESS")
    result = import_xlsx(edit(content, {f"C{row}": 150}), focal_officer)
    assert result.errors == [f"Biểu1!C{row}: phải là tỷ lệ phần trăm từ 0 đến 100 — Tỷ lệ nhận thức đúng (%)"]
    assert Submission.objects.count() == 0
    assert import_xlsx(edit(content, {f"C{row}": 72.5}), focal_officer).errors == []
    assert Submission.objects.get(unit=daklak.noi_vu).value_map() == {("TT_AWARENESS", ""): "72.5"}


def test_submit_with_a_missing_value_saves_nothing_not_even_a_draft(
    draft, period, daklak, commune_a_reporter
):
    before = database_state()
    result = import_xlsx(
        filled(period, daklak.commune_a, {"C15": 9, "C17": None}), commune_a_reporter, submit=True
    )
    assert result.errors == ["Biểu1!C17: chưa nhập — Số tin, bài"]
    assert database_state() == before


def test_a_file_that_is_not_xlsx_is_refused(draft, commune_a_reporter):
    before = database_state()
    result = import_xlsx(
        b"STT;Chi tieu;So lieu\n1;TT_SESSIONS;4\n", commune_a_reporter, filename="bao-cao.csv"
    )
    assert result.errors == ["Tệp không phải là tệp Excel (.xlsx), không đọc được."]
    assert result.filename == "bao-cao.csv"
    assert database_state() == before


def test_a_decompression_bomb_is_refused_before_openpyxl_opens_it(draft, commune_a_reporter, monkeypatch):
    import time

    from binhdang.reporting.excel import importer
    from tests.hostile import xlsx_bomb

    def no_parsing(*args, **kwargs):
        raise AssertionError("the bomb reached openpyxl")

    monkeypatch.setattr(importer, "load_workbook", no_parsing)
    data = xlsx_bomb()
    before = database_state()
    started = time.monotonic()
    result = import_xlsx(data, commune_a_reporter, filename="bao-cao.xlsx")
    assert time.monotonic() - started < 0.5
    assert [e.replace("\xa0", " ") for e in result.errors] == [
        "Tệp “bao-cao.xlsx” bị từ chối: phần xl/worksheets/sheet1.xml khi giải nén sẽ chiếm 100,0 MB "
        "(tối đa 4,0 MB)."
    ]
    assert database_state() == before


def test_a_workbook_that_is_not_our_template_is_refused(draft, commune_a_reporter):
    book = Workbook()
    book.active.title = "Biểu1"
    book.active["C15"] = 4
    out = io.BytesIO()
    book.save(out)
    before = database_state()
    result = import_xlsx(out.getvalue(), commune_a_reporter)
    assert len(result.errors) == 1
    assert result.errors[0].startswith(
        "Tệp này không phải biểu mẫu báo cáo của hệ thống (thiếu trang ẩn _meta"
    )
    assert database_state() == before


def test_a_tampered_meta_sheet_is_refused(draft, period, daklak, commune_a_reporter, commune_b_reporter):
    """Pointing Xã Ea Kar's file at Phường Buôn Ma Thuột by editing _meta breaks the signature."""
    content = edit(filled(period, daklak.commune_a), {"B6": "66-C002"}, sheet="_meta")
    before = database_state()
    result = import_xlsx(content, commune_b_reporter)
    assert result.errors == [
        "_meta!B10: trang ẩn _meta đã bị sửa (chữ ký không khớp). Hãy tải lại biểu mẫu từ trang báo cáo."
    ]
    assert database_state() == before


def test_another_template_version_is_refused(draft, period, daklak, commune_a_reporter):
    content = edit(filled(period, daklak.commune_a), {"B2": "0"}, sheet="_meta")
    result = import_xlsx(content, commune_a_reporter)
    assert result.errors == ["_meta!B2: biểu mẫu phiên bản 0 không còn được chấp nhận; hãy tải biểu mẫu mới."]


def test_moved_rows_are_refused_naming_the_first_changed_row(draft, period, daklak, commune_a_reporter):
    book = load_workbook(io.BytesIO(filled(period, daklak.commune_a)))
    book["Biểu1"].protection.sheet = False
    book["Biểu1"].delete_rows(17)  # TT_NEWS
    out = io.BytesIO()
    book.save(out)
    before = database_state()
    result = import_xlsx(out.getvalue(), commune_a_reporter)
    assert result.errors[0] == (
        "Biểu1!G17: lẽ ra là mã TT_NEWS nhưng lại là TT_DIGITAL_MODELS: các dòng đã bị thêm, xóa hoặc di chuyển. "
        "Hãy tải lại biểu mẫu."
    )
    assert database_state() == before


def test_a_changed_unit_code_in_the_header_is_refused(draft, period, daklak, commune_a_reporter):
    result = import_xlsx(filled(period, daklak.commune_a, {"C6": "66-C002"}), commune_a_reporter)
    assert result.errors == ["Biểu1!C6: mã đơn vị đã bị sửa (66-C002 thay vì 66-C001)."]


def test_a_unit_of_another_province_is_refused(period, laichau_period, laichau, focal_officer):
    content = filled(laichau_period, laichau.commune_a)
    before = database_state()
    result = import_xlsx(content, focal_officer)
    assert result.errors == ["Biểu1!C6: Xã Tam Đường (12-C001) thuộc tỉnh khác, không thuộc tỉnh của bạn."]
    assert database_state() == before


def test_a_reporter_cannot_upload_another_communes_file(period, daklak, commune_a_reporter):
    result = import_xlsx(filled(period, daklak.commune_b), commune_a_reporter)
    assert result.errors == ["Biểu1!C6: bạn không có quyền báo cáo cho Phường Buôn Ma Thuột (66-C002)."]
    assert Submission.objects.count() == 0


def test_a_closed_period_refuses_uploads(draft, period, daklak, commune_a_reporter, focal_officer):
    content = filled(period, daklak.commune_a, {"C15": 9})
    services.close_period(period, focal_officer)
    before = database_state()
    result = import_xlsx(content, commune_a_reporter)
    assert result.errors == ["Biểu1!C5: kỳ báo cáo năm 2026 đã đóng."]
    assert database_state() == before


def test_after_the_lock_date_only_the_focal_officer_can_upload(
    draft, period, daklak, commune_a_reporter, focal_officer
):
    content = filled(period, daklak.commune_a, {"C15": 9})
    yesterday = dt.date.today() - dt.timedelta(days=2)
    type(period).objects.filter(pk=period.pk).update(deadline=yesterday, lock_date=yesterday)
    result = import_xlsx(content, commune_a_reporter)
    assert result.errors == [
        f"Biểu1!C5: kỳ báo cáo đã khóa từ ngày {yesterday:%d/%m/%Y}: đề nghị cán bộ đầu mối sửa báo cáo giúp."
    ]
    assert import_xlsx(content, focal_officer).errors == []
    draft.refresh_from_db()
    assert draft.value_map()[("TT_SESSIONS", "")] == "9"


def test_a_submitted_report_cannot_be_overwritten(draft, period, daklak, commune_a_reporter):
    services.submit(draft, commune_a_reporter)
    before = database_state()
    result = import_xlsx(filled(period, daklak.commune_a, {"C15": 9}), commune_a_reporter)
    assert result.errors == ['Biểu1!C6: báo cáo của Xã Ea Kar đang ở trạng thái "đã nộp", không thể sửa đổi.']
    assert database_state() == before


def test_changes_saved_online_after_the_download_are_not_overwritten(
    draft, period, daklak, commune_a_reporter
):
    downloaded = build_template(period, daklak.commune_a)
    services.save_draft(
        draft, {("TT_SESSIONS", ""): "9"}, None, commune_a_reporter, expected_version=draft.version
    )
    before = database_state()
    result = import_xlsx(edit(downloaded, {"C15": 5}), commune_a_reporter)
    assert len(result.errors) == 1
    assert result.errors[0].startswith(
        "Báo cáo của Xã Ea Kar đã được thay đổi trên hệ thống sau khi tải biểu mẫu này"
    )
    assert database_state() == before
    fresh = build_template(period, daklak.commune_a)
    assert import_xlsx(edit(fresh, {"C15": 5}), commune_a_reporter).errors == []


def test_import_many_keeps_each_file_independent(period, daklak, focal_officer):
    good_a = filled(period, daklak.commune_a)
    bad_b = filled(period, daklak.commune_b, {"D16": -1})
    results = import_many([good_a, bad_b], focal_officer)
    assert [r.accepted for r in results] == [True, False]
    assert Submission.objects.filter(unit=daklak.commune_a).exists()
    assert not Submission.objects.filter(unit=daklak.commune_b).exists()


def upload(name: str, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/vnd.ms-excel")


def test_focal_officer_uploads_many_files_and_gets_a_result_per_file(client, period, daklak, focal_officer):
    # A department's sheet has no commune rows: TT_AM_PLAN is on row 19 there.
    health = edit(build_template(period, daklak.health), {"C15": 4, "D16": 10, "E16": 12, "C19": "Không"})
    files = [
        upload("ea-kar.xlsx", filled(period, daklak.commune_a)),
        upload("buon-ma-thuot.xlsx", filled(period, daklak.commune_b, {"C27": 8})),
        upload("so-y-te.xlsx", health),
    ]
    client.login(username="focal", password=PASSWORD)
    response = client.post(reverse("reporting:xlsx_upload"), {"uploads": files, "submit": ""})
    assert response.status_code == 200
    page = response.content.decode()
    assert "2 tệp được chấp nhận" in page
    assert "1 tệp bị từ chối" in page
    assert 'data-file="buon-ma-thuot.xlsx" data-accepted="0"' in page
    assert 'data-file="ea-kar.xlsx" data-accepted="1"' in page
    assert "Biểu1!C27: không được lớn hơn" in page
    assert Submission.objects.get(unit=daklak.commune_a).value_map() == COMMUNE_VALUES
    assert Submission.objects.get(unit=daklak.health).value_map()[("TT_SESSIONS", "")] == "4"
    assert not Submission.objects.filter(unit=daklak.commune_b).exists()


def test_reporter_uploads_their_file_and_submits_it(client, period, daklak, commune_a_reporter):
    client.login(username="reporter_a", password=PASSWORD)
    response = client.post(
        reverse("reporting:xlsx_upload"),
        {"uploads": [upload("ea-kar.xlsx", filled(period, daklak.commune_a))], "submit": "on"},
    )
    assert response.status_code == 200
    assert "Đã lưu và gửi báo cáo" in response.content.decode()
    assert Submission.objects.get(unit=daklak.commune_a).state == State.SUBMITTED


def test_a_bomb_uploaded_with_good_files_is_refused_on_its_own_in_vietnamese(
    client, period, daklak, focal_officer
):
    from tests.hostile import xlsx_bomb

    client.login(username="focal", password=PASSWORD)
    files = [upload("bom.xlsx", xlsx_bomb()), upload("ea-kar.xlsx", filled(period, daklak.commune_a))]
    page = client.post(reverse("reporting:xlsx_upload"), {"uploads": files, "submit": ""}).content.decode()
    assert 'data-file="bom.xlsx" data-accepted="0"' in page
    assert "Tệp “bom.xlsx” bị từ chối: phần xl/worksheets/sheet1.xml khi giải nén" in page
    assert 'data-file="ea-kar.xlsx" data-accepted="1"' in page


def test_upload_without_a_file_is_refused(client, period, commune_a_reporter):
    client.login(username="reporter_a", password=PASSWORD)
    response = client.post(reverse("reporting:xlsx_upload"), {})
    assert response.status_code == 400


@pytest.mark.parametrize("persona", ["leader", "ministry_viewer", "outsider_without_role"])
def test_only_reporters_and_focal_officers_may_upload(client, period, persona, request):
    if persona == "outsider_without_role":
        from tests.factories import make_user

        user = make_user("nobody")
    else:
        user = request.getfixturevalue(persona)
    client.force_login(user)
    assert client.get(reverse("reporting:xlsx_upload")).status_code == 403


@pytest.fixture
def strategy_period(daklak, focal_officer):
    """A strategy (NQ 28) plan whose sex-ratio indicator Sở Y tế reports."""
    from tests.reporting.conftest import make_plan
    from tests.strategy_plans import add_health_goal, add_sex_ratio_at_birth

    plan = make_plan(daklak.root, program="strategy", slug="kh-nq28-daklak", deadline=(12, 10))
    add_sex_ratio_at_birth(plan, daklak.health, goal=add_health_goal(plan))
    return services.open_period(plan, 2026, focal_officer)


def test_a_strategy_indicator_takes_one_row_per_option(strategy_period, daklak, department_reporter):
    content = build_template(strategy_period, daklak.health)
    sheet = load_workbook(io.BytesIO(content))["Biểu1"]
    assert [sheet[f"G{r}"].value for r in range(15, 20)] == [
        "NQ28.4.1",
        "NQ28.4.1/VALUE",
        "NQ28.4.1/NUMERATOR",
        "NQ28.4.1/DENOMINATOR",
        "NQ28.4.1/NOTE",
    ]
    assert [sheet[f"B{r}"].value for r in range(16, 20)] == [
        "– Giá trị",
        "– Tử số",
        "– Mẫu số",
        "– Nguồn số liệu",
    ]
    refused = import_xlsx(edit(content, {"C17": 1052, "C19": "Thống kê 2026"}), department_reporter)
    assert [e.split(":")[0] for e in refused.errors] == ["Biểu1!C17"]
    assert Submission.objects.count() == 0
    result = import_xlsx(edit(content, {"C16": 105.2, "C19": "Sở Y tế, thống kê 2026"}), department_reporter)
    assert result.errors == []
    values = Submission.objects.get(unit=daklak.health).value_map()
    assert values == {("NQ28.4.1", "VALUE"): "105.2", ("NQ28.4.1", "NOTE"): "Sở Y tế, thống kê 2026"}
