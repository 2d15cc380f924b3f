"""The unit browser pages, per persona: tree, search, unit page with history, and the officer's changes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from binhdang.orgunits.models import OrgUnit


def url(name: str, code: str | None = None) -> str:
    return reverse(f"orgunits:{name}", kwargs={"code": code} if code else None)


@pytest.fixture
def as_user(client):
    def login(user):
        client.force_login(user)
        return client

    return login


def test_anonymous_visitors_are_sent_to_the_login_page(client, daklak):
    response = client.get(url("province", "66"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_the_index_takes_a_focal_officer_straight_to_their_province(as_user, focal_officer):
    response = as_user(focal_officer).get(url("browse"))
    assert response.status_code == 302 and response["Location"] == url("province", "66")


def test_the_ministry_picks_a_province_from_the_list(as_user, ministry_viewer, daklak, laichau):
    response = as_user(ministry_viewer).get(url("browse"))
    assert response.status_code == 200
    assert [row["province"].code for row in response.context["rows"]] == ["12", "66"]  # official order
    assert response.context["rows"][1]["total"] == 6
    assert url("province", "12") in response.text


def test_the_province_tree_groups_units_by_kind_with_counts(as_user, focal_officer, daklak):
    response = as_user(focal_officer).get(url("province", "66"))
    assert response.status_code == 200
    groups = {g.type: [u.code for u in g.units] for g in response.context["groups"]}
    assert groups == {
        "department": ["66-D02", "66-D06"],
        "mass_org": ["66-M02"],
        "media": ["66-T01"],
        "commune": ["66-C002", "66-C001"],  # Phường Buôn Ma Thuột, Xã Ea Kar
    }
    assert response.text.count("<details") == 4
    assert '<span class="badge badge-info">2</span>' in response.text
    assert "Thêm đơn vị" in response.text


@pytest.mark.parametrize("query", ["Buôn Ma Thuột", "buon ma thuot", "BUÔN MA", "ma thuot"])
def test_search_matches_names_with_or_without_diacritics(as_user, focal_officer, daklak, query):
    response = as_user(focal_officer).get(url("province", "66"), {"q": query})
    assert [u.code for g in response.context["groups"] for u in g.units] == ["66-C002"]
    assert "Tìm thấy 1 đơn vị." in response.text


def test_live_search_with_htmx_returns_only_the_results(as_user, focal_officer, daklak):
    response = as_user(focal_officer).get(url("province", "66"), {"q": "so"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "Sở Nội vụ" in response.text and "Sở Y tế" in response.text and "Xã Ea Kar" not in response.text
    assert "HX-Request" in response["Vary"]


def test_the_search_form_works_without_javascript(as_user, focal_officer, daklak):
    page = as_user(focal_officer).get(url("province", "66")).text
    assert 'method="get"' in page and 'name="q"' in page and 'hx-get="/orgunits/province/66/"' in page


def test_filters_by_kind_and_status(as_user, focal_officer, daklak):
    daklak.newspaper.is_active = False
    daklak.newspaper.save()
    client = as_user(focal_officer)
    communes = client.get(url("province", "66"), {"type": "commune"}).context["groups"]
    assert [g.type for g in communes] == ["commune"]
    inactive = client.get(url("province", "66"), {"active": "inactive"}).context["groups"]
    assert [u.code for g in inactive for u in g.units] == ["66-T01"]
    assert "ngừng hoạt động" in client.get(url("province", "66")).text


def test_the_unit_page_shows_its_data_and_who_changed_what(as_user, focal_officer, daklak):
    client = as_user(focal_officer)
    client.post(url("rename", "66-C001"), {"name": "Xã Ea Kar Mới"})
    page = client.get(url("unit", "66-C001")).text
    assert "66-C001" in page and "Xã Ea Kar Mới" in page
    assert "Lịch sử thay đổi" in page
    assert "Nguyễn Thị Hoa" in page  # the focal officer's full name
    assert "Tên: Xã Ea Kar → Xã Ea Kar Mới" in page


def test_focal_officer_adds_a_unit(as_user, focal_officer, daklak):
    data = {
        "type": "department",
        "code": "66-SCT",
        "name": "Sở Công Thương",
        "division": "",
        "valid_from": "",
    }
    response = as_user(focal_officer).post(url("add", "66"), data)
    assert response.status_code == 302 and response["Location"] == url("unit", "66-SCT")
    unit = OrgUnit.objects.get(code="66-SCT")
    assert (unit.province, unit.type, unit.history.get().history_user) == (
        daklak.root,
        "department",
        focal_officer,
    )


def test_a_duplicate_code_gets_a_vietnamese_form_error_naming_the_code(as_user, focal_officer, daklak):
    data = {"type": "commune", "code": "66-C001", "name": "Xã Mới", "division": "Xã"}
    response = as_user(focal_officer).post(url("add", "66"), data)
    assert response.status_code == 400
    assert "Mã “66-C001” đã được dùng cho một đơn vị khác" in response.text
    assert not OrgUnit.objects.filter(name="Xã Mới").exists()


def test_focal_officer_renames_deactivates_and_reactivates(as_user, focal_officer, daklak):
    client = as_user(focal_officer)
    assert (
        client.post(url("rename", "66-T01"), {"name": "Báo và Phát thanh, Truyền hình Đắk Lắk"}).status_code
        == 302
    )
    assert client.post(url("deactivate", "66-T01"), {"valid_to": "2026-06-30"}).status_code == 302
    unit = OrgUnit.objects.get(code="66-T01")
    assert (unit.name, unit.is_active, str(unit.valid_to)) == (
        "Báo và Phát thanh, Truyền hình Đắk Lắk",
        False,
        "2026-06-30",
    )
    assert "Hoạt động trở lại" in client.get(url("unit", "66-T01")).text
    assert client.post(url("reactivate", "66-T01")).status_code == 302
    assert OrgUnit.objects.get(code="66-T01").is_active


def test_the_province_itself_cannot_be_renamed_or_deactivated_here(as_user, focal_officer, daklak):
    client = as_user(focal_officer)
    assert client.post(url("rename", "66"), {"name": "Tỉnh Khác"}).status_code == 403
    assert client.post(url("deactivate", "66"), {"valid_to": "2026-01-01"}).status_code == 403
    assert OrgUnit.objects.get(code="66").name == "Tỉnh Đắk Lắk"


@pytest.mark.parametrize("persona", ["leader", "ministry_viewer"])
def test_readers_see_the_tree_but_cannot_change_it(request, as_user, persona, daklak):
    client = as_user(request.getfixturevalue(persona))
    page = client.get(url("province", "66"))
    assert page.status_code == 200 and "Thêm đơn vị" not in page.text
    assert "Đổi tên" not in client.get(url("unit", "66-C001")).text
    assert client.get(url("add", "66")).status_code == 403
    assert client.post(url("rename", "66-C001"), {"name": "Xã Khác"}).status_code == 403
    assert client.post(url("deactivate", "66-C001"), {"valid_to": "2026-01-01"}).status_code == 403
    assert OrgUnit.objects.get(code="66-C001").name == "Xã Ea Kar"


def test_a_reporter_sees_only_their_own_unit_page(as_user, commune_a_reporter, daklak):
    client = as_user(commune_a_reporter)
    assert client.get(url("browse")).status_code == 403
    assert client.get(url("province", "66")).status_code == 403
    assert client.get(url("unit", "66-C001")).status_code == 200
    assert client.get(url("unit", "66-C002")).status_code == 404
    assert client.get(url("unit", "66-D06")).status_code == 404
    assert client.post(url("rename", "66-C001"), {"name": "Xã Khác"}).status_code == 403
    assert client.post(url("reactivate", "66-C001")).status_code == 403
    assert OrgUnit.objects.get(code="66-C001").name == "Xã Ea Kar"


def test_an_outsider_gets_404_for_another_provinces_units(as_user, outsider, daklak):
    client = as_user(outsider)
    for response in (
        client.get(url("province", "66")),
        client.get(url("unit", "66-C001")),
        client.get(url("add", "66")),
        client.post(url("rename", "66-C001"), {"name": "Xã Khác"}),
        client.post(url("deactivate", "66-C001"), {"valid_to": "2026-01-01"}),
    ):
        assert response.status_code == 404
    assert OrgUnit.objects.get(code="66-C001").name == "Xã Ea Kar"


def test_an_admin_picks_a_province_and_adds_to_it(as_user, admin_user, daklak, laichau):
    client = as_user(admin_user)
    assert client.get(url("browse")).status_code == 200
    data = {"type": "media", "code": "12-BAO", "name": "Báo Lai Châu"}
    assert client.post(url("add", "12"), data).status_code == 302
    assert OrgUnit.objects.get(code="12-BAO").province == laichau.root


def test_focal_officer_maps_a_unit_and_the_province_to_dhis2_uids(as_user, focal_officer, daklak):
    client = as_user(focal_officer)
    assert "Sửa mã uid DHIS2" in client.get(url("unit", "66")).text
    assert client.post(url("dhis2_uid", "66"), {"uid": "DakLak00066"}).status_code == 302
    assert client.post(url("dhis2_uid", "66-C001"), {"uid": "EaKar000001"}).status_code == 302
    assert OrgUnit.objects.get(code="66").dhis2_uid == "DakLak00066"
    assert "EaKar000001" in client.get(url("unit", "66-C001")).text
    history = OrgUnit.objects.get(code="66-C001").history.first()
    assert (history.dhis2_uid, history.history_user) == ("EaKar000001", focal_officer)


@pytest.mark.parametrize(
    "uid, message",
    [
        ("1akLak00066", "không phải là mã uid DHIS2"),
        ("DakLak0006", "không phải là mã uid DHIS2"),
        ("DakLak-0066", "không phải là mã uid DHIS2"),
        ("EaKar000001", "đã được gán cho"),
    ],
)
def test_a_wrong_or_taken_dhis2_uid_is_refused_and_nothing_changes(
    as_user, focal_officer, daklak, uid, message
):
    OrgUnit.objects.filter(code="66-C001").update(dhis2_uid="EaKar000001")
    response = as_user(focal_officer).post(url("dhis2_uid", "66-C002"), {"uid": uid})
    assert response.status_code == 400 and message in response.text
    assert OrgUnit.objects.get(code="66-C002").dhis2_uid == ""


def test_an_empty_dhis2_uid_removes_the_mapping(as_user, focal_officer, daklak):
    OrgUnit.objects.filter(code="66-C001").update(dhis2_uid="EaKar000001")
    assert as_user(focal_officer).post(url("dhis2_uid", "66-C001"), {"uid": ""}).status_code == 302
    assert OrgUnit.objects.get(code="66-C001").dhis2_uid == ""
