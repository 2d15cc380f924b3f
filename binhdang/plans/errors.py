"""The errors of plan import, in a module of their own so that the import's helpers can raise them."""

from __future__ import annotations


class PlanImportError(Exception):
    """A plan could not be imported; the message (in the active language, Vietnamese by default) says why."""


class InvalidExtractionError(PlanImportError):
    """The extraction is not a plan the importer can read (a required part is missing or malformed)."""


class EditError(PlanImportError):
    """An edit of a plan's item was refused; ``errors`` maps each refused field to its message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(" ".join(errors.values()))
