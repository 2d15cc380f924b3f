"""The answers of a period, one row per expected unit, as an Excel workbook (the focal officer's export
of an ad hoc request, a quarter or a collection; works for any period).

Columns: unit code and name, report state, first submitted at, then one column per value of the
period's form (data elements by category option, free questions). Text answers may name people: they
are left out for who may not read a report's narrative (the ministry, see ``access.can_see_narrative``).
"""

from __future__ import annotations

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from binhdang.reporting import access
from binhdang.reporting.entry import display_value
from binhdang.reporting.forms_catalog import ValueType, form_for_period
from binhdang.reporting.models import Period, Submission
from binhdang.reporting.status import BOARD_STATES, NOT_STARTED
from binhdang.reporting.validation import typed


def columns(period: Period, user) -> list[tuple]:
    """``[(element, coc, heading)]`` of the period's values the user may read."""
    probe = Submission(period=period, unit=period.province)
    see_text = access.can_see_narrative(user, probe)
    found = []
    for element in form_for_period(period).elements:
        for coc in element.category_options:
            if element.type_for(coc) == ValueType.TEXT and not see_text:
                continue
            unit = f" ({element.unit})" if element.unit else ""
            found.append((element, coc, element.field_label(coc) + unit))
    return found


def workbook(period: Period, user) -> bytes:
    """The answers of every expected unit of ``period`` as an XLSX file."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Answers")[:31]
    cols = columns(period, user)
    sheet.append([str(period.plan)])
    sheet.append([f"{period.label} · {_('deadline')} {period.deadline:%d/%m/%Y}"])
    heading = [_("Unit code"), _("Unit"), _("State"), _("Submitted at")] + [c[2] for c in cols]
    sheet.append(heading)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    reports = {s.unit_id: s for s in Submission.objects.filter(period=period).prefetch_related("values")}
    for entry in period.expected_reporters.select_related("unit").order_by("unit__type", "unit__name"):
        report = reports.get(entry.unit_id)
        values = report.value_map() if report else {}
        state = report.state if report else NOT_STARTED
        submitted = (
            timezone.localtime(report.first_submitted_at).strftime("%d/%m/%Y %H:%M")
            if report and report.first_submitted_at
            else ""
        )
        row = [entry.unit.code, entry.unit.name, str(BOARD_STATES[state][0]), submitted]
        for element, coc, _heading in cols:
            text = values.get((element.code, coc), "")
            kind = element.type_for(coc)
            if text and kind in (ValueType.INTEGER, ValueType.NUMBER, ValueType.PERCENT):
                row.append(typed(element, coc, text))
            else:
                row.append(display_value(kind, text, element.options))
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
