"""The rows of the status board (``reporting/board.html``), written here rather than by the template
engine: a province has ~100 units and the template's per-row tags, filters and URL lookups were most of
the page's time. The markup is the one the template had, character for character; the template keeps
the rest of the page."""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from binhdang.reporting.models import Period
from binhdang.reporting.status import OVERDUE, BoardRow

#: A number no object has, to build each URL once per page and fill in the numbers (one ``reverse``
#: per kind of link instead of one per row).
_PLACEHOLDER = 987654321987


def _url_maker(name: str, *fixed: int):
    before, after = reverse(name, args=[*fixed, _PLACEHOLDER]).rsplit(str(_PLACEHOLDER), 1)
    return lambda pk: f"{before}{pk}{after}"


def _number(value: int) -> str:
    """A count as the template showed it (localised, escaped)."""
    return conditional_escape(str(formats.localize(value)))


def rows_html(rows: Iterable[BoardRow], period: Period, *, can_manage: bool) -> list[SafeString]:
    """Each row's ``<tr>`` with the whitespace the template's loop put around it."""
    submission_url = _url_maker("reporting:submission")
    report_url = _url_maker("reporting:report", period.pk)
    enter_on_behalf = gettext("Enter the report on behalf of the unit")
    activity_log = gettext("Activity log")
    timeliness_cells = {
        "on_time": format_html('<span class="badge badge-ok">{}</span>', gettext("On time")),
        "late": format_html('<span class="badge badge-warn">{}</span>', gettext("Late")),
        OVERDUE: format_html('<span class="badge badge-bad">{}</span>', gettext("Overdue")),
    }
    not_due = format_html('<span class="muted" title="{}">—</span>', gettext("Not due yet"))
    may_enter = can_manage and period.is_open
    type_labels: dict[str, str] = {}
    out = []
    for row in rows:
        unit, submission = row.unit, row.submission
        complete = row.is_complete
        overdue = row.past_deadline and not complete
        state = row.state
        parts = [
            format_html(
                '\n      <tr data-unit="{}" data-state="{}"{}>\n        ',
                unit.code,
                state,
                mark_safe(' data-overdue="1"') if overdue else "",
            )
        ]
        if can_manage:
            box = (
                format_html(
                    '<input type="checkbox" name="units" value="{}" class="remind-box" aria-label="{}">',
                    unit.pk,
                    unit.name,
                )
                if not complete
                else ""
            )
            parts.append(format_html("<td>{}</td>", box))
        if submission is not None:
            name = format_html('<a href="{}">{}</a>', submission_url(submission.pk), unit.name)
        elif may_enter:
            name = format_html(
                '<a href="{}" title="{}">{}</a>', report_url(unit.pk), enter_on_behalf, unit.name
            )
        else:
            name = conditional_escape(unit.name)
        parts.append(format_html("\n        <td>{}", name))
        flags = row.outlier_flags
        if flags:
            title = ngettext(
                "%(n)s unusual figure, %(done)s confirmed or explained by the unit",
                "%(n)s unusual figures, %(done)s confirmed or explained by the unit",
                len(flags),
            ) % {"n": _number(len(flags)), "done": _number(row.outliers_explained)}
            parts.append(
                format_html(
                    '\n          <span class="badge badge-warn outlier-flag" title="{}">⚠ {}</span>',
                    mark_safe(title),
                    _number(len(flags)),
                )
            )
        if row.log_differences:
            title = ngettext(
                "%(n)s figure differs from the unit's activity log",
                "%(n)s figures differ from the unit's activity log",
                row.log_differences,
            ) % {"n": _number(row.log_differences)}
            parts.append(
                format_html(
                    '\n          <span class="badge badge-info log-flag" title="{}">≠ {} {}</span>',
                    mark_safe(title),
                    activity_log,
                    _number(row.log_differences),
                )
            )
        if unit.type not in type_labels:
            type_labels[unit.type] = unit.get_type_display()
        submitted_at = row.submitted_at
        parts.append(
            format_html(
                '</td>\n        <td class="hide-sm">{}</td>\n'
                '        <td><span class="badge {}">{}</span></td>\n'
                "        <td>{}</td>\n"
                "        <td>{}</td>\n"
                "      </tr>\n    ",
                type_labels[unit.type],
                row.badge,
                row.state_label,
                formats.date_format(timezone.localtime(submitted_at), "H:i d/m/Y") if submitted_at else "—",
                timeliness_cells.get(row.timeliness, not_due),
            )
        )
        out.append(mark_safe("".join(parts)))
    return out
