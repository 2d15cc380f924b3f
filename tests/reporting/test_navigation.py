"""The reporting entries of the menu and the notifications read on every page (binhdang.reporting.navigation)."""

from __future__ import annotations


def test_the_newest_notifications_are_read_in_one_query_as_the_orm_reads_them(
    commune_a_reporter, focal_officer, django_assert_num_queries
):
    from datetime import timedelta

    from django.forms.models import model_to_dict

    from binhdang.reporting.models import Notification
    from binhdang.reporting.navigation import newest_notices

    first = Notification.objects.create(user=commune_a_reporter, text="Một", link="/a/")
    same_time = Notification.objects.create(user=commune_a_reporter, text="Hai", created_at=first.created_at)
    Notification.objects.create(
        user=commune_a_reporter,
        text="Ba",
        created_at=first.created_at - timedelta(days=1),
        read_at=first.created_at,
    )
    Notification.objects.create(user=focal_officer, text="Của người khác")
    with django_assert_num_queries(1):
        found = newest_notices(commune_a_reporter, 2)
    expected = list(Notification.objects.filter(user=commune_a_reporter)[:2])
    assert [model_to_dict(n) for n in found] == [model_to_dict(n) for n in expected]
    assert [n.pk for n in found] == [same_time.pk, first.pk]
    assert [(n.created_at, n.read_at) for n in newest_notices(commune_a_reporter, 100)] == [
        (n.created_at, n.read_at) for n in Notification.objects.filter(user=commune_a_reporter)
    ]
