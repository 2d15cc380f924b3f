"""Never two plans in force under one number in a province (issue 12, point 7).

A database that already holds such twins (the same document imported twice) keeps the newest one in
force and archives the older ones, as the ministry's table already read the newest; then the partial
unique index is created.
"""

from django.conf import settings
from django.db import migrations, models


def archive_older_twins(apps, schema_editor):
    Plan = apps.get_model("plans", "Plan")
    kept: set[tuple[int, str]] = set()
    for plan in Plan.objects.filter(status="active").exclude(number="").order_by("-created_at", "-pk"):
        key = (plan.province_id, plan.number)
        if key in kept:
            Plan.objects.filter(pk=plan.pk).update(status="archived")
        else:
            kept.add(key)


class Migration(migrations.Migration):
    dependencies = [
        ("orgunits", "0001_initial"),
        ("plans", "0002_catalog"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(archive_older_twins, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="plan",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "active"), models.Q(("number", ""), _negated=True)),
                fields=("province", "number"),
                name="plans_one_active_plan_per_number",
            ),
        ),
    ]
