"""The rows of the status board (``reporting/board.html``), written here rather than by the template
engine: a province has ~100 units and the template's per-row tags, filters and URL lookups were most of
the page's time. The markup is the one the template had, character for character; the template keeps
the rest of the page. Every value from the database goes through ``escape``."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import formats, timezone
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from binhdang.core.links import EACH, url_for_each
from binhdang.core.markup import escape
from binhdang.reporting.models import Period
from binhdang.reporting.status import OVERDUE, BoardRow


def _number(value: int) -> str:
    """A count as the template showed it (localised, escaped)."""
    return conditional_escape(str(formats.localize(value)))


def _flags(row: BoardRow, activity_log: str) -> str:
    """The badges after the unit's name: unusual figures, differences from the activity log."""
    out = ""
    flags = row.outlier_flags
    if flags:
        # As {% blocktranslate %}: the message itself is not escaped, the numbers in it are.
        title = ngettext(
            "%(n)s unusual figure, %(done)s confirmed or explained by the unit",
            "%(n)s unusual figures, %(done)s confirmed or explained by the unit",
            len(flags),
        ) % {"n": _number(len(flags)), "done": _number(row.outliers_explained)}
        out += f'\n          <span class="badge badge-warn outlier-flag" title="{title}">⚠ {_number(len(flags))}</span>'
    if row.log_differences:
        title = ngettext(
            "%(n)s figure differs from the unit's activity log",
            "%(n)s figures differ from the unit's activity log",
            row.log_differences,
        ) % {"n": _number(row.log_differences)}
        out += (
            f'\n          <span class="badge badge-info log-flag" title="{title}">≠ {activity_log} '
            f"{_number(row.log_differences)}</span>"
        )
    return out


def rows_html(rows: Iterable[BoardRow], period: Period, *, can_manage: bool) -> list[SafeString]:
    """Each row's ``<tr>`` with the whitespace the template's loop put around it."""
    submission_url = url_for_each("reporting:submission", EACH)
    report_url = url_for_each("reporting:report", period.pk, EACH)
    enter_on_behalf = escape(gettext("Enter the report on behalf of the unit"))
    activity_log = escape(gettext("Activity log"))
    timeliness_cells = {
        "on_time": f'<span class="badge badge-ok">{escape(gettext("On time"))}</span>',
        "late": f'<span class="badge badge-warn">{escape(gettext("Late"))}</span>',
        OVERDUE: f'<span class="badge badge-bad">{escape(gettext("Overdue"))}</span>',
    }
    not_due = f'<span class="muted" title="{escape(gettext("Not due yet"))}">—</span>'
    may_enter = can_manage and period.is_open
    type_labels: dict[str, str] = {}
    out = []
    for row in rows:
        unit, submission = row.unit, row.submission
        complete = row.is_complete
        name = escape(unit.name)
        overdue = ' data-overdue="1"' if row.past_deadline and not complete else ""
        html = f'\n      <tr data-unit="{escape(unit.code)}" data-state="{escape(row.state)}"{overdue}>\n        '
        if can_manage:
            box = (
                ""
                if complete
                else f'<input type="checkbox" name="units" value="{unit.pk}" class="remind-box" aria-label="{name}">'
            )
            html += f"<td>{box}</td>"
        if submission is not None:
            link = f'<a href="{submission_url(submission.pk)}">{name}</a>'
        elif may_enter:
            link = f'<a href="{report_url(unit.pk)}" title="{enter_on_behalf}">{name}</a>'
        else:
            link = name
        if unit.type not in type_labels:
            type_labels[unit.type] = escape(unit.get_type_display())
        submitted_at = row.submitted_at
        when = formats.date_format(timezone.localtime(submitted_at), "H:i d/m/Y") if submitted_at else "—"
        html += (
            f"\n        <td>{link}{_flags(row, activity_log)}</td>\n"
            f'        <td class="hide-sm">{type_labels[unit.type]}</td>\n'
            f'        <td><span class="badge {escape(row.badge)}">{escape(row.state_label)}</span></td>\n'
            f"        <td>{escape(when)}</td>\n"
            f"        <td>{timeliness_cells.get(row.timeliness, not_due)}</td>\n"
            "      </tr>\n    "
        )
        out.append(mark_safe(html))
    return out
