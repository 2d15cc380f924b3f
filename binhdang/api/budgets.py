"""A plan's funds in the API v1: ``/api/v1/budgets/?plan=&unit=<code>&year=`` lists, for each plan,
year and unit the user may read, the planned funds and the funds spent according to the activity log
and to the submitted reports, by source (``work.budget``, whose module documents the rules). Amounts in
whole đồng. Read only: planned funds are entered on the budget page."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from binhdang.api.filters import int_param, text_param
from binhdang.api.work import _FILTERS, _year
from binhdang.plans.access import visible_plans
from binhdang.work import access, budget
from binhdang.work.models import FundSource


class AmountsSerializer(serializers.Serializer):
    central = serializers.IntegerField(help_text=str(FundSource.CENTRAL.label))
    province = serializers.IntegerField(help_text=str(FundSource.PROVINCE.label))
    commune = serializers.IntegerField(help_text=str(FundSource.COMMUNE.label))
    mobilised = serializers.IntegerField(help_text=str(FundSource.MOBILISED.label))
    total = serializers.IntegerField()


class BudgetRowSerializer(serializers.Serializer):
    plan = serializers.IntegerField()
    year = serializers.IntegerField()
    unit = serializers.DictField(help_text="id, code, name")
    planned = AmountsSerializer()
    spent_log = AmountsSerializer()
    spent_reported = AmountsSerializer(allow_null=True, help_text=_("null without a submitted report"))


def _amounts(by_source: dict[str, int]) -> dict[str, int]:
    return {**by_source, "total": sum(by_source.values())}


def rows_for(user, plan_id: int | None, unit_code: str | None, year: int | None) -> list[dict]:
    plans = visible_plans(user).order_by("pk")
    if plan_id is not None:
        plans = plans.filter(pk=plan_id)
    rows = []
    for plan in plans:
        first, last = plan.period_start, plan.period_end
        if year is not None:
            years = [year] if (first is None or first <= year) and (last is None or year <= last) else []
        elif plan_id is not None and first and last:
            years = list(range(first, last + 1))
        else:
            years = [timezone.localdate().year]
        units = access.budget_units(user, plan)
        for each in years:
            summary = budget.summary(plan, each, units)
            for row in summary.rows:
                if unit_code is not None and row.unit.code != unit_code:
                    continue
                rows.append(
                    {
                        "plan": plan.pk,
                        "year": each,
                        "unit": {"id": row.unit.pk, "code": row.unit.code, "name": row.unit.name},
                        "planned": _amounts(row.planned),
                        "spent_log": _amounts(row.log),
                        "spent_reported": _amounts(row.reported) if row.has_report else None,
                    }
                )
    return rows


@extend_schema_view(
    list=extend_schema(
        summary=_("Planned and spent funds by unit, year and source"),
        description=_(
            "Without a year: every year of the plan's period when a plan is given, else the current year."
        ),
        parameters=_FILTERS,
        responses=BudgetRowSerializer(many=True),
    )
)
class BudgetViewSet(viewsets.GenericViewSet):
    serializer_class = BudgetRowSerializer
    http_method_names = ["get", "head", "options"]

    def list(self, request: Request) -> Response:
        rows = rows_for(
            request.user, int_param(request, "plan"), text_param(request, "unit", 32), _year(request)
        )
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(page)
