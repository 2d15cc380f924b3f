"""Helpers of the markup written in Python on the hot pages (the report's rows, the boards' rows).

:func:`escape` is ``django.utils.html.escape`` for the text of one attribute or element: the same
characters escaped (``& < > " '``, by :func:`html.escape`), returned as a plain ``str`` to be joined
into a page marked safe as a whole. Django's own is wrapped to accept lazy translations and marks its
result safe: a microsecond a call, several hundred calls on a report's page.
"""

from __future__ import annotations

import html


def escape(text: object) -> str:
    """``text`` as a string with ``& < > " '`` escaped, as ``django.utils.html.escape`` escapes it (a
    lazy translation is translated first, as ``str()`` does)."""
    return html.escape(str(text))
