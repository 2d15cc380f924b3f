"""Typed text the web form refused, kept on the report so that nothing a reporter typed is lost.

The autosave of the report page saves the valid values and keeps the text of each refused one in
``Submission.refused_input`` (the stored value, if any, stays). The page shows that text again in its
field, with the reason beside it, until a valid value (or an empty field) replaces it; submitting is
refused while one remains.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from binhdang.reporting.forms_catalog import DataElement
from binhdang.reporting.models import Submission
from binhdang.reporting.validation import Issue, ValueKey, clean_values


def refused_issues(elements: Iterable[DataElement], submission: Submission) -> list[Issue]:
    """Why each kept text is refused (validated again, so the message follows the user's language)."""
    refused = submission.refused_values()
    return clean_values(elements, refused)[1] if refused else []


def keep_refused(
    submission: Submission, clean: Mapping[ValueKey, str], refused: Mapping[ValueKey, str]
) -> bool:
    """Forget the kept texts of the keys saved now (``clean``), keep the ones refused now; True if the
    submission's ``refused_input`` changed (the caller saves it)."""
    kept = {key: text for key, text in submission.refused_values().items() if key not in clean}
    kept.update(refused)
    stored = [{"code": code, "coc": coc, "text": text} for (code, coc), text in sorted(kept.items())]
    if stored == (submission.refused_input or []):
        return False
    submission.refused_input = stored
    return True
