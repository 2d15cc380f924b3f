"""REST API v1 under ``/api/v1/`` (see README, "REST API"): a router of viewsets plus the results,
the data value set import, the OpenAPI schema and its Swagger UI page."""

from django.urls import include, path, re_path
from rest_framework.routers import SimpleRouter

from binhdang.api import budgets, docs, exceptions, inspections, reports, statistics, views, work, worklog

app_name = "api"

router = SimpleRouter()
router.register("orgunits", views.OrgUnitViewSet, basename="orgunit")
router.register("plans", views.PlanViewSet, basename="plan")
router.register("periods", views.PeriodViewSet, basename="period")
router.register("submissions", reports.SubmissionViewSet, basename="submission")
router.register("tasks", work.TaskViewSet, basename="task")
router.register("activities", work.ActivityViewSet, basename="activity")
router.register("campaigns", work.CampaignViewSet, basename="campaign")
router.register("budgets", budgets.BudgetViewSet, basename="budget")
router.register("inspections", inspections.InspectionViewSet, basename="inspection")
router.register("gender-statistics", statistics.GenderStatisticViewSet, basename="gender-statistic")

urlpatterns = [
    path("v1/schema/", docs.SchemaView.as_view(), name="schema"),
    path("v1/docs/", docs.swagger, name="docs"),
    path("v1/results/<int:plan>/<int:year>/", views.ResultsView.as_view(), name="results"),
    path("v1/datavaluesets/", reports.DataValueSetImportView.as_view(), name="datavaluesets"),
    path(
        "v1/worklog/<int:plan>/<int:year>/datavaluesets/",
        worklog.WorklogDataValueSetsView.as_view(),
        name="worklog-datavaluesets",
    ),
    path("v1/", include(router.urls)),
    # anything else under /api/: a JSON 404, not the site's HTML page
    re_path(r"^(?P<rest>.*)$", exceptions.not_found, name="not_found"),
]
