"""Texts of Django itself that its Vietnamese catalogue does not translate (yet), translated in core's.

Django 6 labels the empty choice of a select "- Select an option -" (``BLANK_CHOICE_LABEL``), which its
own Vietnamese catalogue lacks: a form's select showed it in English on a Vietnamese page. Listed here
with ``gettext_noop`` so that ``makemessages`` keeps them in core's catalogue, which comes before
Django's (``settings.LOCALE_PATHS``).
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

TEXTS = [
    gettext_noop("- Select an option -"),
]
