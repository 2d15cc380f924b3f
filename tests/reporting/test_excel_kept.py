"""The templates zip from templates kept until their unit's report changes (``reporting.excel.kept``)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from binhdang.core import filecache
from binhdang.reporting import services
from binhdang.reporting.excel import kept
from binhdang.reporting.excel.meta import read_meta
from binhdang.reporting.excel.template import template_filename
from tests.factories import PASSWORD
from tests.reporting.conftest import COMMUNE_VALUES, fill
from tests.reporting.test_xlsx_template import workbook


@pytest.fixture
def builds(monkeypatch):
    """The units whose template was built (not served from the kept file)."""
    made: list[str] = []
    build = kept.build_template

    def counting(period, unit, **kwargs):
        made.append(unit.code)
        return build(period, unit, **kwargs)

    monkeypatch.setattr(kept, "build_template", counting)
    return made


def zip_of(client, period) -> zipfile.ZipFile:
    response = client.get(reverse("reporting:xlsx_templates_zip", args=[period.pk]))
    assert response.status_code == 200
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_second_zip_is_made_of_the_kept_templates(
    client, period, focal_officer, builds, django_assert_max_num_queries
):
    client.login(username="focal", password=PASSWORD)
    first = zip_of(client, period)
    assert len(builds) == period.expected_reporters.count()
    with django_assert_max_num_queries(12):  # the same few queries whatever the number of units
        second = zip_of(client, period)
    assert len(builds) == period.expected_reporters.count()  # nothing built again
    assert first.namelist() == second.namelist()
    assert all(first.read(name) == second.read(name) for name in first.namelist())


def test_a_saved_report_rebuilds_only_its_units_template(
    client, period, daklak, focal_officer, commune_a_reporter, builds
):
    client.login(username="focal", password=PASSWORD)
    zip_of(client, period)
    builds.clear()
    submission = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    fill(submission, commune_a_reporter, narrative={"results": "Báo cáo mới của xã Ea Kar."})
    archive = zip_of(client, period)
    assert builds == [daklak.commune_a.code]
    sheet = workbook(archive.read(template_filename(period, daklak.commune_a)))
    texts = {str(cell.value) for row in sheet["Biểu1"].iter_rows() for cell in row if cell.value}
    assert "Báo cáo mới của xã Ea Kar." in texts


def test_a_zip_of_kept_templates_reads_no_reports_figures(client, period, daklak, commune_a_reporter, builds):
    submission = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    fill(submission, commune_a_reporter)
    client.login(username="focal", password=PASSWORD)
    zip_of(client, period)
    with CaptureQueriesContext(connection) as queries:
        zip_of(client, period)
    assert not [q["sql"] for q in queries if "reporting_datavalue" in q["sql"]]


def test_a_template_made_anew_holds_its_reports_figures_read_in_one_statement(
    client, period, daklak, commune_a_reporter, commune_b_reporter, builds
):
    client.login(username="focal", password=PASSWORD)
    zip_of(client, period)
    submission = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    fill(submission, commune_a_reporter, values={**COMMUNE_VALUES, ("TT_NEWS", ""): "47"})
    other = services.get_or_create_submission(period, daklak.commune_b, commune_b_reporter)
    fill(other, commune_b_reporter)
    builds.clear()
    with CaptureQueriesContext(connection) as queries:
        archive = zip_of(client, period)
    assert sorted(builds) == sorted([daklak.commune_a.code, daklak.commune_b.code])
    assert len([q for q in queries if "reporting_datavalue" in q["sql"]]) == 1
    sheet = workbook(archive.read(template_filename(period, daklak.commune_a)))["Biểu1"]
    row = next(r for r in sheet.iter_rows() if any(cell.value == "TT_NEWS" for cell in r))
    assert 47 in [cell.value for cell in row], [cell.value for cell in row]


def test_each_kept_template_is_its_own_units_and_another_province_gets_none(
    client, period, laichau_period, daklak, focal_officer, outsider, builds
):
    client.login(username="focal", password=PASSWORD)
    zip_of(client, period)
    archive = zip_of(client, period)
    for reporter in period.expected_reporters.select_related("unit"):
        meta = read_meta(workbook(archive.read(template_filename(period, reporter.unit)))["_meta"])
        assert meta["unit_code"] == reporter.unit.code and meta["period_id"] == str(period.pk)
    client.logout()
    client.login(username="outsider", password=PASSWORD)
    assert client.get(reverse("reporting:xlsx_templates_zip", args=[period.pk])).status_code == 404
    builds.clear()
    theirs = zip_of(client, laichau_period)
    assert len(builds) == laichau_period.expected_reporters.count()  # built for Lai Châu, nothing reused
    assert not set(theirs.namelist()) & set(archive.namelist()) or all(
        theirs.read(name) != archive.read(name) for name in set(theirs.namelist()) & set(archive.namelist())
    )


def test_an_activity_logged_rebuilds_only_its_units_template_with_the_logs_figure(
    client, period, daklak, focal_officer, commune_a_reporter, builds
):
    from binhdang.work.models import Activity, ActivityType

    client.login(username="focal", password=PASSWORD)
    zip_of(client, period)
    builds.clear()
    Activity.objects.create(
        plan=period.plan,
        unit=daklak.commune_a,
        type=ActivityType.COMMUNICATION,
        date=period.deadline.replace(month=5, day=4),
        place="Hội trường xã",
        male=10,
        female=12,
        created_by=commune_a_reporter,
    )
    zip_of(client, period)
    assert builds == [daklak.commune_a.code]  # its template now proposes the log's figures


def test_each_kept_template_is_read_from_its_file_once(
    client, period, daklak, focal_officer, commune_a_reporter, commune_b_reporter, monkeypatch
):
    # units with a report (whose kept file decides whether its figures are read) and units without
    for unit, reporter in ((daklak.commune_a, commune_a_reporter), (daklak.commune_b, commune_b_reporter)):
        fill(services.get_or_create_submission(period, unit, reporter), reporter)
    client.login(username="focal", password=PASSWORD)
    first = zip_of(client, period)
    kept_files = filecache.cache_dir(kept.KIND)
    opened: list[Path] = []
    open_path = Path.open

    def counting(self, *args, **kwargs):
        if self.parent == kept_files or kept_files in self.parents:
            opened.append(self)
        return open_path(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", counting)
    second = zip_of(client, period)
    assert len(opened) == period.expected_reporters.count()  # one kept file per unit, each opened once
    assert len(set(opened)) == len(opened)
    assert all(first.read(name) == second.read(name) for name in first.namelist())
