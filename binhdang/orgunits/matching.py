"""Find a unit of a province by the name a plan or a report gives it.

Plans write the same agency many ways: "UBND xã Ea Kar" for "Xã Ea Kar", "Sở Văn hoá, TT và DL" for
"Sở Văn hóa, Thể thao và Du lịch", "Hội LHPN tỉnh" for "Hội Liên hiệp Phụ nữ tỉnh", "Sở Y tế tỉnh Đắk
Lắk" for "Sở Y tế". Names are compared through a key that expands common abbreviations, ignores
punctuation, case, the position of tone marks ("hoá"/"hóa", "uỷ"/"ủy"), a leading "UBND" before a
commune, and a trailing "tỉnh [name]"/"thành phố [name]". Matching is tried from strict to loose:

1. same key with diacritics (so "Xã Văn Lang" and "Xã Văn Lăng" stay apart);
2. a standard agency's other names ("Sở Lao động - Thương binh và Xã hội" -> Sở Nội vụ);
3. same key without diacritics;
4. a commune named without its level word ("Ea Kar").

A step that finds several units decides nothing (``None``): only one unit, or one active unit, is a
confident match. Nothing is guessed from mere similarity.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from binhdang.core.text import fold, nfc
from binhdang.orgunits.catalog import STANDARD_AGENCIES
from binhdang.orgunits.models import OrgUnit, OrgUnitType

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_SEPARATORS = re.compile(r"[\s.,;:()\[\]\"'“”‘’/\-–—+]+")

#: Abbreviations in plans, as folded token sequences -> their full words.
_ABBREVIATIONS: dict[tuple[str, ...], str] = {
    ("ubnd",): "ủy ban nhân dân",
    ("hdnd",): "hội đồng nhân dân",
    ("mttq",): "mặt trận tổ quốc",
    ("ubmttq",): "ủy ban mặt trận tổ quốc",
    ("lhpn",): "liên hiệp phụ nữ",
    ("hlhpn",): "hội liên hiệp phụ nữ",
    ("ldld",): "liên đoàn lao động",
    ("tncs",): "thanh niên cộng sản",
    ("hcm",): "hồ chí minh",
    ("tp",): "thành phố",
    ("ptth",): "phát thanh truyền hình",
    ("pt", "th"): "phát thanh truyền hình",
    ("pt", "va", "th"): "phát thanh truyền hình",
    ("gddt",): "giáo dục và đào tạo",
    ("gd", "dt"): "giáo dục và đào tạo",
    ("gd", "va", "dt"): "giáo dục và đào tạo",
    ("khcn",): "khoa học và công nghệ",
    ("kh", "cn"): "khoa học và công nghệ",
    ("kh", "va", "cn"): "khoa học và công nghệ",
    ("nnmt",): "nông nghiệp và môi trường",
    ("nn", "mt"): "nông nghiệp và môi trường",
    ("nn", "va", "mt"): "nông nghiệp và môi trường",
    ("tnmt",): "tài nguyên và môi trường",
    ("tn", "va", "mt"): "tài nguyên và môi trường",
    ("vhttdl",): "văn hóa thể thao và du lịch",
    ("vh", "tt", "dl"): "văn hóa thể thao và du lịch",
    ("vh", "tt", "va", "dl"): "văn hóa thể thao và du lịch",
    ("vhtt", "va", "dl"): "văn hóa thể thao và du lịch",
    ("vhtt", "dl"): "văn hóa thể thao và du lịch",
    ("ldtbxh",): "lao động thương binh và xã hội",
    ("ld", "tb", "xh"): "lao động thương binh và xã hội",
    ("ld", "tb", "va", "xh"): "lao động thương binh và xã hội",
    ("ldtb", "va", "xh"): "lao động thương binh và xã hội",
    ("ldtb", "xh"): "lao động thương binh và xã hội",
}
#: Abbreviations only read as such at the start of a name ("P. Tân Phong", "X. Ea Kar").
_LEADING_ABBREVIATIONS: dict[str, str] = {"p": "phường", "x": "xã", "tt": "thị trấn"}
_LONGEST = max(len(k) for k in _ABBREVIATIONS)

#: Level words of commune-level (and legacy district-level) units, folded.
_LOCAL_DIVISIONS = (
    ("dac", "khu"),
    ("thi", "tran"),
    ("thi", "xa"),
    ("xa",),
    ("phuong",),
    ("huyen",),
    ("quan",),
)
_PEOPLES_COMMITTEE = ("uy", "ban", "nhan", "dan")


def _tone_normal(word: str) -> str:
    """``word`` with its tone mark moved to the end, so "hoá" and "hóa" are the same string."""
    decomposed = unicodedata.normalize("NFD", word)
    base = "".join(c for c in decomposed if c not in _TONE_MARKS)
    tones = "".join(c for c in decomposed if c in _TONE_MARKS)
    return unicodedata.normalize("NFC", base + tones)


def _tokens(name: str) -> list[str]:
    """Lower-case words of ``name`` with abbreviations expanded and tone marks in a fixed place."""
    raw = [t for t in _SEPARATORS.split(nfc(name).lower().replace("&", " và ")) if t]
    words: list[str] = []
    i = 0
    while i < len(raw):
        for size in range(min(_LONGEST, len(raw) - i), 0, -1):
            expansion = _ABBREVIATIONS.get(tuple(fold(t) for t in raw[i : i + size]))
            if expansion:
                words.extend(expansion.split())
                i += size
                break
        else:
            leading = _LEADING_ABBREVIATIONS.get(fold(raw[i])) if i == 0 and len(raw) > 1 else None
            words.extend(leading.split() if leading else [raw[i]])
            i += 1
    return [_tone_normal(w) for w in words]


def _folded(words: list[str]) -> tuple[str, ...]:
    return tuple(fold(w) for w in words)


def _local_division_length(words: list[str]) -> int:
    """How many leading words are a commune/district level word ("xã", "đặc khu"...); 0 if none."""
    folded = _folded(words)
    for division in _LOCAL_DIVISIONS:
        if folded[: len(division)] == division and len(folded) > len(division):
            return len(division)
    return 0


@dataclass(frozen=True)
class NameKey:
    exact: str  # with diacritics, tone marks normalised
    folded: str  # without diacritics
    has_local_division: bool
    core_exact: str  # without the leading "xã"/"phường"... (== exact when there is none)
    core_folded: str


def name_key(name: str, province_short_name: str = "") -> NameKey:
    """The comparison key of a unit name within a province whose short name (e.g. "Đắk Lắk") is given."""
    words = _tokens(name)
    # "Ủy ban nhân dân xã Ea Kar" is the commune "Xã Ea Kar".
    if _folded(words[:4]) == _PEOPLES_COMMITTEE and _local_division_length(words[4:]):
        words = words[4:]
    # "Sở Y tế tỉnh Đắk Lắk", "Công an thành phố", "Báo Đắk Lắk" -> "sở y tế", "công an", "báo";
    # but a commune keeps its name even when it is the province's ("Phường Hà Tĩnh").
    short = _folded(_tokens(province_short_name)) if province_short_name else ()
    folded = _folded(words)
    suffixes = [("tinh", *short), ("thanh", "pho", *short), ("tinh",), ("thanh", "pho")]
    if short and not _local_division_length(words):
        suffixes.append(short)
    for suffix in suffixes:
        if len(folded) > len(suffix) and folded[-len(suffix) :] == suffix:
            words = words[: -len(suffix)]
            break
    exact = " ".join(words)
    division = _local_division_length(words)
    core = " ".join(words[division:])
    return NameKey(exact, fold(exact), bool(division), core, fold(core))


def province_short_name(province: OrgUnit) -> str:
    """ "Tỉnh Đắk Lắk" -> "Đắk Lắk" (the name without its level word)."""
    for word in (province.division, "Tỉnh", "Thành phố"):
        if word and province.name.startswith(word + " "):
            return province.name[len(word) + 1 :]
    return province.name


class UnitMatcher:
    """Matches names against the units of one province; build once, then call ``match`` many times."""

    def __init__(self, province: OrgUnit, units: Iterable[OrgUnit] | None = None):
        self.province = province
        self.short_name = province_short_name(province)
        if units is None:
            units = OrgUnit.objects.filter(province=province).exclude(pk=province.pk)
        self._indexes: dict[str, dict[str, list[OrgUnit]]] = defaultdict(lambda: defaultdict(list))
        agency_aliases = {spec.code_for(province.code): spec.aliases for spec in STANDARD_AGENCIES}
        for unit in units:
            key = name_key(unit.name, self.short_name)
            self._add("exact", key.exact, unit)
            self._add("folded", key.folded, unit)
            if unit.type in (OrgUnitType.COMMUNE, OrgUnitType.DISTRICT):
                self._add("core_exact", key.core_exact, unit)
                self._add("core_folded", key.core_folded, unit)
            for alias in agency_aliases.get(unit.code, ()):
                alias_key = name_key(alias, self.short_name)
                self._add("alias_exact", alias_key.exact, unit)
                self._add("alias_folded", alias_key.folded, unit)
        root_names = [province.name, "Ủy ban nhân dân"]
        self._root_keys = {k for n in root_names for k in (name_key(n, self.short_name).folded,)}

    def _add(self, index: str, key: str, unit: OrgUnit) -> None:
        if key and unit not in self._indexes[index][key]:
            self._indexes[index][key].append(unit)

    def match(self, name: str) -> OrgUnit | None:
        """The unit named ``name``, the province itself for "UBND tỉnh", or ``None`` when unsure."""
        if not name or not name.strip():
            return None
        key = name_key(name, self.short_name)
        if not key.exact:
            return None
        if key.folded in self._root_keys:
            return self.province
        steps = [
            ("exact", key.exact),
            ("alias_exact", key.exact),
            ("folded", key.folded),
            ("alias_folded", key.folded),
        ]
        if not key.has_local_division:
            steps += [("core_exact", key.exact), ("core_folded", key.folded)]
        for index, value in steps:
            hits = self._indexes[index].get(value)
            if hits:
                return _only(hits)
        return None


def _only(units: list[OrgUnit]) -> OrgUnit | None:
    if len(units) == 1:
        return units[0]
    active = [u for u in units if u.is_active]
    return active[0] if len(active) == 1 else None


def match_unit(province: OrgUnit, name: str) -> OrgUnit | None:
    """The unit of ``province`` that ``name`` designates, or ``None`` when there is no confident match.

    For many names in the same province, build a ``UnitMatcher`` once and call its ``match``.
    """
    return UnitMatcher(province).match(name)
