"""Reporting models, split by responsibility (see each module).

- ``periods``: :class:`Period` (a plan's reporting year) and :class:`ExpectedReporter`.
- ``submissions``: :class:`Submission`, :class:`DataValue`, :class:`StateChange`, :class:`Comment`,
  :class:`Attachment`.
- ``notifications``: :class:`Notification` (in-app) and :class:`ReminderRequest` (reminder log).
- ``reminder_log``: :class:`ReminderLog` (every reminder e-mail and notification, per recipient).
"""

from binhdang.reporting.models.notifications import Notification, ReminderRequest
from binhdang.reporting.models.periods import ExpectedReporter, Period, PeriodKind, PeriodStatus
from binhdang.reporting.models.reminder_log import ReminderLog
from binhdang.reporting.models.submissions import (
    Attachment,
    Comment,
    DataValue,
    State,
    StateChange,
    Submission,
)

__all__ = [
    "Attachment",
    "Comment",
    "DataValue",
    "ExpectedReporter",
    "Notification",
    "Period",
    "PeriodKind",
    "PeriodStatus",
    "ReminderLog",
    "ReminderRequest",
    "State",
    "StateChange",
    "Submission",
]
