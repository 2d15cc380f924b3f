"""Data value sets (domain §9): good files import, malformed ones are refused with the place named and
change nothing, export round-trips."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from django.utils import translation

from binhdang.reporting import services
from binhdang.reporting.datavalue_export import export_data_value_sets, export_filters
from binhdang.reporting.datavaluesets import (
    DataValueSetError,
    import_data_value_sets,
    parse_data_value_sets,
)
from binhdang.reporting.models import DataValue, State, StateChange, Submission

from .conftest import COMMUNE_VALUES, DEPARTMENT_VALUES, fill, local


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def data_values(values):
    return [
        {"dataElement": code, **({"categoryOptionCombo": coc} if coc else {}), "value": value}
        for (code, coc), value in values.items()
    ]


def a_set(org_unit="66-C001", values=None, complete="2026-11-20", period="2026", **extra):
    entry = {
        "dataSet": "TT1790",
        "period": period,
        "orgUnit": org_unit,
        "dataValues": data_values(COMMUNE_VALUES if values is None else values),
        **extra,
    }
    if complete:
        entry["completeDate"] = complete
    return entry


def good_file():
    return {
        "dataValueSets": [
            a_set(),
            a_set("66-C002", complete=None),
            a_set("66-D06", DEPARTMENT_VALUES, complete="2026-12-02"),
        ]
    }


def snapshot():
    return (
        Submission.objects.count(),
        DataValue.objects.count(),
        StateChange.objects.count(),
        sorted(DataValue.objects.values_list("data_element", "value")),
    )


def test_a_good_file_imports_values_and_complete_dates_submit_on_that_date(period, focal_officer):
    result = import_data_value_sets(good_file(), focal_officer)
    assert (result.sets, result.submitted) == (3, 2)
    assert result.values == 2 * len(COMMUNE_VALUES) + len(DEPARTMENT_VALUES)
    a = Submission.objects.get(unit__code="66-C001")
    assert a.state == State.SUBMITTED and a.value_map() == COMMUNE_VALUES
    assert a.first_submitted_at == local(2026, 11, 20, 12) and a.on_time is True
    health = Submission.objects.get(unit__code="66-D06")
    assert health.on_time is False
    assert Submission.objects.get(unit__code="66-C002").state == State.DRAFT
    change = a.state_changes.get()
    assert (change.source, change.user) == ("history", focal_officer)
    assert a.values.first().history.first().history_user == focal_officer
    assert not result.notices


def test_a_single_set_and_json_booleans_and_default_combos_are_accepted(period, commune_a_reporter):
    values = data_values(COMMUNE_VALUES)
    values[3] = {"dataElement": "TT_AM_PLAN", "categoryOptionCombo": "default", "value": False}
    import_data_value_sets(a_set(complete=None) | {"dataValues": values}, commune_a_reporter)
    assert Submission.objects.get().value_map()[("TT_AM_PLAN", "")] == "false"


def test_a_dry_run_checks_everything_and_writes_nothing(period, focal_officer):
    before = snapshot()
    result = import_data_value_sets(good_file(), focal_officer, dry_run=True)
    assert result.sets == 3 and snapshot() == before


MALFORMED = [
    (
        "unknown data element",
        lambda f: f["dataValueSets"][2]["dataValues"].insert(5, {"dataElement": "TT_FOO", "value": "1"}),
        'dataValueSets[2].dataValues[5].dataElement: mã chỉ tiêu "TT_FOO" không có trong biểu TT1790.',
    ),
    (
        "element the unit does not fill",
        lambda f: f["dataValueSets"][2]["dataValues"].append({"dataElement": "TT_CONVENTIONS", "value": "1"}),
        'dataValueSets[2].dataValues[11].dataElement: chỉ tiêu "TT_CONVENTIONS" không thuộc phần báo cáo của Sở Y tế.',
    ),
    (
        "unknown org unit",
        lambda f: f["dataValueSets"][1].update(orgUnit="99-X"),
        'dataValueSets[1].orgUnit: không có đơn vị nào mang mã "99-X".',
    ),
    (
        "period not open",
        lambda f: f["dataValueSets"][0].update(period="2027"),
        "dataValueSets[0].period: chưa mở kỳ báo cáo TT1790 năm 2027 cho Xã Ea Kar.",
    ),
    (
        "period not a year, quarter or month",
        lambda f: f["dataValueSets"][0].update(period="2026W3"),
        'dataValueSets[0].period: "2026W3" không phải là kỳ báo cáo (một năm như 2026, một quý 2026Q1, '
        "một tháng 202603).",
    ),
    (
        "quarter not open",
        lambda f: f["dataValueSets"][0].update(period="2026Q4"),
        "dataValueSets[0].period: chưa mở kỳ báo cáo TT1790 năm 2026Q4 cho Xã Ea Kar.",
    ),
    (
        "unknown form",
        lambda f: f["dataValueSets"][0].update(dataSet="TT9999"),
        'dataValueSets[0].dataSet: biểu mẫu "TT9999" không tồn tại (cần một trong các mã TT1790, NQ28).',
    ),
    (
        "bad value type",
        lambda f: f["dataValueSets"][1]["dataValues"][0].update(value="bốn"),
        'dataValueSets[1].dataValues[0].value: Số cuộc truyền thông: "bốn" phải là số nguyên không âm.',
    ),
    (
        "negative by-sex count",
        lambda f: f["dataValueSets"][0]["dataValues"][2].update(value="-3"),
        'dataValueSets[0].dataValues[2].value: Số lượt người tham dự (Nữ): "-3" phải là số nguyên không âm.',
    ),
    (
        "bad category option",
        lambda f: f["dataValueSets"][0]["dataValues"][1].update(categoryOptionCombo="OTHER"),
        'dataValueSets[0].dataValues[1].categoryOptionCombo: "OTHER" không phải là phân tổ của TT_PARTICIPANTS '
        "(cần MALE, FEMALE).",
    ),
    (
        "bad complete date",
        lambda f: f["dataValueSets"][0].update(completeDate="20/11/2026"),
        'dataValueSets[0].completeDate: "20/11/2026" không phải là ngày hợp lệ (YYYY-MM-DD).',
    ),
    (
        "complete date with a missing value",
        lambda f: f["dataValueSets"][0]["dataValues"].pop(0),
        "dataValueSets[0].completeDate: chưa thể nộp báo cáo: Số cuộc truyền thông: chưa nhập",
    ),
    (
        "conventions ok above conventions",
        lambda f: f["dataValueSets"][0]["dataValues"][11].update(value="6"),
        "dataValueSets[0].completeDate: chưa thể nộp báo cáo: ... trong đó không có nội dung phân biệt đối xử về giới: "
        "không được lớn hơn Số hương ước, quy ước được thông qua, sửa đổi trong năm (5)",
    ),
    (
        "same value twice",
        lambda f: f["dataValueSets"][1]["dataValues"].append({"dataElement": "TT_SESSIONS", "value": "1"}),
        "dataValueSets[1].dataValues[14]: giá trị TT_SESSIONS  bị nhập hai lần.",
    ),
    (
        "same unit twice",
        lambda f: f["dataValueSets"].append(a_set()),
        "dataValueSets[3]: tệp có hai bộ dữ liệu cho Xã Ea Kar, năm 2026.",
    ),
    (
        "values not a list",
        lambda f: f["dataValueSets"][1].update(dataValues={"TT_SESSIONS": 1}),
        "dataValueSets[1].dataValues: phải là một danh sách.",
    ),
]


@pytest.mark.parametrize("case,damage,message", MALFORMED, ids=[c[0] for c in MALFORMED])
def test_a_malformed_file_is_refused_with_the_place_named_and_changes_nothing(
    period, focal_officer, case, damage, message
):
    data = good_file()
    damage(data)
    before = snapshot()
    with pytest.raises(DataValueSetError) as caught:
        import_data_value_sets(data, focal_officer)
    assert message in caught.value.messages, caught.value.messages
    assert snapshot() == before


def test_a_unit_of_another_province_is_refused(period, laichau_period, focal_officer):
    data = good_file()
    data["dataValueSets"][1]["orgUnit"] = "12-C001"
    with pytest.raises(DataValueSetError) as caught:
        import_data_value_sets(data, focal_officer)
    assert caught.value.messages == [
        "dataValueSets[1].orgUnit: Xã Tam Đường thuộc tỉnh khác, không thuộc tỉnh của bạn."
    ]
    assert not Submission.objects.exists()


def test_a_worklog_set_is_export_only_and_refused_by_name_even_in_dhis2s_shape(period, focal_officer):
    data = good_file()
    data["dataValueSets"][0]["dataSet"] = "WORKLOG"
    with pytest.raises(DataValueSetError) as caught:
        import_data_value_sets(data, focal_officer)
    assert caught.value.messages[0].startswith("dataValueSets[0].dataSet: Bộ dữ liệu WORKLOG chỉ để xuất")
    dhis2 = {
        "dataSet": "WORKLOG",
        "period": "2026",
        "dataValues": [{"orgUnit": "66-C001", "dataElement": "WL_BUDGET_STATE", "value": "5"}],
    }
    with pytest.raises(DataValueSetError, match="Bộ dữ liệu WORKLOG chỉ để xuất"):
        import_data_value_sets(dhis2, focal_officer)
    assert not Submission.objects.exists()


def test_a_reporter_imports_only_for_their_own_unit(period, commune_a_reporter):
    with pytest.raises(
        DataValueSetError, match=r"dataValueSets\[1\].orgUnit: bạn không có quyền báo cáo thay"
    ):
        import_data_value_sets(good_file(), commune_a_reporter)


def test_a_submitted_report_is_not_overwritten_and_the_changed_value_is_named(period, focal_officer):
    import_data_value_sets(good_file(), focal_officer)
    before = snapshot()
    data = good_file()
    data["dataValueSets"][0]["dataValues"][1]["value"] = "999"
    with pytest.raises(DataValueSetError) as caught:
        import_data_value_sets(data, focal_officer)
    first, second = caught.value.messages
    assert first == 'dataValueSets[0]: báo cáo của Xã Ea Kar đang ở trạng thái "đã nộp", không thể sửa đổi.'
    assert second.startswith("dataValueSets[0].dataValues[1].value: ")
    assert "“999”" in second
    assert snapshot() == before


def test_importing_the_same_file_again_ignores_every_value_even_in_submitted_reports(period, focal_officer):
    """Issue 19: data already there unchanged is not refused; DHIS2 counts it as ignored."""
    first = import_data_value_sets(good_file(), focal_officer)
    assert (first.imported, first.updated, first.ignored, first.deleted) == (first.values, 0, 0, 0)
    before = snapshot()
    again = import_data_value_sets(good_file(), focal_officer)
    assert (again.imported, again.updated, again.deleted) == (0, 0, 0)
    assert again.ignored == first.values and again.sets == 3 and again.submitted == 0
    assert snapshot() == before


def test_changed_and_cleared_values_of_a_draft_count_as_updated_and_deleted(period, focal_officer):
    import_data_value_sets(good_file(), focal_officer)
    draft = good_file()["dataValueSets"][1]
    draft["dataValues"][0]["value"] = "77"
    draft["dataValues"][2]["value"] = ""
    result = import_data_value_sets(draft, focal_officer)
    assert (result.imported, result.updated, result.deleted) == (0, 1, 1)
    assert result.ignored == len(draft["dataValues"]) - 2


def test_a_closed_period_is_refused(period, focal_officer):
    services.close_period(period, focal_officer)
    with pytest.raises(
        DataValueSetError, match=r"dataValueSets\[0\].period: kỳ báo cáo TT1790 năm 2026 đã đóng"
    ):
        import_data_value_sets(good_file(), focal_officer)


@pytest.mark.parametrize("data", [[], "x", {"dataValueSets": []}, {"dataValueSets": ["x"]}])
def test_a_file_of_the_wrong_shape_is_refused(period, focal_officer, data):
    with pytest.raises(DataValueSetError):
        import_data_value_sets(data, focal_officer)


def test_export_gives_one_set_per_report_in_form_order(period, daklak, focal_officer, commune_a_reporter):
    report = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    fill(report, commune_a_reporter)
    services.submit(report, commune_a_reporter, at=local(2026, 11, 25, 16))
    services.get_or_create_submission(period, daklak.commune_b)  # empty draft: not exported
    exported = export_data_value_sets(period)
    assert exported == {
        "dataValueSets": [
            {
                "dataSet": "TT1790",
                "period": "2026",
                "orgUnit": "66-C001",
                "completeDate": "2026-11-25",
                "dataValues": [
                    {"dataElement": "TT_SESSIONS", "value": "4"},
                    {"dataElement": "TT_PARTICIPANTS", "categoryOptionCombo": "MALE", "value": "120"},
                    {"dataElement": "TT_PARTICIPANTS", "categoryOptionCombo": "FEMALE", "value": "180"},
                    {"dataElement": "TT_NEWS", "value": "12"},
                    {"dataElement": "TT_DIGITAL_MODELS", "value": "1"},
                    {"dataElement": "TT_AM_PLAN", "value": "true"},
                    {"dataElement": "TT_AM_ACTIVITIES", "value": "3"},
                    {"dataElement": "TT_TRAININGS", "value": "1"},
                    {"dataElement": "TT_TRAINEES", "categoryOptionCombo": "MALE", "value": "20"},
                    {"dataElement": "TT_TRAINEES", "categoryOptionCombo": "FEMALE", "value": "25"},
                    {"dataElement": "TT_CONVENTIONS", "value": "5"},
                    {"dataElement": "TT_CONVENTIONS_OK", "value": "5"},
                    {"dataElement": "TT_BUDGET_STATE", "value": "15000000"},
                    {"dataElement": "TT_BUDGET_OTHER", "value": "2000000"},
                ],
            }
        ]
    }


def test_export_then_import_round_trips_values_states_and_timeliness(period, focal_officer):
    import_data_value_sets(good_file(), focal_officer)
    first = export_data_value_sets(period)
    timeliness = {s.unit.code: s.on_time for s in Submission.objects.all()}
    Submission.objects.all().delete()
    import_data_value_sets(copy.deepcopy(first), focal_officer)
    assert export_data_value_sets(period) == first
    assert {s.unit.code: s.on_time for s in Submission.objects.all()} == timeliness
    assert first["dataValueSets"][2]["completeDate"] == dt.date(2026, 12, 2).isoformat()


def test_export_filters_keep_one_unit_or_one_state(period, focal_officer):
    import_data_value_sets(good_file(), focal_officer)  # C001 and D06 submitted, C002 a draft
    by_unit = export_filters(period, "66-C002", None)
    assert [s["orgUnit"] for s in export_data_value_sets(period, by_unit.units)["dataValueSets"]] == [
        "66-C002"
    ]
    submitted = export_filters(period, "", "submitted")
    found = export_data_value_sets(period, submitted.units, submitted.state)["dataValueSets"]
    assert [s["orgUnit"] for s in found] == ["66-C001", "66-D06"]
    both = export_filters(period, "66-C001", "draft")
    assert export_data_value_sets(period, both.units, both.state) == {"dataValueSets": []}


def test_an_unknown_unit_or_state_in_the_export_filters_is_named_in_vietnamese(period, laichau):
    with pytest.raises(DataValueSetError) as error:
        export_filters(period, laichau.commune_a.code, "approved")  # a Lai Châu unit: not of this province
    assert error.value.messages == [
        'đơn vị (unit): không có đơn vị nào của Tỉnh Đắk Lắk có mã "12-C001".',
        'trạng thái (status): "approved" không phải là trạng thái báo cáo '
        "(cần một trong: draft, submitted, returned, accepted).",
    ]


def test_a_figure_over_its_hard_limit_is_refused_naming_the_place_and_the_limit(period, focal_officer):
    data = good_file()
    data["dataValueSets"][0]["dataValues"][2].update(value="99999999999999999999999")  # female participants
    data["dataValueSets"][2]["dataValues"][-2].update(value="1" + "0" * 15)  # 10^15 đồng
    before = snapshot()
    with pytest.raises(DataValueSetError) as caught:
        import_data_value_sets(data, focal_officer)
    assert caught.value.messages[0].startswith(
        "dataValueSets[0].dataValues[2].value: Số lượt người tham dự (Nữ): "
        '"99999999999999999999999" vượt giới hạn 10.000.000 người'
    )
    assert caught.value.messages[1].startswith(
        "dataValueSets[2].dataValues[9].value: Kinh phí từ ngân sách nhà nước (đồng): "
        '"1000000000000000" vượt giới hạn 1.000 tỷ đồng'
    )
    assert snapshot() == before


def test_a_budget_at_the_limit_round_trips_exactly_through_import_storage_and_export(period, focal_officer):
    data = good_file()
    data["dataValueSets"][0]["dataValues"][-2].update(value="999999999999")
    data["dataValueSets"][0]["dataValues"][-1].update(value=10**12)  # a JSON number, not text
    import_data_value_sets(data, focal_officer)
    stored = Submission.objects.get(unit__code="66-C001").value_map()
    assert (stored[("TT_BUDGET_STATE", "")], stored[("TT_BUDGET_OTHER", "")]) == (
        "999999999999",
        "1000000000000",
    )
    exported = {
        v["dataElement"]: v["value"] for v in export_data_value_sets(period)["dataValueSets"][0]["dataValues"]
    }
    assert (exported["TT_BUDGET_STATE"], exported["TT_BUDGET_OTHER"]) == ("999999999999", "1000000000000")


def test_a_comment_explains_a_flagged_value_and_comes_back_on_export(period, daklak, focal_officer):
    from .conftest import make_plan

    old_plan = make_plan(daklak.root, slug="kh-1790-daklak-2021", span=(2021, 2025))
    old = services.get_or_create_submission(
        services.open_period(old_plan, 2025, focal_officer), daklak.commune_a
    )
    services.save_draft(old, {("TT_PARTICIPANTS", "FEMALE"): "120"}, None, None, expected_version=None)
    data = good_file()
    data["dataValueSets"][0]["dataValues"][2].update(value="5000", comment="Hội thi toàn xã")
    import_data_value_sets(data, focal_officer)
    report = Submission.objects.get(unit__code="66-C001", period=period)
    assert report.state == State.SUBMITTED
    assert report.outlier_notes["TT_PARTICIPANTS/FEMALE"]["note"] == "Hội thi toàn xã"
    exported = export_data_value_sets(period)["dataValueSets"][0]["dataValues"]
    assert exported[2] == {
        "dataElement": "TT_PARTICIPANTS",
        "categoryOptionCombo": "FEMALE",
        "value": "5000",
        "comment": "Hội thi toàn xã",
    }
    assert "comment" not in exported[0]


def test_a_value_of_5000_digits_is_refused_with_its_place_and_not_repeated(period, focal_officer):
    data = good_file()
    data["dataValueSets"][1]["dataValues"][0]["value"] = "9" * 5000
    before = snapshot()
    with pytest.raises(DataValueSetError) as caught:
        import_data_value_sets(data, focal_officer)
    [message] = caught.value.messages
    assert message.startswith("dataValueSets[1].dataValues[0].value: Số cuộc truyền thông: ")
    assert "vượt giới hạn 100.000" in message and len(message) < 250
    assert snapshot() == before


def test_a_file_nested_100000_levels_deep_is_refused_as_too_deep(period, focal_officer):
    with pytest.raises(DataValueSetError, match="lồng quá sâu"):
        parse_data_value_sets(b"[" * 100_000 + b"]" * 100_000)


def test_a_reporter_cannot_backdate_the_report_it_is_submitted_at_the_servers_time(
    period, commune_a_reporter
):
    result = import_data_value_sets(a_set(complete="2026-11-20"), commune_a_reporter)
    a = Submission.objects.get()
    assert a.state == State.SUBMITTED and result.submitted == 1
    assert dt.datetime.now(dt.UTC) - a.first_submitted_at < dt.timedelta(minutes=1)
    assert a.on_time is False  # the deadline was 30/11: the late report stays late
    change = a.state_changes.get()
    assert (change.source, change.user, change.at) == ("import", commune_a_reporter, a.first_submitted_at)
    [notice] = result.notices
    assert notice.startswith("completeDate: báo cáo của Xã Ea Kar được tính là nộp vào lúc này (04/12/2026")
    assert "không phải ngày 20/11/2026 ghi trong tệp" in notice


def test_a_focal_officer_loading_history_keeps_the_date_and_the_audit_trail_says_so(period, focal_officer):
    import_data_value_sets(a_set(complete="2026-11-20"), focal_officer)
    a = Submission.objects.get()
    assert a.first_submitted_at == local(2026, 11, 20, 12) and a.on_time is True
    change = a.state_changes.get()
    assert (change.source, change.user, change.at) == ("history", focal_officer, local(2026, 11, 20, 12))
    record = a.history.filter(state=State.SUBMITTED).get()
    assert record.history_change_reason == "Nạp số liệu lịch sử: ngày nộp lấy từ completeDate của tệp"
    assert record.history_user == focal_officer


def test_an_admin_and_the_command_line_load_history_too(period, admin_user):
    import_data_value_sets(a_set(complete="2026-11-20"), admin_user)
    import_data_value_sets(a_set("66-C002", complete="2026-11-21"), None)
    sources = dict(StateChange.objects.values_list("submission__unit__code", "source"))
    assert sources == {"66-C001": "history", "66-C002": "history"}


@pytest.mark.parametrize("user", ["focal_officer", "commune_a_reporter"])
def test_a_complete_date_in_the_future_is_refused_for_everyone(period, request, user):
    with pytest.raises(DataValueSetError) as caught:
        import_data_value_sets(a_set(complete="2026-12-05"), request.getfixturevalue(user))
    assert caught.value.messages == [
        "completeDate: ngày 05/12/2026 là ngày trong tương lai; ngày nộp báo cáo muộn nhất là hôm nay."
    ]
    assert not Submission.objects.exists()


def test_a_quarter_is_imported_and_exported_with_its_iso_period(period, plan, daklak, focal_officer):
    quarter = services.open_subannual(plan, 2026, focal_officer, numbers=[4], element_codes=["TT_NEWS"])[0]
    news = {"dataSet": "TT1790", "period": "2026Q4", "orgUnit": "66-T01"}
    import_data_value_sets(news | {"dataValues": [{"dataElement": "TT_NEWS", "value": "5"}]}, focal_officer)
    report = Submission.objects.get(period=quarter)
    assert (report.unit, report.value_map()) == (daklak.newspaper, {("TT_NEWS", ""): "5"})
    assert not Submission.objects.filter(period=period).exists()
    exported = export_data_value_sets(quarter)["dataValueSets"]
    assert [(s["period"], s["orgUnit"]) for s in exported] == [("2026Q4", "66-T01")]
