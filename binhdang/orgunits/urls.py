from django.urls import path

from binhdang.orgunits import views

app_name = "orgunits"
urlpatterns = [
    path("", views.browse, name="browse"),
]
