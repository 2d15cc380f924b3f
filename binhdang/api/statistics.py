"""The province's gender statistics in the API v1 (``/api/v1/gender-statistics/``): read only, with the
filters ``?plan=&year=&province=&series=&sex=``. What a caller sees comes from
``results.genderstats.access`` (the web page's rule); figures are recorded on the website."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import ValidationError

from binhdang.api.filters import filter_given, int_param, text_param
from binhdang.plans.models import Plan
from binhdang.results.genderstats import access
from binhdang.results.models import GenderStatistic, Sex


class GenderStatisticSerializer(serializers.ModelSerializer):
    province = serializers.CharField(source="province.code", read_only=True)
    agency = serializers.CharField(
        source="recorded_by_unit.code", read_only=True, allow_null=True, default=None
    )
    value = serializers.DecimalField(max_digits=18, decimal_places=4, coerce_to_string=False, read_only=True)

    class Meta:
        model = GenderStatistic
        fields = [
            "id",
            "province",
            "series",
            "year",
            "sex",
            "value",
            "unit",
            "source",
            "note",
            "agency",
            "updated_at",
        ]


_FILTERS = [
    OpenApiParameter(
        "plan", OpenApiTypes.INT, required=False, description=_("plan id: its province and indicators")
    ),
    OpenApiParameter("year", OpenApiTypes.INT, required=False, description=_("year")),
    OpenApiParameter("province", OpenApiTypes.STR, required=False, description=_("province unit code")),
    OpenApiParameter(
        "series", OpenApiTypes.STR, required=False, description=_("indicator code, e.g. NQ28.2.1")
    ),
    OpenApiParameter("sex", OpenApiTypes.STR, required=False, description=_("_T, F or M")),
]


@extend_schema_view(
    list=extend_schema(summary=_("The provinces' gender statistics by year and sex"), parameters=_FILTERS),
    retrieve=extend_schema(summary=_("One figure of the gender statistics")),
)
class GenderStatisticViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = GenderStatisticSerializer

    def get_queryset(self):
        figures = (
            access.visible_statistics(self.request.user)
            .select_related("province", "recorded_by_unit")
            .order_by("province__code", "series", "year", "sex")
        )
        if self.action != "list":
            return figures
        year = int_param(self.request, "year")
        if year is not None and not 1900 <= year <= 2100:
            raise ValidationError({"year": [_("must be a year between 1900 and 2100.")]})
        sex = text_param(self.request, "sex", 2)
        if sex is not None and sex not in Sex.values:
            raise ValidationError({"sex": [_("must be _T, F or M.")]})
        plan_id = int_param(self.request, "plan")
        if plan_id is not None:
            plan = Plan.objects.filter(pk=plan_id).first()
            codes = (
                list(plan.indicators.exclude(catalog=None).values_list("catalog__code", flat=True))
                if plan
                else []
            )
            figures = figures.filter(province_id=plan.province_id if plan else None, series__in=codes)
        return filter_given(
            figures,
            year=year,
            province__code=text_param(self.request, "province", 16),
            series=text_param(self.request, "series", 16),
            sex=sex,
        )
