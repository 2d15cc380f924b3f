from django.urls import path

from binhdang.work import budget_views, campaign_views, inspection_views, task_views, views

app_name = "work"

urlpatterns = [
    path("", views.index, name="index"),
    path("plans/<slug:slug>/tasks/", views.task_list, name="tasks"),
    path("tasks/<int:pk>/", views.task_detail, name="task"),
    path("plans/<slug:slug>/tasks/new/", task_views.task_new, name="task_new"),
    path("tasks/<int:pk>/edit/", task_views.task_edit, name="task_edit"),
    path("tasks/<int:pk>/remove/", task_views.task_remove, name="task_remove"),
    path("tasks/<int:pk>/updates/<int:update_pk>/file/", views.update_file, name="update_file"),
    path("plans/<slug:slug>/activities/", views.activity_list, name="activities"),
    path("plans/<slug:slug>/activities/new/", views.activity_new, name="activity_new"),
    path("activities/<int:pk>/", views.activity_detail, name="activity"),
    path("plans/<slug:slug>/budget/", budget_views.budget_default, name="budget_default"),
    path("plans/<slug:slug>/budget/<int:year>/", budget_views.budget_page, name="budget"),
    path("activities/<int:pk>/files/<int:file_pk>/", views.activity_file, name="activity_file"),
    path("plans/<slug:slug>/campaigns/", campaign_views.campaign_calendar_page, name="campaigns"),
    path("plans/<slug:slug>/campaigns/new/", campaign_views.campaign_new, name="campaign_new"),
    path("campaigns/<int:pk>/", campaign_views.campaign_edit, name="campaign_edit"),
    path("campaigns/<int:pk>/delete/", campaign_views.campaign_delete, name="campaign_delete"),
    # inspections and supervision (work/inspection_views.py)
    path("plans/<slug:slug>/inspections/", inspection_views.inspection_list, name="inspections"),
    path("plans/<slug:slug>/inspections/new/", inspection_views.inspection_new, name="inspection_new"),
    path("inspections/<int:pk>/", inspection_views.inspection_detail, name="inspection"),
    path("inspections/<int:pk>/edit/", inspection_views.inspection_edit, name="inspection_edit"),
    path("inspections/<int:pk>/remove/", inspection_views.inspection_remove, name="inspection_remove"),
    path("inspections/<int:pk>/follow-ups/new/", inspection_views.follow_up_new, name="follow_up_new"),
    path("follow-ups/<int:pk>/", inspection_views.follow_up, name="follow_up"),
    path("follow-ups/<int:pk>/remove/", inspection_views.follow_up_remove, name="follow_up_remove"),
]
