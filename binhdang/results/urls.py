"""URLs under ``/results/`` (namespace ``results``)."""

from django.urls import path

from binhdang.results import opendata_views, views

app_name = "results"
urlpatterns = [
    path("", views.index, name="index"),
    path("help/", views.help_page, name="help"),
    path("national/", views.national, name="national"),
    path("sdmx/structure.xml", opendata_views.sdmx_structure, name="sdmx_structure"),
    path("plans/<int:pk>/", views.plan_default, name="plan"),
    path("plans/<int:pk>/<int:year>/", views.dashboard, name="dashboard"),
    path("plans/<int:pk>/<int:year>/summary/", views.summary, name="summary"),
    path("plans/<int:pk>/<int:year>/completeness/", views.completeness, name="completeness"),
    path("plans/<int:pk>/<int:year>/data.csv", opendata_views.data_csv, name="data_csv"),
    path("plans/<int:pk>/<int:year>/data.json", opendata_views.data_json, name="data_json"),
    path("plans/<int:pk>/<int:year>/data.sdmx.csv", opendata_views.data_sdmx, name="data_sdmx"),
    path("plans/<int:pk>/<int:year>/units/<int:unit_pk>/", views.unit, name="unit"),
    path("indicators/<int:pk>/<int:year>/", views.indicator, name="indicator"),
]
