"""The SDMX structure of the open data (issue 19): what ``STRUCTURE_ID``
``BINHDANG:DF_GENDER_EQUALITY(1.0)`` names, as an SDMX-ML 3.0 structure message
(:func:`structure_message`, served at ``/results/sdmx/structure.xml``), and the SDMX ids of the codes.

- the dataflow ``DF_GENDER_EQUALITY`` and its data structure definition ``DSD_GENDER_EQUALITY``:
  dimensions ``SERIES``, ``REF_AREA``, ``SEX``, ``TIME_PERIOD`` (annual), measure ``OBS_VALUE``
  (a number), attributes ``UNIT_MEASURE`` (coded), ``TARGET`` (text) and ``PROGRESS_STATUS`` (coded);
- the concept scheme ``CS_GENDER_EQUALITY`` and the code lists ``CL_SERIES``, ``CL_REF_AREA`` (the
  provinces by unit code, and ``VN`` for the national figures), ``CL_SEX`` (``_T``, ``F``, ``M``), ``CL_UNIT_MEASURE`` and
  ``CL_PROGRESS_STATUS``.

SDMX ids allow letters, digits and ``_`` (no dot), so a series is ``C`` + its catalog code with ``_``
for the dots (``1790.1`` -> ``C1790_1``, ``NQ28.4.1`` -> ``CNQ28_4_1``) and a plan's own indicator
``P_<plan slug>_<number>``; each code of ``CL_SERIES`` carries the original code in an annotation of
type ``CATALOG_CODE`` (or ``PLAN_SERIES``) and in its name. A unit of measure is coded the same way
(``%`` -> ``PT``, ``bé trai/100 bé gái`` -> ``BE_TRAI_100_BE_GAI``, none -> ``_Z``), its text as name.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET

from django.utils import timezone

from binhdang.orgunits.models import OrgUnit, OrgUnitType
from binhdang.plans.models import CatalogIndicator, Indicator
from binhdang.results.status import STATUSES

AGENCY = "BINHDANG"
VERSION = "1.0"
DATAFLOW_ID = "DF_GENDER_EQUALITY"
DSD_ID = "DSD_GENDER_EQUALITY"
CONCEPTS_ID = "CS_GENDER_EQUALITY"
MES = "http://www.sdmx.org/resources/sdmxml/schemas/v3_0/message"
STR = "http://www.sdmx.org/resources/sdmxml/schemas/v3_0/structure"
COM = "http://www.sdmx.org/resources/sdmxml/schemas/v3_0/common"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CONTENT_TYPE = "application/vnd.sdmx.structure+xml; version=3.0.0; charset=utf-8"

#: The REF_AREA of a national figure (the national results, ``results.national_export``).
NATIONAL_AREA = "VN"
SEX_CODES = {"_T": ("Total", "Tổng"), "F": ("Female", "Nữ"), "M": ("Male", "Nam")}
CONCEPTS = {
    "SERIES": ("Series (indicator)", "Chỉ tiêu"),
    "REF_AREA": ("Reference area (province)", "Địa bàn (tỉnh)"),
    "SEX": ("Sex", "Giới tính"),
    "TIME_PERIOD": ("Time period", "Năm"),
    "OBS_VALUE": ("Observation value", "Giá trị"),
    "UNIT_MEASURE": ("Unit of measure", "Đơn vị tính"),
    "TARGET": ("Target for the year", "Chỉ tiêu của năm"),
    "PROGRESS_STATUS": ("Progress against the target", "Mức độ đạt chỉ tiêu"),
}
_NOT_ID = re.compile(r"[^A-Za-z0-9]+")


def _ascii(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def series_id(series: str, *, catalog: bool = True) -> str:
    """The SDMX id of a series: ``1790.1`` -> ``C1790_1``; a plan's own ``kh-nq28.9`` -> ``P_kh_nq28_9``."""
    body = _NOT_ID.sub("_", _ascii(series)).strip("_")
    return f"C{body}" if catalog else f"P_{body}"


def unit_code(unit: str) -> str:
    """The SDMX code of a unit of measure: ``%`` -> ``PT``, ``cuộc`` -> ``CUOC``, empty -> ``_Z``."""
    text = (unit or "").strip()
    if not text:
        return "_Z"
    if text == "%":
        return "PT"
    body = _NOT_ID.sub("_", _ascii(text).upper()).strip("_")
    return body or "U_" + "_".join(f"{ord(c):X}" for c in text)[:60]


def series_codes() -> dict[str, tuple[str, str, str]]:
    """Every series as ``{sdmx id: (original code, annotation type, name)}``: the catalog, then the
    plans' own indicators (those not bound to the catalog)."""
    codes: dict[str, tuple[str, str, str]] = {}
    for code, name in CatalogIndicator.objects.order_by("sort_order", "code").values_list("code", "name"):
        codes[series_id(code)] = (code, "CATALOG_CODE", name)
    own = (
        Indicator.objects.filter(catalog__isnull=True)
        .select_related("plan")
        .order_by("plan__slug", "order", "code")
    )
    for indicator in own:
        original = f"{indicator.plan.slug}.{indicator.code}"
        codes.setdefault(series_id(original, catalog=False), (original, "PLAN_SERIES", indicator.text))
    return codes


def unit_codes() -> dict[str, str]:
    """Every unit of measure in the catalog and the plans: ``{code: text}``."""
    texts = set(CatalogIndicator.objects.values_list("unit", flat=True))
    texts |= set(Indicator.objects.values_list("unit", flat=True))
    codes: dict[str, str] = {"_Z": "—"}
    for text in sorted(t for t in texts if t):
        codes.setdefault(unit_code(text), text)
    return codes


def _names(parent, english: str, vietnamese: str = "") -> None:
    ET.SubElement(parent, f"{{{COM}}}Name", {XML_LANG: "en"}).text = english
    if vietnamese:
        ET.SubElement(parent, f"{{{COM}}}Name", {XML_LANG: "vi"}).text = vietnamese


def _maintainable(parent, tag: str, ident: str, english: str, vietnamese: str = "", **extra) -> ET.Element:
    element = ET.SubElement(
        parent,
        f"{{{STR}}}{tag}",
        {"id": ident, "version": VERSION, "isExternalReference": "false", "agencyID": AGENCY, **extra},
    )
    _names(element, english, vietnamese)
    return element


def _codelist(parent, ident: str, english: str, codes: list[tuple[str, str, str, tuple[str, str] | None]]):
    codelist = _maintainable(parent, "Codelist", ident, english, isPartial="false")
    for code, name_en, name_vi, annotation in codes:
        item = ET.SubElement(codelist, f"{{{STR}}}Code", {"id": code})
        if annotation is not None:
            notes = ET.SubElement(item, f"{{{COM}}}Annotations")
            note = ET.SubElement(notes, f"{{{COM}}}Annotation")
            ET.SubElement(note, f"{{{COM}}}AnnotationTitle").text = annotation[1]
            ET.SubElement(note, f"{{{COM}}}AnnotationType").text = annotation[0]
        _names(item, name_en, name_vi)


def _urn(kind: str, ident: str, item: str = "") -> str:
    classes = {
        "Concept": "conceptscheme.Concept",
        "Codelist": "codelist.Codelist",
        "DataStructure": "datastructure.DataStructure",
    }
    tail = f".{item}" if item else ""
    return f"urn:sdmx:org.sdmx.infomodel.{classes[kind]}={AGENCY}:{ident}({VERSION}){tail}"


def _component(parent, tag: str, ident: str, *, codelist: str = "", text_type: str = "", **attrs):
    element = ET.SubElement(parent, f"{{{STR}}}{tag}", {**attrs, "id": ident})
    ET.SubElement(element, f"{{{STR}}}ConceptIdentity").text = _urn("Concept", CONCEPTS_ID, ident)
    representation = ET.SubElement(element, f"{{{STR}}}LocalRepresentation")
    if codelist:
        ET.SubElement(representation, f"{{{STR}}}Enumeration").text = _urn("Codelist", codelist)
    else:
        ET.SubElement(representation, f"{{{STR}}}TextFormat", {"textType": text_type})
    if tag == "Attribute":
        relation = ET.SubElement(element, f"{{{STR}}}AttributeRelationship")
        ET.SubElement(relation, f"{{{STR}}}Observation")
    return element


def structure_message() -> bytes:
    """The SDMX-ML 3.0 structure message of the open data (see the module docstring)."""
    for prefix, uri in (("mes", MES), ("str", STR), ("com", COM)):
        ET.register_namespace(prefix, uri)
    root = ET.Element(f"{{{MES}}}Structure")
    header = ET.SubElement(root, f"{{{MES}}}Header")
    ET.SubElement(header, f"{{{MES}}}ID").text = "BINHDANG_STRUCTURE"
    ET.SubElement(header, f"{{{MES}}}Test").text = "false"
    ET.SubElement(header, f"{{{MES}}}Prepared").text = timezone.now().replace(microsecond=0).isoformat()
    ET.SubElement(header, f"{{{MES}}}Sender", {"id": AGENCY})
    structures = ET.SubElement(root, f"{{{MES}}}Structures")

    flows = ET.SubElement(structures, f"{{{STR}}}Dataflows")
    flow = _maintainable(
        flows, "Dataflow", DATAFLOW_ID, "Gender equality plans: results", "Kết quả kế hoạch bình đẳng giới"
    )
    ET.SubElement(flow, f"{{{STR}}}Structure").text = _urn("DataStructure", DSD_ID)

    lists = ET.SubElement(structures, f"{{{STR}}}Codelists")
    _codelist(
        lists,
        "CL_SERIES",
        "Indicators (series)",
        [
            (ident, f"{original} {name}"[:1000], "", (kind, original))
            for ident, (original, kind, name) in series_codes().items()
        ],
    )
    provinces = OrgUnit.objects.filter(type=OrgUnitType.PROVINCE).order_by("code").values_list("code", "name")
    areas: list[tuple[str, str, str, tuple[str, str] | None]] = [
        (NATIONAL_AREA, "Viet Nam (national)", "Toàn quốc", None)
    ]
    areas += [(c, _ascii(n), n, None) for c, n in provinces]
    _codelist(lists, "CL_REF_AREA", "Provinces (unit codes) and the nation", areas)
    _codelist(lists, "CL_SEX", "Sex", [(c, en, vi, None) for c, (en, vi) in SEX_CODES.items()])
    _codelist(
        lists,
        "CL_UNIT_MEASURE",
        "Units of measure",
        [(c, _ascii(t) or c, t, ("UNIT_TEXT", t)) for c, t in unit_codes().items()],
    )
    _codelist(
        lists,
        "CL_PROGRESS_STATUS",
        "Progress against the target",
        [(key, key.replace("_", " "), str(label), None) for key, (label, _css) in STATUSES.items()],
    )

    schemes = ET.SubElement(structures, f"{{{STR}}}ConceptSchemes")
    scheme = _maintainable(
        schemes, "ConceptScheme", CONCEPTS_ID, "Gender equality concepts", isPartial="false"
    )
    for ident, (english, vietnamese) in CONCEPTS.items():
        concept = ET.SubElement(scheme, f"{{{STR}}}Concept", {"id": ident})
        _names(concept, english, vietnamese)

    dsds = ET.SubElement(structures, f"{{{STR}}}DataStructures")
    dsd = _maintainable(dsds, "DataStructure", DSD_ID, "Gender equality plan results")
    components = ET.SubElement(dsd, f"{{{STR}}}DataStructureComponents")
    dimensions = ET.SubElement(components, f"{{{STR}}}DimensionList", {"id": "DimensionDescriptor"})
    for position, (ident, codelist) in enumerate(
        (("SERIES", "CL_SERIES"), ("REF_AREA", "CL_REF_AREA"), ("SEX", "CL_SEX")), start=1
    ):
        _component(dimensions, "Dimension", ident, codelist=codelist, position=str(position))
    _component(dimensions, "TimeDimension", "TIME_PERIOD", text_type="ObservationalTimePeriod")
    attributes = ET.SubElement(components, f"{{{STR}}}AttributeList", {"id": "AttributeDescriptor"})
    _component(attributes, "Attribute", "UNIT_MEASURE", codelist="CL_UNIT_MEASURE", usage="optional")
    _component(attributes, "Attribute", "TARGET", text_type="String", usage="optional")
    _component(attributes, "Attribute", "PROGRESS_STATUS", codelist="CL_PROGRESS_STATUS", usage="optional")
    measures = ET.SubElement(components, f"{{{STR}}}MeasureList", {"id": "MeasureDescriptor"})
    _component(measures, "Measure", "OBS_VALUE", text_type="Double", usage="optional")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
