"""What the API reads and writes. Reading serializers describe the objects; writing ones only check the
shape of the input: the reporting services decide what is allowed and validate the values."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Indicator, Plan, Target
from binhdang.reporting import access as reporting_access
from binhdang.reporting.models import Period, Submission

MAX_INT = 2**31 - 1


class OrgUnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = OrgUnit
        fields = ["id", "code", "name", "type", "division", "parent", "province", "is_active"]


class UnitRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = OrgUnit
        fields = ["id", "code", "name"]


class PlanSerializer(serializers.ModelSerializer):
    province = UnitRefSerializer(read_only=True)

    class Meta:
        model = Plan
        fields = [
            "id",
            "slug",
            "title",
            "number",
            "date",
            "issuer",
            "province",
            "program",
            "status",
            "period_start",
            "period_end",
            "version",
        ]


class TargetSerializer(serializers.ModelSerializer):
    class Meta:
        model = Target
        fields = ["kind", "value", "min", "max", "unit", "year", "from_year", "annual", "baseline_year"]


class IndicatorSerializer(serializers.ModelSerializer):
    catalog = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    goal = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    targets = TargetSerializer(many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "id",
            "code",
            "text",
            "goal",
            "catalog",
            "unit",
            "direction",
            "baseline_year",
            "baseline_value",
            "targets",
            "order",
        ]


class PeriodSerializer(serializers.ModelSerializer):
    class Meta:
        model = Period
        fields = [
            "id",
            "plan",
            "province",
            "year",
            "form_code",
            "cutoff_start",
            "cutoff_end",
            "deadline",
            "lock_date",
            "status",
            "kind",
            "sequence",
            "title",
            "iso_period",
            "element_codes",
            "questions",
            "requires_document",
        ]

    iso_period = serializers.CharField(read_only=True, help_text=_("DHIS2 ISO period (2026, 2026Q1, 202603)"))


class DataValueSerializer(serializers.Serializer):
    """One value of a report, as in data value sets (domain §9)."""

    dataElement = serializers.CharField(max_length=64)
    categoryOptionCombo = serializers.CharField(max_length=16, allow_blank=True, required=False, default="")
    value = serializers.CharField(allow_blank=True, max_length=10_000, trim_whitespace=True)


class NarrativeSerializer(serializers.Serializer):
    results = serializers.CharField(allow_blank=True, required=False, max_length=100_000)
    difficulties = serializers.CharField(allow_blank=True, required=False, max_length=100_000)
    proposals = serializers.CharField(allow_blank=True, required=False, max_length=100_000)


class IssueSerializer(serializers.Serializer):
    code = serializers.CharField()
    coc = serializers.CharField(allow_blank=True)
    label = serializers.CharField(allow_blank=True)
    message = serializers.CharField()
    #: "outlier": a value flagged as unusual (reporting.outliers), to be confirmed or explained.
    kind = serializers.CharField(allow_blank=True, required=False, default="")


class ReviewSerializer(serializers.Serializer):
    """One step of a report's workflow (submitted, returned, accepted...), with its comment: the focal
    officer's reason for returning a report is read here by the unit."""

    action = serializers.CharField(help_text=_("submit, resubmit, return, accept, reopen"))
    from_state = serializers.CharField()
    to_state = serializers.CharField()
    comment = serializers.CharField(allow_blank=True)
    by = serializers.CharField(allow_blank=True, help_text=_("who took the step (empty: the system)"))
    at = serializers.DateTimeField()
    source = serializers.CharField(help_text=_("web, api, import..."))


class SubmissionSerializer(serializers.ModelSerializer):
    """A report. ``narrative`` is null for callers who may not read it (ministry viewers, domain §10);
    ``reviews`` is its workflow history, oldest first, with the focal officer's comments."""

    unit = UnitRefSerializer(read_only=True)
    values = serializers.SerializerMethodField()
    narrative = serializers.SerializerMethodField()
    warnings = IssueSerializer(many=True, read_only=True)
    can_edit = serializers.SerializerMethodField()
    can_review = serializers.SerializerMethodField()
    reviews = serializers.SerializerMethodField()

    class Meta:
        model = Submission
        fields = [
            "id",
            "period",
            "unit",
            "state",
            "version",
            "values",
            "narrative",
            "warnings",
            "first_submitted_at",
            "submitted_at",
            "accepted_at",
            "updated_at",
            "can_edit",
            "can_review",
            "reviews",
        ]

    def _user(self):
        return self.context["request"].user

    @extend_schema_field(DataValueSerializer(many=True))
    def get_values(self, submission: Submission) -> list[dict]:
        return [
            {"dataElement": v.data_element, "categoryOptionCombo": v.category_option_combo, "value": v.value}
            for v in submission.values.all()
        ]

    @extend_schema_field(NarrativeSerializer(allow_null=True))
    def get_narrative(self, submission: Submission) -> dict | None:
        if not reporting_access.can_see_narrative(self._user(), submission):
            return None
        return submission.narrative()

    @extend_schema_field(ReviewSerializer(many=True))
    def get_reviews(self, submission: Submission) -> list[dict]:
        return [
            {
                "action": step.action,
                "from_state": step.from_state,
                "to_state": step.to_state,
                "comment": step.comment,
                "by": (step.user.get_full_name() or step.user.get_username()) if step.user else "",
                "at": serializers.DateTimeField().to_representation(step.at),
                "source": step.source,
            }
            for step in sorted(submission.state_changes.all(), key=lambda c: (c.at, c.pk))
        ]

    def get_can_edit(self, submission: Submission) -> bool:
        return reporting_access.can_edit_submission(self._user(), submission)

    def get_can_review(self, submission: Submission) -> bool:
        return reporting_access.can_review_submission(self._user(), submission)


@extend_schema_field({"type": "string", "minLength": 1, "maxLength": 32})
class UnitCodeField(serializers.Field):
    """A unit by its code, as everywhere in the API (a JSON integer is read as the unit's numeric id:
    deprecated, kept for older clients)."""

    default_error_messages = {"invalid": _("A unit code (text) is expected.")}

    def to_internal_value(self, data):
        if isinstance(data, bool):
            self.fail("invalid")
        if isinstance(data, int):
            if not 1 <= data <= MAX_INT:
                self.fail("invalid")
            return data
        if not isinstance(data, str) or not data.strip() or len(data) > 32:
            self.fail("invalid")
        return data.strip()

    def to_representation(self, value):
        return value


class SubmissionCreateSerializer(serializers.Serializer):
    period = serializers.IntegerField(min_value=1, max_value=MAX_INT)
    unit = UnitCodeField(
        help_text=_(
            "the unit's code (as in the lists' ?unit= filter); a numeric id is still read, deprecated"
        )
    )


class SubmissionUpdateSerializer(serializers.Serializer):
    """A save: ``version`` is the version the caller loaded (409 if the report was saved since)."""

    version = serializers.IntegerField(min_value=1, max_value=MAX_INT)
    values = DataValueSerializer(
        many=True,
        required=False,
        default=list,
        help_text=_("Values to change; an empty value clears one, values not given are kept."),
    )
    narrative = NarrativeSerializer(
        required=False, help_text=_("Ignored for callers who may not read the narrative (the ministry).")
    )

    def validate_values(self, items: list[dict]) -> list[dict]:
        seen = set()
        for item in items:
            key = (item["dataElement"], item.get("categoryOptionCombo") or "")
            if key in seen:
                raise serializers.ValidationError(
                    _("%(code)s %(coc)s is given twice.") % {"code": key[0], "coc": key[1]}
                )
            seen.add(key)
        return items


class SaveResultSerializer(serializers.Serializer):
    submission = SubmissionSerializer()
    changed = serializers.BooleanField()
    warnings = IssueSerializer(many=True)
    pending = IssueSerializer(many=True)


class ActionSerializer(serializers.Serializer):
    """A workflow step; ``version`` (optional) guards against acting on a report changed meanwhile."""

    comment = serializers.CharField(allow_blank=True, required=False, default="", max_length=10_000)
    version = serializers.IntegerField(min_value=1, max_value=MAX_INT, required=False)


class ImportCountSerializer(serializers.Serializer):
    imported = serializers.IntegerField()
    updated = serializers.IntegerField()
    ignored = serializers.IntegerField()
    deleted = serializers.IntegerField()


class ImportConflictSerializer(serializers.Serializer):
    object = serializers.CharField(help_text=_("the place in the file, e.g. dataValues[3].value"))
    property = serializers.CharField(allow_blank=True)
    value = serializers.CharField()
    message = serializers.CharField()
    errorCode = serializers.CharField()
    indexes = serializers.ListField(child=serializers.IntegerField(), required=False)


class ImportResultSerializer(serializers.Serializer):
    """DHIS2's ImportSummary, plus binhdang's counts of reports."""

    responseType = serializers.CharField()
    status = serializers.ChoiceField(choices=["SUCCESS", "WARNING", "ERROR"])
    description = serializers.CharField()
    importCount = ImportCountSerializer()
    conflicts = ImportConflictSerializer(many=True)
    dryRun = serializers.BooleanField()
    sets = serializers.IntegerField()
    values = serializers.IntegerField()
    submitted = serializers.IntegerField()
    submissions = serializers.ListField(child=serializers.IntegerField())
    notices = serializers.ListField(
        child=serializers.CharField(),
        help_text=_("what was done otherwise than the file says, e.g. a reporter's past completeDate"),
    )


class DataValueSetSerializer(serializers.Serializer):
    dataSet = serializers.CharField()
    period = serializers.CharField()
    orgUnit = serializers.CharField()
    completeDate = serializers.DateField(required=False)
    dataValues = DataValueSerializer(many=True)


class Dhis2DataValueSerializer(serializers.Serializer):
    dataElement = serializers.CharField()
    period = serializers.CharField()
    orgUnit = serializers.CharField()
    dataSet = serializers.CharField()
    categoryOptionCombo = serializers.CharField(required=False)
    value = serializers.CharField(allow_blank=True)


class Dhis2DataValueSetSerializer(serializers.Serializer):
    """DHIS2's dataValueSet for many units at once (``POST /api/dataValueSets?idScheme=CODE`` there)."""

    dataSet = serializers.CharField(required=False)
    period = serializers.CharField(required=False)
    completeDate = serializers.DateField(required=False)
    dataValues = Dhis2DataValueSerializer(many=True)


class DataValueSetsSerializer(serializers.Serializer):
    dataValueSets = DataValueSetSerializer(many=True)


class TargetResultSerializer(serializers.Serializer):
    """One target of an indicator with several (``results.targets``)."""

    target = serializers.IntegerField()
    value = serializers.FloatField(allow_null=True)
    bar = serializers.JSONField(allow_null=True)
    final = serializers.JSONField(allow_null=True)
    due = serializers.BooleanField()
    status = serializers.CharField()


class IndicatorResultSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    catalog = serializers.CharField(allow_null=True)
    value = serializers.FloatField(allow_null=True)
    unit = serializers.CharField(allow_blank=True)
    numerator = serializers.FloatField(allow_null=True)
    denominator = serializers.FloatField(allow_null=True)
    target = serializers.JSONField(
        allow_null=True, help_text=_("a number, {min, max} for a range, true for yes/no")
    )
    final_target = serializers.JSONField(allow_null=True)
    target_basis = serializers.CharField(allow_blank=True)
    status = serializers.CharField()
    targets = TargetResultSerializer(many=True)


class ResultsSerializer(serializers.Serializer):
    plan = serializers.IntegerField()
    year = serializers.IntegerField()
    completeness = serializers.FloatField(allow_null=True, help_text=_("percent, 0-100"))
    timeliness = serializers.FloatField(allow_null=True, help_text=_("percent, 0-100"))
    expected = serializers.IntegerField()
    submitted = serializers.IntegerField()
    on_time = serializers.IntegerField()
    indicators = IndicatorResultSerializer(many=True)


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField()
    errors = serializers.DictField(required=False)
    current_version = serializers.IntegerField(required=False, allow_null=True)
