from django.urls import path

from binhdang.accounts import unit_views as views

app_name = "orgunits"
urlpatterns = [
    path("", views.browse, name="browse"),
    path("province/<str:code>/", views.province, name="province"),
    path("province/<str:code>/add/", views.add, name="add"),
    path("unit/<str:code>/", views.unit, name="unit"),
    path("unit/<str:code>/dhis2/", views.dhis2_uid, name="dhis2_uid"),
    path("unit/<str:code>/rename/", views.rename, name="rename"),
    path("unit/<str:code>/deactivate/", views.deactivate, name="deactivate"),
    path("unit/<str:code>/reactivate/", views.reactivate, name="reactivate"),
]
