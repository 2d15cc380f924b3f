"""Report forms as data: the annual unit report of programme 1790 (form ``TT1790``, domain §6, a
contract: the codes are used by the API, data value sets and the Excel files) and the strategy forms
built from a plan's direct-entry indicators (domain §7).

A form is a list of sections, each a list of :class:`DataElement`. A data value is addressed by
``(data element code, category option combo)``; elements without disaggregation use the default combo
:data:`DEFAULT_COC` (``""``), the by-sex elements use ``MALE`` and ``FEMALE``.

Public API (used by validation, services, views, the Excel round-trip):

- :data:`TT1790` — the programme 1790 form; :func:`get_form(code)` for a static form by code.
- :func:`form_for_period(period)` — the form of a reporting period (TT1790 or a plan's strategy form).
- :meth:`FormDefinition.elements_for(unit, focal_unit=None)` — the elements a given unit fills.
- :func:`strategy_form(plan)` — the strategy form of a plan (one element per direct-entry indicator).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from binhdang.reporting import limits, plan_adapter, strategy_units

#: Category option combo of an element that is not disaggregated.
DEFAULT_COC = ""
MALE = "MALE"
FEMALE = "FEMALE"
SEX_OPTIONS: tuple[str, ...] = (MALE, FEMALE)
#: The work log's data set (``work.datavalues``): exported, never imported (its totals are not a report).
WORKLOG_DATASET = "WORKLOG"
EXPORT_ONLY_DATASETS: tuple[str, ...] = (WORKLOG_DATASET,)
#: Category options of a strategy indicator: a value, or a numerator and a denominator, and a source note.
VALUE, NUMERATOR, DENOMINATOR, NOTE = "VALUE", "NUMERATOR", "DENOMINATOR", "NOTE"
STRATEGY_OPTIONS: tuple[str, ...] = (VALUE, NUMERATOR, DENOMINATOR, NOTE)

CATEGORY_OPTION_LABELS: dict[str, Promise] = {
    MALE: _("Male"),
    FEMALE: _("Female"),
    VALUE: _("Value"),
    NUMERATOR: _("Numerator"),
    DENOMINATOR: _("Denominator"),
    NOTE: _("Source of the figure"),
}


class ValueType:
    INTEGER = "integer"
    BOOLEAN = "boolean"
    NUMBER = "number"
    PERCENT = "percent"
    OPTION = "option"
    TEXT = "text"
    #: A day, stored as ISO (2026-06-20); answers of a request's date questions.
    DATE = "date"


#: Unit of measure of amounts of money (đồng).
VND = "VND"

#: Who fills an element: unit types, or the focal agency only.
ALL_REPORTING_TYPES = frozenset({"department", "mass_org", "media", "commune"})
FOCAL_AGENCY = "focal_agency"


@dataclass(frozen=True)
class DataElement:
    """One field of a form.

    ``filled_by`` holds org-unit types (``commune``, ``media``...) or :data:`FOCAL_AGENCY` (the unit
    of the plan's focal agency, e.g. Sở Nội vụ). ``options`` is the option set of an ``option`` element
    (code -> label). ``coc_types`` overrides the value type of one category option (a strategy
    indicator's ``NOTE`` is text). ``minimum``/``maximum`` bound numeric values; ``not_above`` names
    an element this one may not exceed (same category option combo).
    """

    code: str
    label: Promise | str
    value_type: str
    filled_by: frozenset[str] = ALL_REPORTING_TYPES
    category_options: tuple[str, ...] = (DEFAULT_COC,)
    options: tuple[tuple[str, Promise | str], ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    not_above: str | None = None
    short_label: Promise | str | None = None
    help_text: Promise | str = ""
    coc_types: tuple[tuple[str, str], ...] = ()
    #: Category options a complete report must fill (default: all of them).
    required_options: tuple[str, ...] | None = None
    #: Unit of measure of a figure: :data:`VND` for amounts of money, "%" for percentages.
    unit: str = ""
    #: The kind of figure (``reporting.limits``: people, items, percent, money, figure) whose hard
    #: limit bounds every numeric value of the element (also its ``maximum``, so every channel that
    #: carries the element's bounds, e.g. the web input's ``max``, carries the limit).
    limit: str | None = None

    @property
    def disaggregated(self) -> bool:
        return self.category_options != (DEFAULT_COC,)

    @property
    def is_money(self) -> bool:
        return self.unit == VND

    def requires(self, coc: str = DEFAULT_COC) -> bool:
        """Whether a complete report must fill this category option (strategy indicators: none alone)."""
        required = self.category_options if self.required_options is None else self.required_options
        return coc in required

    def type_for(self, coc: str) -> str:
        return dict(self.coc_types).get(coc, self.value_type)

    def option_codes(self) -> tuple[str, ...]:
        return tuple(code for code, _label in self.options)

    def field_label(self, coc: str = DEFAULT_COC) -> str:
        """The label shown to users for one value, e.g. "Số lượt người tham dự (Nữ)"."""
        if coc == DEFAULT_COC:
            return str(self.label)
        return f"{self.short_label or self.label} ({CATEGORY_OPTION_LABELS.get(coc, coc)})"

    def message_label(self, coc: str = DEFAULT_COC) -> str:
        """The short label used in messages, e.g. "Số cuộc truyền thông" or "Số lượt người tham dự (Nữ)"."""
        base = str(self.short_label or self.label)
        return base if coc == DEFAULT_COC else f"{base} ({CATEGORY_OPTION_LABELS.get(coc, coc)})"

    def fills(self, unit_type: str, *, is_focal_agency: bool = False) -> bool:
        return unit_type in self.filled_by or (is_focal_agency and FOCAL_AGENCY in self.filled_by)


@dataclass(frozen=True)
class Section:
    code: str
    title: Promise | str
    elements: tuple[DataElement, ...]


@dataclass(frozen=True)
class NarrativeField:
    name: str
    label: Promise | str
    help_text: Promise | str = ""


NARRATIVE_FIELDS: tuple[NarrativeField, ...] = (
    NarrativeField("results", _("Results"), _("Main results of the year, activities and their effect.")),
    NarrativeField("difficulties", _("Difficulties and obstacles")),
    NarrativeField("proposals", _("Proposals and recommendations")),
)


@dataclass(frozen=True)
class FormDefinition:
    code: str
    title: Promise | str
    sections: tuple[Section, ...]
    narrative: tuple[NarrativeField, ...] = NARRATIVE_FIELDS
    #: Strategy forms are per plan: the primary key of the plan, else None.
    plan_id: int | None = None

    @cached_property
    def _by_code(self) -> dict[str, DataElement]:
        return {element.code: element for element in self.elements}

    @property
    def elements(self) -> Iterator[DataElement]:
        for section in self.sections:
            yield from section.elements

    def element(self, code: str) -> DataElement | None:
        return self._by_code.get(code)

    def elements_for(self, unit, focal_unit=None) -> list[DataElement]:
        """Elements the given org unit fills (``focal_unit``: the unit of the plan's focal agency)."""
        return [e for e in self.elements if unit_fills(e, unit, focal_unit)]

    def sections_for(self, unit, focal_unit=None) -> list[tuple[Section, list[DataElement]]]:
        """The non-empty sections for a unit, each with the elements it fills."""
        wanted = {e.code for e in self.elements_for(unit, focal_unit)}
        result = []
        for section in self.sections:
            elements = [e for e in section.elements if e.code in wanted]
            if elements:
                result.append((section, elements))
        return result

    def value_keys(self, elements: Iterable[DataElement] | None = None) -> list[tuple[str, str]]:
        """Every ``(code, coc)`` pair of the given elements (all of the form by default)."""
        return [
            (e.code, coc)
            for e in (self.elements if elements is None else elements)
            for coc in e.category_options
        ]


def _count(code: str, label: Promise | str, limit: str = limits.ITEMS, **extra: Any) -> DataElement:
    """A count: a whole number of zero or more (of items, or of people with ``limit=PEOPLE``)."""
    return DataElement(
        code, label, ValueType.INTEGER, minimum=0, maximum=limits.HARD_LIMITS[limit], limit=limit, **extra
    )


def _money(code: str, label: Promise | str, **extra: Any) -> DataElement:
    """An amount in đồng: a whole number of zero or more (no fractions of a đồng)."""
    return DataElement(
        code,
        label,
        ValueType.INTEGER,
        minimum=0,
        maximum=limits.HARD_LIMITS[limits.MONEY],
        limit=limits.MONEY,
        unit=VND,
        **extra,
    )


COMMUNES = frozenset({"commune"})
MEDIA = frozenset({"media"})

GSIM_OPTIONS: tuple[tuple[str, Promise], ...] = (
    ("OFFICIAL", _("Officially applied")),
    ("PILOT", _("Piloted")),
    ("NONE", _("Not applied")),
)

TT1790 = FormDefinition(
    code="TT1790",
    title=_("Annual report on the gender-equality communication programme"),
    sections=(
        Section(
            "communication",
            _("Communication and dissemination"),
            (
                _count(
                    "TT_SESSIONS",
                    _(
                        "Number of communication and legal-dissemination sessions on gender-equality law and "
                        "policy held"
                    ),
                    short_label=_("Number of communication sessions"),
                ),
                _count(
                    "TT_PARTICIPANTS",
                    _("Number of participants"),
                    limits.PEOPLE,
                    category_options=SEX_OPTIONS,
                ),
                _count(
                    "TT_NEWS",
                    _(
                        "Number of news items and articles on gender equality published (web portal, grassroots "
                        "information system, social networks)"
                    ),
                    short_label=_("Number of news items and articles"),
                ),
                _count(
                    "TT_DIGITAL_MODELS",
                    _("Number of community digital communication models maintained"),
                    filled_by=COMMUNES,
                ),
            ),
        ),
        Section(
            "action_month",
            _("Action Month for gender equality"),
            (
                DataElement(
                    "TT_AM_PLAN",
                    _("A plan responding to the Action Month has been issued"),
                    value_type=ValueType.BOOLEAN,
                ),
                _count("TT_AM_ACTIVITIES", _("Number of activities in the Action Month")),
            ),
        ),
        Section(
            "training",
            _("Training"),
            (
                _count(
                    "TT_TRAININGS", _("Number of training and capacity-building courses on gender equality")
                ),
                _count("TT_TRAINEES", _("Number of trainees"), limits.PEOPLE, category_options=SEX_OPTIONS),
            ),
        ),
        Section(
            "conventions",
            _("Village conventions"),
            (
                _count(
                    "TT_CONVENTIONS",
                    _("Number of village conventions passed or amended in the year"),
                    filled_by=COMMUNES,
                ),
                _count(
                    "TT_CONVENTIONS_OK",
                    _("... of which free of gender-discriminatory content"),
                    filled_by=COMMUNES,
                    not_above="TT_CONVENTIONS",
                ),
            ),
        ),
        Section(
            "media",
            _("Gender indicators for media"),
            (
                DataElement(
                    "TT_GSIM_STATUS",
                    _("Level of application of the Gender Indicators for Media"),
                    value_type=ValueType.OPTION,
                    options=GSIM_OPTIONS,
                    filled_by=MEDIA,
                ),
            ),
        ),
        Section(
            "budget",
            _("Funding"),
            (
                _money("TT_BUDGET_STATE", _("Funding from the state budget (VND)")),
                _money("TT_BUDGET_OTHER", _("Funding mobilised, socialised or sponsored (VND)")),
            ),
        ),
        Section(
            "survey",
            _("Awareness survey"),
            (
                DataElement(
                    "TT_AWARENESS",
                    _("Percentage of surveyed people with a correct understanding of gender equality (%)"),
                    short_label=_("Correct-awareness rate (%)"),
                    value_type=ValueType.PERCENT,
                    minimum=0,
                    maximum=100,
                    unit="%",
                    limit=limits.PERCENT,
                    filled_by=frozenset({FOCAL_AGENCY}),
                ),
            ),
        ),
    ),
)

STATIC_FORMS: dict[str, FormDefinition] = {TT1790.code: TT1790}
#: Form code of the strategy (NQ 28) reports; their elements depend on the plan.
STRATEGY_FORM_CODE = "NQ28"


def get_form(code: str) -> FormDefinition | None:
    """A static form by code (``TT1790``); strategy forms need a plan: see :func:`strategy_form`."""
    return STATIC_FORMS.get(code)


def strategy_element(code: str, label: str, responsible_unit_ids: Iterable[int] = ()) -> DataElement:
    """A strategy indicator as a form element: value or numerator/denominator, plus a source note."""
    filled = frozenset(f"unit:{pk}" for pk in responsible_unit_ids) or ALL_REPORTING_TYPES | {FOCAL_AGENCY}
    return DataElement(
        code=code,
        label=label,
        value_type=ValueType.NUMBER,
        category_options=STRATEGY_OPTIONS,
        coc_types=((NOTE, ValueType.TEXT),),
        filled_by=filled,
        required_options=(),
        maximum=limits.HARD_LIMITS[limits.FIGURE],
        limit=limits.FIGURE,
    )


def strategy_form(plan) -> FormDefinition:
    """The strategy form of a plan: one element per direct-entry indicator, grouped by goal.

    An indicator's element code is its catalog code (``NQ28.4.1``) where the plan binds one, else
    ``IND<indicator id>``. ``filled_by`` holds ``unit:<pk>`` for each responsible org unit, so
    :meth:`FormDefinition.elements_for` gives each agency its own indicators.
    """
    sections: dict[str, list[DataElement]] = {}
    titles: dict[str, str] = {}
    for item in plan_adapter.direct_indicators(plan):
        sections.setdefault(item.group, []).append(
            strategy_element(item.code, item.label, item.responsible_unit_ids)
        )
        titles[item.group] = item.group_title
    units = strategy_unit_elements(plan_adapter.catalog_codes(plan))
    if units:
        sections.setdefault("units", []).extend(units)
        titles["units"] = str(_("Figures of every unit"))
    return FormDefinition(
        code=STRATEGY_FORM_CODE,
        title=_("Annual report on the gender-equality strategy indicators"),
        sections=tuple(Section(key, titles[key], tuple(elements)) for key, elements in sections.items()),
        plan_id=plan.pk,
    )


def strategy_unit_elements(catalog_codes) -> list[DataElement]:
    """The figures every unit of a kind gives for the strategy indicators computed from them
    (:mod:`reporting.strategy_units`), for the catalog codes the plan binds."""
    elements = []
    for rule in strategy_units.rules_for(catalog_codes):
        if rule.threshold is None:
            elements.append(
                DataElement(
                    rule.element, rule.label, ValueType.BOOLEAN, filled_by=rule.kinds, required_options=()
                )
            )
        else:
            elements.append(_count(rule.element, rule.label, filled_by=rule.kinds, required_options=()))
    return elements


FORM_BY_PROGRAM = {"communication": TT1790.code, "strategy": STRATEGY_FORM_CODE}


def form_code_for(plan) -> str | None:
    """``TT1790`` for communication plans, ``NQ28`` for strategy plans."""
    return FORM_BY_PROGRAM.get(plan.program)


def form_for_period(period) -> FormDefinition:
    """The form a reporting period collects (a request, quarter or month: see ``reporting.requests``)."""
    if getattr(period, "kind", "annual") != "annual":
        from binhdang.reporting.requests import request_form  # requests builds on this module

        return request_form(period)
    if period.form_code == STRATEGY_FORM_CODE:
        return strategy_form(period.plan)
    form = get_form(period.form_code)
    if form is None:
        raise LookupError(f"unknown form code {period.form_code!r}")
    return form


def unit_fills(element: DataElement, unit, focal_unit=None) -> bool:
    """Whether ``unit`` fills ``element`` (handles strategy elements bound to named units)."""
    if f"unit:{unit.pk}" in element.filled_by:
        return True
    is_focal = focal_unit is not None and unit.pk == getattr(focal_unit, "pk", None)
    return element.fills(unit.type, is_focal_agency=is_focal)
