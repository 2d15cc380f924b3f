"""Figures another app proposes for a report's values (the activity log of ``binhdang.work``).

``reporting`` sits below ``work`` (README "Layers"), so it cannot read the activity log itself: the
``work`` app registers a :class:`FigureSource` at start (``WorkConfig.ready``), and the report pages ask
this module. A figure is a whole number for one value of the form, addressed like a data value:
``{(data element code, category option combo): figure}``.

- :func:`figures` — the figures for one unit's report of a period (the reporter's proposals, the
  officer's comparison);
- :func:`figures_by_unit` — the same for every unit of a period at once (the status board's flags);
- :func:`differences` — where stored values differ from the figures.

Nothing here writes: a proposal becomes a value only when the reporter accepts it, through the one
save path (``services.save_draft`` / ``save_new_report``: validation and the audit trail).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Protocol

from binhdang.orgunits.models import OrgUnit
from binhdang.reporting.models import DataValue, Period

Key = tuple[str, str]
Figures = dict[Key, int]


class FigureSource(Protocol):
    def figures(self, period: Period, unit: OrgUnit) -> Figures: ...

    def figures_by_unit(self, period: Period, unit_ids: Iterable[int]) -> dict[int, Figures]: ...


_sources: list[FigureSource] = []


def register(source: FigureSource) -> FigureSource:
    """Add a source of figures (called once per source at start)."""
    if not any(type(s) is type(source) for s in _sources):
        _sources.append(source)
    return source


def figures(period: Period, unit: OrgUnit, codes: Iterable[str] | None = None) -> Figures:
    """The figures proposed for ``unit``'s report in ``period`` (only ``codes`` when given)."""
    found: Figures = {}
    for source in _sources:
        found.update(source.figures(period, unit))
    return _only(found, codes)


def figures_by_unit(period: Period, unit_ids: Iterable[int]) -> dict[int, Figures]:
    ids = list(unit_ids)
    found: dict[int, Figures] = {}
    for source in _sources:
        for unit_id, figs in source.figures_by_unit(period, ids).items():
            found.setdefault(unit_id, {}).update(figs)
    return found


def _only(found: Figures, codes: Iterable[str] | None) -> Figures:
    if codes is None:
        return found
    wanted = set(codes)
    return {key: value for key, value in found.items() if key[0] in wanted}


@dataclass(frozen=True)
class Difference:
    code: str
    coc: str
    reported: str
    logged: int


def differences(values: Mapping[Key, str], found: Figures) -> list[Difference]:
    """The values that were entered and differ from the figure for them (an empty value is not a
    difference: it is a proposal)."""
    out = []
    for key, logged in found.items():
        text = values.get(key, "")
        if text == "":
            continue
        try:
            same = Decimal(text) == logged
        except (InvalidOperation, ValueError):
            same = False
        if not same:
            out.append(Difference(key[0], key[1], text, logged))
    return out


def differences_by_unit(
    period: Period, submission_ids_by_unit: Mapping[int, int]
) -> dict[int, list[Difference]]:
    """For the status board: each unit's stored values that differ from the log (two queries)."""
    if not submission_ids_by_unit or not _sources:
        return {}
    found = figures_by_unit(period, submission_ids_by_unit)
    codes = {code for figs in found.values() for code, _coc in figs}
    unit_of = {sid: uid for uid, sid in submission_ids_by_unit.items() if uid in found}
    values: dict[int, dict[Key, str]] = {}
    rows = DataValue.objects.filter(submission_id__in=unit_of, data_element__in=codes).values_list(
        "submission_id", "data_element", "category_option_combo", "value"
    )
    for sid, code, coc, value in rows:
        values.setdefault(unit_of[sid], {})[(code, coc)] = value
    out = {}
    for unit_id, figs in found.items():
        diffs = differences(values.get(unit_id, {}), figs)
        if diffs:
            out[unit_id] = diffs
    return out
