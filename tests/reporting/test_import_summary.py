"""Every import answers with DHIS2's import summary (issue 19): on the API (JSON and ADX bodies), the
command line (``--json``) and the web page; refusals list each conflict at its place."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from binhdang.reporting.dhis2 import export_adx
from binhdang.reporting.import_summary import conflict
from binhdang.reporting.models import Submission
from tests.api.conftest import token_client

from .test_datavaluesets import good_file

COUNT_KEYS = {"imported", "updated", "ignored", "deleted"}


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def test_a_conflict_names_its_place_property_and_dhis2_error_code():
    item = conflict("dataValueSets[1].dataValues[5].value: “x” không phải là số.")
    assert item == {
        "object": "dataValueSets[1].dataValues[5].value",
        "property": "value",
        "value": "“x” không phải là số.",
        "message": "“x” không phải là số.",
        "errorCode": "E7619",
        "indexes": [5],
    }
    assert conflict("group[0].orgUnit: không có đơn vị")["errorCode"] == "E7612"
    assert conflict("Tệp không phải JSON")["object"] == "/"


def test_the_api_answers_an_import_with_the_summary_and_the_same_file_again_is_ignored(period, focal_officer):
    client = token_client(focal_officer)
    first = client.post("/api/v1/datavaluesets/", good_file(), format="json")
    assert first.status_code == 200, first.json()
    body = first.json()
    assert body["responseType"] == "ImportSummary" and body["status"] == "SUCCESS"
    assert set(body["importCount"]) == COUNT_KEYS and body["importCount"]["imported"] == body["values"]
    again = client.post("/api/v1/datavaluesets/", good_file(), format="json").json()
    assert again["status"] == "SUCCESS"
    assert again["importCount"] == {"imported": 0, "updated": 0, "ignored": body["values"], "deleted": 0}


def test_the_api_reads_adx_and_refuses_with_conflicts_at_their_place(period, focal_officer):
    client = token_client(focal_officer)
    content = export_adx(good_file()["dataValueSets"])
    response = client.generic("POST", "/api/v1/datavaluesets/", content, content_type="application/adx+xml")
    assert response.status_code == 200, response.json()
    assert response.json()["sets"] == 3
    changed = content.decode().replace('value="180"', 'value="181"', 1).encode()
    refused = client.generic("POST", "/api/v1/datavaluesets/", changed, content_type="application/adx+xml")
    assert refused.status_code == 400
    body = refused.json()
    assert body["status"] == "ERROR" and body["code"] == "invalid"
    assert body["importCount"] == dict.fromkeys(COUNT_KEYS, 0)
    places = [c["object"] for c in body["conflicts"]]
    assert places == ["group[0]", "group[0].dataValue[2].value"]
    assert "đã nộp" in body["conflicts"][0]["message"]


def test_the_command_prints_the_summary_as_json(period, focal_officer, tmp_path, capsys):
    path = tmp_path / "data.adx.xml"
    path.write_bytes(export_adx(good_file()["dataValueSets"]))
    call_command("data", "import", str(path), "--json")
    summary = json.loads(capsys.readouterr().out)
    assert summary["status"] == "SUCCESS" and summary["importCount"]["imported"] > 0
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("data", "import", str(path), "--json")
    assert json.loads(capsys.readouterr().out)["status"] == "ERROR"


def test_the_import_page_counts_ignored_values_and_shows_the_summary_of_a_refusal(
    client, period, focal_officer
):
    client.force_login(focal_officer)
    url = reverse("reporting:data_import")
    payload = json.dumps(good_file()).encode()
    client.post(url, {"file": SimpleUploadedFile("a.json", payload)})
    again = client.post(url, {"file": SimpleUploadedFile("a.json", payload)}, follow=True)
    text = again.content.decode()
    assert "bỏ qua" in text, text
    assert Submission.objects.count() == 3
    bad = good_file()
    bad["dataValueSets"][0]["dataValues"][0]["value"] = "9"
    refused = client.post(url, {"file": SimpleUploadedFile("a.json", json.dumps(bad).encode())})
    assert refused.status_code == 400
    assert (
        "E7619" in refused.content.decode()
        and "dataValueSets[0].dataValues[0].value" in refused.content.decode()
    )
