"""Strategy (NQ 28) indicators computed from the units' own figures, not entered by one agency.

When the plan binds one of these catalog indicators, its strategy form asks every unit of the named
kinds for one figure, and the results engine computes the indicator from the counted reports
(``results.catalog_rules.unit_shares``), as the programme 1790 rules do:

- ``NQ28.6.2`` (agencies and communes informed of gender equality and committed to it): each
  department, mass organisation and commune answers yes or no; the share of the expected ones that
  answered yes;
- ``NQ28.6.3`` (communes with at least 04 news items a quarter on the grassroots information system):
  each commune gives its number of items in the year; the share of the expected communes with at least
  16 (4 a quarter); once the focal officer asks the item count by quarter with a minimum
  (``reporting.requests.open_subannual``), a commune meets it when each quarter asked reached the
  minimum (``reporting.quarters.quarterly_minimums``), and the year's count is no longer read;
- ``NQ28.6.4`` (radio and television with a gender-equality programme or column): each media agency
  answers yes or no; the share of the expected media agencies that answered yes.

A unit that did not answer counts as not meeting (as in 1790.1-1790.2). The figures are not required
on the form (the responsible agency may still enter the indicator directly; the computed value wins
once at least one counted report answers).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class UnitRule:
    catalog: str
    element: str
    label: Promise
    kinds: frozenset[str]
    #: None: a yes/no answer, yes meets; a number: a count meeting at that value or more.
    threshold: int | None = None


#: News items a commune must publish in a year to meet 6.3's "04 tin, bài mỗi quý".
NEWS_PER_YEAR = 16

RULES: tuple[UnitRule, ...] = (
    UnitRule(
        "NQ28.6.2",
        "NQ28_INFORMED",
        _("Your agency was informed and updated on gender equality and has committed to carrying it out"),
        frozenset({"department", "mass_org", "commune"}),
    ),
    UnitRule(
        "NQ28.6.3",
        "NQ28_NEWS",
        _(
            "Number of news items and articles on gender equality on the grassroots information system in the year"
        ),
        frozenset({"commune"}),
        NEWS_PER_YEAR,
    ),
    UnitRule(
        "NQ28.6.4",
        "NQ28_GE_PROGRAMME",
        _("Your radio or television has a programme or column raising awareness of gender equality"),
        frozenset({"media"}),
    ),
)
BY_CATALOG = {rule.catalog: rule for rule in RULES}
BY_ELEMENT = {rule.element: rule for rule in RULES}


def rules_for(catalog_codes) -> list[UnitRule]:
    """The rules of the catalog indicators a plan binds, in catalog order."""
    codes = set(catalog_codes)
    return [rule for rule in RULES if rule.catalog in codes]
