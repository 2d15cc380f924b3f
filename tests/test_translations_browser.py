"""In a browser, in Vietnamese, as each kind of user: the words that read wrong before binhdang's catalogues came first and
the words of two meanings had contexts (tests/test_translations.py checks the catalogues)."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from binhdang.plans.importing import import_plan
from tests.accounts.test_argon2_build_browser import KINDS
from tests.browser import login
from tests.core.test_journeys_readers_browser import watch_console
from tests.factories import PASSWORD, make_user
from tests.plans import extractions

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_of_user_reads_each_word_in_its_own_meaning(kind, browser_page, live_server, daklak):
    role, unit, _heading = KINDS[kind]
    make_user("nguoi_dung", role, getattr(daklak, unit) if unit else None, full_name="Hà Thị Lan")
    plan = import_plan(
        extractions.communication(), daklak.root, ContentFile(b"kh", name="kh.txt"), None, status="active"
    )
    indicator = plan.indicators.first()
    page = browser_page
    errors = watch_console(page)
    login(page, live_server, "nguoi_dung", PASSWORD)

    assert page.get_by_role("button", name="Đăng xuất").is_visible()  # not the admin's "Thoát"

    page.goto(live_server.url + reverse("plans:indicator", args=[plan.slug, indicator.pk]))
    assert page.locator("dt", has_text="Đơn vị tính").is_visible()  # the indicator's unit of measure

    page.goto(live_server.url + reverse("plans:detail", args=[plan.slug]))
    assert page.locator("dt", has_text="Đơn vị").first.is_visible()  # the plan's organisation unit
    assert not page.locator("dt", has_text="Đơn vị tính").count()

    page.goto(live_server.url + reverse("results:help"))
    assert page.get_by_text("Mỗi mức cần đạt của một chỉ tiêu được đánh giá riêng").is_visible()
    assert not page.get_by_text("Each target of an indicator").count()
    assert errors == []
