"""URLs under ``/documents/`` (namespace ``documents``): downloads of generated reports and the
annual report's editor."""

from django.urls import path

from binhdang.documents import views

app_name = "documents"
urlpatterns = [
    path("plans/<int:pk>/<int:year>/report.docx", views.annual_report, name="annual_report"),
    path("plans/<int:pk>/<int:year>/report.pdf", views.annual_report_pdf, name="annual_report_pdf"),
    path("plans/<int:pk>/<int:year>/annex.xlsx", views.annual_annex, name="annual_annex"),
    path("plans/<int:pk>/<int:year>/report/", views.report_editor, name="report_editor"),
    path("plans/<int:pk>/<int:year>/report/<slug:key>/", views.save_section, name="report_section"),
    path(
        "plans/<int:pk>/<int:year>/report/<slug:key>/reset/", views.reset_section, name="report_section_reset"
    ),
    path("submissions/<int:pk>/report.docx", views.unit_report, name="unit_report"),
]
