from django.urls import reverse

from binhdang.core.links import EACH, url_for_each


def test_each_objects_url_is_the_one_reverse_gives_wherever_its_number_stands():
    report = url_for_each("reporting:report", 7, EACH)
    assert report(42) == reverse("reporting:report", args=[7, 42])
    plan_year = url_for_each("ministry:plan_year", EACH, 2026)
    assert plan_year(3) == reverse("ministry:plan_year", args=[3, 2026])


def test_the_url_comes_escaped_for_html():
    assert url_for_each("reporting:submission", EACH)("1&2") == reverse(
        "reporting:submission", args=[1]
    ).replace("1", "1&amp;2")
