"""The one error the extractor raises."""

from __future__ import annotations


class ExtractionError(Exception):
    """The file cannot be read as a plan. The message says what is wrong, in the active language
    (Vietnamese by default), e.g. "Tệp không phải là kế hoạch: ..."."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""
