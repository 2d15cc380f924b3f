"""Who issues a generated report, who signs it, where it is dated, and how plans are named in it.

- the annual report of a plan is issued by the plan's focal agency (Sở Nội vụ) under the province's
  People's Committee: "UBND TỈNH ĐẮK LẮK / SỞ NỘI VỤ", "Số: .../BC-SNV", signed "KT. GIÁM ĐỐC / PHÓ
  GIÁM ĐỐC"; without a focal agency, by the province's People's Committee itself;
- a unit's own report is issued by the unit (a commune's People's Committee, a department under the
  province, a mass organisation or media agency) and goes to the focal agency.

The signer's name is left blank: the officer types it in Word.
"""

from __future__ import annotations

import re
import unicodedata

from binhdang.documents.nd30 import Issuer
from binhdang.orgunits.models import OrgUnit, OrgUnitType
from binhdang.plans.models import Plan

_PREFIXES = re.compile(r"^(tỉnh|thành phố|xã|phường|đặc khu|thị trấn|huyện)\s+", re.IGNORECASE)


def place_name(unit: OrgUnit | None) -> str:
    """ "Tỉnh Đắk Lắk" -> "Đắk Lắk", "Xã Ea Kar" -> "Ea Kar" (the place of the date line)."""
    if unit is None:
        return ""
    return _PREFIXES.sub("", unit.name).strip()


def province_body(province: OrgUnit) -> str:
    """ "UBND TỈNH ĐẮK LẮK" (the name with its "Tỉnh"/"Thành phố" prefix, "Tỉnh" added when missing)."""
    name = province.name
    if not _PREFIXES.match(name):
        name = f"Tỉnh {name}"
    return f"UBND {name}".upper()


def initials(name: str) -> str:
    """The symbol of a body after "BC-": "Sở Nội vụ" -> "SNV", "Sở Y tế" -> "SYT" (no diacritics)."""
    plain = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    plain = "".join(c for c in plain if unicodedata.category(c) != "Mn")
    words = re.findall(r"[A-Za-z0-9]+", plain)
    return "".join(w[0].upper() for w in words if not w.isdigit()) or "UBND"


def plan_name(plan: Plan) -> str:
    """How the report names the plan: its title when it starts with "Kế hoạch", else "Kế hoạch " and
    the title with its first letter in lower case ("Thực hiện Chương trình ..." -> "Kế hoạch thực
    hiện Chương trình ..."). Use this everywhere a plan is named in a generated document."""
    text = " ".join(plan.title.split())
    if text.lower().startswith("kế hoạch"):
        return text
    return f"Kế hoạch {text[:1].lower()}{text[1:]}" if text else "Kế hoạch"


def report_subject(plan: Plan, year: int) -> str:
    """The subject line: "Kết quả thực hiện Kế hoạch thực hiện Chương trình ... năm 2026"."""
    return f"Kết quả thực hiện {plan_name(plan)} năm {year}"


def _focal(plan: Plan) -> OrgUnit | None:
    return plan.focal_agency if plan.focal_agency_id else None


def plan_issuer(plan: Plan):
    """The issuer of a plan's annual report (the focal agency, else the province's committee)."""
    province = plan.province
    focal = _focal(plan)
    if focal is not None:
        return Issuer(
            parent=province_body(province),
            body=focal.name,
            symbol=initials(focal.name),
            place=place_name(province),
            authority="KT. GIÁM ĐỐC",
            position="PHÓ GIÁM ĐỐC",
            recipients=["Bộ Nội vụ", f"UBND {place_name_with_kind(province)}", "Lưu: VT, CTTN&BĐG"],
        )
    return Issuer(
        parent="",
        body=f"ỦY BAN NHÂN DÂN {place_name_with_kind(province)}",
        symbol="UBND",
        place=place_name(province),
        authority="TM. ỦY BAN NHÂN DÂN",
        position="CHỦ TỊCH",
        recipients=["Bộ Nội vụ", "Lưu: VT"],
    )


def place_name_with_kind(province: OrgUnit) -> str:
    """ "tỉnh Đắk Lắk" as it follows "UBND" in a list ("Tỉnh" added when missing)."""
    name = province.name
    if not _PREFIXES.match(name):
        name = f"Tỉnh {name}"
    return name[:1].lower() + name[1:] if name.lower().startswith("tỉnh") else name


def unit_issuer(unit: OrgUnit, plan: Plan):
    """The issuer of a unit's own report: the unit, under the province for departments and media."""
    province = plan.province
    focal = _focal(plan)
    receiver = focal.name if focal is not None else f"UBND {place_name_with_kind(province)}"
    recipients = [receiver, "Lưu: VT"]
    if unit.type == OrgUnitType.COMMUNE:
        return Issuer(
            parent="",
            body=f"ỦY BAN NHÂN DÂN\n{unit.name}",  # two lines in the header block
            symbol="UBND",
            place=place_name(unit),
            authority="TM. ỦY BAN NHÂN DÂN",
            position="CHỦ TỊCH",
            recipients=recipients,
        )
    parent = province_body(province) if unit.type in (OrgUnitType.DEPARTMENT, OrgUnitType.MEDIA) else ""
    signers: dict[str, tuple[str, str]] = {
        OrgUnitType.DEPARTMENT: ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
        OrgUnitType.MASS_ORG: ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"),
    }
    authority, position = signers.get(unit.type, ("THỦ TRƯỞNG ĐƠN VỊ", ""))
    return Issuer(
        parent=parent,
        body=unit.name,
        symbol=initials(unit.name),
        place=place_name(province),
        authority=authority,
        position=position,
        recipients=recipients,
    )


#: The Ministry of Home Affairs, issuer of the national report (the ministry's side, issue 18).
MINISTRY = "Bộ Nội vụ"


def ministry_issuer() -> Issuer:
    """The issuer of the ministry's national report: "BỘ NỘI VỤ", "Số: .../BC-BNV", Hà Nội, signed
    "KT. BỘ TRƯỞNG / THỨ TRƯỞNG"; sent to the Government and the provinces."""
    return Issuer(
        parent="",
        body="BỘ NỘI VỤ",
        symbol="BNV",
        place="Hà Nội",
        authority="KT. BỘ TRƯỞNG",
        position="THỨ TRƯỞNG",
        recipients=[
            "Thủ tướng Chính phủ (để báo cáo)",
            "Ủy ban Quốc gia vì sự tiến bộ của phụ nữ Việt Nam",
            "UBND các tỉnh, thành phố trực thuộc Trung ương",
            "Lưu: VT, Vụ BĐG",
        ],
    )
