"""The open data exporters (:mod:`binhdang.core.exports`): a plan's results for a year as CSV, JSON
and SDMX-CSV, written by :mod:`binhdang.results.opendata`. ``scope``: plan, year."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from binhdang.core.exports import CSV, JSON, Exporter, Scope, register
from binhdang.results import opendata, sdmx


class _OpenData(Exporter):
    format: str

    def filename(self, scope: Scope) -> str:
        return opendata.filename(scope.plan, scope.year, self.format)

    def render(self, scope: Scope) -> bytes:
        return opendata.render(scope.plan, scope.year, self.format).encode("utf-8")


@register
class OpenDataCsv(_OpenData):
    identifier = "results.csv"
    verbose_name = _("Results as CSV")
    content_type = CSV
    format = "csv"


@register
class OpenDataJson(_OpenData):
    identifier = "results.json"
    verbose_name = _("Results as JSON")
    content_type = JSON
    format = "json"


@register
class OpenDataSdmx(_OpenData):
    identifier = "results.sdmx"
    verbose_name = _("Results as SDMX-CSV")
    content_type = opendata.SDMX_CONTENT_TYPE
    format = "sdmx"


@register
class SdmxStructure(Exporter):
    """The SDMX-ML 3.0 structure message of the open data (no scope: it names no figure)."""

    identifier = "results.sdmx_structure"
    verbose_name = _("SDMX structure of the open data (SDMX-ML 3.0)")
    content_type = sdmx.CONTENT_TYPE

    def filename(self, scope: Scope) -> str:
        return "binhdang-sdmx-structure.xml"

    def render(self, scope: Scope) -> bytes:
        return sdmx.structure_message()


BY_FORMAT: dict[str, type[_OpenData]] = {"csv": OpenDataCsv, "json": OpenDataJson, "sdmx": OpenDataSdmx}
