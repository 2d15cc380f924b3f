"""Sessions move to ``accounts.Session``, which keeps the user's id in a column of its own; the
sessions open in Django's table move with it (nobody is logged out by the upgrade), and back on a
rollback."""

from django.contrib.sessions.backends.db import SessionStore
from django.db import migrations, models
from django.utils import timezone

BATCH = 1000


def _user_id(data: dict) -> int | None:
    try:
        return int(data["_auth_user_id"])
    except (KeyError, TypeError, ValueError):
        return None


def move_open_sessions(apps, schema_editor):
    """Each session of Django's table that has not expired, into the new table with its user's id."""
    old, new = apps.get_model("sessions", "Session"), apps.get_model("accounts", "Session")
    store = SessionStore()
    open_sessions = old.objects.filter(expire_date__gt=timezone.now()).iterator(chunk_size=BATCH)
    batch = []
    for session in open_sessions:
        user_id = _user_id(store.decode(session.session_data))
        batch.append(new(session.session_key, session.session_data, session.expire_date, user_id))
        if len(batch) == BATCH:
            new.objects.bulk_create(batch)
            batch = []
    new.objects.bulk_create(batch)
    old.objects.all().delete()


def move_back(apps, schema_editor):
    old, new = apps.get_model("sessions", "Session"), apps.get_model("accounts", "Session")
    for session in new.objects.filter(expire_date__gt=timezone.now()).iterator(chunk_size=BATCH):
        old.objects.create(
            session_key=session.session_key, session_data=session.session_data, expire_date=session.expire_date
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_history_and_login_failures"),
        ("sessions", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="Session",
            fields=[
                (
                    "session_key",
                    models.CharField(max_length=40, primary_key=True, serialize=False, verbose_name="session key"),
                ),
                ("session_data", models.TextField(verbose_name="session data")),
                ("expire_date", models.DateTimeField(db_index=True, verbose_name="expire date")),
                (
                    "user_id",
                    models.BigIntegerField(
                        blank=True, db_index=True, editable=False, null=True, verbose_name="user id"
                    ),
                ),
            ],
            options={
                "verbose_name": "session",
                "verbose_name_plural": "sessions",
                "abstract": False,
            },
        ),
        migrations.RunPython(move_open_sessions, move_back),
    ]
