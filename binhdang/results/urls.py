"""URLs under ``/results/`` (namespace ``results``)."""

from django.urls import path

from binhdang.results import views

app_name = "results"
urlpatterns = [
    path("", views.index, name="index"),
    path("help/", views.help_page, name="help"),
    path("national/", views.national, name="national"),
    path("plans/<int:pk>/", views.plan_default, name="plan"),
    path("plans/<int:pk>/<int:year>/", views.dashboard, name="dashboard"),
    path("plans/<int:pk>/<int:year>/summary/", views.summary, name="summary"),
    path("plans/<int:pk>/<int:year>/completeness/", views.completeness, name="completeness"),
    path("plans/<int:pk>/<int:year>/units/<int:unit_pk>/", views.unit, name="unit"),
    path("indicators/<int:pk>/<int:year>/", views.indicator, name="indicator"),
]
