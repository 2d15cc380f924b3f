"""The plan-extract contract is the project's own (``binhdang/plans/contracts/plan-extract.schema.json``):
it may grow, but stays a compatible extension of the reference contract in ``../shared``, and the seed
plans copied into ``tests/plans/fixtures/seeds`` stay the reference seeds."""

from __future__ import annotations

import json

import pytest

from tests.plans.samples import SEEDS, schema, shared_file


def _types(node: dict) -> set[str] | None:
    kind = node.get("type")
    return None if kind is None else set(kind if isinstance(kind, list) else [kind])


def incompatibilities(reference: dict, ours: dict, where: str = "$") -> list[str]:
    """Where a document valid under ``ours`` could be invalid under ``reference`` (what a reader of the
    reference contract relies on): fewer required keys, other types or values, a key the reference forbids."""
    problems: list[str] = []
    ref_types, our_types = _types(reference), _types(ours)
    if ref_types is not None and (our_types is None or not our_types <= ref_types):
        problems.append(f"{where}: type {sorted(our_types or [])} is not within {sorted(ref_types)}")
    if "enum" in reference and not set(ours.get("enum", [object()])) <= set(reference["enum"]):
        problems.append(f"{where}: values {ours.get('enum')} are not within {reference['enum']}")
    for keyword in ("pattern", "const", "minimum", "maximum", "format"):
        if keyword in reference and ours.get(keyword) != reference[keyword]:
            problems.append(f"{where}: {keyword} {ours.get(keyword)!r} is not {reference[keyword]!r}")
    missing = set(reference.get("required", [])) - set(ours.get("required", []))
    if missing:
        problems.append(f"{where}: no longer requires {sorted(missing)}")
    ref_props, our_props = reference.get("properties", {}), ours.get("properties", {})
    for key, node in ref_props.items():
        if key not in our_props:
            problems.append(f"{where}.{key}: removed")
        else:
            problems.extend(incompatibilities(node, our_props[key], f"{where}.{key}"))
    if reference.get("additionalProperties") is False:
        added = set(our_props) - set(ref_props)
        if added:
            problems.append(f"{where}: adds {sorted(added)} where the reference allows no other key")
    if isinstance(reference.get("items"), dict):
        problems.extend(incompatibilities(reference["items"], ours.get("items", {}), f"{where}[]"))
    return problems


@pytest.mark.shared
def test_the_repository_contract_is_a_compatible_extension_of_the_reference():
    reference = json.loads(shared_file("contracts", "plan-extract.schema.json").read_text(encoding="utf-8"))
    assert incompatibilities(reference, schema()) == []


@pytest.mark.shared
def test_the_seed_fixtures_are_the_reference_seeds():
    for fixture in sorted(SEEDS.glob("*.txt")):
        assert fixture.read_bytes() == shared_file("seeds", fixture.name).read_bytes(), fixture.name


def test_a_contract_that_drops_a_required_key_or_changes_a_type_is_not_compatible():
    reference = schema()
    ours = json.loads(json.dumps(reference))
    ours["required"].remove("signer")
    ours["properties"]["title"]["type"] = ["string", "null"]
    ours["properties"]["level"]["enum"].append("national")
    assert set(incompatibilities(reference, ours)) == {
        "$: no longer requires ['signer']",
        "$.title: type ['null', 'string'] is not within ['string']",
        "$.level: values ['province', 'district', 'commune', 'national'] are not within "
        "['province', 'district', 'commune']",
    }


def test_a_contract_that_adds_an_optional_key_stays_compatible():
    reference = schema()
    ours = json.loads(json.dumps(reference))
    ours["properties"]["annexes"] = {"type": "array", "items": {"type": "string"}}
    assert incompatibilities(reference, ours) == []
