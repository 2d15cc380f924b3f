"""Text helpers for Vietnamese: Unicode normalisation and diacritic-free search keys."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC with runs of white space folded to one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fold(text: str) -> str:
    """A search key: lower case, no diacritics, đ -> d, single spaces.

    ``fold("Xã Ea Kar")`` and ``fold("xa ea kar")`` are equal, so users can search with or
    without diacritics.
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return _SPACES.sub(" ", stripped.lower()).strip()
