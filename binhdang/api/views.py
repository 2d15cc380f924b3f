"""Read endpoints of the API v1: org units, plans and their indicators, reporting periods (with the
data value set export) and results. Every queryset comes from the apps' access helpers, so a caller
sees through the API exactly what the web pages show them; an object outside their reach is a 404."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from binhdang.accounts import unit_access as orgunit_access
from binhdang.api import serializers
from binhdang.api.filters import choice_param, filter_given, int_param, text_param
from binhdang.orgunits.models import OrgUnitType
from binhdang.plans import access as plan_access
from binhdang.plans.models import PlanStatus, Program
from binhdang.reporting import access as reporting_access
from binhdang.reporting.datavalue_export import export_data_value_sets
from binhdang.reporting.dhis2 import ID_SCHEMES, FormatError, export_dhis2_json
from binhdang.reporting.models import PeriodKind, PeriodStatus
from binhdang.results import access as results_access
from binhdang.results.engine import plan_results, plan_years


def _query(name: str, kind, description) -> OpenApiParameter:
    return OpenApiParameter(name, kind, OpenApiParameter.QUERY, required=False, description=description)


def _enum(name: str, choices, description) -> OpenApiParameter:
    return OpenApiParameter(
        name,
        OpenApiTypes.STR,
        OpenApiParameter.QUERY,
        required=False,
        enum=[value for value, _label in choices],
        description=description,
    )


PROVINCE_PARAM = _query("province", OpenApiTypes.STR, _("province code, e.g. 66"))


@extend_schema_view(
    list=extend_schema(
        summary=_("Organisation units you may see"),
        parameters=[
            PROVINCE_PARAM,
            _enum("type", OrgUnitType.choices, _("unit type")),
            _query("q", OpenApiTypes.STR, _("part of the name")),
        ],
    ),
    retrieve=extend_schema(summary=_("One organisation unit")),
)
class OrgUnitViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.OrgUnitSerializer

    def get_queryset(self):
        units = orgunit_access.visible_units(self.request.user).order_by(
            "province__code", "type", "name", "pk"
        )
        if self.action != "list":
            return units
        province = text_param(self.request, "province", 32)
        if province:
            units = units.filter(Q(province__code=province) | Q(code=province, type=OrgUnitType.PROVINCE))
        return filter_given(
            units,
            type=choice_param(self.request, "type", OrgUnitType.choices),
            name__icontains=text_param(self.request, "q"),
        )


@extend_schema_view(
    list=extend_schema(
        summary=_("Plans you may see"),
        parameters=[
            PROVINCE_PARAM,
            _enum("status", PlanStatus.choices, _("plan status")),
            _enum("program", Program.choices, _("programme")),
        ],
    ),
    retrieve=extend_schema(summary=_("One plan")),
)
class PlanViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.PlanSerializer

    def get_queryset(self):
        plans = plan_access.visible_plans(self.request.user).order_by("province__code", "-period_end", "pk")
        if self.action != "list":
            return plans
        return filter_given(
            plans,
            province__code=text_param(self.request, "province", 32),
            status=choice_param(self.request, "status", PlanStatus.choices),
            program=choice_param(self.request, "program", Program.choices),
        )

    @extend_schema(
        summary=_("The plan's indicators and their targets"),
        responses=serializers.IndicatorSerializer(many=True),
    )
    @action(detail=True, pagination_class=None)
    def indicators(self, request: Request, pk=None) -> Response:
        plan = self.get_object()
        indicators = (
            plan.indicators.select_related("catalog", "goal")
            .prefetch_related("targets")
            .order_by("order", "pk")
        )
        return Response(serializers.IndicatorSerializer(indicators, many=True).data)


@extend_schema_view(
    list=extend_schema(
        summary=_("Reporting periods you may see"),
        parameters=[
            _query("plan", OpenApiTypes.INT, _("plan id")),
            _query("year", OpenApiTypes.INT, _("reporting year")),
            _enum("status", PeriodStatus.choices, _("period status")),
            _enum("kind", PeriodKind.choices, _("period kind")),
            PROVINCE_PARAM,
        ],
    ),
    retrieve=extend_schema(summary=_("One reporting period")),
)
class PeriodViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.PeriodSerializer

    def get_queryset(self):
        periods = reporting_access.visible_periods(self.request.user).order_by("-year", "plan_id", "pk")
        if self.action != "list":
            return periods
        return filter_given(
            periods,
            plan=int_param(self.request, "plan"),
            year=int_param(self.request, "year"),
            status=choice_param(self.request, "status", PeriodStatus.choices),
            kind=choice_param(self.request, "kind", PeriodKind.choices),
            province__code=text_param(self.request, "province", 32),
        )

    @extend_schema(
        summary=_("The period's reports as data value sets (focal officers, leaders, the ministry)"),
        responses=serializers.DataValueSetsSerializer,
    )
    @action(detail=True, pagination_class=None)
    def datavaluesets(self, request: Request, pk=None) -> Response:
        period = self.get_object()
        if not reporting_access.can_view_board(request.user, period):
            raise PermissionDenied(
                _("Only the province's focal officers, leaders and the ministry export data.")
            )
        return Response(export_data_value_sets(period))

    @extend_schema(
        summary=_("The period's reports as ONE DHIS2 dataValueSet (values carry orgUnit, period, dataSet)"),
        parameters=[
            OpenApiParameter(
                "idScheme",
                OpenApiTypes.STR,
                enum=list(ID_SCHEMES),
                required=False,
                description=_("CODE (default): org units by code; UID: by their DHIS2 uid"),
            )
        ],
        responses=serializers.Dhis2DataValueSetSerializer,
    )
    @action(detail=True, pagination_class=None)
    def dhis2(self, request: Request, pk=None) -> Response:
        period = self.get_object()
        if not reporting_access.can_view_board(request.user, period):
            raise PermissionDenied(
                _("Only the province's focal officers, leaders and the ministry export data.")
            )
        scheme = (request.query_params.get("idScheme") or "CODE").upper()
        try:
            data = export_dhis2_json(export_data_value_sets(period)["dataValueSets"], scheme)
        except FormatError as exc:
            raise ValidationError({"idScheme": exc.messages}) from exc
        return Response(data)


class ResultsView(APIView):
    """A plan's results for a year, computed live (as ``binhdang results --json``)."""

    @extend_schema(
        summary=_("A plan's results for a year"),
        parameters=[
            OpenApiParameter("plan", OpenApiTypes.INT, OpenApiParameter.PATH),
            OpenApiParameter("year", OpenApiTypes.INT, OpenApiParameter.PATH),
        ],
        responses=serializers.ResultsSerializer,
    )
    def get(self, request: Request, plan: int, year: int) -> Response:
        found = results_access.get_plan(request.user, plan)
        if year not in plan_years(found):
            raise Http404
        return Response(plan_results(found, year).as_json())
