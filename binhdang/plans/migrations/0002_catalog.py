"""Load the indicator catalog shipped with the product (programme 1790 and NQ 28/NQ-CP)."""

from django.db import migrations


def load_catalog(apps, schema_editor):
    from binhdang.plans.catalog import sync_catalog

    sync_catalog(apps.get_model("plans", "CatalogIndicator"))


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]

    operations = [migrations.RunPython(load_catalog, migrations.RunPython.noop)]
