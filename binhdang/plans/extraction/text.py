"""Text helpers shared by the extractor: normalisation, keyword matching and sentence splitting.

Matching of keywords is done on a *folded* key (lower case, no diacritics, "đ" -> "d"), so
"hoá"/"hóa", "thuỷ"/"thủy", NFC/NFD and upper/lower case all compare equal. Extracted text is
always returned as written in the document (NFC, white space folded).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from binhdang.core.text import fold, nfc

__all__ = [
    "clean_item",
    "first_word_is_upper",
    "fold",
    "fold_chars",
    "folded_find",
    "has_keyword",
    "is_upper_text",
    "nfc",
    "sentences",
    "starts_with_keyword",
    "strip_markup",
    "tone_key",
]

_HTML_SUP = re.compile(r"<sup>.*?</sup>", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|&<>~])")
_EMPHASIS = re.compile(r"\*+")
_TRAILING = re.compile(r"[\s.:;]+$")


def strip_markup(text: str) -> str:
    """Remove the Markdown/HTML markers a Word-to-Markdown conversion leaves in a line.

    Footnote references (``<sup>1</sup>``) are dropped with their content, other tags are
    unwrapped, ``**``/``*`` emphasis markers and backslash escapes are removed. White space is
    not touched (callers fold it).
    """
    text = _HTML_SUP.sub("", text)
    text = _HTML_TAG.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return _EMPHASIS.sub("", text)


def clean_item(text: str) -> str:
    """An item's text as the conventions want it: NFC, single spaces, no trailing ``.``/``:``/``;``.

    An ellipsis ("áp phích, băng rôn,...") is part of the text and is kept.
    """
    text = nfc(text)
    if text.endswith(("...", "…")):
        return text
    return _TRAILING.sub("", text)


def has_keyword(text: str, *keywords: str) -> bool:
    """True when one of ``keywords`` occurs in ``text`` as whole words, ignoring case and tones."""
    key = f" {_word_key(text)} "
    return any(f" {_word_key(k)} " in key for k in keywords)


def starts_with_keyword(text: str, *keywords: str) -> bool:
    """True when ``text`` starts with one of ``keywords`` (whole words, case and tones ignored)."""
    key = f"{_word_key(text[:120])} "
    return any(key.startswith(f"{_word_key(k)} ") for k in keywords)


def folded_find(text: str, keyword: str, start: int = 0) -> int:
    """Index in ``text`` where ``keyword`` starts (case and tones ignored, whole words), or -1.

    Folding keeps one character per character of NFC text, so indexes map back to ``text``.
    """
    key = fold_chars(text)
    word = fold_chars(keyword)
    pos = start
    while True:
        pos = key.find(word, pos)
        if pos < 0:
            return -1
        before = key[pos - 1] if pos else " "
        end = pos + len(word)
        after = key[end] if end < len(key) else " "
        if not before.isalnum() and not after.isalnum():
            return pos
        pos += 1


_FOLDED_CHARS: dict[str, str] = {}


def fold_chars(text: str) -> str:
    """Fold each character separately so the result has the same length as ``text``."""
    out = []
    for char in text:
        folded = _FOLDED_CHARS.get(char)
        if folded is None:
            folded = fold(char)[:1] if char.strip() else " "
            _FOLDED_CHARS[char] = folded or char
            folded = folded or char
        out.append(folded)
    return "".join(out)


@functools.lru_cache(maxsize=8192)
def _word_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold_chars(unicodedata.normalize("NFC", text))))


_TONES = "\u0300\u0301\u0303\u0309\u0323"
_OLD_TONE = re.compile(rf"([oOuU])([{_TONES}])([aAeEyY])(?!\w)")


def tone_key(text: str) -> str:
    """Lower-case NFC text with one tone placement for "oa", "oe", "uy" ("hóa" and "hoá" -> "hoá").

    Unlike ``fold`` it keeps tones, so "giảm" (decrease) and "giám" (director) stay different.
    """
    decomposed = unicodedata.normalize("NFD", text.lower())
    return unicodedata.normalize("NFC", _OLD_TONE.sub(r"\1\3\2", decomposed))


def is_upper_text(text: str) -> bool:
    """True when the letters of ``text`` are (almost) all upper case, as in a section heading."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) >= 0.8


def first_word_is_upper(text: str) -> bool:
    """True when the first letter of ``text`` is upper case."""
    for char in text:
        if char.isalpha():
            return char.isupper()
    return False


_SENTENCE_END = re.compile(r"[.!?…][\"”')\]]*\s+")
_LABEL_ONLY = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,5}|[a-zđ])[.)]$")
_ABBREVIATIONS = ("TP.", "TT.", "KT.", "TM.", "TL.", "Q.", "v.v.", "ThS.", "TS.", "PGS.", "GS.", "BS.")


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences at ``.``/``!``/``?`` followed by an upper-case start.

    Abbreviations such as "TP." or "KT." do not end a sentence. The pieces keep their final
    punctuation and are substrings of ``text``.
    """
    text = unicodedata.normalize("NFC", text).strip()
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        following = text[match.end() : match.end() + 2].lstrip('"“(')
        if not following or not (following[0].isupper() or following[0].isdigit()):
            continue
        candidate = text[start : match.end()].rstrip()
        if any(candidate.endswith(a) for a in _ABBREVIATIONS) or _LABEL_ONLY.match(candidate):
            continue
        if candidate:
            pieces.append(candidate)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        pieces.append(tail)
    return pieces
