"""Inspections and supervision in the API v1 (``/api/v1/inspections/``): list (``?plan=&unit=<code>&year=``),
detail, create (the province's focal officer, with follow-up items) and PATCH: the focal officer
corrects the inspection and adds or corrects follow-up items; the responsible unit's reporter sets the
status and note of the items addressed to it. Reads through ``work.inspection_access``, writes through
``work.inspections`` (its refusals come back as JSON errors with their Vietnamese message)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from binhdang.api.filters import filter_given, int_param, text_param
from binhdang.api.serializers import UnitRefSerializer
from binhdang.api.work import _FILTERS, _refused, _year
from binhdang.orgunits.models import OrgUnit
from binhdang.work import inspection_access as access
from binhdang.work import inspections
from binhdang.work.errors import WorkError
from binhdang.work.inspection_models import (
    FOLLOW_UP_CHOICES,
    FollowUp,
    FollowUpStatus,
    Inspection,
    InspectionKind,
)


class FollowUpSerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer(read_only=True)
    status = serializers.SerializerMethodField()

    class Meta:
        model = FollowUp
        fields = ["id", "text", "unit", "deadline", "status", "note", "updated_at"]

    def get_status(self, item: FollowUp) -> str:
        """The status shown: ``overdue`` when the deadline has passed and the item is not done."""
        return item.shown_status()


class InspectionSerializer(serializers.ModelSerializer):
    units = UnitRefSerializer(many=True, read_only=True)
    lead_agency = UnitRefSerializer(read_only=True, allow_null=True)
    follow_ups = FollowUpSerializer(many=True, read_only=True)

    class Meta:
        model = Inspection
        fields = [
            "id", "plan", "kind", "title", "units", "planned_date", "done_date", "lead_agency", "team",
            "findings", "recommendations", "follow_ups", "created_at",
        ]  # fmt: skip


class FollowUpWriteSerializer(serializers.Serializer):
    id = serializers.IntegerField(required=False, help_text=_("an existing item (absent: a new item)"))
    text = serializers.CharField(max_length=2000, required=False)
    unit = serializers.CharField(max_length=32, required=False, help_text=_("unit code"))
    deadline = serializers.DateField(required=False)
    status = serializers.ChoiceField(choices=FOLLOW_UP_CHOICES, required=False)
    note = serializers.CharField(max_length=4000, required=False, allow_blank=True)


class InspectionWriteSerializer(serializers.Serializer):
    plan = serializers.IntegerField(required=False)
    kind = serializers.ChoiceField(choices=InspectionKind.choices, required=False)
    title = serializers.CharField(max_length=500, required=False)
    units = serializers.ListField(
        child=serializers.CharField(max_length=32), required=False, help_text=_("unit codes")
    )
    planned_date = serializers.DateField(required=False)
    done_date = serializers.DateField(required=False, allow_null=True)
    lead_agency = serializers.CharField(
        max_length=32, required=False, allow_null=True, allow_blank=True, help_text=_("unit code")
    )
    team = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    findings = serializers.CharField(max_length=8000, required=False, allow_blank=True)
    recommendations = serializers.CharField(max_length=8000, required=False, allow_blank=True)
    follow_ups = FollowUpWriteSerializer(many=True, required=False)


def _unit(code: str | None, field: str) -> OrgUnit | None:
    if not code:
        return None
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None:
        raise ValidationError({field: [_("No unit with the code %(code)s.") % {"code": code}]})
    return unit


def _inspection_values(given: dict) -> dict:
    values = {k: v for k, v in given.items() if k in inspections.FIELDS}
    if "units" in given:
        values["units"] = [_unit(code, "units") for code in given["units"]]
    if "lead_agency" in given:
        values["lead_agency"] = _unit(given["lead_agency"], "lead_agency")
    return values


def _item_values(given: dict) -> dict:
    values = {k: v for k, v in given.items() if k in inspections.FOLLOW_UP_FIELDS}
    if "unit" in given:
        values["unit"] = _unit(given["unit"], "follow_ups")
    return values


@extend_schema_view(
    list=extend_schema(summary=_("Inspections and supervision you may see"), parameters=_FILTERS),
    retrieve=extend_schema(summary=_("One inspection with its follow-up items")),
)
class InspectionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = InspectionSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        found = (
            access.visible_inspections(self.request.user)
            .select_related("lead_agency")
            .prefetch_related("units", "follow_ups__unit")
            .order_by("-planned_date", "-pk")
        )
        if self.action != "list":
            return found
        year = _year(self.request)
        if year is not None:
            found = found.filter(Q(planned_date__year=year) | Q(done_date__year=year))
        unit = text_param(self.request, "unit", 32)
        if unit is not None:
            found = found.filter(pk__in=Inspection.objects.filter(units__code=unit).values("pk"))
        return filter_given(found, plan_id=int_param(self.request, "plan"))

    @extend_schema(
        summary=_("Record an inspection, with its follow-up items (the province's focal officer)"),
        request=InspectionWriteSerializer,
        responses={201: InspectionSerializer},
    )
    def create(self, request: Request) -> Response:
        data = InspectionWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        given = data.validated_data
        plan = access.inspection_plans(request.user).filter(pk=given.get("plan")).first()
        if plan is None:
            raise ValidationError({"plan": [_("No plan with this id whose inspections you may record.")]})
        items = []
        for item in given.get("follow_ups", []):
            if "id" in item:
                raise ValidationError(
                    {"follow_ups": [_("A new inspection has no existing follow-up items.")]}
                )
            items.append(_item_values(item) | {"status": item.get("status") or FollowUpStatus.NOT_STARTED})
        try:
            inspection = inspections.record(plan, request.user, _inspection_values(given), items)
        except WorkError as error:
            raise _refused(error) from error
        return Response(
            self.get_serializer(self.get_queryset().get(pk=inspection.pk)).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        summary=_(
            "Correct an inspection and its follow-up items (the focal officer), or set the status and note of "
            "the items addressed to your unit (its reporters)"
        ),
        request=InspectionWriteSerializer,
        responses={200: InspectionSerializer},
    )
    def partial_update(self, request: Request, pk=None) -> Response:
        inspection = self.get_object()
        data = InspectionWriteSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        given = data.validated_data
        if "plan" in given and given["plan"] != inspection.plan_id:
            raise ValidationError({"plan": [_("An inspection cannot move to another plan.")]})
        try:
            with transaction.atomic():
                values = _inspection_values(given)
                if values:
                    inspections.change(inspection, request.user, values)
                for item in given.get("follow_ups", []):
                    values = _item_values(item)
                    if "id" not in item:
                        inspections.add_follow_up(inspection, request.user, values)
                        continue
                    found = inspection.follow_ups.filter(pk=item["id"]).first()
                    if found is None:
                        raise ValidationError(
                            {
                                "follow_ups": [
                                    _("No follow-up item %(id)s in this inspection.") % {"id": item["id"]}
                                ]
                            }
                        )
                    inspections.update_follow_up(found, request.user, values)
        except WorkError as error:
            raise _refused(error) from error
        return Response(self.get_serializer(self.get_queryset().get(pk=inspection.pk)).data)
