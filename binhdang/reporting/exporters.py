"""The reporting exporters (:mod:`binhdang.core.exports`): a period's reports as a data value set
file (JSON, domain §9), a unit's Excel template (XLSX) and the zip of every expected unit's template
(streamed)."""

from __future__ import annotations

import json

from django.utils.translation import gettext_lazy as _

from binhdang.core.exports import JSON, XLSX, ZIP, Exporter, Scope, register
from binhdang.reporting.datavaluesets import export_data_value_sets
from binhdang.reporting.excel.template import build_template, iter_templates_zip, template_filename


@register
class DataValueSets(Exporter):
    """``scope``: period; ``filters["units"]`` (None: all) and ``filters["state"]`` (None: any), as
    checked by :func:`binhdang.reporting.datavaluesets.export_filters`. Values are JSON strings, kept
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
        return iter_templates_zip(scope.period)
