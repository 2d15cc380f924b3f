"""The official list of provinces and communes (after 1 July 2025), and each province's standard agencies.

Data come from the PyPI package ``vietnamadminunits`` (MIT): its SQLite file ``data/dataset.db`` (table
``admin_units``: 34 provinces, 3,321 commune-level units with their official codes) and, for names of
the 63 provinces before the 2025 merger, ``data/converter_2025.json``. The files are read directly:
importing the package itself parses several megabytes of address-parser data (over a second) that
this module does not need.

Province codes are the official 2-digit codes ("66"), commune codes the official 5-digit ones
("24121"); a standard agency's code is the province code and a fixed suffix ("66-SNV").
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _

from binhdang.core.text import fold, nfc
from binhdang.orgunits.models import OrgUnitType

CITY = "Thành phố"
PROVINCE = "Tỉnh"


@dataclass(frozen=True)
class CommuneRecord:
    code: str
    name: str  # "Xã Ea Kar", "Phường Buôn Ma Thuột", "Đặc khu Phú Quốc"
    division: str  # "Xã", "Phường", "Đặc khu"


@dataclass(frozen=True)
class ProvinceRecord:
    code: str
    name: str  # "Tỉnh Đắk Lắk", "Thành phố Hà Nội"
    short_name: str  # "Đắk Lắk"
    division: str  # "Tỉnh" or "Thành phố"
    aliases: tuple[str, ...]
    communes: tuple[CommuneRecord, ...]

    @property
    def is_city(self) -> bool:
        return self.division == CITY

    @property
    def level_word(self) -> str:
        """The word used in agency names: "tỉnh", or "thành phố" for a centrally-run city."""
        return self.division.lower()


@dataclass(frozen=True)
class AgencySpec:
    """A standard agency of every province. ``name`` uses ``{level}`` for "tỉnh"/"thành phố"."""

    suffix: str
    type: str
    name: str
    city_name: str = ""  # when a city's name differs by more than the level word
    aliases: tuple[str, ...] = ()  # other names in plans (old names, abbreviations), without the level

    def name_for(self, province: ProvinceRecord) -> str:
        template = self.city_name if province.is_city and self.city_name else self.name
        return template.format(level=province.level_word)

    def code_for(self, province_code: str) -> str:
        return f"{province_code}-{self.suffix}"


D, M, T = OrgUnitType.DEPARTMENT, OrgUnitType.MASS_ORG, OrgUnitType.MEDIA

#: The agencies every province gets (domain §1). The order is the order in which they are listed.
STANDARD_AGENCIES: tuple[AgencySpec, ...] = (
    AgencySpec("VP", D, "Văn phòng UBND {level}", aliases=("Văn phòng Ủy ban nhân dân",)),
    AgencySpec("SNV", D, "Sở Nội vụ", aliases=("Sở Lao động - Thương binh và Xã hội",)),
    AgencySpec("STC", D, "Sở Tài chính", aliases=("Sở Kế hoạch và Đầu tư",)),
    AgencySpec("SVHTTDL", D, "Sở Văn hóa, Thể thao và Du lịch", aliases=("Sở Văn hóa và Thể thao",)),
    AgencySpec("SGDDT", D, "Sở Giáo dục và Đào tạo"),
    AgencySpec("SYT", D, "Sở Y tế"),
    AgencySpec("STP", D, "Sở Tư pháp"),
    AgencySpec("SDTTG", D, "Sở Dân tộc và Tôn giáo", aliases=("Ban Dân tộc",)),
    AgencySpec("SKHCN", D, "Sở Khoa học và Công nghệ", aliases=("Sở Thông tin và Truyền thông",)),
    AgencySpec(
        "SNNMT",
        D,
        "Sở Nông nghiệp và Môi trường",
        aliases=("Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường"),
    ),
    AgencySpec("CA", D, "Công an {level}"),
    AgencySpec("TTR", D, "Thanh tra {level}"),
    AgencySpec("TK", D, "Thống kê {level}", aliases=("Cục Thống kê",)),
    AgencySpec(
        "MTTQ",
        M,
        "Ủy ban MTTQ Việt Nam {level}",
        aliases=("Ủy ban Mặt trận Tổ quốc", "Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc"),
    ),
    AgencySpec("HLHPN", M, "Hội Liên hiệp Phụ nữ {level}", aliases=("Hội Phụ nữ",)),
    AgencySpec(
        "DTN",
        M,
        "Tỉnh đoàn",
        city_name="Thành đoàn",
        aliases=("Đoàn TNCS Hồ Chí Minh", "Đoàn Thanh niên", "Tỉnh đoàn", "Thành đoàn"),
    ),
    AgencySpec("LDLD", M, "Liên đoàn Lao động {level}"),
    AgencySpec("HND", M, "Hội Nông dân {level}"),
    AgencySpec("HNCT", M, "Hội Người cao tuổi {level}"),
    AgencySpec(
        "BPTTH",
        T,
        "Báo và Phát thanh, Truyền hình {level}",
        aliases=("Đài Phát thanh và Truyền hình", "Đài Phát thanh - Truyền hình"),
    ),
)


class UnknownProvinceError(LookupError):
    """No province of the official list has the given name; the message (Vietnamese) says which."""

    def __init__(self, name: str, suggestions: list[str], merged_into: str | None = None):
        self.name = name
        self.suggestions = suggestions
        self.merged_into = merged_into
        message = _("No province or centrally-run city is named “%(name)s”.") % {"name": name}
        if merged_into:
            message += " " + _(
                "That province was merged into “%(province)s” on 1 July 2025; use the new name."
            ) % {"province": merged_into}
        elif suggestions:
            message += " " + _("Did you mean: %(names)s?") % {"names": ", ".join(suggestions)}
        super().__init__(message)


def _data_dir() -> Path:
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("The package vietnamadminunits is not installed.")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _query(sql: str) -> list[sqlite3.Row]:
    uri = f"file:{_data_dir() / 'dataset.db'}?mode=ro"
    with sqlite3.connect(uri, uri=True) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(sql).fetchall()


COMMUNE_DIVISIONS = ("Xã", "Phường", "Đặc khu")


def _commune_division(name: str, listed: str) -> str:
    """The division of a commune: the level word its official name starts with.

    The package's ``wardType`` contradicts the name for four units (e.g. "Phường Việt Hòa" listed as
    "Xã"); the name is the one the resolutions use, so it wins.
    """
    for division in COMMUNE_DIVISIONS:
        if name.startswith(division + " "):
            return division
    return nfc(listed)


@cache
def province_records() -> tuple[ProvinceRecord, ...]:
    """All 34 provinces with their communes, ordered by code (read once per process)."""
    rows = _query(
        "SELECT provinceCode, province, provinceShort, provinceAlias, wardCode, ward, wardType "
        "FROM admin_units ORDER BY provinceCode, wardCode"
    )
    communes: dict[str, list[CommuneRecord]] = {}
    heads: dict[str, sqlite3.Row] = {}
    for row in rows:
        heads.setdefault(row["provinceCode"], row)
        name = nfc(row["ward"])
        communes.setdefault(row["provinceCode"], []).append(
            CommuneRecord(code=row["wardCode"], name=name, division=_commune_division(name, row["wardType"]))
        )
    records = []
    for code, head in heads.items():
        name = nfc(head["province"])
        division = CITY if name.startswith(CITY + " ") else PROVINCE
        aliases = tuple(json.loads(head["provinceAlias"])) if head["provinceAlias"] else ()
        records.append(
            ProvinceRecord(
                code=code,
                name=name,
                short_name=nfc(head["provinceShort"]),
                division=division,
                aliases=aliases,
                communes=tuple(communes[code]),
            )
        )
    return tuple(records)


_PUNCTUATION = re.compile(r"[.,;:()\-_/]+")
_LEVEL_PREFIX = re.compile(r"^(tinh|thanh pho|tp)\s+")


def province_key(name: str) -> str:
    """A lookup key for a province name: no diacritics, no level word, no spaces ("dak lak" -> "daklak")."""
    text = _PUNCTUATION.sub(" ", fold(name)).strip()
    text = _LEVEL_PREFIX.sub("", text)
    return text.replace(" ", "")


#: Provinces renamed (not merged) before the 2025 arrangement: old key -> code.
_RENAMED = {"thuathienhue": "46"}


@cache
def _province_index() -> dict[str, ProvinceRecord]:
    index: dict[str, ProvinceRecord] = {}
    for record in province_records():
        for key in (record.code, province_key(record.name), *record.aliases):
            index[key] = record
    by_code = {r.code: r for r in province_records()}
    for key, code in _RENAMED.items():
        index[key] = by_code[code]
    return index


@cache
def _legacy_provinces() -> dict[str, str]:
    """Key of a pre-2025 province name -> the official name of the province it was merged into."""
    path = _data_dir() / "converter_2025.json"
    mapping = json.loads(path.read_text(encoding="utf-8"))["DICT_PROVINCE"]
    by_full_key = {fold(r.name).replace(" ", ""): r for r in province_records()}
    legacy: dict[str, str] = {}
    for new_key, old_keys in mapping.items():
        record = by_full_key.get(new_key)
        if record is None:
            continue
        for old_key in old_keys:
            legacy[re.sub(r"^(tinh|thanhpho)", "", old_key)] = record.name
    return legacy


def resolve_province(name: str) -> ProvinceRecord:
    """The official province called ``name`` (with or without diacritics or level word, or its code).

    Raises ``UnknownProvinceError`` (message in Vietnamese, with close matches) when there is none.
    """
    key = province_key(name or "")
    record = _province_index().get(key)
    if record is not None:
        return record
    legacy = _legacy_provinces().get(key)
    if legacy:
        raise UnknownProvinceError(name, [legacy], merged_into=legacy)
    index = _province_index()
    close = difflib.get_close_matches(key, list(index), n=5, cutoff=0.6)
    suggestions = list(dict.fromkeys(index[k].name for k in close))[:3]
    raise UnknownProvinceError(name, suggestions)
