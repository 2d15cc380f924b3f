"""Pages of the province's gender statistics: the table and charts by year, recording an indicator's
figures, importing a file, the CSV/XLSX/SDMX downloads. Thin: access from ``genderstats.access``,
changes through ``genderstats.services``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from binhdang.core.exports import Scope, download
from binhdang.orgunits.models import OrgUnit
from binhdang.results import exporters
from binhdang.results.genderstats import access, exporting, importing, services
from binhdang.results.genderstats.forms import ImportForm, StatisticForm
from binhdang.results.models import Sex


def _province(request: HttpRequest) -> OrgUnit | None:
    return access.province_or_404(request.user, request.GET.get("province", "").strip()[:16] or None)


def _year(request: HttpRequest) -> int | None:
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() and len(value) == 4 else None


def _rows(user, province: OrgUnit, year: int | None = None):
    queryset = access.visible_statistics(user).filter(province=province)
    if year is not None:
        queryset = queryset.filter(year=year)
    return exporting.rows_of(queryset)


def _back(province: OrgUnit) -> str:
    return reverse("genderstats:index") + f"?province={province.code}"


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The province's figures by indicator and year (Tổng / Nữ / Nam with their source), as tables
    and charts; the ministry first chooses a province."""
    province = _province(request)
    if province is None:
        return render(request, "genderstats/choose.html", {"provinces": access.provinces(request.user)})
    rows = _rows(request.user, province, _year(request))
    years, tables = exporting.table(rows)
    return render(
        request,
        "genderstats/index.html",
        {
            "province": province,
            "years": years,
            "tables": tables,
            "sexes": exporting.SEX_ORDER,
            "sex_words": exporting.SEX_WORD,
            "may_record": bool(access.recordable_series(request.user, province)),
            "may_import": access.can_manage(request.user, province),
            "chart_data": {"charts": [t.chart(years) for t in tables]} if years else None,
            "history": access.visible_history(request.user, province)[:20],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def record(request: HttpRequest) -> HttpResponse:
    """Record one indicator's figures of a year (total, women, men) with their source."""
    province = _province(request)
    if province is None:
        raise Http404
    recordable = access.recordable_series(request.user, province)
    if not recordable:
        raise PermissionDenied
    names = services.series_units()
    choices = {
        code: f"{code}. {names[code][0]}" + (f" ({names[code][1]})" if names[code][1] else "")
        for code in recordable
        if code in names
    }
    manage = access.can_manage(request.user, province)
    initial = {"year": timezone.localdate().year, "series": request.GET.get("series", "")}
    form = StatisticForm(
        request.POST or None, series=choices, province=province, choose_agency=manage, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record(
                province,
                data["series"],
                data["year"],
                {Sex.TOTAL: data["total"], Sex.FEMALE: data["female"], Sex.MALE: data["male"]},
                source=data["source"],
                note=data["note"],
                user=request.user,
                agency=data.get("agency"),
            )
        except services.StatisticError as error:
            fields = {Sex.TOTAL: "total", Sex.FEMALE: "female", Sex.MALE: "male"}
            for field, message in error.errors.items():
                name = fields.get(field, field)  # type: ignore[call-overload]
                form.add_error(name if name in form.fields else None, message)
        else:
            messages.success(
                request,
                _("The figures of %(code)s for %(year)s are saved.")
                % {"code": data["series"], "year": data["year"]},
            )
            return redirect(_back(province))
    status = 400 if request.method == "POST" else 200
    return render(request, "genderstats/record.html", {"province": province, "form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def import_file(request: HttpRequest) -> HttpResponse:
    """Import a file of figures (focal officers), all or nothing: every problem named by row and column."""
    province = _province(request)
    if province is None:
        raise Http404
    if not access.can_manage(request.user, province):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            figures = importing.read_file(upload.name, upload.read(importing.MAX_BYTES + 1))
            counts = services.import_figures(province, figures, request.user)
        except importing.ImportFileError as error:
            errors = error.errors
        else:
            messages.success(
                request,
                _("Imported: %(created)s new figures, %(updated)s updated, %(unchanged)s unchanged.")
                % counts,
            )
            return redirect(_back(province))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "genderstats/import.html",
        {"province": province, "form": form, "errors": errors, "columns": exporting.XLSX_COLUMNS[:-1]},
        status=status,
    )


@login_required
@require_GET
def export(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """The figures the user reads, as CSV, XLSX or SDMX-CSV (``?year=`` keeps one year)."""
    province = _province(request)
    if province is None or fmt not in exporters.GENDER_STATISTICS:
        raise Http404
    scope = Scope(
        user=request.user,
        unit=province,
        year=_year(request) or 0,
        filters={"series": access.readable_series(request.user, province)},
    )
    return download(exporters.GENDER_STATISTICS[fmt](), scope)
