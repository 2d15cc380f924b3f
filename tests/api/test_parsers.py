"""The API's bounded JSON parser: hostile bodies are a JSON 400 naming the problem in Vietnamese, with
nothing changed, never a server error."""

from __future__ import annotations

import pytest

from binhdang.core.jsonbody import MAX_JSON_BYTES
from tests.db_snapshot import changes, snapshot
from tests.fuzzing import VIETNAMESE

DEEP = "[" * 100_000 + "]" * 100_000


def send(client, method: str, url: str, content: str | bytes):
    return client.generic(method, url, content, content_type="application/json")


@pytest.mark.parametrize("method, url", [("PATCH", "submission"), ("POST", "/api/v1/datavaluesets/")])
def test_a_body_nested_100000_levels_deep_is_a_json_400_not_a_server_error(clients, api_world, method, url):
    url = f"/api/v1/submissions/{api_world.submission.pk}/" if url == "submission" else url
    before = snapshot()
    response = send(clients["focal"], method, url, DEEP)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "too_deep"
    assert "lồng quá sâu" in body["detail"]
    assert not changes(before, snapshot())


def test_a_body_larger_than_the_limit_is_refused_naming_the_limit(clients):
    before = snapshot()
    response = send(clients["focal"], "POST", "/api/v1/datavaluesets/", b" " * (MAX_JSON_BYTES + 10) + b"{}")
    assert response.status_code == 400
    assert response.json()["code"] == "too_large" and "MB" in response.json()["detail"]
    assert VIETNAMESE.search(response.json()["detail"])
    assert not changes(before, snapshot())


def test_a_count_of_5000_digits_is_a_400_naming_the_value(clients, api_world):
    submission = api_world.submission
    before = snapshot()
    response = clients["reporter_a"].patch(
        f"/api/v1/submissions/{submission.pk}/",
        {"version": submission.version, "values": [{"dataElement": "TT_SESSIONS", "value": "9" * 5000}]},
        format="json",
    )
    assert response.status_code == 400
    message = response.json()["errors"]["TT_SESSIONS"][0]
    assert "vượt giới hạn 100.000" in message
    assert not changes(before, snapshot())


def test_a_json_number_of_5000_digits_in_a_data_value_set_names_its_place(clients, api_world):
    body = (
        '{"dataSet": "TT1790", "period": "2026", "orgUnit": "66-C001", "dataValues": '
        '[{"dataElement": "TT_SESSIONS", "value": ' + "9" * 5000 + "}]}"
    )
    before = snapshot()
    response = send(clients["reporter_a"], "POST", "/api/v1/datavaluesets/", body)
    assert response.status_code == 400
    [message] = response.json()["errors"]["dataValueSets"]
    assert message.startswith("dataValues[0].value: ") and "vượt giới hạn 100.000" in message
    assert len(message) < 300  # the value is named, not repeated
    assert not changes(before, snapshot())
