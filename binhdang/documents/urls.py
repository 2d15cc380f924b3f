"""URLs under ``/documents/`` (namespace ``documents``): downloads of generated reports and the
annual report's editor."""

from django.urls import path

from binhdang.documents import review_views, views

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
    # reviews over a span of years (sơ kết, tổng kết): a plan's, and the ministry's national one
    path("plans/<int:pk>/review/", review_views.plan_review, name="review"),
    path(
        "plans/<int:pk>/review/<int:start>-<int:end>/report.docx",
        review_views.plan_review_docx,
        name="review_docx",
    ),
    path(
        "plans/<int:pk>/review/<int:start>-<int:end>/annex.xlsx",
        review_views.plan_review_xlsx,
        name="review_xlsx",
    ),
    path("national/review/", review_views.national_review, name="national_review"),
    path(
        "national/review/<int:start>-<int:end>/report.docx",
        review_views.national_review_docx,
        name="national_review_docx",
    ),
    path(
        "national/review/<int:start>-<int:end>/annex.xlsx",
        review_views.national_review_xlsx,
        name="national_review_xlsx",
    ),
]
