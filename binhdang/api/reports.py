"""Report endpoints of the API v1: submissions (read, create, save values, submit, return, accept) and
the data value set import. Reads go through ``reporting.access``; every write goes through
``reporting.services`` (or ``reporting.datavaluesets``), whose refusals come back as JSON errors with
their Vietnamese message (see ``api.exceptions``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ParseError, PermissionDenied, ValidationError
from rest_framework.parsers import BaseParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from binhdang.accounts import unit_access as orgunit_access
from binhdang.api import serializers
from binhdang.api.filters import bool_param, choice_param, filter_given, int_param, text_param
from binhdang.api.parsers import BoundedJSONParser
from binhdang.reporting import access, import_summary, services
from binhdang.reporting.datavaluesets import DataValueSetError, import_data_value_sets
from binhdang.reporting.dhis2 import FormatError, read_adx
from binhdang.reporting.models import State, Submission

_VERSION_409 = {409: serializers.ErrorSerializer}


@extend_schema_view(
    list=extend_schema(
        summary=_("Reports you may see"),
        parameters=[
            OpenApiParameter("period", OpenApiTypes.INT, required=False, description=_("period id")),
            OpenApiParameter("unit", OpenApiTypes.STR, required=False, description=_("unit code")),
            OpenApiParameter(
                "status",
                OpenApiTypes.STR,
                enum=[v for v, _l in State.choices],
                required=False,
                description=_("report state"),
            ),
        ],
    ),
    retrieve=extend_schema(summary=_("One report, with its values")),
)
class SubmissionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = serializers.SubmissionSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        reports = (
            access.visible_submissions(self.request.user)
            .select_related("period", "period__plan", "unit")
            .prefetch_related("values", "state_changes__user")
            .order_by("period_id", "unit__code", "pk")
        )
        if self.action != "list":
            return reports
        return filter_given(
            reports,
            period_id=int_param(self.request, "period"),
            unit__code=text_param(self.request, "unit", 32),
            state=choice_param(self.request, "status", State.choices),
        )

    def _fresh(self, submission: Submission) -> dict:
        return self.get_serializer(self.get_queryset().get(pk=submission.pk)).data

    @extend_schema(
        summary=_("Start the report of a unit in a period (or get it if it exists)"),
        request=serializers.SubmissionCreateSerializer,
        responses={201: serializers.SubmissionSerializer, 200: serializers.SubmissionSerializer},
    )
    def create(self, request: Request) -> Response:
        data = serializers.SubmissionCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        period = access.visible_periods(request.user).filter(pk=data.validated_data["period"]).first()
        given = data.validated_data["unit"]
        units = orgunit_access.visible_units(request.user)
        unit = (units.filter(pk=given) if isinstance(given, int) else units.filter(code=given)).first()
        errors = {}
        if period is None:
            errors["period"] = [_("No reporting period with this id that you may see.")]
        if unit is None:
            errors["unit"] = [_("No organisation unit with this code that you may see.")]
        if period is None or unit is None:
            raise ValidationError(errors)
        existing = Submission.objects.filter(period=period, unit=unit).first()
        if existing is not None:
            if not access.can_view_submission(request.user, existing):
                raise PermissionDenied(_("You cannot start this report."))
            return Response(self._fresh(existing), status=status.HTTP_200_OK)
        submission = services.get_or_create_submission(period, unit, request.user)
        return Response(self._fresh(submission), status=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Save values and narrative (a draft or a returned report)"),
        request=serializers.SubmissionUpdateSerializer,
        responses={200: serializers.SaveResultSerializer, **_VERSION_409},
    )
    def partial_update(self, request: Request, pk=None) -> Response:
        submission = self.get_object()
        data = serializers.SubmissionUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = {
            (item["dataElement"], item.get("categoryOptionCombo") or ""): item["value"]
            for item in data.validated_data["values"]
        }
        narrative = data.validated_data.get("narrative")
        if not access.can_see_narrative(request.user, submission):
            narrative = None
        result = services.save_draft(
            submission, values, narrative, request.user, expected_version=data.validated_data["version"]
        )
        return Response(
            {
                "submission": self._fresh(result.submission),
                "changed": result.changed,
                "warnings": [w.as_dict() for w in result.warnings],
                "pending": [p.as_dict() for p in result.pending],
            }
        )

    def _step(self, request: Request, run) -> Response:
        submission = self.get_object()
        data = serializers.ActionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        run(submission, data.validated_data)
        return Response(self._fresh(submission))

    @extend_schema(
        summary=_("Submit the report (refused with the list of problems while a value is missing)"),
        request=serializers.ActionSerializer,
        responses={200: serializers.SubmissionSerializer, **_VERSION_409},
    )
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk=None) -> Response:
        return self._step(
            request,
            lambda s, d: services.submit(s, request.user, expected_version=d.get("version"), source="api"),
        )

    @extend_schema(
        summary=_("Return a submitted report for correction (focal officer; comment required)"),
        request=serializers.ActionSerializer,
        responses={200: serializers.SubmissionSerializer, **_VERSION_409},
    )
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_(self, request: Request, pk=None) -> Response:
        return self._step(
            request,
            lambda s, d: services.return_submission(
                s, request.user, d["comment"], expected_version=d.get("version"), source="api"
            ),
        )

    @extend_schema(
        summary=_("Accept a submitted report (focal officer)"),
        request=serializers.ActionSerializer,
        responses={200: serializers.SubmissionSerializer, **_VERSION_409},
    )
    @action(detail=True, methods=["post"])
    def accept(self, request: Request, pk=None) -> Response:
        return self._step(
            request,
            lambda s, d: services.accept(
                s, request.user, comment=d["comment"], expected_version=d.get("version"), source="api"
            ),
        )

    @extend_schema(
        summary=_("Reopen an accepted report: it goes back to the unit as returned (focal officer)"),
        request=serializers.ActionSerializer,
        responses={200: serializers.SubmissionSerializer, **_VERSION_409},
    )
    @action(detail=True, methods=["post"])
    def reopen(self, request: Request, pk=None) -> Response:
        return self._step(
            request,
            lambda s, d: services.reopen(
                s, request.user, d["comment"], expected_version=d.get("version"), source="api"
            ),
        )


class AdxParser(BaseParser):
    """ADX (DHIS2's XML) in the body, read into the importer's shape."""

    media_type = "application/adx+xml"

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return read_adx(stream.read())
        except FormatError as exc:
            raise ParseError(exc.messages[0]) from exc


class XmlAdxParser(AdxParser):
    media_type = "application/xml"


class DataValueSetImportView(APIView):
    """Import data value sets, all or nothing; ``?dryRun=true`` checks without saving. The body is
    binhdang's or DHIS2's JSON (values carrying their own orgUnit, period, dataSet), or ADX
    (``Content-Type: application/adx+xml``). The answer is DHIS2's import summary."""

    parser_classes = [BoundedJSONParser, AdxParser, XmlAdxParser]

    @extend_schema(
        summary=_("Import data value sets (focal officers and reporters, for their units)"),
        description=_(
            "binhdang's {\"dataValueSets\": [...]}, DHIS2's dataValueSet JSON (values carrying orgUnit, "
            "period, dataSet), or ADX XML with Content-Type application/adx+xml; answers DHIS2's import summary."
        ),
        parameters=[OpenApiParameter("dryRun", OpenApiTypes.BOOL, required=False)],
        request={"application/json": serializers.DataValueSetsSerializer},
        responses={200: serializers.ImportResultSerializer},
    )
    def post(self, request: Request) -> Response:
        user = request.user
        if not (access.managed_provinces(user).exists() or access.reporting_units(user).exists()):
            raise PermissionDenied(_("Only focal officers and unit reporters import data."))
        dry_run = bool_param(request, "dryRun")
        try:
            result = import_data_value_sets(request.data, user, dry_run=dry_run)
        except DataValueSetError as exc:
            exc.dry_run = dry_run  # type: ignore[attr-defined]  # for the import summary of the error
            raise
        return Response(
            {
                **import_summary.success(result),
                "sets": result.sets,
                "values": result.values,
                "submitted": result.submitted,
                "submissions": [] if dry_run else [s.pk for s in result.submissions],
                "notices": result.notices,
            }
        )
