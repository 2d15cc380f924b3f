"""A problem with one value of a report, or with the report: what validation, the outlier rules and
the save and submit workflows report back to the pages, the Excel import and the API."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Issue:
    """A problem with one value (``code``/``coc``) or with the report (``code`` empty)."""

    code: str
    coc: str
    message: str
    label: str = ""
    #: "outlier" for a value flagged by ``reporting.outliers`` (to confirm or explain), else "".
    kind: str = ""

    def __str__(self) -> str:
        return f"{self.label}: {self.message}" if self.label else self.message

    def as_dict(self) -> dict:
        data = {"code": self.code, "coc": self.coc, "label": self.label, "message": self.message}
        return {**data, "kind": self.kind} if self.kind else data
