"""The open data exporters (:mod:`binhdang.core.exports`): a plan's results for a year as CSV, JSON
and SDMX-CSV, written by :mod:`binhdang.results.opendata` (``scope``: plan, year); a province's gender
statistics as CSV, XLSX and SDMX-CSV (:mod:`binhdang.results.genderstats.exporting`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from binhdang.core.exports import CSV, JSON, XLSX, Exporter, Scope, register
from binhdang.results import opendata, sdmx
from binhdang.results.genderstats import exporting as genderstats_files
from binhdang.results.models import GenderStatistic


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


class _GenderStatistics(Exporter):
    """A province's gender statistics (``results.genderstats``). ``scope``: the province as ``unit``,
    ``year`` (0: every year) and ``filters["series"]``, the series the user reads (None: all)."""

    extension: str

    def filename(self, scope: Scope) -> str:
        year = f"-{scope.year}" if scope.year else ""
        return f"thong-ke-gioi-{scope.unit.code}{year}.{self.extension}"

    def rows(self, scope: Scope):
        figures = GenderStatistic.objects.filter(province=scope.unit)
        if scope.filters.get("series") is not None:
            figures = figures.filter(series__in=scope.filters["series"])
        if scope.year:
            figures = figures.filter(year=scope.year)
        return genderstats_files.rows_of(figures)


@register
class GenderStatisticsCsv(_GenderStatistics):
    identifier = "results.gender_statistics_csv"
    verbose_name = _("Gender statistics as CSV")
    content_type = CSV
    extension = "csv"

    def render(self, scope: Scope) -> bytes:
        return genderstats_files.as_csv(self.rows(scope)).encode("utf-8")


@register
class GenderStatisticsXlsx(_GenderStatistics):
    identifier = "results.gender_statistics_xlsx"
    verbose_name = _("Gender statistics as Excel")
    content_type = XLSX
    extension = "xlsx"

    def render(self, scope: Scope) -> bytes:
        return genderstats_files.as_xlsx(self.rows(scope))


@register
class GenderStatisticsSdmx(_GenderStatistics):
    identifier = "results.gender_statistics_sdmx"
    verbose_name = _("Gender statistics as SDMX-CSV")
    content_type = opendata.SDMX_CONTENT_TYPE
    extension = "sdmx.csv"

    def render(self, scope: Scope) -> bytes:
        return genderstats_files.as_sdmx_csv(self.rows(scope)).encode("utf-8")


GENDER_STATISTICS: dict[str, type[_GenderStatistics]] = {
    "csv": GenderStatisticsCsv,
    "xlsx": GenderStatisticsXlsx,
    "sdmx.csv": GenderStatisticsSdmx,
}
