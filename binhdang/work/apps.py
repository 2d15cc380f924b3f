from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkConfig(AppConfig):
    name = "binhdang.work"
    label = "work"
    verbose_name = _("Work through the year")

    def ready(self) -> None:
        """Add the campaign reminders to the daily jobs of ``binhdang runperiodic``, and the activity log's
        figures to the report form's proposals, and the inspections to a unit's page."""
        from binhdang.reporting.tasks import PERIODIC_JOBS, PeriodicJob
        from binhdang.work.tasks import send_campaign_reminders_task

        if not any(job.name == "campaign_reminders" for job in PERIODIC_JOBS):
            PERIODIC_JOBS.append(
                PeriodicJob(
                    "campaign_reminders",
                    send_campaign_reminders_task,
                    "Reminders to the units before a campaign of their plan starts.",
                    takes_day=True,
                )
            )

        from binhdang.work import prefill  # the models are loaded only now

        prefill.register()  # the report form proposes the activity log's figures

        from binhdang.accounts import unit_panels
        from binhdang.work import inspections

        unit_panels.register("inspections", inspections.unit_panel)  # a unit's page lists its inspections
