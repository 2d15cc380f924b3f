"""Reports that were only opened are not drafts.

Before, opening a unit's report created it: units whose reporter (or the focal officer) only looked
showed "Bản nháp" with nobody having saved anything. Such reports (never saved: version 1, no value,
no narrative, no refused text, no evidence, no comment, no workflow step) are removed, so the unit is
"Chưa bắt đầu" again; the audit trail keeps their creation.
"""

from django.db import migrations
from django.db.models import Exists, OuterRef


def forget_reports_only_opened(apps, schema_editor):
    Submission = apps.get_model("reporting", "Submission")
    related = [
        apps.get_model("reporting", name)
        for name in ("DataValue", "Attachment", "Comment", "StateChange")
    ]
    opened = Submission.objects.filter(
        state="draft", version=1, results="", difficulties="", proposals="", refused_input=[]
    )
    for model in related:
        opened = opened.exclude(Exists(model.objects.filter(submission=OuterRef("pk"))))
    opened.delete()


class Migration(migrations.Migration):
    dependencies = [("reporting", "0003_submission_refused_input")]

    operations = [migrations.RunPython(forget_reports_only_opened, migrations.RunPython.noop)]
