"""The core app's start-up (core.apps): the admin site's section titles are Vietnamese, the
third-party apps' included."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse


def test_every_section_title_of_the_admin_site_is_in_vietnamese(admin_user):
    client = Client()
    client.force_login(admin_user)
    page = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="vi").text
    titles = re.findall(r'<caption>\s*<a [^>]*class="section"[^>]*>([^<]+)</a>', page)
    assert titles, "no section of the admin site found"
    for english in ("Auth Token", "Tasks Database Backend", "Otp_Totp"):
        assert english not in titles
    assert {"Mã truy cập API", "Tác vụ chạy nền", "Thiết bị xác thực hai bước"} <= set(titles), titles
