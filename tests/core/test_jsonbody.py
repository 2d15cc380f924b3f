"""The one bounded JSON reader: too large, too deep, malformed and non-standard JSON is refused with a
Vietnamese message; number literals too long to convert stay text."""

from __future__ import annotations

import json
import time

import pytest

from binhdang.core.jsonbody import (
    MAX_JSON_BYTES,
    MAX_JSON_DEPTH,
    MAX_NUMBER_LITERAL,
    JsonInputError,
    LongNumber,
    load_json,
)
from tests.fuzzing import VIETNAMESE


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_a_body_nested_100000_levels_deep_is_refused_quickly_not_a_recursion_error():
    started = time.monotonic()
    with pytest.raises(JsonInputError) as refused:
        load_json(nested(100_000))
    assert time.monotonic() - started < 1
    assert refused.value.code == "too_deep"
    assert "lồng quá sâu" in str(refused.value) and str(MAX_JSON_DEPTH) in str(refused.value)


def test_nesting_is_accepted_up_to_the_limit_and_refused_one_level_deeper():
    assert load_json(nested(MAX_JSON_DEPTH)) == json.loads(nested(MAX_JSON_DEPTH))
    with pytest.raises(JsonInputError, match="lồng quá sâu"):
        load_json(nested(MAX_JSON_DEPTH + 1))
    with pytest.raises(JsonInputError, match="lồng quá sâu"):
        load_json('{"a": ' * (MAX_JSON_DEPTH + 1) + "1" + "}" * (MAX_JSON_DEPTH + 1))


def test_brackets_inside_strings_do_not_count_as_nesting():
    assert load_json(json.dumps({"text": "[" * 10_000})) == {"text": "[" * 10_000}


def test_a_text_larger_than_the_limit_is_refused_before_parsing():
    big = b'"' + b"x" * MAX_JSON_BYTES + b'"'
    started = time.monotonic()
    with pytest.raises(JsonInputError) as refused:
        load_json(big)
    assert time.monotonic() - started < 0.5
    assert refused.value.code == "too_large" and VIETNAMESE.search(str(refused.value))


def test_a_number_literal_too_long_to_convert_stays_its_text():
    value = load_json('{"count": ' + "9" * 5000 + ', "small": 12, "ratio": 1.5}')
    assert isinstance(value["count"], LongNumber) and value["count"] == "9" * 5000
    assert value["small"] == 12 and value["ratio"] == 1.5
    assert load_json("9" * MAX_NUMBER_LITERAL) == int("9" * MAX_NUMBER_LITERAL)


@pytest.mark.parametrize("text", ["NaN", "[Infinity]", '{"a": -Infinity}', "{not json", ""])
def test_malformed_json_and_non_standard_constants_are_refused_in_vietnamese(text):
    with pytest.raises(JsonInputError) as refused:
        load_json(text)
    assert "không phải JSON hợp lệ" in str(refused.value)


def test_bytes_are_utf8_with_or_without_bom_and_other_encodings_are_refused():
    assert load_json('{"tên": "Ea Kar"}'.encode()) == {"tên": "Ea Kar"}
    assert load_json(b"\xef\xbb\xbf[1]") == [1]
    with pytest.raises(JsonInputError, match="UTF-8"):
        load_json('{"tên": 1}'.encode("utf-16"))
