"""The report being edited: built once per request and passed to validation, saving and rendering.

A :class:`ReportBeingEdited` holds the report of one unit in one period as one user meets it: the
submission (None while nobody has saved a value: opening a report changes nothing), the period's form
and the data elements this unit fills, the stored values, the kept refused texts, and what the user may
do with it. The report views build it once (:meth:`ReportBeingEdited.of_submission` or
:meth:`ReportBeingEdited.not_started`), and the services get the elements from it instead of computing
them again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from binhdang.accounts.models import User
from binhdang.orgunits.models import OrgUnit
from binhdang.reporting import access, log_figures, quarters, report_reads, services
from binhdang.reporting.entry import build_sections, field_name, parse_post
from binhdang.reporting.errors import ReportValidationError
from binhdang.reporting.forms_catalog import DataElement, FormDefinition, form_for_period
from binhdang.reporting.models import Period, Submission
from binhdang.reporting.outliers import peer_values
from binhdang.reporting.refused import refused_issues
from binhdang.reporting.validation import Issue, soft_warnings, submit_errors


@dataclass
class ReportBeingEdited:
    user: User
    period: Period
    unit: OrgUnit
    #: None until the first saved value.
    submission: Submission | None

    @classmethod
    def of_submission(cls, user: User, submission: Submission) -> ReportBeingEdited:
        """A report that exists (``submission`` is one the user may see)."""
        return cls(user=user, period=submission.period, unit=submission.unit, submission=submission)

    @classmethod
    def not_started(
        cls, user: User, period: Period, unit: OrgUnit, *, expected: bool | None = None
    ) -> ReportBeingEdited | None:
        """The report of an expected unit that nobody has started, as the user who may start it would
        fill it; None if the user may not start it (``expected``: whether the unit is expected in the
        period, when the caller has read it)."""
        if not access.can_start_report(user, period, unit, expected=expected):
            return None
        return cls(user=user, period=period, unit=unit, submission=None)

    # ------------------------------------------- what the user may do (each asked once, when needed)

    @cached_property
    def can_edit(self) -> bool:
        # A report nobody started is only built for who may start it (see not_started).
        return self.submission is None or access.can_edit_submission(self.user, self.submission)

    @cached_property
    def can_see_narrative(self) -> bool:
        report = self.submission or Submission(period=self.period, unit=self.unit)
        return access.can_see_narrative(self.user, report)

    @cached_property
    def can_review(self) -> bool:
        return self.submission is not None and access.can_review_submission(self.user, self.submission)

    @cached_property
    def can_view_board(self) -> bool:
        return access.can_view_board(self.user, self.period)

    # ------------------------------------------------------------------------------------ its contents

    @cached_property
    def form(self) -> FormDefinition:
        return form_for_period(self.period)

    @cached_property
    def elements(self) -> list[DataElement]:
        """The data elements this unit fills in the period's form."""
        return self.form.elements_for(self.unit, self.period.focal_unit)

    @cached_property
    def consolidated(self) -> dict[str, quarters.Consolidated]:
        """The elements this unit reports by quarter or month, in an annual report: their yearly figure
        is the sum of the quarters (shown read-only, stored on save)."""
        codes = {e.code for e in self.elements if not e.disaggregated}
        found = quarters.consolidation(self.period, self.unit)
        return {code: c for code, c in found.items() if code in codes and c.total is not None}

    @property
    def started(self) -> bool:
        return self.submission is not None

    @property
    def version(self) -> int:
        """The version the page is loaded with (0: not started yet)."""
        return self.submission.version if self.submission is not None else 0

    @cached_property
    def _stored(self) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
        """The report's values and the unit's of the year before, read together (one statement)."""
        if self.submission is None:
            return {}, {}
        return report_reads.values_and_previous(self.submission)

    @cached_property
    def values(self) -> dict[tuple[str, str], str]:
        return self._stored[0]

    def _previous(self) -> dict[tuple[str, str], str]:
        """The unit's values of the year before: read with the values unless a save set them."""
        if "values" in self.__dict__ and "_stored" not in self.__dict__:
            return services.previous_values(self.submission)  # type: ignore[arg-type]
        return self._stored[1]

    @cached_property
    def refused(self) -> dict[tuple[str, str], str]:
        return self.submission.refused_values() if self.submission is not None else {}

    def narrative(self) -> dict[str, str]:
        if self.submission is None:
            return {"results": "", "difficulties": "", "proposals": ""}
        return self.submission.narrative()

    def refused_issues(self) -> list[Issue]:
        return refused_issues(self.elements, self.submission) if self.submission is not None else []

    def pending(self) -> list[Issue]:
        """What still prevents submitting: refused texts, consistency rules, missing values."""
        return self.refused_issues() + submit_errors(self.elements, self.values)

    @cached_property
    def warnings(self) -> list[Issue]:
        """Plausible mistakes (never blocking), against the unit's values of last year."""
        if self.submission is None:
            return soft_warnings(self.elements, self.values, {})
        previous = self._previous()
        return soft_warnings(
            self.elements, self.values, previous, peers=peer_values(self.submission, self.elements)
        )

    @property
    def shows_log(self) -> bool:
        """Whether the page shows the activity log's figures: as proposals or differences in the entry
        form, as differences in the read-only view of an officer (board or review)."""
        return self.can_edit or self.can_view_board or self.can_review

    @cached_property
    def logged(self) -> log_figures.Figures:
        """The activity log's figures for the values of this unit's form (``work.prefill``)."""
        return log_figures.figures(self.period, self.unit, codes=[e.code for e in self.elements])

    def proposals(self) -> log_figures.Figures:
        """The log's figures for the values still empty (nothing stored, nothing refused kept)."""
        shown = {**self.values, **self.refused}
        return {
            key: figure
            for key, figure in self.logged.items()
            if shown.get(key, "") == "" and key[0] not in self.consolidated  # quarters' sums are fixed
        }

    def log_differences(self) -> list[log_figures.Difference]:
        """The stored values that differ from the log's figures (what the officer checks)."""
        return log_figures.differences(self.values, self.logged)

    def with_proposals(self, data: Mapping[str, str], accepted: set[str] | None) -> dict[str, str]:
        """The posted form with the log's figures put in the empty fields named in ``accepted``
        (field names as posted, e.g. ``v__TT_SESSIONS``), or in every empty field when None."""
        merged = dict(data.items())
        shown = {**self.values, **self.refused}
        for (code, coc), figure in self.logged.items():
            name = field_name(code, coc)
            if accepted is not None and name not in accepted:
                continue
            if (merged.get(name, shown.get((code, coc), "")) or "").strip() == "":
                merged[name] = str(figure)
        return merged

    def sections(
        self, typed: Mapping | None = None, issues: list[Issue] | None = None, *, log: bool = True
    ) -> list[dict]:
        """The form's sections for this unit, each field with what to show in it: the text typed in
        this request, else a kept refused text, else the stored value; beside it its problem and the
        activity log's figure for it (not with ``log`` False: the autosave answer shows no figure).
        A figure consolidated from the quarters is shown read-only, with where it comes from."""
        sums = {(code, ""): c.text for code, c in self.consolidated.items()}
        shown = {**self.values, **self.refused, **(typed or {}), **sums}
        problems = self.refused_issues() if issues is None else issues
        return build_sections(
            self.form,
            self.unit,
            self.period.focal_unit,
            shown,
            problems,
            self.warnings if self.started else [],
            logged=self.logged if log else None,
            fixed={code: c.note for code, c in self.consolidated.items()},
        )

    # ------------------------------------------------------------------------------------- its changes

    def parse(self, data: Mapping[str, str]) -> tuple[dict, dict]:
        """The values and narrative posted for this report (narrative only for who may read it)."""
        values, narrative = parse_post(data, self.elements)
        # a figure reported by quarter is their sum, whatever was posted (saving still checks the user)
        values.update({(code, ""): c.text for code, c in self.consolidated.items()})
        return values, narrative if self.can_see_narrative else {}

    def save(self, data: Mapping[str, str], version: int) -> services.SaveResult | None:
        """Save what was posted: valid values are saved, refused ones kept as typed (the result's
        ``refused``). The first save with something typed creates the report; None if nothing was."""
        values, narrative = self.parse(data)
        if self.submission is None:
            result = services.save_new_report(
                self.period,
                self.unit,
                values,
                narrative,
                self.user,
                elements=self.elements,
                partial=True,
                bulk=True,
            )
        else:
            result = services.save_draft(
                self.submission,
                values,
                narrative,
                self.user,
                expected_version=version,
                elements=self.elements,
                partial=True,
                bulk=True,
                fresh=True,  # read in this request (with its period and unit)
            )
        if result is not None:
            self._saved(result)
        return result

    def _saved(self, result: services.SaveResult) -> None:
        """What the save knows already is not asked of the database again."""
        self.submission = result.submission
        self.__dict__.update(
            values=result.values, refused=result.submission.refused_values(), warnings=result.warnings
        )

    def submit(self, data: Mapping[str, str], version: int) -> Submission:
        """Save what was posted, then submit (or resubmit) the report."""
        if self.submission is not None:
            values, narrative = self.parse(data)
            return services.save_and_submit(
                self.submission,
                values,
                narrative,
                self.user,
                expected_version=version,
                elements=self.elements,
                on_saved=self._saved,
            )
        result = self.save(data, version)
        if self.submission is None:  # nothing typed and nothing saved: everything is missing
            raise ReportValidationError(submit_errors(self.elements, {}))
        return services.submit(
            self.submission,
            self.user,
            expected_version=result.version if result is not None else version,
            elements=self.elements,
            confirm_outliers=True,  # the web form asks to confirm or explain unusual values first
            saved=result,  # its values and last year's are not read again
        )
