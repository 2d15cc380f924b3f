"""Agencies named in a plan -> organisation units of the province.

A heading or a clause names one agency ("Sở Y tế"), several distinct agencies ("Sở Y tế, Sở Tư pháp"),
or a group ("Các sở, ban, ngành", "UBND các xã, phường"): groups are not units and stay as text.
Single agencies are matched to the province's units with ``orgunits.matching`` (abbreviations, tone
marks, the trailing "tỉnh Đắk Lắk"); the ones not found are created, their type guessed from the name.
"""

from __future__ import annotations

import hashlib
import re

from django.utils.translation import gettext as _

from binhdang.core import audit
from binhdang.core.text import fold, nfc
from binhdang.orgunits.matching import UnitMatcher, name_key, province_short_name
from binhdang.orgunits.models import REPORTING_TYPES, OrgUnit, OrgUnitType
from binhdang.plans.extraction.reporters import GROUP_WORDS, kinds_of

_REQUEST = re.compile(r"^(đề nghị|kính đề nghị|đề xuất)\s+", re.IGNORECASE)
#: Folded words that make a name a group of agencies rather than one agency.
_GROUP_WORDS = GROUP_WORDS
#: Folded first words of a single agency's name; used to split "Sở Y tế, Sở Tư pháp" into two.
_AGENCY_HEADS = re.compile(
    r"^(so|hoi (?!dong)|bao|dai (?!hoc)|cong an|thanh tra|van phong|phong|trung tam|lien doan|tinh doan|"
    r"huyen doan|thanh doan|uy ban mat tran|uy ban mttq|ubmttq|mat tran|mttq|thong ke|cuc|chi cuc|truong|ban |kho bac|"
    r"bao hiem|vien kiem sat|toa an|bo chi huy)"
)
_SPLIT = re.compile(r"\s*,\s*|\s+và\s+|\s*;\s*")


def clean_name(name: str) -> str:
    """ "Đề nghị Hội Nông dân tỉnh:" -> "Hội Nông dân tỉnh" (request words, trailing punctuation off)."""
    text = _REQUEST.sub("", nfc(name or ""))
    return text.strip(" :;.-–")


def is_group(name: str) -> bool:
    """True for names of groups of agencies ("Các sở, ban, ngành", "UBND các xã, phường")."""
    return bool(_GROUP_WORDS.search(fold(clean_name(name))))


def split_agencies(name: str) -> list[str]:
    """The single agencies a name designates: [] for a group, several for "Sở Y tế, Sở Tư pháp"."""
    name = clean_name(name)
    if not name or is_group(name):
        return []
    parts = [p for p in _SPLIT.split(name) if p]
    if len(parts) > 1 and all(_AGENCY_HEADS.match(fold(p) + " ") for p in parts):
        return parts
    return [name]


def guess_type(name: str) -> str:
    """The org-unit type a new agency gets from its name (department when nothing else fits)."""
    key = fold(clean_name(name)) + " "
    if (
        (key.startswith(("bao ", "dai ")) and not key.startswith("dai hoc"))
        or "truyen hinh" in key
        or ("phat thanh" in key)
    ):
        return OrgUnitType.MEDIA
    if key.startswith(("so ", "cong an", "thanh tra", "van phong")):
        return OrgUnitType.DEPARTMENT
    if re.match(
        r"(hoi (?!dong)|doan |tinh doan|huyen doan|thanh doan|mat tran|mttq|uy ban mat tran|uy ban mttq|ubmttq|"
        r"lien doan)",
        key,
    ):
        return OrgUnitType.MASS_ORG
    return OrgUnitType.DEPARTMENT


def _loose(text: str) -> str:
    return fold(text).replace("c", "k").replace(" ", "")


def fix_locality(name: str, short_name: str) -> str:
    """Correct a misspelt province name at the end of an agency name ("... Đắc Lắc" -> "... Đắk Lắk")."""
    words, size = name.split(), len(short_name.split())
    if size and len(words) > size:
        tail = " ".join(words[-size:])
        if tail != short_name and _loose(tail) == _loose(short_name):
            return " ".join([*words[:-size], short_name])
    return name


def _new_code(province: OrgUnit, prefix: str, name: str) -> str:
    digest = hashlib.sha1(fold(name).encode()).hexdigest()[:6].upper()
    code = f"{province.code}-{prefix}{digest}"
    n = 1
    while OrgUnit.objects.filter(code=code).exists():
        n += 1
        code = f"{province.code}-{prefix}{digest}{n}"
    return code


class AgencyResolver:
    """Resolves the agency names of one plan within a province (or, for a legacy plan, a district).

    ``resolve(name)`` returns the units a name designates (``[]`` for a group), creating the missing
    ones under ``parent`` when ``create`` is true. ``created`` lists the units it created.
    """

    def __init__(self, province: OrgUnit, *, parent: OrgUnit | None = None, user=None, create: bool = True):
        self.province = province
        self.parent = parent or province
        self.user = user
        self.create = create
        self.short_name = province_short_name(province)
        if self.parent.pk == province.pk:
            units = (
                OrgUnit.objects.filter(province=province)
                .exclude(pk=province.pk)
                .exclude(type=OrgUnitType.DISTRICT)
                .exclude(parent__type=OrgUnitType.DISTRICT)
            )
        else:
            units = OrgUnit.objects.filter(parent=self.parent)
        self.matcher = UnitMatcher(province, list(units))
        self._new: dict[str, OrgUnit] = {}
        self.created: list[OrgUnit] = []

    def _key(self, name: str) -> str:
        return name_key(name, self.short_name).folded

    def match(self, name: str) -> OrgUnit | None:
        """The existing unit called ``name`` ("UBND tỉnh" is the province itself), or None."""
        name = fix_locality(clean_name(name), self.short_name)
        return self._new.get(self._key(name)) or self.matcher.match(name)

    def resolve(self, name: str) -> list[OrgUnit]:
        """The agencies ``name`` designates; [] for a group or for the issuing body itself."""
        units = []
        for part in split_agencies(name):
            unit = self.match(part)
            if unit is not None and unit.pk in (self.province.pk, self.parent.pk):
                continue
            if unit is None and self.create and len(part) <= MAX_NEW_NAME:
                # a longer "name" is a sentence, not an agency: it stays as written, with no unit
                unit = self._create(fix_locality(part, self.short_name))
            if unit is not None and unit not in units:
                units.append(unit)
        return units

    def resolve_one(self, name: str) -> OrgUnit | None:
        units = self.resolve(name)
        return units[0] if len(units) == 1 else None

    def _create(self, name: str) -> OrgUnit:
        unit_type = guess_type(name)
        unit = OrgUnit(
            code=_new_code(self.province, "P", name),
            name=name,
            type=unit_type,
            parent=self.parent,
            province=self.province,
        )
        audit.by(unit, self.user, reason=_("created while importing a plan")).save()
        self._new[self._key(name)] = unit
        self.created.append(unit)
        return unit


_LEVEL_WORDS = {
    "huyen": "Huyện",
    "thi xa": "Thị xã",
    "thanh pho": "Thành phố",
    "quan": "Quận",
    "xa": "Xã",
    "phuong": "Phường",
    "thi tran": "Thị trấn",
    "dac khu": "Đặc khu",
}


def local_unit_name(issuer: str, locality: str, default_word: str) -> tuple[str, str]:
    """(unit name, level word) of the issuing body: "UBND huyện Triệu Sơn" -> ("Huyện Triệu Sơn", "Huyện")."""
    key = fold(issuer or "")
    word = default_word
    for folded, proper in sorted(_LEVEL_WORDS.items(), key=lambda item: -len(item[0])):
        if re.search(rf"\b{folded} {re.escape(fold(locality))}\b", key):
            word = proper
            break
    return f"{word} {nfc(locality)}", word


#: The longest agency name a unit is created for (units' names hold 255 characters).
MAX_NEW_NAME = 200


def ensure_local_unit(province: OrgUnit, issuer: str, locality: str, unit_type: str, user=None) -> OrgUnit:
    """The district (legacy) or commune unit that issued a plan, created under the province if missing."""
    default = "Huyện" if unit_type == OrgUnitType.DISTRICT else "Xã"
    name, word = local_unit_name(issuer, locality, default)
    short = province_short_name(province)
    wanted = name_key(name, short).folded
    for unit in OrgUnit.objects.filter(province=province, type=unit_type):
        if name_key(unit.name, short).folded == wanted:
            return unit
    unit = OrgUnit(
        code=_new_code(province, "H" if unit_type == OrgUnitType.DISTRICT else "C", name),
        name=name,
        type=unit_type,
        division=word,
        parent=province,
        province=province,
        is_active=unit_type != OrgUnitType.DISTRICT,
    )
    audit.by(unit, user, reason=_("created while importing a plan")).save()
    return unit


def reporter_kinds(text: str | None) -> list[str]:
    """The unit types a "who reports" text covers; every reporting type when the text says nothing."""
    if not text or not text.strip():
        return [str(t) for t in REPORTING_TYPES]
    kinds = kinds_of(text)
    return [str(t) for t in REPORTING_TYPES if str(t) in kinds]
