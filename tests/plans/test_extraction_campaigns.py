"""Campaign periods and commemorative days (binhdang.plans.extraction.campaigns)."""

from __future__ import annotations

from binhdang.plans.extraction.campaigns import extract
from binhdang.plans.extraction.document import read_text


def campaigns(text: str) -> list[dict]:
    found = extract(read_text(text).blocks)
    for campaign in found:
        assert campaign.pop("source") in text.replace("*", "")
    return found


def test_a_named_period_in_any_date_form():
    for text in (
        "Tổ chức Tháng hành động vì bình đẳng giới từ ngày 15/11 đến ngày 15/12 hằng năm.",
        "Hưởng ứng Tháng hành động vì bình đẳng giới (từ ngày 15/11 - 15/12).",
        "Nhân Tháng hành động vì bình đẳng giới từ ngày 15/11-15/12 hằng năm.",
        "Tháng hành động vì bình đẳng giới (15/11 – 15/12).",
    ):
        assert campaigns(text) == [
            {"name": "Tháng hành động vì bình đẳng giới", "start": "11-15", "end": "12-15"}
        ]


def test_a_named_month_runs_from_its_first_to_its_last_day():
    assert campaigns(
        "Hưởng ứng Tháng hành động quốc gia về phòng, chống bạo lực gia đình (*tháng 6 hằng năm*)."
    ) == [
        {
            "name": "Tháng hành động quốc gia về phòng, chống bạo lực gia đình",
            "start": "06-01",
            "end": "06-30",
        }
    ]


def test_named_days_with_a_dash_or_slash_date():
    assert campaigns(
        "Nhân các ngày kỷ niệm (ngày Quốc tế Phụ nữ 8-3, ngày Gia đình Việt Nam 28-6) và Ngày Quốc tế Nam giới (19/11)."
    ) == [
        {"name": "ngày Quốc tế Phụ nữ", "start": "03-08", "end": None},
        {"name": "ngày Gia đình Việt Nam", "start": "06-28", "end": None},
        {"name": "Ngày Quốc tế Nam giới", "start": "11-19", "end": None},
    ]


def test_one_campaign_named_differently_in_two_places_is_listed_once_under_its_first_name():
    assert campaigns(
        "1. Hằng năm, 100% xã triển khai Tháng hành động vì bình đẳng giới và phòng ngừa bạo lực.\n\n"
        "2. Tổ chức Tháng hành động vì bình đẳng giới và phòng, chống bạo lực từ ngày 15/11-15/12 hằng năm.\n\n"
        "3. Tổ chức Tháng hành động vì bình đẳng giới và phòng ngừa bạo lực từ ngày 15/11 đến ngày 15/12."
    ) == [
        {"name": "Tháng hành động vì bình đẳng giới và phòng ngừa bạo lực", "start": "11-15", "end": "12-15"}
    ]


def test_dates_that_are_not_campaigns_are_ignored():
    assert (
        campaigns("Báo cáo trước ngày 30/11 hằng năm; tỷ số 104 - 107 bé trai/100 bé gái; ngày 31/4.") == []
    )
