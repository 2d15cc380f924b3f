"""The work log as data value sets in the API v1 (export only):
``GET /api/v1/worklog/<plan>/<year>/datavaluesets/[?orgUnit=<code>]`` gives the plan's activity log and
planned funds of the year per unit (``work.datavalues``, whose module lists the codes: dataSet
``WORKLOG``, elements ``WL_*``), in the JSON shape of the report's sets. Each caller gets the units
whose funds and activities they read (``work.access.budget_units``: the province's readers and the
ministry every unit, a reporter their own units). The import endpoint refuses a WORKLOG set."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from binhdang.api import serializers
from binhdang.api.filters import text_param
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.access import visible_plans
from binhdang.work import access
from binhdang.work.datavalues import export_worklog


class WorklogDataValueSetsView(APIView):
    @extend_schema(
        summary=gettext_lazy(
            "The plan's activity log and planned funds of a year as data value sets (export only)"
        ),
        description=gettext_lazy(
            "dataSet WORKLOG, period the year, one set per unit you may read: WL_ACTIVITIES by activity "
            "type, WL_PARTICIPANTS by sex (MALE, FEMALE), WL_BUDGET_STATE, WL_BUDGET_OTHER and "
            "WL_PLANNED_FUNDS by source (CENTRAL, PROVINCE, COMMUNE, MOBILISED). Not importable."
        ),
        parameters=[
            OpenApiParameter("plan", OpenApiTypes.INT, OpenApiParameter.PATH),
            OpenApiParameter("year", OpenApiTypes.INT, OpenApiParameter.PATH),
            OpenApiParameter(
                "orgUnit", OpenApiTypes.STR, required=False, description=gettext_lazy("unit code")
            ),
        ],
        responses=serializers.DataValueSetsSerializer,
    )
    def get(self, request: Request, plan: int, year: int) -> Response:
        found = visible_plans(request.user).filter(pk=plan).first()
        if found is None:
            raise Http404
        first, last = found.period_start, found.period_end
        if (first is not None and year < first) or (last is not None and year > last):
            raise Http404
        units = access.budget_units(request.user, found)
        code = text_param(request, "orgUnit", 32)
        if code is not None:
            readable = OrgUnit.objects.filter(province_id=found.province_id) if units is None else units
            unit = readable.filter(code=code).first()
            if unit is None:
                raise ValidationError(
                    {
                        "orgUnit": [
                            _('no unit you may read in this plan has the code "%(code)s".') % {"code": code}
                        ]
                    }
                )
            units = OrgUnit.objects.filter(pk=unit.pk)
        return Response(export_worklog(found, year, units))
