"""The rows of the ministry's board of the provinces (``ministry/board.html``), written here rather than
by the template engine (per-row tags, filters and three URL lookups were most of the page's time). The
markup is the one the template had, character for character. Every value from the database goes
through ``escape``."""

from __future__ import annotations

from django.utils import formats, timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from binhdang.core import formatting
from binhdang.core.links import EACH, url_for_each
from binhdang.core.markup import escape
from binhdang.ministry.board import Board, BoardRow
from binhdang.ministry.models import ReportState


def _or_dash(text: str) -> str:
    """As ``|default:"—"``."""
    return escape(text) if text else "—"


def rows_html(board: Board, rows: list[BoardRow], *, acts: bool) -> list[SafeString]:
    plan_year = url_for_each("ministry:plan_year", EACH, board.year)
    dashboard = url_for_each("results:dashboard", EACH, board.year)
    completeness = url_for_each("results:completeness", EACH, board.year)
    late_text, overdue_text = escape(gettext("Late")), escape(gettext("Overdue"))
    on_time = f'<span class="badge badge-ok">{escape(gettext("On time"))}</span>'
    in_force, units = escape(gettext("In force")), escape(gettext("Units"))
    no_plan = {
        "draft": escape(gettext("Draft, not in force")),
        "": escape(gettext("No plan yet")),
    }
    out = []
    for row in rows:
        name = escape(row.province.name)
        state, late, sent_day, plan = row.state, row.late, row.sent_day, row.plan
        html = f'<tr data-province="{escape(row.province.code)}" data-state="{escape(state)}"'
        html += ' data-late="1">\n    ' if late else ">\n    "
        if acts:
            box = (
                f'<input type="checkbox" name="plan" value="{plan.pk}" aria-label="{name}">'
                if row.remindable and plan is not None
                else ""
            )
            html += f"<td>{box}</td>"
        link = f'<a href="{plan_year(plan.pk)}">{name}</a>' if plan else name
        badge = {ReportState.ACCEPTED.value: " badge-ok", ReportState.RETURNED.value: " badge-warn"}.get(
            state, ""
        )
        version = (
            f' <span class="small muted">v{escape(formats.localize(row.report.version))}</span>'
            if row.report and row.report.version > 1
            else ""
        )
        reminded = ""
        if row.reminded_at:
            # As {% blocktranslate %}: the message is not escaped, the day in it is.
            day = escape(formats.date_format(timezone.localtime(row.reminded_at), "d/m/Y"))
            reminded = (
                f'<br><span class="small muted reminded">{gettext("reminded %(day)s") % {"day": day}}</span>'
            )
        if late:
            timeliness = f'<span class="badge badge-bad">{late_text if sent_day else overdue_text}</span>'
        elif sent_day:
            timeliness = on_time
        else:
            timeliness = '<span class="muted">—</span>'
        html += (
            f'\n    <th scope="row">{link}</th>\n'
            f'    <td><span class="badge{badge}">{escape(row.state_label)}</span>{version}{reminded}</td>\n'
            f"    <td>{_or_dash(formatting.date(sent_day))}</td>\n"
            f"    <td>{timeliness}</td>\n    "
        )
        if row.results and plan is not None:
            html += (
                f'<td class="num">{_or_dash(formatting.percent(row.results.completeness))}</td>'
                f'<td class="num">{_or_dash(formatting.percent(row.results.timeliness))}</td>\n'
                f'    <td><a href="{dashboard(plan.pk)}">{in_force}</a> · '
                f'<a href="{completeness(plan.pk)}">{units}</a></td>\n    '
            )
        else:
            html += (
                '<td class="num muted">—</td><td class="num muted">—</td><td class="muted">'
                f"{no_plan['draft'] if row.plan_status == 'draft' else no_plan['']}</td>"
            )
        html += "\n  </tr>"
        out.append(mark_safe(html))
    return out
