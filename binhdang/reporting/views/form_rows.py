"""The fields of the report page (``reporting/submission.html``) and of the autosave's answer
(``reporting/_save_status.html``), written here rather than by the template engine: a form has ~30-60
fields and the template's include per field (input, messages, activity log's figure) was about half of
these pages' time. The markup is the one the templates had, character for character (the test compares
both); the templates keep the rest of the page. Every value goes through ``escape``; translations are
looked up once per page, and, as ``{% translate %}`` did, are not escaped."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, pgettext

from binhdang.core.markup import escape
from binhdang.reporting.entry import Input, Row
from binhdang.reporting.forms_catalog import ValueType


def _bound(value) -> str:
    """A number field's ``min``/``max`` as HTML reads it: plain digits, never localised ("10.000.000"
    or "10,000,000" is no number to a browser, which then ignored the bound)."""
    return escape(str(value))


class _Words:
    """The page's fixed texts, translated once per render."""

    def __init__(self) -> None:
        self.choose = gettext("— choose —")
        self.yes = gettext("Yes")
        self.no = gettext("No")
        self.vnd = pgettext("unit of measure", "VND")
        self.from_log = gettext("From the activity log")
        self.use_figure = gettext("Use the activity log's figure %(figure)s")
        self.use_this = gettext("Use this figure")
        self.activity_log = gettext("Activity log")
        self.report = gettext("Report")


def _messages(errors: Iterable, warnings: Iterable) -> str:
    out = "".join(f'<p class="field-error">{escape(m)}</p>' for m in errors)
    return out + "".join(f'<p class="field-warning">⚠ {escape(m)}</p>' for m in warnings)


def _field_messages(input: Input, oob: bool = False) -> str:
    swap = ' hx-swap-oob="true"' if oob else ""
    fid = escape(input.id)
    return (
        f'<div class="field-messages" id="msg-{fid}" data-for="{fid}"{swap}>'
        f"{_messages(input.errors, input.warnings)}</div>\n"
    )


def _row_messages(row: Row, oob: bool = False) -> str:
    swap = ' hx-swap-oob="true"' if oob else ""
    return f'<div class="field-messages" id="msg-{escape(row.id)}"{swap}>{_messages(row.errors, row.warnings)}</div>\n'


def _selected(flag: bool) -> str:
    return " selected" if flag else ""


def _control(input: Input, words: _Words) -> str:
    """The field itself, as ``reporting/_input.html`` wrote it."""
    fid, name = escape(input.id), escape(input.name)
    value = input.value
    attrs = f'aria-describedby="msg-{fid}"'
    if input.required:
        attrs += ' aria-required="true"'
    if input.errors:
        attrs += ' aria-invalid="true"'
    kind = input.value_type
    if kind == ValueType.BOOLEAN:
        return (
            f'\n<select id="{fid}" name="{name}" {attrs}>\n'
            f'  <option value=""{_selected(value == "")}>{words.choose}</option>\n'
            f'  <option value="true"{_selected(value == "true")}>{words.yes}</option>\n'
            f'  <option value="false"{_selected(value == "false")}>{words.no}</option>\n'
            "</select>\n"
        )
    if kind == ValueType.OPTION:
        options = "".join(
            f'<option value="{escape(code)}"{_selected(value == code)}>{escape(label)}</option>'
            for code, label in input.options
        )
        return (
            f'\n<select id="{fid}" name="{name}" {attrs}>\n'
            f'  <option value=""{_selected(value == "")}>{words.choose}</option>\n'
            f"  {options}\n</select>\n"
        )
    if kind == ValueType.DATE:
        return f'\n<input type="date" id="{fid}" name="{name}" value="{escape(value)}" {attrs}>\n'
    if kind == ValueType.TEXT:
        return f'\n<textarea id="{fid}" name="{name}" rows="2" {attrs}>{escape(value)}</textarea>\n'
    if input.is_money:
        return (
            f'\n<span class="with-unit"><input type="text" id="{fid}" name="{name}" '
            f'value="{escape(input.shown_value)}" inputmode="numeric" autocomplete="off" data-money '
            f'data-unit="{escape(input.unit)}" {attrs}><span class="unit">{words.vnd}</span></span>\n'
        )
    if input.readonly:
        return (
            f'\n<input type="number" id="{fid}" name="{name}" value="{escape(value)}" readonly '
            f'aria-describedby="note-{fid} msg-{fid}">\n'
            f'<p class="helptext consolidated" id="note-{fid}">{escape(input.note)}</p>\n'
        )
    bounds = ""
    if input.minimum is not None:
        bounds += f' min="{_bound(input.minimum)}"'
    if input.maximum is not None:
        bounds += f' max="{_bound(input.maximum)}"'
    if input.unit:
        bounds += f' data-unit="{escape(input.unit)}"'
    return (
        f'\n<input type="number" id="{fid}" name="{name}" value="{escape(value)}" '
        f'inputmode="{input.input_mode}" step="{input.step}"{bounds} {attrs}>\n'
    )


def _log_figure(input: Input, words: _Words, accept_log_url: str) -> str:
    """The activity log's figure under the field, as ``reporting/_log_figure.html`` wrote it."""
    if input.proposed and accept_log_url:
        figure = escape(input.logged_display)
        name = escape(input.name)
        url = escape(accept_log_url)
        return (
            f'<p class="log-figure log-proposal" data-proposal-for="{escape(input.id)}">{words.from_log}: '
            f"<strong>{figure}</strong>\n"
            f'  <button type="submit" class="linkish" name="accept_log" value="{name}" formaction="{url}" '
            "formnovalidate\n"
            f'          hx-post="{url}" hx-vals=\'{{"accept_log": "{name}"}}\' hx-target="#save-status" '
            'hx-swap="outerHTML" hx-sync="closest form:queue all"\n'
            f'          aria-label="{words.use_figure % {"figure": figure}}">{words.use_this}</button></p>\n\n'
        )
    if input.differs_from_log:
        return f'<p class="log-figure log-note">{words.activity_log}: {escape(input.logged_display)}</p>\n'
    return "\n"


def _input(input: Input, words: _Words, accept_log_url: str) -> str:
    # the template's "{% endif %}" and its last line each ended with a new line
    return f"{_control(input, words)}\n{_field_messages(input)}{_log_figure(input, words, accept_log_url)}\n"


def _label(row: Row, show_codes: bool) -> str:
    code = f'<span class="code">{escape(row.element.code)}</span>' if show_codes else ""
    return escape(row.label) + code


def editable_sections_html(sections: list[dict], *, show_codes: bool, accept_log_url: str) -> SafeString:
    """The entry form's sections (the ``{% for block in sections %}`` loop of the editable page)."""
    words = _Words()
    out: list[str] = []
    for block in sections:
        out.append(
            f'\n  <fieldset class="report-section">\n    <legend>{escape(block["section"].title)}</legend>\n    '
        )
        for row in block["rows"]:
            out.append('\n    <div class="field-row">\n      ')
            if row.side_by_side:
                first = escape(row.inputs[0].id)
                out.append(
                    f'\n        <span class="field-label" id="label-{first}">{_label(row, show_codes)}</span>\n'
                    f'        <div class="pair" id="{escape(row.id)}" tabindex="-1" role="group" '
                    f'aria-labelledby="label-{first}">\n        '
                )
                for input in row.inputs:
                    out.append(
                        f'\n          <div>\n            <label for="{escape(input.id)}">'
                        f"{escape(input.coc_label)}</label>\n            "
                        f"{_input(input, words, accept_log_url)}\n          </div>\n        "
                    )
                out.append(f"\n        </div>\n        {_row_messages(row)}\n      ")
            else:
                input = row.inputs[0]
                out.append(
                    f'\n        \n        <label class="field-label" for="{escape(input.id)}">'
                    f"{_label(row, show_codes)}</label>\n        "
                    f"{_input(input, words, accept_log_url)}\n        \n      "
                )
            out.append("\n    </div>\n    ")
        out.append("\n  </fieldset>\n  ")
    return mark_safe("".join(out))


def readonly_sections_html(sections: list[dict], *, show_codes: bool, can_view_board: bool) -> SafeString:
    """The report's figures read-only (the ``{% for block in sections %}`` loop of the read-only page)."""
    words = _Words()
    out: list[str] = []
    for block in sections:
        title = escape(block["section"].title)
        out.append(
            f'\n  <section class="card">\n    <h2>{title}</h2>\n    <div class="table-wrap">\n'
            f'    <table class="values-table">\n      <caption class="visually-hidden">{title}</caption>\n'
            "      <tbody>\n      "
        )
        for row in block["rows"]:
            code = escape(row.element.code)
            shown_code = f' <span class="muted">({code})</span>' if show_codes else ""
            row_warnings = "".join(f'<p class="field-warning">⚠ {escape(m)}</p>' for m in row.warnings)
            input_warnings = "".join(
                f'<p class="field-warning">⚠ {escape(i.coc_label) + ": " if i.coc_label else ""}{escape(m)}</p>'
                for i in row.inputs
                for m in i.warnings
            )
            cells = []
            for input in row.inputs:
                label = f"{escape(input.coc_label)}: " if input.coc_label else ""
                name, display = escape(input.name), escape(input.display)
                cell = f'{label}<span data-value="{name}">{display}</span>'
                if can_view_board and input.differs_from_log:
                    cell += (
                        f' <span class="log-difference badge badge-warn" data-log-difference="{name}">'
                        f"{words.report}: {display} · {words.activity_log}: {escape(input.logged_display)}</span>"
                    )
                cells.append(cell)
            out.append(
                f'\n        <tr>\n          <th scope="row">{escape(row.label)}{shown_code}\n'
                f"            {row_warnings}\n            {input_warnings}\n          </th>\n"
                f'          <td class="num" data-code="{code}">{"<br>".join(cells)}</td>\n        </tr>\n      '
            )
        out.append("\n      </tbody>\n    </table>\n    </div>\n  </section>\n  ")
    return mark_safe("".join(out))


def oob_messages_html(sections: list[dict]) -> SafeString:
    """The autosave answer's out-of-band messages: every field's, then every side-by-side row's."""
    rows = [row for block in sections for row in block["rows"]]
    fields = "".join(_field_messages(i, oob=True) for row in rows for i in row.inputs)
    groups = "".join(_row_messages(row, oob=True) for row in rows if row.side_by_side)
    return mark_safe(f"{fields}\n{groups}")
