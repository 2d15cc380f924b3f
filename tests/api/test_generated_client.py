"""A client generated from the served schema runs the whole workflow (issue 19).

openapi-python-client (a tool: run from the venv) generates a Python package from the schema that the
server serves to ``Accept: application/json``; the test imports it and, against a live server, a
reporter starts the report by its unit code, saves it with its version, submits it; the focal officer
returns it with a comment; the reporter reads the comment in the report's ``reviews``, saves and
resubmits; the officer accepts. Every request and response of the run is validated against the schema
with openapi-core."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from binhdang.reporting import services
from tests.api.conftest import token_client
from tests.reporting.conftest import COMMUNE_VALUES, make_plan

GENERATOR = Path(sys.executable).parent / "openapi-python-client"
PACKAGE = "binhdang_generated_client"


class _Request:
    """An httpx request as openapi-core reads it."""

    def __init__(self, request):
        url = urlparse(str(request.url))
        self.host_url = f"{url.scheme}://{url.netloc}"
        self.path = url.path
        self.method = request.method.lower()
        self.body = request.content or None
        self.content_type = request.headers.get("content-type", "")
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qs(url.query)),
            header=Headers(dict(request.headers)),
            cookie=ImmutableMultiDict(),
        )


class _Response:
    def __init__(self, response):
        self.status_code = response.status_code
        self.headers = Headers(dict(response.headers))
        self.content_type = response.headers.get("content-type", "")
        self.data = response.read()


def test_the_schema_is_served_to_accept_application_json(focal_officer):
    response = token_client(focal_officer).get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.0")
    update = schema["components"]["schemas"]["SubmissionUpdateRequest"]
    assert "version" in update["required"]
    submission = schema["components"]["schemas"]["Submission"]
    assert set(submission["required"]) == set(submission["properties"])
    assert submission["properties"]["narrative"]["type"] == "object"
    target = schema["components"]["schemas"]["IndicatorResult"]["properties"]["target"]
    assert {branch.get("type") for branch in target["oneOf"]} == {"number", "boolean", "object"}


def test_a_client_generated_from_the_schema_runs_the_review_workflow(
    request, live_server, tmp_path, monkeypatch, daklak, focal_officer, commune_a_reporter
):
    period = services.open_period(make_plan(daklak.root), 2026, focal_officer)
    schema = json.loads(
        token_client(focal_officer).get("/api/v1/schema/", HTTP_ACCEPT="application/json").content
    )
    (tmp_path / "schema.json").write_text(json.dumps(schema), encoding="utf-8")
    (tmp_path / "config.yml").write_text("post_hooks: []\n", encoding="utf-8")
    subprocess.run(
        [
            str(GENERATOR),
            *("generate", "--path", "schema.json", "--meta", "none"),
            *("--output-path", PACKAGE, "--config", "config.yml"),
        ],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=120,
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    gen = importlib.import_module(PACKAGE)
    models = importlib.import_module(f"{PACKAGE}.models")
    api = {
        name: importlib.import_module(f"{PACKAGE}.api.submissions.submissions_{name}")
        for name in (
            "create",
            "retrieve",
            "partial_update",
            "submit_create",
            "return_create",
            "accept_create",
        )
    }
    openapi = OpenAPI.from_dict(schema)
    exchanges: list = []

    def client_of(user):
        return gen.AuthenticatedClient(
            base_url=live_server.url,
            token=token_client(user)._credentials["HTTP_AUTHORIZATION"].split()[1],
            prefix="Token",
            httpx_args={"event_hooks": {"response": [lambda r: exchanges.append((r.request, r))]}},
        )

    reporter, officer = client_of(commune_a_reporter), client_of(focal_officer)
    for client in (reporter, officer):
        request.addfinalizer(client.get_httpx_client().close)

    started = api["create"].sync_detailed(
        client=reporter, body=models.SubmissionCreateRequest(period=period.pk, unit="66-C001")
    )
    assert started.status_code == 201, started.content
    report = started.parsed
    assert report.unit.code == "66-C001" and report.state == models.StateEnum.DRAFT
    values = [
        models.DataValueRequest(data_element=code, category_option_combo=coc, value=value)
        for (code, coc), value in COMMUNE_VALUES.items()
    ]
    saved = api["partial_update"].sync(
        report.id,
        client=reporter,
        body=models.SubmissionUpdateRequest(
            version=report.version,
            values=values,
            narrative=models.NarrativeRequest(results="Đã tổ chức 4 cuộc truyền thông."),
        ),
    )
    assert saved.changed is True
    submitted = api["submit_create"].sync(
        report.id, client=reporter, body=models.ActionRequest(version=saved.submission.version)
    )
    assert submitted.state == models.StateEnum.SUBMITTED
    comment = "Số người tham dự là nữ chưa khớp với biên bản, đề nghị kiểm tra lại."
    returned = api["return_create"].sync(
        report.id, client=officer, body=models.ActionRequest(comment=comment, version=submitted.version)
    )
    assert returned.state == models.StateEnum.RETURNED

    seen = api["retrieve"].sync(report.id, client=reporter)
    assert [r.action for r in seen.reviews] == ["submit", "return"]
    assert seen.reviews[-1].comment == comment and seen.reviews[-1].by
    fixed = api["partial_update"].sync(
        report.id,
        client=reporter,
        body=models.SubmissionUpdateRequest(
            version=seen.version,
            values=[
                models.DataValueRequest(
                    data_element="TT_PARTICIPANTS", category_option_combo="FEMALE", value="175"
                )
            ],
        ),
    )
    resubmitted = api["submit_create"].sync(
        report.id, client=reporter, body=models.ActionRequest(version=fixed.submission.version)
    )
    assert resubmitted.state == models.StateEnum.SUBMITTED
    accepted = api["accept_create"].sync(
        report.id, client=officer, body=models.ActionRequest(version=resubmitted.version)
    )
    assert accepted.state == models.StateEnum.ACCEPTED
    assert [r.action for r in accepted.reviews] == ["submit", "return", "resubmit", "accept"]

    stale = api["partial_update"].sync_detailed(
        report.id, client=reporter, body=models.SubmissionUpdateRequest(version=1, values=[])
    )
    assert stale.status_code in (409, 400)
    assert len(exchanges) == 9
    for request, response in exchanges:
        openapi.validate_request(_Request(request))
        openapi.validate_response(_Request(request), _Response(response))


@pytest.mark.parametrize("unit", ["66-C001", "id"])
def test_a_report_is_started_by_unit_code_and_still_by_the_deprecated_id(
    daklak, focal_officer, commune_a_reporter, unit
):
    period = services.open_period(make_plan(daklak.root), 2026, focal_officer)
    given = daklak.commune_a.pk if unit == "id" else unit
    response = token_client(commune_a_reporter).post(
        "/api/v1/submissions/", {"period": period.pk, "unit": given}, format="json"
    )
    assert response.status_code == 201 and response.json()["unit"]["code"] == "66-C001"
    unknown = token_client(commune_a_reporter).post(
        "/api/v1/submissions/", {"period": period.pk, "unit": "66-C999"}, format="json"
    )
    assert unknown.status_code == 400 and "unit" in unknown.json()["errors"]
