"""Binding a plan's own indicator to the catalog, by phrases: deterministic and explainable.

``bind_indicator("Tỷ số giới tính khi sinh ở mức 104 - 107 ...", "strategy")`` returns
``("NQ28.4.1", 1.0, "khớp cụm từ 'tỷ số giới tính khi sinh', 'sinh ra sống'")``.

How it scores: each catalog entry lists concepts (a weight and alternative phrases, see
``catalog_data``). A concept counts once when any of its phrases occurs in the text as whole words,
ignoring case, diacritics, tone-mark placement ("hoà"/"hòa"), i/y spelling ("tỷ"/"tỉ"), punctuation and
leading zeros. An entry's score is the sum of the weights of its matched concepts; the best entry of the
plan's programme wins when it scores at least ``THRESHOLD``. The confidence is the score (at most 1),
lowered when a second entry scores nearly as well.
"""

from __future__ import annotations

import re
from functools import cache

from django.utils.translation import gettext as _

from binhdang.core.formatting import number as vn_number
from binhdang.core.text import fold
from binhdang.plans.catalog_data import CATALOG
from binhdang.plans.models import CatalogIndicator

#: Minimum score for a binding; below it the indicator is left for direct entry.
THRESHOLD = 0.5

_PROGRAM_PREFIX = {"communication": "1790.", "strategy": "NQ28."}
_NON_WORD = re.compile(r"[^0-9a-z]+")
_Y_AS_I = re.compile(r"\b([bcdghklmnpqrstvx]h?)y\b")
_LEADING_ZEROS = re.compile(r"\b0+(\d)")


def match_key(text: str) -> str:
    """The comparison form of a text: folded, i/y unified, punctuation and leading zeros dropped."""
    key = _NON_WORD.sub(" ", fold(text or ""))
    key = _Y_AS_I.sub(r"\1i", key)
    key = _LEADING_ZEROS.sub(r"\1", key)
    return f" {' '.join(key.split())} "


@cache
def _compiled() -> tuple[tuple[str, str, tuple[tuple[float, tuple[tuple[str, str], ...]], ...]], ...]:
    """(code, program, ((weight, ((phrase, key), ...)), ...)) for every catalog entry, in catalog order."""
    return tuple(
        (
            entry["code"],
            entry["program"],
            tuple(
                (weight, tuple((p, match_key(p)) for p in phrases)) for weight, phrases in entry["concepts"]
            ),
        )
        for entry in CATALOG
    )


def score_entries(text: str, program: str | None = None) -> list[tuple[float, str, list[str]]]:
    """(score, code, matched phrases) for every candidate entry, best first, ties in catalog order."""
    key = match_key(text)
    prefix = _PROGRAM_PREFIX.get(program or "")
    scored = []
    for position, (code, _program, concepts) in enumerate(_compiled()):
        if prefix and not code.startswith(prefix):
            continue
        score, matched = 0.0, []
        for weight, phrases in concepts:
            hit = next((phrase for phrase, phrase_key in phrases if phrase_key in key), None)
            if hit is not None:
                score += weight
                matched.append(hit)
        scored.append((round(score, 4), position, code, matched))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [(score, code, matched) for score, _position, code, matched in scored]


def bind_indicator(text: str, program: str | None) -> tuple[str | None, float, str]:
    """(catalog code or None, confidence 0..1, reason in the active language, Vietnamese by default)."""
    ranked = score_entries(text, program)
    if not ranked or ranked[0][0] < THRESHOLD:
        if ranked and ranked[0][0] > 0:
            best, code, matched = ranked[0]
            reason = _(
                "no catalog indicator matches well enough (closest: %(code)s, phrases %(phrases)s)"
            ) % {
                "code": code,
                "phrases": _quote(matched),
            }
        else:
            reason = _("no phrase of a catalog indicator found; direct entry")
        return None, 0.0, reason
    best, code, matched = ranked[0]
    confidence = min(1.0, best)
    reason = _("matched phrase %(phrases)s") % {"phrases": _quote(matched)}
    if len(ranked) > 1 and ranked[1][0] >= THRESHOLD:
        runner_score, runner_code, _runner_matched = ranked[1]
        confidence *= 1 - 0.5 * min(1.0, runner_score / best)
        reason += "; " + _("also close to %(code)s (score %(score)s)") % {
            "code": runner_code,
            "score": vn_number(round(runner_score, 2)),
        }
    return code, round(confidence, 2), reason


def _quote(phrases: list[str]) -> str:
    return ", ".join(f"'{phrase}'" for phrase in phrases)


def entry(code: str) -> dict | None:
    """The catalog data of ``code`` (name, unit, direction, computation...)."""
    return next((e for e in CATALOG if e["code"] == code), None)


def ensure_catalog() -> None:
    """Make sure every shipped catalog entry is in the database.

    The data migration loads them; this restores them where they were removed since (e.g. a test
    database flushed between tests), so binding never silently falls back to direct entry.
    """

    if CatalogIndicator.objects.filter(is_active=True).count() < len(CATALOG):
        sync_catalog(CatalogIndicator)


def sync_catalog(model) -> None:
    """Create or update the catalog rows from ``CATALOG`` (used by data migrations; ``model`` may be
    the historical model from ``apps.get_model``)."""
    fields = ("program", "goal", "name", "unit", "direction", "computation", "form_code")
    for position, data in enumerate(CATALOG):
        defaults = {field: data[field] for field in fields}
        defaults["sort_order"] = position + 1
        defaults["is_active"] = True
        model.objects.update_or_create(code=data["code"], defaults=defaults)
    model.objects.exclude(code__in=[e["code"] for e in CATALOG]).update(is_active=False)
