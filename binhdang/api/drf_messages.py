"""Vietnamese for Django REST framework's field errors that its own catalogue leaves untranslated.

The strings are DRF's msgids, marked here only so that ``makemessages`` puts them in the api app's
catalogue; Django looks a message up in every app's catalogue, so ours fills DRF's gaps.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

DRF_MESSAGES = (
    gettext_noop("A valid integer is required."),
    gettext_noop("A valid number is required."),
    gettext_noop("Not a valid string."),
    gettext_noop("Must be a valid boolean."),
    gettext_noop("Ensure this value is greater than or equal to {min_value}."),
    gettext_noop("Ensure this value is less than or equal to {max_value}."),
    gettext_noop("Ensure this field has no more than {max_length} characters."),
    gettext_noop('Expected a list of items but got type "{input_type}".'),
    gettext_noop('Expected a dictionary of items but got type "{input_type}".'),
    gettext_noop("Invalid data. Expected a dictionary, but got {datatype}."),
    gettext_noop("This field may not be null."),
    gettext_noop("String value too large."),
    gettext_noop('"{input}" is not a valid choice.'),
)
