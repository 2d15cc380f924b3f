"""Outlier warnings on reported figures, in the manner of DHIS2's outlier analysis.

A figure within the hard limits (``reporting.limits``) can still be a typing error: 4000 trainees
where last year there were 40, or 90.000 participants in a commune whose neighbours report 300. Such
a value is **flagged, never refused**: when submitting on the web the reporter confirms it or writes
an explanation (kept on the report, in its audit trail), and the focal officer sees the flag, with the
explanation, on the status board and in the review of the report.

Two tests, each a plain function below (unit-tested on hand-computed cases):

1. **Against the unit's previous year** (:func:`against_previous_year`): a value at least
   :data:`YEAR_FACTOR` (10) times last year's, or at most a tenth of it, when last year's value is
   non-trivial (at least :data:`MIN_PREVIOUS`, 10: from 2 to 25 is not suspicious, from 200 to 2500 is).
2. **Against the units of the same type in the province, same period** (:func:`modified_z_score`,
   :func:`against_peers`): DHIS2's *modified z-score*, ``0.6745 * (x - median) / MAD`` where MAD is
   the median absolute deviation of the values; a value whose score is above :data:`Z_THRESHOLD` (3)
   in absolute value is flagged. It needs at least :data:`MIN_PEERS` (5) other units with a value
   (submitted or accepted reports), and is skipped when the MAD is 0 (more than half of the units
   report the same figure: the score is undefined).

:func:`flags_for` applies both to a report's numeric values (counts, amounts; not percentages or yes/no)
and returns :class:`~reporting.validation.Issue` objects with ``kind="outlier"``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from statistics import median

from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.core.formatting import number
from binhdang.reporting import report_reads
from binhdang.reporting.forms_catalog import DataElement, ValueType
from binhdang.reporting.issues import Issue
from binhdang.reporting.models import DataValue, Submission
from binhdang.reporting.models.submissions import COMPLETE_STATES

#: A value this many times last year's (or a tenth of it) is flagged.
YEAR_FACTOR = 10
#: Last year's value must be at least this for the comparison to mean anything.
MIN_PREVIOUS = 10
#: |modified z-score| above this is an outlier (DHIS2's default threshold).
Z_THRESHOLD = Decimal(3)
#: The modified z-score needs at least this many other units with a value.
MIN_PEERS = 5
#: 0.6745 is the 0.75 quantile of the standard normal distribution: it makes the MAD comparable to a
#: standard deviation for normally distributed data (Iglewicz and Hoaglin, 1993).
_CONSISTENCY = Decimal("0.6745")

ValueKey = tuple[str, str]
OUTLIER = "outlier"


def against_previous_year(value: Decimal, previous: Decimal | None) -> bool:
    """Whether ``value`` is at least ten times, or at most a tenth of, a non-trivial ``previous``.

    Examples: 200 after 20 is flagged, 199 after 20 is not; 2 after 25 is flagged; 90 after 9 is not
    (last year's 9 is too small to compare with).
    """
    if previous is None or previous < MIN_PREVIOUS:
        return False
    return value >= YEAR_FACTOR * previous or value * YEAR_FACTOR <= previous


def modified_z_score(value: Decimal, values: Sequence[Decimal]) -> Decimal | None:
    """``0.6745 * (value - median) / MAD`` over ``values`` (which include ``value``); None when the
    MAD is 0.

    Example: values 10, 12, 14, 16, 18, 100: the median is 15, the absolute deviations 5, 3, 1, 1, 3,
    85 have the median 3, so the score of 100 is 0.6745 * 85 / 3 = 19.11 (an outlier) and the score of
    18 is 0.6745 * 3 / 3 = 0.67 (not one).
    """
    return _score(value, *_spread(values))


def _spread(values: Sequence[Decimal]) -> tuple[Decimal, Decimal]:
    """The median of ``values`` and their median absolute deviation (MAD)."""
    middle = median(values)
    return middle, median([abs(v - middle) for v in values])


def _score(value: Decimal, middle: Decimal, mad: Decimal) -> Decimal | None:
    if mad == 0:
        return None
    return _CONSISTENCY * (value - middle) / mad


def against_peers(value: Decimal, peers: Sequence[Decimal]) -> Decimal | None:
    """The modified z-score of ``value`` among ``peers`` (the other units' values) when it is an
    outlier; None when it is not, or when there are too few peers or no spread."""
    if len(peers) < MIN_PEERS:
        return None
    score = modified_z_score(value, [*peers, value])
    return score if score is not None and abs(score) > Z_THRESHOLD else None


def _numeric(element: DataElement, coc: str) -> bool:
    return element.type_for(coc) in (ValueType.INTEGER, ValueType.NUMBER)


def _decimal(text: str | None) -> Decimal | None:
    try:
        return Decimal(text) if text not in (None, "") else None
    except ArithmeticError:
        return None


def flags_for(
    elements: Iterable[DataElement],
    values: Mapping[ValueKey, str],
    previous: Mapping[ValueKey, str] | None = None,
    peers: Mapping[ValueKey, Sequence[Decimal]] | None = None,
) -> list:
    """The outlier flags of a report: ``values`` (the unit's), ``previous`` (the unit's values of the
    year before), ``peers`` (for each value key, the values of the other units of the same type in
    the province for the same period)."""
    flags = []
    previous = {} if previous is None else previous
    peers = {} if peers is None else peers  # not ``peers or {}``: the peers' length is worked out
    for element in elements:
        for coc in element.category_options:
            if not _numeric(element, coc):
                continue
            value = _decimal(values.get((element.code, coc)))
            if value is None:
                continue
            before = _decimal(previous.get((element.code, coc)))
            if against_previous_year(value, before):
                assert before is not None
                message = _(
                    "%(value)s differs more than tenfold from last year's figure (%(previous)s); please check"
                ) % {"value": number(value), "previous": number(before)}
                flags.append(Issue(element.code, coc, message, element.message_label(coc), kind=OUTLIER))
                continue
            key = (element.code, coc)
            if isinstance(peers, Peers):
                score = peers.outlier_score(key, value)
            else:
                score = against_peers(value, list(peers.get(key, ())))
            if score is not None:
                others = list(peers.get(key, ()))
                message = _(
                    "%(value)s is far from what %(n)d units of the same type report (median %(median)s); "
                    "please check"
                ) % {"value": number(value), "n": len(others), "median": number(median(others))}
                flags.append(Issue(element.code, coc, message, element.message_label(coc), kind=OUTLIER))
    return flags


class _Figures:
    """The figures of the complete reports of a period and unit type, as kept by this process: their
    versions, their numeric values by report, and, worked out when first asked and then kept with them,
    each value key's figures in order and their median and MAD. Never changed once made: a change makes
    a new one (see :func:`_period_figures`, :func:`_forget`)."""

    __slots__ = ("_in_order", "_spreads", "reports", "versions")

    def __init__(self, versions: dict[int, int], reports: dict[int, dict[ValueKey, Decimal]]):
        self.versions, self.reports = versions, reports
        self._in_order: dict[ValueKey, list[Decimal]] | None = None
        self._spreads: dict[ValueKey, tuple[Decimal, Decimal]] = {}

    def in_order(self) -> dict[ValueKey, list[Decimal]]:
        """Every report's figure of each value key, smallest first."""
        if self._in_order is None:
            found: dict[ValueKey, list[Decimal]] = {}
            for figures in self.reports.values():
                for key, figure in figures.items():
                    found.setdefault(key, []).append(figure)
            for figures_of_key in found.values():
                figures_of_key.sort()
            self._in_order = found
        return self._in_order

    def spread(self, key: ValueKey) -> tuple[Decimal, Decimal]:
        """The median and MAD of every report's figure of ``key``."""
        found = self._spreads.get(key)
        if found is None:
            found = self._spreads[key] = _spread(self.in_order()[key])
        return found


class Peers(Mapping[ValueKey, list[Decimal]]):
    """A report's peers' figures (:func:`peer_values`): for each numeric value key of the form, the
    figures of the other units of the same type in the province for the same period, smallest first
    (keys no other unit reported are absent)."""

    def __init__(self, figures: _Figures, own: Mapping[ValueKey, Decimal], codes: set[str]):
        self._figures, self._own, self._codes = figures, own, codes

    def __getitem__(self, key: ValueKey) -> list[Decimal]:
        everyone = self._figures.in_order().get(key) if key[0] in self._codes else None
        if not everyone:
            raise KeyError(key)
        others = list(everyone)
        own = self._own.get(key)
        if own is not None:
            others.remove(own)
            if not others:
                raise KeyError(key)
        return others

    def __iter__(self):
        return (key for key in self._figures.in_order() if key in self)

    def __len__(self) -> int:
        return sum(1 for _key in self)

    def __contains__(self, key: object) -> bool:
        try:
            self[key]  # type: ignore[index]
        except KeyError:
            return False
        return True

    def outlier_score(self, key: ValueKey, value: Decimal) -> Decimal | None:
        """What :func:`against_peers` says of the report's ``value`` of ``key`` among these peers.
        When the value is the report's own kept figure (a complete report shown again), the peers
        with it are exactly the kept figures of the key, whose median and MAD are kept too."""
        others = self.get(key, [])
        if len(others) < MIN_PEERS:
            return None
        if self._own.get(key) == value:
            score = _score(value, *self._figures.spread(key))
        else:
            score = modified_z_score(value, [*others, value])
        return score if score is not None and abs(score) > Z_THRESHOLD else None


def peer_values(submission, elements: Iterable[DataElement]) -> Peers:
    """The values of the other units of the same type in the province for the same period (submitted
    or accepted reports), by value key, for the numeric values of ``elements``.

    The figures of the complete reports of the period and unit type are kept per process
    (:func:`_period_figures`): only those of a report submitted, returned or changed since are read
    again; the report's own are left out here."""
    codes = {e.code for e in elements if any(_numeric(e, c) for c in e.category_options)}
    figures = _period_figures(submission.period_id, submission.unit.type)
    return Peers(figures, figures.reports.get(submission.pk, {}), codes)


#: (period pk, unit type) -> the kept figures of the complete reports of the period and unit type.
#: Per process; see _period_figures.
_FIGURES: dict[tuple[int, str], _Figures] = {}
_FIGURES_KEPT = 256
#: report pk -> the key of the kept figures that hold it.
_KEPT: dict[int, tuple[int, str]] = {}


def _period_figures(period_id: int, unit_type: str) -> _Figures:
    """Every numeric value of the complete reports of the period and unit type, by report.

    One small query lists the complete reports with their versions (each save, submit, return, accept
    or reopen of a report raises its version, and values change only by a save); the values of the
    reports not kept at that version are read, the others come from the process's memory (when none
    changed, the kept figures themselves, with what was worked out from them). Writes made in this
    process forget the report at once (:func:`_forget_report`, :func:`_forget_value`).

    The list is read unordered (a dict needs no order): the reports' default ordering would join the
    periods and sort by unit name, on every report page and autosave."""
    current = report_reads.complete_report_versions(period_id, unit_type, COMPLETE_STATES)
    key = (period_id, unit_type)
    kept = _FIGURES.get(key)
    if kept is not None and kept.versions == current:
        return kept
    versions, known = (kept.versions, kept.reports) if kept is not None else ({}, {})
    reports = {
        pk: known[pk] for pk, version in current.items() if versions.get(pk) == version and pk in known
    }
    stale = [pk for pk in current if pk not in reports]
    if stale:
        rows = DataValue.objects.filter(submission_id__in=stale).values_list(
            "submission_id", "data_element", "category_option_combo", "value"
        )
        for pk in stale:
            reports[pk] = {}
        for report, code, coc, text in rows:
            figure = _decimal(text)
            if figure is not None:
                reports[report][(code, coc)] = figure
    if kept is None and len(_FIGURES) >= _FIGURES_KEPT:
        _FIGURES.clear()
        _KEPT.clear()
    made = _FIGURES[key] = _Figures(current, reports)
    _KEPT.update(dict.fromkeys(current, key))
    return made


def _forget(pk: int | None) -> None:
    key = _KEPT.pop(pk, None) if pk is not None else None
    kept = _FIGURES.get(key) if key is not None else None
    if kept is not None:
        # A new _Figures without the report: peers already handed out keep what they were made from.
        _FIGURES[key] = _Figures(  # type: ignore[index]
            {k: v for k, v in kept.versions.items() if k != pk},
            {k: v for k, v in kept.reports.items() if k != pk},
        )


def _forget_report(sender, instance, **kwargs) -> None:
    """A report written in this process: its figures are read again at once, even when its version
    would not tell (a test database rolled back and its keys used again)."""
    _forget(instance.pk)


def _forget_value(sender, instance, **kwargs) -> None:
    _forget(instance.submission_id)


post_save.connect(_forget_report, sender=Submission, dispatch_uid="outliers-forget-report")
post_delete.connect(_forget_report, sender=Submission, dispatch_uid="outliers-forget-report-deleted")
post_save.connect(_forget_value, sender=DataValue, dispatch_uid="outliers-forget-value")
post_delete.connect(_forget_value, sender=DataValue, dispatch_uid="outliers-forget-value-deleted")


def note_key(code: str, coc: str) -> str:
    """The key of a value in ``Submission.outlier_notes``: ``"TT_PARTICIPANTS/FEMALE"``."""
    return f"{code}/{coc}"


def unresolved(flags: Iterable, notes: Mapping[str, Mapping], values: Mapping[ValueKey, str]) -> list:
    """The flags the reporter has not yet confirmed or explained for the value now stored (a note
    given for another value does not count)."""
    open_flags = []
    for flag in flags:
        note = notes.get(note_key(flag.code, flag.coc)) or {}
        if note.get("value") != values.get((flag.code, flag.coc)):
            open_flags.append(flag)
    return open_flags


def record_answers(
    notes: Mapping[str, Mapping] | None,
    flags: Iterable,
    values: Mapping[ValueKey, str],
    explanations: Mapping[ValueKey, str],
    user,
) -> dict:
    """``notes`` with the reporter's confirmation or explanation of each flagged value they answered
    (``explanations``: value key -> text, "" to confirm the value as it is), for the value now stored."""
    answered = dict(notes or {})
    for flag in flags:
        key = (flag.code, flag.coc)
        if key in explanations:
            answered[note_key(*key)] = {
                "value": values.get(key, ""),
                "note": (explanations[key] or "").strip()[:2000],
                "by": getattr(user, "username", "") or "",
                "at": timezone.now().isoformat(),
            }
    return answered
