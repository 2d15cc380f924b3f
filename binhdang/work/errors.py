"""Refusals of the year's work services, with their Vietnamese message (``str(error)``)."""


class WorkError(Exception):
    """Bad input: nothing was changed. ``field`` names the form field at fault, when one is."""

    def __init__(self, message, field: str | None = None):
        super().__init__(str(message))
        self.field = field


class AccessDenied(WorkError):
    """The user may not do this."""
