"""Run by tests/reporting/test_dhis2_models.py with the side environment's Python 3.13
(``var/dhis2-models``, made by ``make setup``), never imported by pytest: loads a JSON file with
DHIS2's pydantic models from ``dhis2w-client`` (generated from DHIS2's OpenAPI, v42) and prints what
it found as JSON, or exits 1 with the model's validation error.

    dhis2_models_check.py dataValueSet FILE    -> {"values": <count>, "extra": [<keys outside the model>]}
    dhis2_models_check.py importSummary FILE   -> {"conflicts": <count>, "extra": [...]}

Strict validation of the JSON text: a string field given a number, a boolean given "true", a status
outside SUCCESS/WARNING/ERROR is refused. DHIS2's models allow unknown keys; those are listed in
``extra`` (``dataValues[].dataSet``) so the test decides which ones binhdang may add."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from dhis2w_client.generated.v42.oas import DataValueSet, ImportSummary
from pydantic import BaseModel, ValidationError


def extra_keys(model: BaseModel, place: str) -> set[str]:
    keys = {f"{place}{key}" for key in (model.model_extra or {})}
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = value if isinstance(value, list) else [value]
        suffix = "[]." if isinstance(value, list) else "."
        for item in items:
            if isinstance(item, BaseModel):
                keys |= extra_keys(item, f"{place}{name}{suffix}")
    return keys


def main(kind: str, path: str) -> int:
    text = Path(path).read_text(encoding="utf-8")
    try:
        if kind == "dataValueSet":
            data_value_set = DataValueSet.model_validate_json(text, strict=True)
            found: dict[str, object] = {"values": len(data_value_set.dataValues or [])}
            model: BaseModel = data_value_set
        else:
            summary = ImportSummary.model_validate_json(text, strict=True)
            found = {"conflicts": len(summary.conflicts or []), "status": summary.status}
            model = summary
    except ValidationError as exc:
        print(exc, file=sys.stderr)
        return 1
    found["extra"] = sorted(extra_keys(model, ""))
    print(json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
