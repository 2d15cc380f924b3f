"""Each seed plan, as text and rendered to .docx, extracts to its hand-written golden JSON.

Comparison rules (tests/plans/golden/README.md): strings compared after NFC and white-space folding;
keys left out of a golden target mean null/false; ``source`` is ignored here but every ``source``
must be a passage of the document; keys the golden does not have (``warnings``, ``number``...)
are not compared. The output must follow the plan-extract contract.
"""

from __future__ import annotations

import copy
import difflib
import functools
import json
import unicodedata
from pathlib import Path

import jsonschema
import pytest

from binhdang.plans.extraction import extract_file
from tests.plans.docx_render import render_docx
from tests.plans.samples import GOLDEN, TARGET_DEFAULTS, assert_sources_quoted, schema, seed_path

SEEDS = ["000", "002", "003"]
FORMATS = ["txt", "docx", "docx-numbered"]
ITEM_DEFAULTS = {
    "legal_bases": {"date": None, "issuer": None},
    "goals": {"title": None},
    "indicators": {"goal": None},
    "reporting": {"from": None, "to": [], "year": None},
    "campaigns": {"end": None},
    "tasks": {"lead": None, "cooperating": [], "timeframe": None},
}
SIGNER_DEFAULTS = {"authority": None, "position": None}


def golden(seed: str) -> dict:
    path = GOLDEN / f"{seed}.json"
    if not path.exists():
        pytest.skip(f"golden {path.name} not written yet")
    return json.loads(path.read_text(encoding="utf-8"))


def extract(seed: str, fmt: str, tmp_path) -> tuple[dict, str]:
    """The extraction of a seed in one format (text, .docx, .docx with automatic numbering)."""
    path = seed_path(seed)
    return copy.deepcopy(_extract(path, fmt, tmp_path.parent)), path.read_text(encoding="utf-8")


@functools.cache
def _extract(path: Path, fmt: str, folder: Path) -> dict:
    if fmt == "txt":
        return extract_file(path)
    docx_path = folder / f"{path.stem}-{fmt}.docx"
    docx_path.write_bytes(
        render_docx(path.read_text(encoding="utf-8"), auto_numbering=fmt == "docx-numbered")
    )
    return extract_file(docx_path)


def _without_sources(value):
    if isinstance(value, dict):
        return {k: _without_sources(v) for k, v in value.items() if k != "source"}
    if isinstance(value, list):
        return [_without_sources(v) for v in value]
    if isinstance(value, str):
        return " ".join(unicodedata.normalize("NFC", value).split())
    return value


def canonical(extraction: dict, keys: list[str]) -> dict:
    """The compared part of an extraction, with the conventions' defaults filled in."""
    out = {}
    for key in keys:
        value = _without_sources(copy.deepcopy(extraction.get(key)))
        if key in ITEM_DEFAULTS and isinstance(value, list):
            value = [{**ITEM_DEFAULTS[key], **item} for item in value]
        if key == "indicators" and isinstance(value, list):
            for indicator in value:
                indicator["targets"] = [{**TARGET_DEFAULTS, **t} for t in indicator.get("targets", [])]
        if key == "signer" and isinstance(value, dict):
            value = {**SIGNER_DEFAULTS, **value}
        out[key] = value
    return out


def golden_diff(extraction: dict, expected: dict) -> str:
    """A unified diff, field by field, of what differs ("" when the extraction matches)."""
    keys = list(expected)
    mine, theirs = canonical(extraction, keys), canonical(expected, keys)
    lines: list[str] = []
    for key in keys:
        if mine[key] != theirs[key]:
            a = json.dumps(theirs[key], ensure_ascii=False, indent=2).splitlines()
            b = json.dumps(mine[key], ensure_ascii=False, indent=2).splitlines()
            lines += difflib.unified_diff(a, b, f"golden {key}", f"extracted {key}", lineterm="", n=2)
    return "\n".join(lines)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seed", SEEDS)
def test_seed_extracts_to_its_golden(seed, fmt, tmp_path):
    expected = golden(seed)
    extraction, _ = extract(seed, fmt, tmp_path)
    diff = golden_diff(extraction, expected)
    assert not diff, f"seed {seed} ({fmt}) differs from its golden:\n{diff}"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seed", SEEDS)
def test_seed_extraction_follows_the_contract_and_quotes_its_sources(seed, fmt, tmp_path):
    extraction, text = extract(seed, fmt, tmp_path)
    jsonschema.validate(extraction, schema())
    assert_sources_quoted(extraction, text)
    assert all(
        i.get("source") for i in extraction["indicators"] + extraction["tasks"] + extraction["reporting"]
    )
    assert all(t.get("source") for i in extraction["indicators"] for t in i["targets"])


@pytest.mark.parametrize("seed", SEEDS)
def test_golden_files_follow_the_contract(seed):
    jsonschema.validate(golden(seed), schema())


def test_the_comparison_names_a_changed_target(tmp_path):
    expected = golden("003")
    extraction, _ = extract("003", "txt", tmp_path)
    changed = copy.deepcopy(extraction)
    changed["indicators"][0]["targets"][0]["value"] = 74
    diff = golden_diff(changed, expected)
    assert '"value": 75' in diff and '"value": 74' in diff


def test_the_comparison_ignores_sources_and_fills_target_defaults():
    extraction = {
        "indicators": [
            {"code": "1", "targets": [{"kind": "min", "value": 2, "annual": False}], "source": "x"}
        ]
    }
    expected = {"indicators": [{"code": "1", "goal": None, "targets": [{"kind": "min", "value": 2}]}]}
    assert golden_diff(extraction, expected) == ""
