"""URLs under ``/reporting/`` (namespace ``reporting``)."""

from django.urls import path

from binhdang.reporting.views import data, excel, log, periods, reminders, reports, requests, review

app_name = "reporting"
urlpatterns = [
    path("", reports.index, name="index"),
    path("periods/open/", periods.open_period, name="period_open"),
    path("periods/<int:pk>/", periods.board, name="board"),
    # reports at other rhythms (reporting.requests)
    path("requests/new/", requests.request_open, name="request_open"),
    path("periods/subannual/", requests.subannual_open, name="subannual_open"),
    path("periods/<int:pk>/answers.xlsx", requests.answers_xlsx, name="answers_xlsx"),
    path("periods/<int:pk>/settings/", periods.period_settings, name="period_settings"),
    path("periods/<int:pk>/status/", periods.period_status, name="period_status"),
    path("periods/<int:pk>/remind/", periods.remind, name="remind"),
    path("periods/<int:pk>/export.json", data.data_export, name="data_export"),
    path("periods/<int:pk>/export.dhis2.json", data.data_export_dhis2, name="data_export_dhis2"),
    path("periods/<int:pk>/export.adx.xml", data.data_export_adx, name="data_export_adx"),
    path("periods/<int:period_pk>/units/<int:unit_pk>/", reports.report, name="report"),
    path("periods/<int:period_pk>/units/<int:unit_pk>/save/", reports.report_save, name="report_save"),
    path("periods/<int:period_pk>/units/<int:unit_pk>/submit/", reports.report_submit, name="report_submit"),
    path(
        "periods/<int:period_pk>/units/<int:unit_pk>/accept-log/", log.report_accept, name="report_accept_log"
    ),
    path("submissions/<int:pk>/", reports.submission_page, name="submission"),
    path("submissions/<int:pk>/accept-log/", log.accept, name="accept_log"),
    path("submissions/<int:pk>/save/", reports.save, name="save"),
    path("submissions/<int:pk>/submit/", reports.submit, name="submit"),
    path("submissions/<int:pk>/confirm/", reports.confirm_outliers, name="confirm_outliers"),
    path("submissions/<int:pk>/history/", reports.history, name="history"),
    path("submissions/<int:pk>/return/", review.review, {"action": "return"}, name="return"),
    path("submissions/<int:pk>/accept/", review.review, {"action": "accept"}, name="accept"),
    path("submissions/<int:pk>/reopen/", review.review, {"action": "reopen"}, name="reopen"),
    path("submissions/<int:pk>/attachments/", review.attachment_upload, name="attachment_upload"),
    path(
        "submissions/<int:pk>/attachments/<int:attachment_pk>/",
        review.attachment_download,
        name="attachment_download",
    ),
    path(
        "submissions/<int:pk>/attachments/<int:attachment_pk>/delete/",
        review.attachment_delete,
        name="attachment_delete",
    ),
    path("data/import/", data.data_import, name="data_import"),
    # Excel round-trip and reminder log (reporting.excel, reporting.reminders).
    path(
        "periods/<int:period_pk>/units/<int:unit_pk>/template.xlsx",
        excel.template_download,
        name="xlsx_template",
    ),
    path("periods/<int:pk>/templates.zip", excel.templates_zip, name="xlsx_templates_zip"),
    path("periods/<int:pk>/reminders/", reminders.reminder_log, name="reminder_log"),
    path("excel/upload/", excel.upload, name="xlsx_upload"),
    path("notifications/", data.notifications, name="notifications"),
    path("notifications/read/", data.notifications_read, name="notifications_read"),
]
