"""The reporting exporters (:mod:`binhdang.core.exports`): a period's reports as a data value set
file (JSON, domain §9), in DHIS2's own JSON (one set, values carrying their unit, period and data set)
and as ADX (DHIS2's XML), a unit's Excel template (XLSX) and the zip of every expected unit's template
(streamed)."""

from __future__ import annotations

import json

from django.utils.translation import gettext_lazy as _

from binhdang.core.exports import JSON, XLSX, ZIP, Exporter, Scope, register
from binhdang.reporting.datavalue_export import export_data_value_sets
from binhdang.reporting.dhis2 import export_adx, export_dhis2_json
from binhdang.reporting.excel.kept import iter_templates_zip_kept
from binhdang.reporting.excel.template import build_template, template_filename

ADX = "application/adx+xml; charset=utf-8"


@register
class DataValueSets(Exporter):
    """``scope``: period; ``filters["units"]`` (None: all) and ``filters["state"]`` (None: any), as
    checked by :func:`binhdang.reporting.datavalue_export.export_filters`. Values are JSON strings, kept
    exactly as typed (the file is read back by the importer, not by a spreadsheet)."""

    identifier = "reporting.datavaluesets"
    verbose_name = _("Reports as a data value set (JSON)")
    content_type = JSON

    def filename(self, scope: Scope) -> str:
        period = scope.period
        return f"{period.form_code}-{period.province.code}-{period.year}.json"

    def render(self, scope: Scope) -> bytes:
        data = export_data_value_sets(scope.period, scope.filters.get("units"), scope.filters.get("state"))
        return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


@register
class Dhis2DataValueSet(DataValueSets):
    """DHIS2's ``POST /api/dataValueSets`` JSON for all the period's reports at once, identifiers by
    ``filters["id_scheme"]`` (``CODE``, default, or ``UID``: org units by their DHIS2 uid)."""

    identifier = "reporting.dhis2_json"
    verbose_name = _("Reports for DHIS2 (dataValueSet JSON)")

    def filename(self, scope: Scope) -> str:
        return super().filename(scope).replace(".json", ".dhis2.json")

    def render(self, scope: Scope) -> bytes:
        sets = export_data_value_sets(scope.period, scope.filters.get("units"), scope.filters.get("state"))
        data = export_dhis2_json(sets["dataValueSets"], scope.filters.get("id_scheme") or "CODE")
        return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


@register
class Adx(DataValueSets):
    """ADX (``urn:ihe:qrph:adx:2015``), a group per report; ``filters["id_scheme"]`` as for DHIS2 JSON."""

    identifier = "reporting.adx"
    verbose_name = _("Reports for DHIS2 (ADX XML)")
    content_type = ADX

    def filename(self, scope: Scope) -> str:
        return super().filename(scope).replace(".json", ".adx.xml")

    def render(self, scope: Scope) -> bytes:
        sets = export_data_value_sets(scope.period, scope.filters.get("units"), scope.filters.get("state"))
        return export_adx(sets["dataValueSets"], scope.filters.get("id_scheme") or "CODE")


@register
class UnitTemplate(Exporter):
    """``scope``: period, unit, submission (the unit's report or None); ``filters["include_narrative"]``
    (default True): False leaves the narrative cells empty, for users who may not read it."""

    identifier = "reporting.unit_template"
    verbose_name = _("Excel template of a unit's report")
    content_type = XLSX

    def filename(self, scope: Scope) -> str:
        return template_filename(scope.period, scope.unit)

    def render(self, scope: Scope) -> bytes:
        narrative = bool(scope.filters.get("include_narrative", True))
        return build_template(
            scope.period, scope.unit, include_narrative=narrative, submission=scope.submission
        )


@register
class TemplatesZip(Exporter):
    """``scope``: period. One template per expected unit, streamed as each is ready."""

    identifier = "reporting.templates_zip"
    verbose_name = _("Excel templates of every expected unit (zip)")
    content_type = ZIP
    streaming = True

    def filename(self, scope: Scope) -> str:
        period = scope.period
        return f"{period.form_code}_{period.year}_{period.province.code}_templates.zip"

    def render(self, scope: Scope):
        # Each unit's template kept until its report changes (reporting.excel.kept); the view checked
        # that the user manages the period.
        return iter_templates_zip_kept(scope.period)
