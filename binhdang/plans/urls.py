from django.urls import path

from binhdang.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("upload/", views.upload, name="upload"),
    path("uploads/<int:pk>/", views.review, name="review"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/review/", views.review_plan, name="review_plan"),
    path("<slug:slug>/review/<str:kind>/<int:pk>/<str:action>/", views.review_item, name="review_item"),
    path("<slug:slug>/indicators/", views.indicators, name="indicators"),
    path("<slug:slug>/indicators/<int:pk>/", views.indicator, name="indicator"),
    path("<slug:slug>/agencies/", views.agencies, name="agencies"),
    path("<slug:slug>/calendar/", views.calendar, name="calendar"),
    path("<slug:slug>/status/", views.change_status, name="status"),
    path("<slug:slug>/source/", views.source_file, name="source"),
]
