"""DHIS2's own data exchange formats, in and out, beside binhdang's ``{"dataValueSets": [...]}``.

Out (identifiers are codes, DHIS2's ``idScheme=CODE``; with ``id_scheme="UID"`` the org units are named
by their DHIS2 uid, ``OrgUnit.dhis2_uid``, data sets and data elements stay codes):

- :func:`export_dhis2_json`: ONE data value set whose every data value carries its own ``orgUnit``,
  ``period`` and ``dataSet`` (what DHIS2's ``POST /api/dataValueSets`` reads for many units at once);
  values without disaggregation have no ``categoryOptionCombo`` (DHIS2 takes its default);
- :func:`export_adx`: ADX (``urn:ihe:qrph:adx:2015``, DHIS2's XML for several data sets): a ``group``
  per report (``dataSet``, ``period`` ``2026-01-01/P1Y``, ``orgUnit``, ``completeDate``), a
  ``dataValue`` per value, the disaggregation as an attribute named by its category (``SEX="FEMALE"``,
  ``MEASURE="NUMERATOR"``); numbers in ``value``, any other value (text, yes/no, option code) in an
  ``annotation`` with ``value="0"``, as ADX requires a number there.

In (:func:`read_import` of a file's bytes, :func:`split_sets` of its parsed content), all read by the
same importer (:mod:`binhdang.reporting.datavaluesets`): binhdang's ``{"dataValueSets": [...]}``, one
set with ``dataSet``/``period``/``orgUnit`` at the top, DHIS2's set whose values carry their own
``orgUnit``/``period``/``dataSet`` (grouped per report; a top-level ``completeDate`` applies to each),
and ADX. An org unit may be named by its code or its DHIS2 uid. Every problem keeps the place of the
value in the file as given (``dataValues[41].value``, ``group[2].dataValue[5].value``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException
from django.utils.translation import gettext as _

from binhdang.orgunits.models import OrgUnit
from binhdang.reporting.errors import ReportingError
from binhdang.reporting.forms_catalog import DEFAULT_COC, SEX_OPTIONS, STRATEGY_OPTIONS

ADX_NS = "urn:ihe:qrph:adx:2015"
#: The ADX attribute (a DHIS2 category code) that carries each category option combo.
CATEGORY_OF_OPTION = {**dict.fromkeys(SEX_OPTIONS, "SEX"), **dict.fromkeys(STRATEGY_OPTIONS, "MEASURE")}
ADX_CATEGORIES = tuple(sorted(set(CATEGORY_OF_OPTION.values())))
ID_SCHEMES = ("CODE", "UID")
_ADX_PERIOD = re.compile(r"^(\d{4})-(\d{2})-01/P(1Y|3M|1M)$")


def adx_period(iso: str) -> str:
    """An ISO period as ADX writes it: 2026 -> 2026-01-01/P1Y, 2026Q2 -> 2026-04-01/P3M,
    202603 -> 2026-03-01/P1M."""
    if "Q" in iso:
        year, quarter = iso.split("Q")
        return f"{year}-{(int(quarter) - 1) * 3 + 1:02d}-01/P3M"
    if len(iso) == 6:
        return f"{iso[:4]}-{iso[4:]}-01/P1M"
    return f"{iso}-01-01/P1Y"


def iso_from_adx(period: str) -> str:
    """The ISO period of an ADX period (the text unchanged when it is none of a year, quarter, month)."""
    match = _ADX_PERIOD.match(period)
    if match is None:
        return period
    year, month, length = match.groups()
    if length == "1Y":
        return year if month == "01" else period
    if length == "3M":
        return f"{year}Q{(int(month) - 1) // 3 + 1}" if month in ("01", "04", "07", "10") else period
    return f"{year}{month}"


_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


class FormatError(ReportingError):
    """The file is in none of the accepted formats, or an export cannot be written as asked."""


@dataclass
class RawSet:
    """One report's set as read from any format, with the places of its parts in the file."""

    path: str
    data: object
    #: place of each item of ``data["dataValues"]`` (None: ``<path>.dataValues[i]``)
    value_places: list[str] | None = None


# --------------------------------------------------------------------------------------------- in


def read_import(content: bytes | str) -> object:
    """The content of an import file: ADX (XML) read into binhdang's JSON shape, else the JSON."""
    from binhdang.reporting.datavaluesets import parse_data_value_sets

    head = (
        content[:200].lstrip() if isinstance(content, str) else content[:200].lstrip(b"\xef\xbb\xbf \t\r\n")
    )
    if head[:1] in ("<", b"<"):
        return read_adx(content)
    return parse_data_value_sets(content)


def read_adx(content: bytes | str) -> dict:
    """An ADX message as ``{"adx": [group, ...]}``, each group a set in binhdang's shape whose values
    keep their ADX places. DTDs and entities are refused (defusedxml)."""
    try:
        root = safe_xml.fromstring(content)
    except (ET.ParseError, DefusedXmlException, ValueError) as exc:
        raise FormatError(_("The file is not valid ADX (XML): %(error)s") % {"error": exc}) from exc
    if root.tag != f"{{{ADX_NS}}}adx":
        raise FormatError(
            _("The XML file is not ADX: its root must be <adx> in the namespace %(ns)s.") % {"ns": ADX_NS}
        )
    groups = []
    for group in root.findall(f"{{{ADX_NS}}}group"):
        entry: dict[str, object] = {
            "dataSet": group.get("dataSet", ""),
            "period": iso_from_adx(group.get("period", "")),
            "orgUnit": group.get("orgUnit", ""),
        }
        if group.get("completeDate"):
            entry["completeDate"] = group.get("completeDate")
        values = []
        for value in group.findall(f"{{{ADX_NS}}}dataValue"):
            coc = next((value.get(c) for c in ADX_CATEGORIES if value.get(c)), DEFAULT_COC)
            annotation = value.find(f"{{{ADX_NS}}}annotation")
            text = annotation.text if annotation is not None else value.get("value")
            values.append(
                {"dataElement": value.get("dataElement", ""), "categoryOptionCombo": coc, "value": text or ""}
            )
        entry["dataValues"] = values
        groups.append(entry)
    if not groups:
        raise FormatError(_("The ADX file has no <group>."))
    return {"adx": groups}


def _unit_codes_by_uid(names: set[str]) -> dict[str, str]:
    uids = {n for n in names if n and len(n) == 11}
    if not uids:
        return {}
    return dict(OrgUnit.objects.filter(dhis2_uid__in=uids).values_list("dhis2_uid", "code"))


def split_sets(data) -> list[RawSet]:
    """The report sets of a parsed import file, each with its place; org units named by a DHIS2
    uid are given their code. Raises :class:`FormatError` for a content that has no set."""
    if not isinstance(data, dict):
        raise FormatError(
            _('The file must hold a JSON object (a data value set or {"dataValueSets": [...]}).')
        )
    if "adx" in data:
        sets = [
            RawSet(f"group[{i}]", g, [f"group[{i}].dataValue[{j}]" for j in range(len(g["dataValues"]))])
            for i, g in enumerate(data["adx"])
        ]
    elif "dataValueSets" in data:
        items = data["dataValueSets"]
        if not isinstance(items, list) or not items:
            raise FormatError(_("dataValueSets: must be a non-empty list."))
        sets = [RawSet(f"dataValueSets[{i}]", s) for i, s in enumerate(items)]
    elif _values_carry_keys(data):
        sets = _group_flat(data)
    else:
        sets = [RawSet("", data)]
    names = {str(s.data.get("orgUnit", "")) for s in sets if isinstance(s.data, dict)}
    by_uid = _unit_codes_by_uid(names)
    for item in sets:
        if isinstance(item.data, dict) and str(item.data.get("orgUnit", "")) in by_uid:
            item.data = {**item.data, "orgUnit": by_uid[str(item.data["orgUnit"])]}
    return sets


def _values_carry_keys(data: dict) -> bool:
    values = data.get("dataValues")
    return isinstance(values, list) and any(
        isinstance(v, dict) and any(k in v for k in ("orgUnit", "period", "dataSet")) for v in values
    )


def _group_flat(data: dict) -> list[RawSet]:
    """DHIS2's one set for many units: a set per (dataSet, period, orgUnit), in order of first value."""
    groups: dict[tuple, RawSet] = {}
    loose: list[tuple[int, object]] = []
    for index, value in enumerate(data["dataValues"]):
        if not isinstance(value, dict):
            loose.append((index, value))
            continue
        key = tuple(str(value.get(k, data.get(k, ""))) for k in ("dataSet", "period", "orgUnit"))
        if key not in groups:
            entry: dict[str, object] = dict(zip(("dataSet", "period", "orgUnit"), key, strict=True))
            if data.get("completeDate"):
                entry["completeDate"] = data["completeDate"]
            entry["dataValues"] = []
            groups[key] = RawSet(f"dataValues[{index}]", entry, [])
        group = groups[key]
        assert isinstance(group.data, dict) and group.value_places is not None
        group.data["dataValues"].append(value)
        group.value_places.append(f"dataValues[{index}]")
    sets = list(groups.values())
    for index, value in loose:
        sets.append(RawSet(f"dataValues[{index}]", value))
    return sets


# -------------------------------------------------------------------------------------------- out


def _unit_names(sets: list[dict], id_scheme: str) -> dict[str, str]:
    """Code -> the name of the unit in the export's id scheme; FormatError naming units without uid."""
    if id_scheme not in ID_SCHEMES:
        raise FormatError(
            _('idScheme: "%(value)s" is not supported (expected %(known)s).')
            % {"value": id_scheme, "known": ", ".join(ID_SCHEMES)}
        )
    codes = {s["orgUnit"] for s in sets}
    if id_scheme == "CODE":
        return {c: c for c in codes}
    uids = dict(OrgUnit.objects.filter(code__in=codes).values_list("code", "dhis2_uid"))
    missing = sorted(c for c in codes if not uids.get(c))
    if missing:
        names = OrgUnit.objects.filter(code__in=missing).order_by("code").values_list("name", flat=True)
        raise FormatError(
            _("idScheme=UID: these units have no DHIS2 uid yet: %(units)s.") % {"units": ", ".join(names)}
        )
    return uids


def export_dhis2_json(sets: list[dict], id_scheme: str = "CODE") -> dict:
    """binhdang's sets (:func:`~binhdang.reporting.datavalue_export.export_data_value_sets`) as ONE DHIS2
    data value set: ``{"dataValues": [{"dataElement", "period", "orgUnit", "dataSet",
    ["categoryOptionCombo"], "value"}]}``; the set's ``completeDate`` is kept when all reports share
    one (DHIS2 has one per set), ``dataSet`` and ``period`` too."""
    names = _unit_names(sets, id_scheme)
    values = [
        {
            "dataElement": v["dataElement"],
            "period": s["period"],
            "orgUnit": names[s["orgUnit"]],
            "dataSet": s["dataSet"],
            **({"categoryOptionCombo": v["categoryOptionCombo"]} if v.get("categoryOptionCombo") else {}),
            "value": v["value"],
        }
        for s in sets
        for v in s["dataValues"]
    ]
    result: dict[str, object] = {}
    for key in ("dataSet", "period", "completeDate"):
        found = {s.get(key) for s in sets}
        if len(found) == 1 and None not in found:
            result[key] = found.pop()
    result["dataValues"] = values
    return result


def export_adx(sets: list[dict], id_scheme: str = "CODE") -> bytes:
    """binhdang's sets as an ADX message (UTF-8 XML), a ``group`` per report."""
    names = _unit_names(sets, id_scheme)
    ET.register_namespace("", ADX_NS)
    root = ET.Element(f"{{{ADX_NS}}}adx", {"exported": _now_iso()})
    for entry in sets:
        attributes = {
            "dataSet": entry["dataSet"],
            "period": adx_period(str(entry["period"])),
            "orgUnit": names[entry["orgUnit"]],
        }
        if entry.get("completeDate"):
            attributes["completeDate"] = entry["completeDate"]
        group = ET.SubElement(root, f"{{{ADX_NS}}}group", attributes)
        for value in entry["dataValues"]:
            item = {"dataElement": value["dataElement"]}
            coc = value.get("categoryOptionCombo") or DEFAULT_COC
            if coc:
                item[CATEGORY_OF_OPTION.get(coc, "CATEGORY")] = coc
            text = str(value["value"])
            numeric = bool(_NUMBER.match(text))
            item["value"] = text if numeric else "0"
            element = ET.SubElement(group, f"{{{ADX_NS}}}dataValue", item)
            if not numeric:
                ET.SubElement(element, f"{{{ADX_NS}}}annotation").text = text
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _now_iso() -> str:
    from django.utils import timezone

    return timezone.now().replace(microsecond=0).isoformat()
