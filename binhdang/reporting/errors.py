"""Exceptions of the reporting services. Every message is user-facing (Vietnamese by default) and says
what is wrong and where; a service that raises one has changed nothing."""

from __future__ import annotations

from collections.abc import Iterable


class ReportingError(Exception):
    """Base class: ``messages`` is the list of user-facing messages."""

    def __init__(self, messages: str | Iterable[str]):
        self.messages = [messages] if isinstance(messages, str) else [str(m) for m in messages]
        super().__init__("; ".join(self.messages))


class ConflictError(ReportingError):
    """Someone saved the report after the caller loaded it (optimistic concurrency).

    ``saved_by`` and ``saved_at`` say who and when; ``current_version`` is the version now stored.
    """

    def __init__(self, message: str, *, saved_by=None, saved_at=None, current_version: int | None = None):
        super().__init__(message)
        self.saved_by = saved_by
        self.saved_at = saved_at
        self.current_version = current_version


class TransitionError(ReportingError):
    """A workflow step that the report's current state (or the period) does not allow."""


class ReportValidationError(ReportingError):
    """Values or a report that fail validation; ``issues`` are :class:`validation.Issue` objects."""

    def __init__(self, issues):
        self.issues = list(issues)
        super().__init__([str(issue) for issue in self.issues])


class OutliersToConfirm(ReportValidationError):
    """Submitting on the web: flagged values (``reporting.outliers``) the reporter has not confirmed or
    explained yet; ``issues`` are the open flags."""


class AccessDenied(ReportingError):
    """The user may not do this (views turn it into a 404 or 403)."""
