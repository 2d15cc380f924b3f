"""Near-duplicate Vietnamese sentences grouped together (difficulties and proposals of many units).

Units write the same difficulty in slightly different words ("Kinh phí còn hạn chế", "kinh phí còn
hạn chế."; "Đề nghị bố trí thêm kinh phí" / "Đề nghị tỉnh bố trí thêm kinh phí"). The steps:

- :func:`normalise`: Unicode NFC, lower case, punctuation to spaces, spaces folded;
- :func:`syllables`: the normalised text split into syllables (Vietnamese words are written as
  space-separated syllables);
- :func:`bigrams`: the set of adjacent syllable pairs (a one-syllable text gives its syllable);
- :func:`similarity`: the Jaccard index of two texts' bigram sets;
- :func:`group`: texts with their raisers, greedily clustered: a text joins the first group whose
  representative is at least ``threshold`` similar, else starts a group; groups ordered by how many
  distinct raisers they have (then by text). A group shows the text raised most often (then the
  shortest) as its representative.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

#: Jaccard similarity of syllable bigrams from which two texts say the same thing.
THRESHOLD = 0.5
_PUNCTUATION = re.compile(r"[^\w\s]|_", re.UNICODE)


def normalise(text: str) -> str:
    """NFC, lower case, punctuation as spaces, single spaces: ``"Kinh phí, còn ít!"`` -> ``"kinh phí còn ít"``."""
    text = unicodedata.normalize("NFC", text or "").lower()
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def syllables(text: str) -> list[str]:
    return normalise(text).split()


def bigrams(text: str) -> frozenset[tuple[str, ...]]:
    words = syllables(text)
    if len(words) < 2:
        return frozenset((word,) for word in words)
    return frozenset(pairwise(words))


def similarity(first: str, second: str) -> float:
    """Jaccard index of the two texts' syllable bigrams (1.0 for equal texts, 0.0 for empty ones)."""
    return _jaccard(bigrams(first), bigrams(second))


def _jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass
class Group:
    """Near-duplicate texts: the one ``text`` shown, the distinct ``raisers`` (in order of first
    mention) and every ``variant`` as written."""

    text: str
    raisers: list[str] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)


def group(items: Iterable[tuple[str, str]], threshold: float = THRESHOLD) -> list[Group]:
    """``(text, raiser)`` pairs as groups of near-duplicates, the most raised first."""
    clusters: list[tuple[frozenset, list[tuple[str, str]]]] = []
    for text, raiser in items:
        if not normalise(text):
            continue
        grams = bigrams(text)
        for key, members in clusters:
            if _jaccard(key, grams) >= threshold:
                members.append((text, raiser))
                break
        else:
            clusters.append((grams, [(text, raiser)]))
    groups = []
    for _key, members in clusters:
        counts = Counter(normalise(text) for text, _raiser in members)
        shown = min((text for text, _raiser in members), key=lambda t: (-counts[normalise(t)], len(t), t))
        raisers = list(dict.fromkeys(raiser for _text, raiser in members))
        variants = list(dict.fromkeys(text for text, _raiser in members))
        groups.append(Group(shown, raisers, variants))
    return sorted(groups, key=lambda g: (-len(g.raisers), normalise(g.text)))
