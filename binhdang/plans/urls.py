from django.urls import path

from binhdang.plans import views
from binhdang.plans.views import feeds

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("upload/", views.upload, name="upload"),
    path("feeds/<str:key>.ics", feeds.calendar_feed, name="calendar_feed"),
    path("feeds/create/", feeds.calendar_feed_create, name="calendar_feed_create"),
    path("feeds/revoke/", feeds.calendar_feed_revoke, name="calendar_feed_revoke"),
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
