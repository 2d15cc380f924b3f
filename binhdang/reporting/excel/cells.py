"""From what a cell holds (number, text, date, true/false) to the canonical value text of the form,
with the reason in Vietnamese when it cannot be accepted.

Yes/no cells hold "Có"/"Không" (or the English "Yes"/"No", "true"/"false"); option cells the label
of an option ("Áp dụng chính thức"...) or its code (``OFFICIAL``). Numbers may be typed as numbers or
as text ("12", "1500000,5").
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from binhdang.reporting.forms_catalog import DataElement, ValueType
from binhdang.reporting.validation import InvalidValue, normalize


def yes_label() -> str:
    """ "Có": the yes of a yes/no cell."""
    return pgettext("yes/no cell", "Yes")


def no_label() -> str:
    """ "Không": the no of a yes/no cell."""
    return pgettext("yes/no cell", "No")


def _key(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip().casefold()


def _in_languages(function) -> set[str]:
    """``function()``'s text in every language of the site."""
    texts = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts.add(_key(str(function())))
    return texts


def _boolean(text: str) -> str:
    key = _key(text)
    if key in {"true", "1"} | _in_languages(yes_label):
        return "true"
    if key in {"false", "0"} | _in_languages(no_label):
        return "false"
    raise InvalidValue(_('must be "%(yes)s" or "%(no)s"') % {"yes": yes_label(), "no": no_label()})


def _option(element: DataElement, text: str) -> str:
    key = _key(text)
    for code, label in element.options:
        names = {_key(code)}
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                names.add(_key(str(label)))
        if key in names:
            return code
    raise InvalidValue(
        _("must be one of: %(labels)s") % {"labels": ", ".join(str(label) for _c, label in element.options)}
    )


def _number_text(value) -> str:
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel keeps every number as a float: 1E+15 is the whole 1000000000000000
    try:
        return format(Decimal(repr(value)), "f")
    except InvalidOperation:
        return repr(value)


def cell_text(element: DataElement, coc: str, value) -> str:
    """The canonical text of a cell's ``value`` for ``(element, coc)``; ``""`` for an empty cell.

    Raises :class:`InvalidValue` with the reason (e.g. "phải là số nguyên không âm").
    """
    if value is None:
        return ""
    value_type = element.type_for(coc)
    if isinstance(value, str) and value.strip() == "":
        return ""
    if value_type == ValueType.BOOLEAN:
        if isinstance(value, bool):
            return "true" if value else "false"
        return _boolean(str(value))
    if value_type == ValueType.OPTION:
        return _option(element, str(value))
    if value_type == ValueType.TEXT:
        text = value if isinstance(value, str) else _number_text(value)
        return normalize(element, coc, text)
    if isinstance(value, bool | dt.date | dt.time | dt.timedelta):
        text = "x"  # a date or true/false in a number cell: refused with the number's reason
    elif isinstance(value, int | float | Decimal):
        text = _number_text(value)
    else:
        text = str(value)
    return normalize(element, coc, text)
