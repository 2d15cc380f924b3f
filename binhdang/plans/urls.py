from django.urls import path

from binhdang.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
]
