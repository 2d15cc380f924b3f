"""Who must report: the kinds of units a "who reports" phrase of the plan covers.

"Các sở, ban, ngành, đoàn thể tỉnh và UBND các xã, phường" covers every department, mass
organisation and commune; "các cơ quan, đơn vị, địa phương" every kind; "Sở Nội vụ" is one agency
and covers no kind (the importer matches it to its unit). The kinds are org-unit types
(``department``, ``mass_org``, ``media``, ``commune``), plain strings so the extraction stays free of
the database. ``plans.agencies`` uses the same words.
"""

from __future__ import annotations

import re

from binhdang.core.text import fold

#: Org-unit types that report, in the order the contract lists them.
KINDS: tuple[str, ...] = ("department", "mass_org", "media", "commune")

#: Folded words that make a name a group of agencies rather than one agency.
GROUP_WORDS = re.compile(
    r"\b(cac|nhung|tat ca|co lien quan|lien quan|dia phuong|don vi|doan the|ban nganh|so nganh|"
    r"to chuc chinh tri)\b"
)

#: Folded words in "who reports" texts -> the unit types they cover.
KIND_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"\b(xa|phuong|thi tran|dac khu|dia phuong|cap xa)\b", ("commune",)),
    (r"\b(so|nganh|phong|ban)\b", ("department",)),
    (r"\b(doan the|to chuc chinh tri|mat tran|mttq|hoi|doan)\b", ("mass_org",)),
    (r"\b(bao chi|truyen thong|truyen hinh|phat thanh|bao)\b", ("media",)),
    # "các cơ quan, đơn vị" are every agency; "các cơ quan báo chí" only the media
    (r"\b(co quan(?! (bao chi|truyen thong|phat thanh))|don vi)\b", ("department", "mass_org", "media")),
)


def is_group_phrase(text: str | None) -> bool:
    """True for a phrase naming groups of units ("Các sở, ban, ngành", "UBND các xã, phường")."""
    return bool(text) and bool(GROUP_WORDS.search(fold(text or "")))


def kinds_of(text: str | None) -> list[str]:
    """The unit types ``text`` covers (in :data:`KINDS` order); every kind when the text is empty."""
    if not text or not text.strip():
        return list(KINDS)
    key = fold(text)
    found = {kind for pattern, kinds in KIND_WORDS if re.search(pattern, key) for kind in kinds}
    return [kind for kind in KINDS if kind in found]


def reporter_kinds(text: str | None) -> list[str] | None:
    """The kinds a reporting obligation's "from" covers when it names groups of units, else None
    (one named agency, or no reporter read)."""
    if not text or not is_group_phrase(text):
        return None
    return kinds_of(text) or None
