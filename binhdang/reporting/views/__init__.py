"""Reporting pages, thin: queries through ``reporting.access``, changes through ``reporting.services``.

- ``reports``: the reporter's list, the report page (entry with autosave, or read-only), history;
- ``review``: return, accept, reopen (one view, a service each), what the report page shows for the
  review (read-only after a return, the next report waiting); evidence files;
- ``periods``: open a period, the status board (with the units overdue), expected reporters,
  reminders, close/reopen;
- ``data``: data value set upload and download; notifications.

An object outside what the user may see is a 404; a visible object the user may not change is a 403.
"""
