"""Test plans and helpers shared by the extractor tests.

- ``SAMPLES``: this folder, with plans written for the tests (other provinces and layouts);
- ``seed_path(number)``, ``seed_texts()``: the real seed plans, copied into ``tests/plans/fixtures/seeds``
  (public plan texts; ``test_contract.py`` checks they are still the reference seeds of ``../shared``);
- ``schema()``: the plan-extract contract, the project's own copy (``binhdang/plans/contracts/``);
- ``shared_file(*parts)``: a file of the reference folder ``../shared`` outside the repository. Only the
  checks against the reference use it: without it they are skipped (listed at the end of the run), and
  with ``BINHDANG_REQUIRE_SHARED=1`` (CI) they fail instead;
- ``TARGET_DEFAULTS``: each key of an extracted target with its value when the text says nothing of it;
- ``normalised_document(text)``: a document's text normalised the way the golden conventions say
  (NFC, Markdown markers removed, white space folded), to check that every ``source`` is quoted
  from the document.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent
ROOT = SAMPLES.parents[2]
SHARED_PLACES = [Path(os.environ["BINHDANG_SHARED_DIR"])] if os.environ.get("BINHDANG_SHARED_DIR") else []
SHARED_PLACES += [ROOT.parent / "shared", ROOT / "shared"]
GOLDEN = SAMPLES.parent / "golden"
SEEDS = SAMPLES.parent / "fixtures" / "seeds"
SCHEMA = ROOT / "binhdang" / "plans" / "contracts" / "plan-extract.schema.json"
REQUIRE_SHARED = "BINHDANG_REQUIRE_SHARED"
#: An extracted target's keys with their value when the text says nothing of them.
TARGET_DEFAULTS = {
    "value": None,
    "min": None,
    "max": None,
    "unit": None,
    "year": None,
    "from_year": None,
    "annual": False,
    "baseline_year": None,
    "approx": False,
    "strict": False,
}


def shared_file(*parts: str) -> Path:
    """A file of the reference folder outside the repository (``../shared``, or ``$BINHDANG_SHARED_DIR``).

    Tests using it are marked ``shared``. Missing: the test is skipped and named in the run's summary; with ``BINHDANG_REQUIRE_SHARED=1`` (set
    by ``.ci/run``) it fails instead, so CI never passes without the checks against the reference."""
    for place in SHARED_PLACES:
        path = place.joinpath(*parts)
        if path.exists():
            return path
    wanted = "shared/" + "/".join(parts)
    message = f"{wanted} is outside the repository and not on this machine"
    if os.environ.get(REQUIRE_SHARED) == "1":
        pytest.fail(f"{message} ({REQUIRE_SHARED}=1)")
    pytest.skip(message)


def seed_path(number: str) -> Path:
    found = sorted(SEEDS.glob(f"{number}_*.txt"))
    assert found, f"no seed {number} in {SEEDS}"
    return found[0]


def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]


def schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def normalised_document(text: str, drop_footnotes: bool = False) -> str:
    """NFC, footnote references and HTML tags removed, Markdown markers removed, spaces folded."""
    text = unicodedata.normalize("NFC", text)
    if drop_footnotes:
        text = re.sub(r"\n-{3,}\s*\n(?:\s*<sup>\d+</sup>[^\n]*\n?)+", "\n", text)
    text = re.sub(r"<sup>.*?</sup>", "", text, flags=re.DOTALL)
    text = re.sub(r"</?[a-zA-Z][^<>]*>", "", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|&<>~])", r"\1", text)
    text = re.sub(r"(?m)^\s*#{1,6}\s+", "", text)
    text = re.sub(r"(?m)^\s*[-+•]\s+", "", text)
    text = text.replace("*", "").replace("|", " ")
    return re.sub(r"\s+", " ", text).strip()


def sources(value) -> list[str]:
    """Every ``source`` string anywhere in an extraction (and those of ``sources``)."""
    out: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "source" and isinstance(item, str):
                out.append(item)
            elif key == "sources" and isinstance(item, dict):
                out.extend(v for v in item.values() if isinstance(v, str))
            else:
                out.extend(sources(item))
    elif isinstance(value, list):
        for item in value:
            out.extend(sources(item))
    return out


def assert_sources_quoted(extraction: dict, text: str) -> None:
    """Every source is a passage of the document (footnotes may sit inside a broken sentence)."""
    documents = (normalised_document(text), normalised_document(text, drop_footnotes=True))
    missing = [s for s in sources(extraction) if not any(s in d for d in documents)]
    assert not missing, f"sources not found in the document: {missing[:5]}"
