"""The zip of a period's templates from templates kept until their unit's report changes
(``core.filecache``).

A template takes about a millisecond (``reporting.excel.skeleton``), a province's zip 100-250 of
them. Each unit's template is kept under ``<var>/cache/xlsx-template/`` and built again only when what it shows
changes: the unit's report (every save or step bumps its version), the unit's name, the figures the
activity log proposes for its empty cells (``reporting.log_figures``, read for every unit in one go),
the period, its plan and indicators (the form's rows), the secret that signs the template's ``_meta``
sheet, or the code. The zip itself is assembled from the kept templates (no workbook is rebuilt for an unchanged
report), so on deadline day a focal officer's download rebuilds only the reports saved since the last.

A template is kept per period, unit and kind of reader (with or without the narrative): a unit's
template is never given for another unit, another period, or to a reader who may not see its
narrative. Who may download the zip is checked by the view (``reporting.views.excel``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from django.conf import settings
from django.db.models import Max

from binhdang.core.filecache import cached_file, code_version, data_version, read
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Indicator, Plan
from binhdang.reporting import log_figures
from binhdang.reporting.excel.template import build_template, iter_templates_zip
from binhdang.reporting.models import Period

KIND = "xlsx-template"
CODE = ("reporting", "core", "plans")


def period_version(period: Period) -> tuple:
    """What every template of ``period`` shares: the code, the signing secret, the period, its plan and
    the plan's indicators."""
    secret = hashlib.sha256(settings.SECRET_KEY.encode()).hexdigest()
    rows = data_version(
        [
            Period.history.filter(id=period.pk),
            Plan.history.filter(id=period.plan_id),
            Indicator.history.filter(plan_id=period.plan_id),
        ]
    )
    return (code_version(*CODE), secret, rows)


def iter_templates_zip_kept(period: Period, *, include_narrative: bool = True) -> Iterator[bytes]:
    """``template.iter_templates_zip(period)``, each template from the kept file while its report, its
    unit and the period are as when it was built."""
    shared = period_version(period)
    units_seen = dict(
        OrgUnit.history.filter(id__in=period.expected_reporters.values("unit_id"))
        .values_list("id")
        .annotate(last=Max("history_id"))
    )
    by_unit = log_figures.figures_by_unit(period, period.expected_reporters.values_list("unit_id", flat=True))

    def scope(unit_id: int) -> tuple:
        return (period.pk, unit_id, bool(include_narrative))

    versions: dict[int, tuple] = {}

    def version(unit_id: int, submission) -> tuple:
        """Worked out once per unit: asked when the reports to read are chosen, then by ``build``."""
        if unit_id not in versions:
            report = None
            if submission is not None:
                report = (
                    submission.pk,
                    submission.version,
                    submission.state,
                    submission.updated_at.isoformat(),
                )
            versions[unit_id] = (
                shared,
                units_seen.get(unit_id),
                report,
                sorted(by_unit.get(unit_id, {}).items()),
            )
        return versions[unit_id]

    #: The kept templates found current when the reports to read were chosen, read once: ``build``
    #: hands each out (and lets it go) instead of opening its file again.
    found: dict[int, bytes] = {}

    def made_anew(submissions: dict) -> list:
        """The reports whose unit's kept template is out of date: only their figures are read."""
        stale = []
        for unit_id, submission in submissions.items():
            content = read(KIND, scope(unit_id), version(unit_id, submission))
            if content is None:
                stale.append(submission)
            else:
                found[unit_id] = content
        return stale

    def build(period, unit, *, include_narrative, submission, logged) -> bytes:
        content = found.pop(unit.pk, None)
        if content is not None:
            return content
        return cached_file(
            KIND,
            scope(unit.pk),
            version(unit.pk, submission),
            lambda: build_template(
                period, unit, include_narrative=include_narrative, submission=submission, logged=logged
            ),
        )

    return iter_templates_zip(
        period, include_narrative=include_narrative, build=build, logged=by_unit, figures_for=made_anew
    )
