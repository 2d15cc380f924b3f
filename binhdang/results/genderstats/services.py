"""Recording the province's gender statistics: one figure set at a time (the web form of the
responsible agency or the focal officer) or a whole file (the focal officer's CSV/XLSX import, all or
nothing). Each function is one transaction; every saved figure is in the history with who and when.

:func:`check_figure` is the one place a figure is validated, for the form and the import alike:
the series must be one of the strategy's indicators, the year a real one, the value a number within
bounds (a percentage at most 100), the source named.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from binhdang.core import audit, formatting
from binhdang.orgunits.models import OrgUnit
from binhdang.results.genderstats import access
from binhdang.results.models import MAX_VALUE, MAX_YEAR, MIN_YEAR, GenderStatistic, Sex


class StatisticError(Exception):
    """Refused figures: ``errors`` maps a field (or a row's place) to its Vietnamese message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


@dataclass(frozen=True)
class Figure:
    series: str
    year: int
    sex: str
    value: Decimal
    source: str
    note: str = ""


def series_units() -> dict[str, tuple[str, str]]:
    """``{series code: (name, unit)}`` of the strategy's indicators."""
    return {c.code: (c.name, c.unit) for c in access.statistic_series()}


def check_figure(series: str, year, sex: str, value: Decimal | None, source: str) -> dict[str, str]:
    """What is wrong with a figure, by field (empty when it may be saved)."""
    errors: dict[str, str] = {}
    known = series_units()
    if series not in known:
        errors["series"] = _("“%(code)s” is not an indicator of the strategy (e.g. NQ28.2.1).") % {
            "code": series
        }
    if not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        errors["year"] = _("“%(year)s” is not a year from %(low)s to %(high)s.") % {
            "year": year,
            "low": MIN_YEAR,
            "high": MAX_YEAR,
        }
    if sex not in Sex.values:
        errors["sex"] = _("“%(sex)s” is not a sex: write Tổng, Nữ or Nam.") % {"sex": sex}
    if value is None:
        errors["value"] = _("The value is missing.")
    elif value < 0 or value > MAX_VALUE:
        errors["value"] = _("%(value)s is outside 0 - %(max)s.") % {
            "value": formatting.number(value),
            "max": formatting.number(MAX_VALUE),
        }
    elif series in known and known[series][1] == "%" and value > 100:
        errors["value"] = _("%(value)s%% is more than 100%%.") % {"value": formatting.number(value)}
    elif value != value.quantize(Decimal("0.0001")):
        errors["value"] = _("%(value)s has more than 4 decimals.") % {"value": formatting.number(value)}
    if not (source or "").strip():
        errors["source"] = _("Name the source of the figure (e.g. Cục Thống kê tỉnh, niên giám 2026).")
    elif len(source) > 500:
        errors["source"] = _("The source is longer than 500 characters.")
    return errors


def _save(province: OrgUnit, figure: Figure, agency: OrgUnit | None, user, reason: str) -> GenderStatistic:
    row = GenderStatistic.objects.filter(
        province=province, series=figure.series, year=figure.year, sex=figure.sex
    ).first() or GenderStatistic(province=province, series=figure.series, year=figure.year, sex=figure.sex)
    unit = series_units()[figure.series][1]
    changed = (row.pk is None) or (row.value, row.source, row.note, row.unit) != (
        figure.value,
        figure.source,
        figure.note,
        unit,
    )
    if not changed:
        return row
    row.value, row.source, row.note, row.unit = figure.value, figure.source.strip(), figure.note.strip(), unit
    row.recorded_by_unit = agency or row.recorded_by_unit
    row.recorded_by = user
    audit.by(row, user, reason=reason).save()
    return row


@transaction.atomic
def record(
    province: OrgUnit,
    series: str,
    year: int,
    values: dict[str, Decimal | None],
    *,
    source: str,
    note: str = "",
    user,
    agency: OrgUnit | None = None,
) -> list[GenderStatistic]:
    """Record one indicator's figures of a year: ``values`` by sex (``_T``, ``F``, ``M``; None = not
    given, left as it is). The agency is the user's unit responsible for the series (a reporter) or
    the one the focal officer names. Refused, with nothing saved: a series the user may not record,
    no value at all, any figure :func:`check_figure` refuses."""
    recordable = access.recordable_series(user, province) if user is not None else None
    if recordable is not None and series not in recordable:
        raise PermissionDenied
    if recordable is not None and recordable[series] is not None:
        agency = recordable[series]
    given = {sex: value for sex, value in values.items() if value is not None}
    errors: dict[str, str] = {}
    if not given:
        errors["value"] = _("Enter at least one value (total, women or men).")
    for sex, value in given.items():
        for field, message in check_figure(series, year, sex, value, source).items():
            errors.setdefault(sex if field == "value" else field, message)
    if errors:
        raise StatisticError(errors)
    figures = [Figure(series, year, sex, value, source, note) for sex, value in given.items()]
    return [_save(province, f, agency, user, _("recorded on the gender statistics page")) for f in figures]


@transaction.atomic
def import_figures(province: OrgUnit, figures: list[Figure], user) -> dict[str, int]:
    """Save the figures of a checked file (:mod:`genderstats.importing`), all or nothing: focal officers
    of the province only. Returns ``{"created", "updated", "unchanged"}``."""
    if user is not None and not access.can_manage(user, province):
        raise PermissionDenied
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for figure in figures:
        before = GenderStatistic.objects.filter(
            province=province, series=figure.series, year=figure.year, sex=figure.sex
        ).first()
        old = before.updated_at if before else None
        row = _save(province, figure, None, user, _("imported from a file"))
        if before is None:
            counts["created"] += 1
        elif row.updated_at != old:
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    return counts


def total_value(province_id: int, series: str, year: int) -> GenderStatistic | None:
    """The total (``_T``) figure of a series in a year, else None."""
    return GenderStatistic.objects.filter(
        province_id=province_id, series=series, year=year, sex=Sex.TOTAL
    ).first()
