"""The hot pages' escaping (core.markup) gives what Django's escape gives."""

from __future__ import annotations

import pytest
from django.utils.html import escape as django_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override

from binhdang.core.markup import escape


@pytest.mark.parametrize(
    "text",
    [
        "Số cán bộ nữ",
        "<b>\"Bình đẳng\" & 'giới'</b>",
        "",
        12,
        1.5,
        None,
        mark_safe("<i>already safe</i>"),  # escaped all the same, as Django's escape does
    ],
)
def test_escape_gives_djangos_escape(text):
    assert escape(text) == django_escape(text)


def test_a_lazy_translation_is_escaped_in_the_active_language():
    with override("vi"):
        assert escape(gettext_lazy("Home")) == django_escape(gettext_lazy("Home")) == "Trang chủ"
