"""The answer to every data value set import (web page, API, command line), in DHIS2's shape::

    {"responseType": "ImportSummary", "status": "SUCCESS" | "WARNING" | "ERROR",
     "description": "...", "dryRun": false,
     "importCount": {"imported": 12, "updated": 3, "ignored": 40, "deleted": 0},
     "conflicts": [{"object": "dataValueSets[0].dataValues[3].value", "property": "value",
                    "value": "<the message>", "message": "<the message>", "errorCode": "E7619",
                    "indexes": [3]}]}

Counts are of values, as DHIS2 counts them: ``imported`` new, ``updated`` changed, ``ignored`` already
stored as given (also on a report already submitted or accepted), ``deleted`` cleared. The import is all
or nothing: with a conflict the status is ``ERROR`` and every count is 0. ``WARNING`` is a dry run that
would succeed (nothing was written). A conflict's ``object`` is its place in the file (``/`` for the
whole file), ``property`` the field there, ``errorCode`` DHIS2's code for that kind of problem
(``E7610`` data set, ``E7611`` period, ``E7612`` org unit, ``E7613`` data element, ``E7614``
category option combo, ``E7619`` value, ``E7620`` complete date, ``E7600`` any other).
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from binhdang.reporting.datavaluesets import ImportResult

ERROR_CODES = {
    "dataSet": "E7610",
    "period": "E7611",
    "orgUnit": "E7612",
    "dataElement": "E7613",
    "categoryOptionCombo": "E7614",
    "value": "E7619",
    "completeDate": "E7620",
}
_PLACE = re.compile(r"^(?P<place>[A-Za-z][\w.\[\]]*|/): (?P<message>.+)$", re.DOTALL)
_LAST = re.compile(r"(?:^|\.)(?P<name>[A-Za-z]+)(?:\[(?P<index>\d+)\])?$")


def conflict(text: str) -> dict:
    """One refusal message ``"<place>: <message>"`` as a DHIS2 conflict."""
    match = _PLACE.match(text)
    place, message = (match["place"], match["message"]) if match else ("/", text)
    last = _LAST.search(place) if place != "/" else None
    prop = last["name"] if last else ""
    item: dict[str, object] = {
        "object": place,
        "property": prop,
        "value": message,
        "message": message,
        "errorCode": ERROR_CODES.get(prop, "E7600"),
    }
    index = re.search(r"(?:dataValues|dataValue)\[(\d+)\]", place)
    if index:
        item["indexes"] = [int(index.group(1))]
    return item


def success(result: ImportResult) -> dict:
    """The summary of an import that went through (or a dry run that would)."""
    count = {
        "imported": result.imported,
        "updated": result.updated,
        "ignored": result.ignored,
        "deleted": result.deleted,
    }
    if result.dry_run:
        description = _("Dry run: the file is valid, nothing was written.")
    else:
        description = _("Import done: %(sets)d reports; %(submitted)d submitted.") % {
            "sets": result.sets,
            "submitted": result.submitted,
        }
    return {
        "responseType": "ImportSummary",
        "status": "WARNING" if result.warnings else "SUCCESS",
        "description": description,
        "dryRun": result.dry_run,
        "importCount": count,
        "conflicts": [{**conflict(w), "errorCode": "W7700"} for w in result.warnings],
    }


def failure(messages: list[str], *, dry_run: bool = False) -> dict:
    """The summary of a refused import: nothing written, each problem a conflict with its place."""
    return {
        "responseType": "ImportSummary",
        "status": "ERROR",
        "description": _("Nothing was imported: the file has %(count)d problems.") % {"count": len(messages)},
        "dryRun": dry_run,
        "importCount": {"imported": 0, "updated": 0, "ignored": 0, "deleted": 0},
        "conflicts": [conflict(m) for m in messages],
    }


def count_text(summary: dict) -> str:
    """``"Imported 12, updated 3, ignored 40, deleted 0 values."`` for people."""
    return (
        _("Values: %(imported)d imported, %(updated)d updated, %(ignored)d ignored, %(deleted)d deleted.")
        % (summary["importCount"])
    )
