from django.urls import path

from binhdang.results.genderstats import views

app_name = "genderstats"

urlpatterns = [
    path("", views.index, name="index"),
    path("record/", views.record, name="record"),
    path("import/", views.import_file, name="import"),
    path("data.<str:fmt>", views.export, name="export"),
]
