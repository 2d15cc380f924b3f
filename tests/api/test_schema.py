"""schemathesis against the OpenAPI schema of the API v1 (issue 6 point 5): a bounded run, part of the
normal suite. Every operation gets a few generated requests, with the focal officer's token, on the
small API world; no response may be a server error or break the schema (status code, content type,
body)."""

from __future__ import annotations

import json

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings

from binhdang.api.services import create_token
from binhdang.wsgi import application


def _schema() -> dict:
    document = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(document))


schema = schemathesis.openapi.from_dict(_schema())
schema.app = application

CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
]


@pytest.fixture
def focal_token(api_world):
    """The focal officer's token. The WSGI app is called directly (not through Django's test client),
    so the end-of-request handler that closes database connections is held off as the test client
    does: it would close the test's connection, inside the test transaction."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield create_token(api_world.users["focal"]).key
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def test_schema_lists_every_endpoint_of_the_issue():
    paths = set(_schema()["paths"])
    for expected in (
        "/api/v1/orgunits/",
        "/api/v1/plans/{id}/indicators/",
        "/api/v1/periods/{id}/datavaluesets/",
        "/api/v1/submissions/{id}/",
        "/api/v1/submissions/{id}/submit/",
        "/api/v1/submissions/{id}/return/",
        "/api/v1/submissions/{id}/accept/",
        "/api/v1/datavaluesets/",
        "/api/v1/results/{plan}/{year}/",
        "/api/v1/budgets/",
        "/api/v1/worklog/{plan}/{year}/datavaluesets/",
    ):
        assert expected in paths


def test_schema_is_valid_openapi_without_generator_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))


def test_schema_endpoint_serves_json_to_a_logged_in_caller(clients):
    response = clients["reporter_a"].get("/api/v1/schema/")
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")
    assert clients["anonymous"].get("/api/v1/schema/").status_code == 401


@schema.parametrize()
@settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_answers_every_generated_request_within_its_schema(case, focal_token):
    case.call_and_validate(headers={"Authorization": f"Token {focal_token}"}, checks=CHECKS)
