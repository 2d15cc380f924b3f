"""The gender statistics entry of the main menu (``portal.navigation``): whoever reads or records
a province's statistics."""

from __future__ import annotations

from django.db import connection
from django.utils.translation import gettext_lazy as _

from binhdang.accounts import access as base
from binhdang.core import statements
from binhdang.core.questions import Question, column, marks

MENU_LABEL = _("Gender statistics")


def menu_visible(user) -> bool | Question:
    """Shown to the province's readers (no query once the roles are read) and to a reporter of an agency
    responsible for a strategy indicator (the menu asks with its other questions, in one statement)."""
    if not user.is_authenticated:
        return False
    if base.reads_any_province(user):
        return True
    units = sorted(base.reporting_unit_ids(user))
    if not units:
        return False
    from binhdang.plans.models import PlanStatus

    sql = statements.written("genderstats.responsible", connection, _responsible).replace(
        "{units}", marks(units)
    )
    return Question(sql, (*units, PlanStatus.ACTIVE.value, "strategy"))


def _responsible(connection) -> str:
    """Whether ``genderstats.access.series_responsibilities(user)`` has a row: a strategy indicator of a
    plan in force one of the units (``{units}``: their marks) is responsible for."""
    from binhdang.plans.models import CatalogIndicator, Indicator, Plan

    quote = connection.ops.quote_name
    through = Indicator._meta.get_field("responsible").remote_field.through._meta  # type: ignore[union-attr]
    m2m = Indicator._meta.get_field("responsible")
    indicator, plan, catalog = quote(Indicator._meta.db_table), quote(Plan._meta.db_table), CatalogIndicator
    return (
        f"EXISTS (SELECT 1 FROM {indicator} i"
        f" INNER JOIN {quote(through.db_table)} r ON r.{quote(m2m.m2m_column_name())} = i.{quote(Indicator._meta.pk.column)}"  # type: ignore[attr-defined]
        f" INNER JOIN {plan} p ON i.{column(Indicator, 'plan', quote)} = p.{quote(Plan._meta.pk.column)}"
        f" INNER JOIN {quote(catalog._meta.db_table)} c ON i.{column(Indicator, 'catalog', quote)}"
        f" = c.{quote(catalog._meta.pk.column)}"
        f" WHERE r.{quote(m2m.m2m_reverse_name())} IN ({{units}}) AND p.{column(Plan, 'status', quote)} = %s"
        f" AND c.{column(CatalogIndicator, 'program', quote)} = %s)"
    )
