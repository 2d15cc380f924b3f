"""URLs under ``/ministry/`` (namespace ``ministry``)."""

from django.urls import path

from binhdang.ministry import national_views, views

app_name = "ministry"
urlpatterns = [
    path("", views.index, name="index"),
    path("board/", views.board_page, name="board"),
    path("board/deadline/", views.set_deadline, name="set_deadline"),
    path("board/remind/", views.remind, name="remind"),
    path("plans/<int:pk>/<int:year>/", views.plan_year, name="plan_year"),
    path("plans/<int:pk>/<int:year>/send/", views.send, name="send"),
    path("reports/<int:pk>/receive/", views.receive, name="receive"),
    path("reports/<int:pk>/return/", views.return_report, name="return"),
    path("reports/<int:pk>/accept/", views.accept, name="accept"),
    path("reports/<int:pk>/report.docx", views.report_file, name="report_file"),
    path("reports/<int:pk>/signed/", views.signed_file, name="signed_file"),
    path("national/", national_views.national, name="national"),
    path("national/<int:year>/results.csv", national_views.national_csv, name="national_csv"),
    path("national/<int:year>/results.sdmx.csv", national_views.national_sdmx, name="national_sdmx"),
    path("national/<int:year>/results.xlsx", national_views.national_xlsx, name="national_xlsx"),
    path("national/<int:year>/report.docx", national_views.national_report, name="national_report"),
]
