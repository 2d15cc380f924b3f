"""The year's work in the API v1: a plan's tasks with their follow-up (``/api/v1/tasks/``; PATCH adds a
progress update), the units' activity log (``/api/v1/activities/``: list, detail, create, PATCH) and
the plans' campaigns (``/api/v1/campaigns/?plan=&year=``: read-only list).
Reads go through ``work.access``; writes through ``work.task_followup`` and ``work.activities``, whose
refusals come back as JSON errors with their Vietnamese message."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from binhdang.api.filters import filter_given, int_param, text_param
from binhdang.api.serializers import UnitRefSerializer
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.access import visible_plans
from binhdang.plans.models import Campaign, Task
from binhdang.work import access, activities, task_followup
from binhdang.work.errors import AccessDenied, WorkError
from binhdang.work.models import (
    MAX_DONG,
    MAX_PEOPLE,
    Activity,
    ActivityType,
    TaskStatus,
    TaskUpdate,
    effective_status,
)

_FILTERS = [
    OpenApiParameter("plan", OpenApiTypes.INT, required=False, description=_("plan id")),
    OpenApiParameter("unit", OpenApiTypes.STR, required=False, description=_("unit code")),
    OpenApiParameter("year", OpenApiTypes.INT, required=False, description=_("year")),
]


def _year(request: Request) -> int | None:
    year = int_param(request, "year")
    if year is not None and not 1900 <= year <= 2100:
        raise ValidationError({"year": [_("must be a year between 1900 and 2100.")]})
    return year


def _refused(error: WorkError):
    if isinstance(error, AccessDenied):
        return PermissionDenied(str(error))
    return ValidationError({error.field or "non_field_errors": [str(error)]})


class TaskUpdateSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.get_full_name", read_only=True)

    class Meta:
        model = TaskUpdate
        fields = ["id", "created_at", "author", "status", "note", "file_name"]


class TaskSerializer(serializers.ModelSerializer):
    lead = UnitRefSerializer(read_only=True)
    status = serializers.SerializerMethodField()
    updates = TaskUpdateSerializer(many=True, read_only=True)

    class Meta:
        model = Task
        fields = ["id", "plan", "code", "title", "lead", "lead_text", "timeframe", "status", "updates"]

    def get_status(self, task: Task) -> str:
        """The current status: that of the latest update, late when a dated time frame has passed."""
        last = getattr(task, "last_status", None) or TaskStatus.NOT_STARTED
        return effective_status(last, task.timeframe, timezone.localdate(), task.due_date)


class TaskProgressSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=TaskStatus.choices)
    note = serializers.CharField(max_length=4000)


@extend_schema_view(
    list=extend_schema(summary=_("Tasks of the plans you may see, with their progress"), parameters=_FILTERS),
    retrieve=extend_schema(summary=_("One task with its progress updates")),
)
class TaskViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = TaskSerializer
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self):
        tasks = task_followup.with_progress(
            access.visible_tasks(self.request.user)
            .select_related("lead", "plan")
            .prefetch_related("updates__author")
            .order_by("plan_id", "order", "pk")
        )
        if self.action != "list":
            return tasks
        year = _year(self.request)
        if year is not None:
            tasks = tasks.filter(
                Q(plan__period_start__isnull=True) | Q(plan__period_start__lte=year),
                Q(plan__period_end__isnull=True) | Q(plan__period_end__gte=year),
            )
        return filter_given(
            tasks, plan_id=int_param(self.request, "plan"), lead__code=text_param(self.request, "unit", 32)
        )

    @extend_schema(
        summary=_("Add a progress update (the lead agency's reporters and the focal officer)"),
        request=TaskProgressSerializer,
        responses={200: TaskSerializer},
    )
    def partial_update(self, request: Request, pk=None) -> Response:
        task = self.get_object()
        data = TaskProgressSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            task_followup.add_update(task, request.user, **data.validated_data)
        except WorkError as error:
            raise _refused(error) from error
        return Response(self.get_serializer(self.get_queryset().get(pk=task.pk)).data)


class ActivitySerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer(read_only=True)
    files = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")

    class Meta:
        model = Activity
        fields = [
            "id", "plan", "unit", "type", "date", "place", "campaign", "male", "female",
            "budget_state", "budget_other", "description", "files", "created_at",
        ]  # fmt: skip


class ActivityWriteSerializer(serializers.Serializer):
    plan = serializers.IntegerField(required=False)
    unit = serializers.CharField(max_length=32, required=False, help_text=_("unit code"))
    type = serializers.ChoiceField(choices=ActivityType.choices, required=False)
    date = serializers.DateField(required=False)
    place = serializers.CharField(max_length=255, required=False)
    campaign = serializers.IntegerField(required=False, allow_null=True)
    male = serializers.IntegerField(min_value=0, max_value=MAX_PEOPLE, required=False)
    female = serializers.IntegerField(min_value=0, max_value=MAX_PEOPLE, required=False)
    budget_state = serializers.IntegerField(min_value=0, max_value=MAX_DONG, required=False)
    budget_other = serializers.IntegerField(min_value=0, max_value=MAX_DONG, required=False)
    description = serializers.CharField(max_length=2000, required=False, allow_blank=True)


def _values(data: dict, plan_id: int) -> dict:
    values = {k: v for k, v in data.items() if k in activities.FIELDS}
    if "campaign" in data:
        campaign = data["campaign"]
        values["campaign"] = (
            Campaign.objects.filter(pk=campaign, plan_id=plan_id).first() if campaign else None
        )
        if campaign and values["campaign"] is None:
            raise ValidationError({"campaign": [_("The campaign is not one of this plan's.")]})
    return values


@extend_schema_view(
    list=extend_schema(summary=_("Activities you may see"), parameters=_FILTERS),
    retrieve=extend_schema(summary=_("One activity")),
)
class ActivityViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ActivitySerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        logged = access.visible_activities(self.request.user).select_related("unit").order_by("-date", "-pk")
        if self.action != "list":
            return logged
        return filter_given(
            logged,
            plan_id=int_param(self.request, "plan"),
            unit__code=text_param(self.request, "unit", 32),
            date__year=_year(self.request),
        )

    @extend_schema(
        summary=_("Record an activity of a unit (its reporters and the focal officer)"),
        request=ActivityWriteSerializer,
        responses={201: ActivitySerializer},
    )
    def create(self, request: Request) -> Response:
        data = ActivityWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        given = data.validated_data
        plan = access.recording_plans(request.user).filter(pk=given.get("plan")).first()
        unit = OrgUnit.objects.filter(code=given.get("unit") or "").first()
        errors = {}
        if plan is None:
            errors["plan"] = [_("No plan with this id under which you may record activities.")]
        if unit is None or (
            plan is not None and not access.recordable_units(request.user, plan).filter(pk=unit.pk).exists()
        ):
            errors["unit"] = [_("No unit with this code for which you may record activities.")]
        if errors:
            raise ValidationError(errors)
        assert plan is not None
        try:
            activity = activities.record(plan, unit, request.user, _values(given, plan.pk))
        except WorkError as error:
            raise _refused(error) from error
        return Response(self.get_serializer(activity).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Correct an activity (its unit's reporters and the focal officer)"),
        request=ActivityWriteSerializer,
        responses={200: ActivitySerializer},
    )
    def partial_update(self, request: Request, pk=None) -> Response:
        activity = self.get_object()
        data = ActivityWriteSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        try:
            activities.change(activity, request.user, _values(data.validated_data, activity.plan_id))
        except WorkError as error:
            raise _refused(error) from error
        return Response(self.get_serializer(self.get_queryset().get(pk=activity.pk)).data)


class CampaignSerializer(serializers.ModelSerializer):
    """A campaign of a plan with its first and last day in the year asked (``?year=``, default this
    year); ``end_month``/``end_day`` are null for a single day."""

    year = serializers.SerializerMethodField()
    start = serializers.SerializerMethodField()
    end = serializers.SerializerMethodField()

    class Meta:
        model = Campaign
        fields = [
            "id", "plan", "name", "origin", "start_month", "start_day", "end_month", "end_day",
            "year", "start", "end",
        ]  # fmt: skip

    def _year(self) -> int:
        return self.context.get("year") or timezone.localdate().year

    def get_year(self, campaign: Campaign) -> int:
        return self._year()

    @extend_schema_field(OpenApiTypes.DATE)
    def get_start(self, campaign: Campaign):
        return campaign.dates_in(self._year())[0]

    @extend_schema_field(OpenApiTypes.DATE)
    def get_end(self, campaign: Campaign):
        return campaign.dates_in(self._year())[1]


@extend_schema_view(
    list=extend_schema(
        summary=_("Campaigns and commemorative days of the plans you may see, with their dates in a year"),
        parameters=[
            OpenApiParameter("plan", OpenApiTypes.INT, required=False, description=_("plan id")),
            OpenApiParameter("year", OpenApiTypes.INT, required=False, description=_("year")),
        ],
    ),
)
class CampaignViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = CampaignSerializer
    http_method_names = ["get", "head", "options"]

    def get_queryset(self):
        campaigns = Campaign.objects.filter(plan__in=visible_plans(self.request.user).values("pk"))
        year = _year(self.request)
        if year is not None:
            campaigns = campaigns.filter(
                Q(plan__period_start__isnull=True) | Q(plan__period_start__lte=year),
                Q(plan__period_end__isnull=True) | Q(plan__period_end__gte=year),
            )
        return filter_given(campaigns, plan_id=int_param(self.request, "plan")).order_by(
            "plan_id", "start_month", "start_day", "order", "pk"
        )

    def get_serializer_context(self) -> dict:
        return super().get_serializer_context() | {"year": _year(self.request)}
