"""The annual report kept until its data changes (``documents.kept``): built once, served again,
built anew after any change, never given for another plan, province or kind of reader."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document

from binhdang.documents import kept, services
from binhdang.reporting import services as reporting
from tests.documents.test_views import client_for, content_of
from tests.factories import release
from tests.results.conftest import make_plan


@pytest.fixture
def builds(monkeypatch):
    """The reports actually built (not served from the kept file), as (plan id, with narratives)."""
    made: list[tuple[int, bool]] = []
    build = services.annual_report

    def counting(plan, year, *, with_narratives=True, day=None):
        made.append((plan.pk, with_narratives))
        return build(plan, year, with_narratives=with_narratives, day=day)

    monkeypatch.setattr(services, "annual_report", counting)
    return made


def text_of(data: bytes) -> str:
    return "\n".join(p.text for p in Document(BytesIO(data)).paragraphs)


def download(client, plan, year=2026) -> bytes:
    response = client.get(reverse("documents:annual_report", args=[plan.pk, year]))
    assert response.status_code == 200
    return content_of(response)


def test_the_second_download_is_served_from_the_kept_file(
    plan, reports, focal_officer, builds, django_assert_max_num_queries
):
    client = client_for(focal_officer)
    first = download(client, plan)
    with django_assert_max_num_queries(23):  # session, access, the data version: nothing rebuilt
        second = download(client, plan)
    assert builds == [(plan.pk, True)]
    assert second == first and "Kinh phí còn hạn chế" in text_of(second)


def test_a_submitted_report_an_edit_or_a_reset_builds_the_report_again(
    plan, period, reports, daklak, focal_officer, builds
):
    client = client_for(focal_officer)
    download(client, plan)
    reporting.submit(reports["b"], None)
    assert "Nháp chưa gửi: Nguyễn Văn A." in text_of(download(client, plan))
    key = services.editor_blocks(plan, 2026)[0].section.key
    services.save_section(focal_officer, plan, 2026, key, "Lời mở đầu do đầu mối viết lại.")
    assert "Lời mở đầu do đầu mối viết lại." in text_of(download(client, plan))
    services.reset_section(focal_officer, plan, 2026, key)
    assert "Lời mở đầu do đầu mối viết lại." not in text_of(download(client, plan))
    assert len(builds) == 4


def test_the_version_changes_with_the_plan_the_units_and_the_reports(plan, period, reports, daklak):
    before = kept.data_version(plan, 2026)
    plan.title = "Kế hoạch đã sửa tên"
    plan.save()
    after_plan = kept.data_version(plan, 2026)
    daklak.commune_a.name = "Xã Ea Kar mới"
    daklak.commune_a.save()
    after_unit = kept.data_version(plan, 2026)
    reports["a"].delete()
    after_delete = kept.data_version(plan, 2026)
    assert len({repr(v) for v in (before, after_plan, after_unit, after_delete)}) == 4


def test_the_ministry_never_gets_the_officers_copy_and_another_province_never_gets_it(
    plan, reports, focal_officer, ministry_viewer, outsider, laichau, builds
):
    officers = download(client_for(focal_officer), plan)
    ministry = download(client_for(ministry_viewer), plan)
    assert "Kinh phí còn hạn chế" in text_of(officers)
    assert "Kinh phí còn hạn chế" not in text_of(ministry)
    assert builds == [(plan.pk, True), (plan.pk, False)]
    # Lai Châu's focal officer: Đắk Lắk's report is not found, and Lai Châu's own plan has its own file.
    other = client_for(outsider)
    response = other.get(reverse("documents:annual_report", args=[plan.pk, 2026]))
    release(response)
    assert response.status_code == 404
    own = make_plan(laichau.root, slug="kh-1790-laichau")
    reporting.open_period(own, 2026, None)
    theirs = download(other, own)
    assert builds[-1] == (own.pk, True)
    assert "Kinh phí còn hạn chế" not in text_of(theirs) and theirs != officers


def test_a_drafts_autosave_keeps_the_report_but_a_new_draft_or_a_return_does_not(
    plan, period, reports, daklak, focal_officer, builds
):
    client = client_for(focal_officer)
    assert "5 cuộc truyền thông" in text_of(download(client, plan))
    draft = reports["b"]
    reporting.save_draft(draft, {}, {"results": "Nháp sửa lần hai."}, None, expected_version=draft.version)
    download(client, plan)
    assert len(builds) == 1  # the draft's text is not in the report: nothing to rebuild
    reporting.get_or_create_submission(period, daklak.womens_union)
    download(client, plan)
    assert len(builds) == 2  # a unit without a report now has a draft: its state in the table changed
    reporting.return_submission(reports["a"], focal_officer, "Bổ sung số liệu.")
    returned = text_of(download(client, plan))
    assert len(builds) == 3 and "5 cuộc truyền thông" not in returned  # Ea Kar no longer counted


def test_the_version_changes_with_the_plans_work_and_the_provinces_statistics(
    plan, period, reports, daklak, focal_officer
):
    import datetime as dt

    from binhdang.plans.models import Task
    from binhdang.results.models import GenderStatistic
    from binhdang.work.inspection_models import Inspection
    from binhdang.work.models import TaskUpdate

    versions = [kept.data_version(plan, 2026)]
    task = Task.objects.create(plan=plan, code="1", title="Tuyên truyền về bình đẳng giới")
    versions.append(kept.data_version(plan, 2026))
    TaskUpdate.objects.create(task=task, author=focal_officer, status="done", note="Đã xong.")
    versions.append(kept.data_version(plan, 2026))
    Inspection.objects.create(
        plan=plan,
        kind="inspection",
        title="Kiểm tra",
        planned_date=dt.date(2026, 9, 1),
        created_by=focal_officer,
    )
    versions.append(kept.data_version(plan, 2026))
    GenderStatistic.objects.create(
        province=daklak.root, series="NQ28.2.1", year=2026, sex="_T", value=1, source="Cục Thống kê"
    )
    versions.append(kept.data_version(plan, 2026))
    assert len({repr(v) for v in versions}) == 5
