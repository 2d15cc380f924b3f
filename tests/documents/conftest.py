"""Fixtures of the documents tests: Đắk Lắk's programme-1790 plan (seed 000's five targets, the
fixtures of ``tests/results``), its 2026 period, and reports with narratives: commune A on time,
Sở Y tế late, the newspaper on time, commune B a draft (not counted), the others missing."""

from __future__ import annotations

import datetime as dt

import pytest

from binhdang.devtools.demo import DEMO_YEAR, build_demo
from binhdang.documents import review_files
from binhdang.documents import services as document_services
from binhdang.plans.models import Plan
from binhdang.reporting import services
from binhdang.results.engine import plan_results
from tests.results.conftest import file_report, local, seed_000_plan

DAY = dt.date(2026, 12, 5)


@pytest.fixture
def plan(daklak):
    plan = seed_000_plan(daklak)
    plan.title = "Thực hiện Chương trình Truyền thông về bình đẳng giới giai đoạn 2026 - 2030"
    plan.save()
    return plan


@pytest.fixture
def period(plan):
    return services.open_period(plan, 2026, None)


def narrate(submission, results="", difficulties="", proposals=""):
    submission.results, submission.difficulties, submission.proposals = results, difficulties, proposals
    submission.save(update_fields=["results", "difficulties", "proposals"])
    return submission


@pytest.fixture
def reports(daklak, period):
    """The year's reports (see the module docstring): {"a", "health", "media", "b"}."""
    a = file_report(period, daklak.commune_a, {"TT_SESSIONS": 5, "TT_NEWS": 1250}, at=local(2026, 11, 20))
    narrate(
        a,
        "Tổ chức 5 cuộc truyền thông tại các thôn, buôn; hưởng ứng Tháng hành động với 2 hoạt động.",
        "Kinh phí còn hạn chế.",
        "Đề nghị tổ chức tập huấn cho cán bộ cơ sở.",
    )
    health = file_report(period, daklak.health, {"TT_SESSIONS": 1}, at=local(2026, 12, 3))
    narrate(health, "Đăng 12 tin, bài trên trang thông tin điện tử.", "Kinh phí còn hạn chế.", "")
    media = file_report(period, daklak.newspaper, {"TT_GSIM_STATUS": "OFFICIAL"}, at=local(2026, 11, 25))
    narrate(media, "Duy trì chuyên mục bình đẳng giới trên báo điện tử.")
    b = file_report(period, daklak.commune_b, submit=False)
    narrate(b, "Nháp chưa gửi: Nguyễn Văn A.", "Khó khăn riêng của bản nháp.")
    return {"a": a, "health": health, "media": media, "b": b}


_DEMO_FILES: dict[str, object] = {}


def demo_files() -> dict[str, object]:
    """The demo's documents of Đắk Lắk's communication plan for DEMO_YEAR, made once per test process
    (building the demo takes 8 to 10 s, and three test modules read its documents): the annual report
    (``report``) and its annex (``annex``), the mid-term review to DEMO_YEAR + 2 (``review``), and from the
    results engine the reports counted (``submitted``) and the number of indicators (``indicators``).
    The first caller's database (``db``) receives the demo, rolled back with its test; only these bytes
    and figures are kept."""
    if not _DEMO_FILES:
        build_demo(log=lambda *args: None)
        plan = Plan.objects.get(program="communication", status="active", province__name__contains="Đắk Lắk")
        results = plan_results(plan, DEMO_YEAR)
        _DEMO_FILES.update(
            report=document_services.annual_report(plan, DEMO_YEAR).content,
            annex=document_services.annual_annex(plan, DEMO_YEAR).content,
            review=review_files.review_report(plan, DEMO_YEAR, DEMO_YEAR + 2).content,
            submitted=results.submitted,
            indicators=len(results.indicators),
        )
    return _DEMO_FILES
