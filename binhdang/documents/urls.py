"""URLs under ``/documents/`` (namespace ``documents``): downloads of generated reports."""

from django.urls import path

from binhdang.documents import views

app_name = "documents"
urlpatterns = [
    path("plans/<int:pk>/<int:year>/report.docx", views.annual_report, name="annual_report"),
    path("plans/<int:pk>/<int:year>/annex.xlsx", views.annual_annex, name="annual_annex"),
    path("submissions/<int:pk>/report.docx", views.unit_report, name="unit_report"),
]
