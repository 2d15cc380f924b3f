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


def nul_place(value, path: str = "") -> str | None:
    """Where the first NUL character (``\\x00``) is in a JSON-like value, as ``indicators[0].text``
    (``"/"`` for the value itself); None when there is none. PostgreSQL cannot store NUL in text,
    so input holding one is refused before anything is written. Walks without recursion: a deeply
    nested value cannot exhaust the stack."""
    stack = [(path, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return where or "/"
        elif isinstance(item, dict):
            for key, child in reversed(list(item.items())):
                step = f"{where}.{key}" if where else str(key)
                if "\x00" in str(key):
                    return step
                stack.append((step, child))
        elif isinstance(item, list | tuple):
            stack.extend((f"{where}[{i}]", child) for i, child in reversed(list(enumerate(item))))
    return None


def clip(text: object, limit: int = 40) -> str:
    """``str(text)`` cut to ``limit`` characters with an ellipsis, to quote what a user sent in a message
    (a value of 5,000 digits is named, not repeated)."""
    shown = str(text)
    return shown if len(shown) <= limit else f"{shown[:limit]}…"
